import type { PaymentOption, PurchaseModel, TermYears } from '../catalog-types';
import { Decimal, toUsdString, usdOrNull } from '../money';
import type { Scenario, ScenarioLine } from '../scenario/schema';
import { TERM_HOURS } from '../units';
import type { AllocationLine, RiPoolInput, SpPoolInput } from './allocation';
import { allocate, sharedTimeline } from './allocation';
import type {
  CommitmentEstimate,
  EstimateTotals,
  EstimateWarning,
  LineEstimate,
  ScenarioEstimate,
} from './estimate-types';
import { describeInstance, describePlan, describeReserved, IMPORT_HINT } from './messages';
import type { InstancePrices, PriceBook, RiRate } from './price-book';
import { priceKey } from './price-book';
import type { UsageProfile } from './usage-profile';
import { profileStats, usageProfileView } from './usage-profile';
import type { Ratio } from './ratio';
import { of, ONE, ratio, ratioValue } from './ratio';
import { lineVolumesCost } from './volume-cost';

/**
 * Prices a scenario: every line's compute (on-demand, Reserved Instances, Savings Plans, spot) hour
 * by hour over its usage profile, plus its EBS volumes and snapshots.
 *
 * AWS rules followed (cited once here):
 * - A month is `scenario.hoursPerMonth` hours, 730 by default, as the AWS Pricing Calculator assumes
 *   (aws.amazon.com/calculator/calculator-assumptions); a profile's hours are scaled to a month by
 *   hoursPerMonth / periodHours.
 * - Reserved Instances are paid every hour of the term, used or not; upfront once per term
 *   (docs.aws.amazon.com/AWSEC2/latest/UserGuide/reserved-instances-types.html). Regional Linux RIs
 *   of shared tenancy are size-flexible: a family's RIs in a region form one pool of normalized units
 *   that covers any size of the family, smallest size first; other RIs cover their exact type
 *   (docs.aws.amazon.com/AWSEC2/latest/UserGuide/apply_ri.html).
 * - Savings Plans: an hourly USD commitment, paid every hour, pays for eligible usage at the plan's
 *   rates until used up; the rest is On-Demand. RIs apply first, then EC2 Instance SPs (one family in
 *   one region), then Compute SPs (any line); within each, the usage with the highest savings
 *   percentage first (docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html).
 *   Payment: all upfront = the whole term's commitment at purchase; partial upfront = half of it at
 *   purchase and half monthly; no upfront = monthly.
 * - Spot usage is not covered by RIs or Savings Plans; its price is an observation, never a guarantee.
 *
 * Modelling choices: commitments sit on the line that buys them (their upfront, fees and any unused
 * part), whichever line's usage they cover; usage is covered on the line that runs it. A commitment
 * without a count or amount is sized to the line's steady usage (its minimum hourly count).
 */
export function estimateScenario(scenario: Scenario, book: PriceBook): ScenarioEstimate {
  return estimateWithProfiles(
    scenario,
    book,
    scenario.lines.map((l) => usageProfileView(l.usage)),
  );
}

const ZERO = new Decimal(0);

const UPFRONT_SHARE: Record<PaymentOption, Decimal> = {
  'no-upfront': new Decimal(0),
  'partial-upfront': new Decimal('0.5'),
  'all-upfront': new Decimal(1),
};
const PAYMENT_RANK: Record<PaymentOption, number> = {
  'all-upfront': 0,
  'partial-upfront': 1,
  'no-upfront': 2,
};
const MAX_SCALE_DECIMALS = 12;

interface RiPurchase {
  rate: RiRate | null;
  count: number;
  pool: number;
}

interface SpPurchase {
  termYears: TermYears;
  paymentOption: PaymentOption;
  rate: Decimal | null;
  commitment: Decimal | null;
  pool: number;
}

interface LineState {
  line: ScenarioLine;
  index: number;
  profile: UsageProfile;
  prices: InstancePrices | null;
  model: PurchaseModel;
  onDemandRate: Decimal | null;
  spotRate: Decimal | null;
  periodInstanceHours: number;
  peak: number;
  min: number;
  /** Index in the allocation when some commitment may cover this line's usage, else -1. */
  allocationIndex: number;
  ri: RiPurchase | null;
  sp: SpPurchase | null;
  /** Compute money cannot be known (a Savings Plan purchase without its rate). */
  computeUnknown: boolean;
  complete: boolean;
  warnings: EstimateWarning[];
  /** Timeline instance-hours covered: RI (instance-hours), SP (instance-hours). */
  riCoveredHours: Decimal;
  spCoveredHours: Decimal;
}

interface RiPool {
  key: string;
  flexible: boolean;
  units: number;
  consumers: { line: number; factor: number }[];
  purchasers: number[];
}

interface SpPool {
  key: string;
  planType: 'compute' | 'ec2-instance';
  termYears: TermYears;
  paymentOption: PaymentOption;
  region: string;
  familyOrType: string;
  commitment: Decimal;
  consumers: { line: number; rate: Decimal }[];
  purchasers: number[];
  savings: number;
}

function warn(state: LineState, code: EstimateWarning['code'], message: string, incomplete: boolean): void {
  state.warnings.push({ code, message, lineId: state.line.id });
  if (incomplete) state.complete = false;
}

function riPoolKey(
  line: ScenarioLine,
  prices: InstancePrices | null,
): { key: string; flexible: boolean; factor: number } {
  if (line.os === 'linux' && prices?.family && prices.normalizationFactor) {
    return {
      key: `flex|${line.region}|${prices.family}`,
      flexible: true,
      factor: prices.normalizationFactor,
    };
  }
  return { key: `exact|${line.region}|${line.os}|${line.instanceType}`, flexible: false, factor: 1 };
}

function familyOrType(line: ScenarioLine, prices: InstancePrices | null): string {
  return prices?.family ?? `type:${line.instanceType}`;
}

function scaleFor(values: readonly Decimal[]): number {
  let dp = 0;
  for (const v of values) dp = Math.max(dp, v.decimalPlaces());
  return 10 ** Math.min(dp, MAX_SCALE_DECIMALS);
}

function knownRegions(book: PriceBook): Set<string> {
  const regions = new Set<string>(Object.keys(book.ebs));
  for (const p of Object.values(book.instances)) if (p.known) regions.add(p.region);
  return regions;
}

function setUpLine(
  line: ScenarioLine,
  index: number,
  profile: UsageProfile,
  book: PriceBook,
  regions: Set<string>,
): LineState {
  const prices = book.instances[priceKey(line.region, line.os, line.instanceType)] ?? null;
  const known = prices !== null && prices.known;
  const stats = profileStats(profile);
  const state: LineState = {
    line,
    index,
    profile,
    prices: known ? prices : null,
    model: line.purchase.model,
    onDemandRate: known ? usdOrNull(prices.onDemandHourlyUsd) : null,
    spotRate: null,
    periodInstanceHours: stats.instanceHours,
    peak: stats.peak,
    min: stats.min,
    allocationIndex: -1,
    ri: null,
    sp: null,
    computeUnknown: false,
    complete: true,
    warnings: [],
    riCoveredHours: ZERO,
    spCoveredHours: ZERO,
  };
  const what = describeInstance(line);
  if (!known) {
    if (!regions.has(line.region)) {
      warn(
        state,
        'unknown-region',
        `region ${line.region} is not in the catalog: line ${line.id} (${what}) is not priced — ${IMPORT_HINT}`,
        true,
      );
    } else {
      warn(
        state,
        'unknown-instance',
        `${what} is not in the catalog: the compute of line ${line.id} is not priced — ${IMPORT_HINT}`,
        true,
      );
    }
  } else if (state.onDemandRate === null) {
    warn(state, 'missing-price', `no on-demand price for ${what} — ${IMPORT_HINT}`, true);
  }

  if (state.model === 'spot') {
    if (!line.interruptionTolerant) {
      warn(
        state,
        'spot-not-tolerant',
        `line ${line.id} is not marked interruption-tolerant, so it is priced on-demand: spot instances can be reclaimed with a 2-minute notice`,
        false,
      );
      state.model = 'on-demand';
    } else if (known) {
      const spot = prices.spot;
      if (spot === null) {
        warn(state, 'missing-price', `no spot price for ${what} — ${IMPORT_HINT}`, true);
      } else {
        state.spotRate = new Decimal(spot.hourlyUsd);
        warn(
          state,
          'spot-caveat',
          `spot price for ${what} is an observation of $${spot.hourlyUsd}/h on ${spot.asOf} (interruption band ${spot.interruptionBand ?? 'n/a'}), never a guaranteed price`,
          false,
        );
      }
    }
  }
  return state;
}

/** Everything needed to run and price an estimate; the profiles may be shared between strategies. */
export function estimateWithProfiles(
  scenario: Scenario,
  book: PriceBook,
  profiles: readonly UsageProfile[],
): ScenarioEstimate {
  const hoursPerMonth = scenario.hoursPerMonth;
  const regions = knownRegions(book);
  const states = scenario.lines.map((line, i) =>
    setUpLine(line, i, profiles[i] as UsageProfile, book, regions),
  );
  const scenarioWarnings: EstimateWarning[] = [];

  // Commitment pools.
  const riPools = new Map<string, RiPool>();
  const spPools = new Map<string, SpPool>();
  for (const s of states) {
    const p = s.line.purchase;
    const what = describeInstance(s.line);
    if (p.model === 'reserved') {
      const rate =
        s.prices?.reserved.find(
          (r) =>
            r.termYears === p.termYears &&
            r.paymentOption === p.paymentOption &&
            r.offeringClass === p.offeringClass,
        ) ?? null;
      const count = p.count ?? s.min;
      // Buying no RIs needs no price: a missing rate only matters when some are bought.
      if (rate === null && s.prices !== null && count > 0) {
        warn(
          s,
          'missing-price',
          `no ${describeReserved(p.offeringClass, p.termYears, p.paymentOption)} price for ${what} — ${IMPORT_HINT}`,
          true,
        );
      }
      const { key, flexible, factor } = riPoolKey(s.line, s.prices);
      let pool = riPools.get(key);
      if (!pool) {
        pool = { key, flexible, units: 0, consumers: [], purchasers: [] };
        riPools.set(key, pool);
      }
      pool.units += count * factor;
      pool.purchasers.push(s.index);
      s.ri = { rate, count, pool: -1 };
    } else if (p.model === 'savings-plan') {
      const spRate = s.prices?.savingsPlans.find(
        (r) =>
          r.planType === p.planType && r.termYears === p.termYears && r.paymentOption === p.paymentOption,
      );
      const rate = spRate ? new Decimal(spRate.hourlyUsd) : null;
      const commitment =
        p.commitmentHourlyUsd !== undefined
          ? new Decimal(p.commitmentHourlyUsd)
          : rate
            ? rate.times(s.min)
            : null;
      if (rate === null && p.commitmentHourlyUsd === undefined && s.min === 0) {
        // Steady usage of 0 commits nothing: no plan is bought, so its rate is not needed.
        s.sp = { termYears: p.termYears, paymentOption: p.paymentOption, rate, commitment: ZERO, pool: -1 };
        continue;
      }
      s.sp = { termYears: p.termYears, paymentOption: p.paymentOption, rate, commitment, pool: -1 };
      if (rate === null) {
        s.computeUnknown = true;
        if (s.prices !== null) {
          warn(
            s,
            'missing-price',
            `no Savings Plans rate for ${what}: ${describePlan(p.planType, p.termYears, p.paymentOption)} — ${IMPORT_HINT}`,
            true,
          );
        }
        continue;
      }
      const fot = familyOrType(s.line, s.prices);
      const key =
        p.planType === 'compute'
          ? `compute|${p.termYears}|${p.paymentOption}`
          : `ec2-instance|${s.line.region}|${fot}|${p.termYears}|${p.paymentOption}`;
      let pool = spPools.get(key);
      if (!pool) {
        pool = {
          key,
          planType: p.planType,
          termYears: p.termYears,
          paymentOption: p.paymentOption,
          region: s.line.region,
          familyOrType: fot,
          commitment: ZERO,
          consumers: [],
          purchasers: [],
          savings: -Infinity,
        };
        spPools.set(key, pool);
      }
      pool.commitment = pool.commitment.plus(commitment ?? ZERO);
      pool.purchasers.push(s.index);
      if (s.onDemandRate !== null && !s.onDemandRate.isZero()) {
        pool.savings = Math.max(pool.savings, 1 - rate.div(s.onDemandRate).toNumber());
      }
    }
  }

  // Who each pool can cover: usage that is not on spot.
  for (const s of states) {
    if (s.model === 'spot') continue;
    const ri = riPools.get(riPoolKey(s.line, s.prices).key);
    if (ri) ri.consumers.push({ line: s.index, factor: riPoolKey(s.line, s.prices).factor });
    for (const pool of spPools.values()) {
      if (pool.planType === 'ec2-instance') {
        if (pool.region !== s.line.region || pool.familyOrType !== familyOrType(s.line, s.prices)) continue;
      }
      if (s.computeUnknown) continue;
      const rate = s.prices?.savingsPlans.find(
        (r) =>
          r.planType === pool.planType &&
          r.termYears === pool.termYears &&
          r.paymentOption === pool.paymentOption,
      );
      if (rate === undefined) {
        if (s.prices !== null) {
          warn(
            s,
            'sp-rate-missing-for-eligible-usage',
            `no Savings Plans rate for ${describeInstance(s.line)}: ${describePlan(pool.planType, pool.termYears, pool.paymentOption)} — its usage is priced on-demand, although the plan may cover it — ${IMPORT_HINT}`,
            true,
          );
        }
        continue;
      }
      pool.consumers.push({ line: s.index, rate: new Decimal(rate.hourlyUsd) });
    }
  }

  const riList = [...riPools.values()];
  for (const pool of riList) {
    // Size flexibility applies from the smallest size to the largest (apply_ri.html).
    pool.consumers.sort((a, b) => a.factor - b.factor || a.line - b.line);
  }
  const savingsOf = (line: number, rate: Decimal): number => {
    const od = (states[line] as LineState).onDemandRate;
    return od === null || od.isZero() ? -Infinity : 1 - rate.div(od).toNumber();
  };
  const spList = [...spPools.values()].sort(
    (a, b) =>
      (a.planType === b.planType ? 0 : a.planType === 'ec2-instance' ? -1 : 1) ||
      b.savings - a.savings ||
      b.termYears - a.termYears ||
      PAYMENT_RANK[a.paymentOption] - PAYMENT_RANK[b.paymentOption],
  );
  for (const pool of spList) {
    const savings = new Map(pool.consumers.map((c) => [c.line, savingsOf(c.line, c.rate)]));
    pool.consumers.sort(
      (a, b) =>
        (savings.get(b.line) as number) - (savings.get(a.line) as number) ||
        a.rate.comparedTo(b.rate) ||
        a.line - b.line,
    );
  }

  // The allocation covers only lines some pool can reach.
  const allocationLines: AllocationLine[] = [];
  const pooledStates: LineState[] = [];
  const enlist = (line: number): number => {
    const s = states[line] as LineState;
    if (s.allocationIndex < 0) {
      s.allocationIndex = allocationLines.length;
      allocationLines.push({ counts: s.profile.counts, periodHours: s.profile.periodHours });
      pooledStates.push(s);
    }
    return s.allocationIndex;
  };
  const riInputs: RiPoolInput[] = riList.map((pool) => ({
    units: pool.units,
    consumers: pool.consumers.map((c) => ({ line: enlist(c.line), factor: c.factor })),
  }));
  const spScales = spList.map((pool) => scaleFor([pool.commitment, ...pool.consumers.map((c) => c.rate)]));
  const spInputs: SpPoolInput[] = spList.map((pool, i) => ({
    commitmentScaled: pool.commitment.times(spScales[i] as number).toNumber(),
    consumers: pool.consumers.map((c) => ({
      line: enlist(c.line),
      rateScaled: c.rate.times(spScales[i] as number).toNumber(),
    })),
  }));
  riList.forEach((pool, i) =>
    pool.purchasers.forEach((p) => (((states[p] as LineState).ri as RiPurchase).pool = i)),
  );
  spList.forEach((pool, i) =>
    pool.purchasers.forEach((p) => (((states[p] as LineState).sp as SpPurchase).pool = i)),
  );

  const timeline = sharedTimeline(pooledStates.map((s) => s.profile.periodHours));
  if (!timeline.exact) {
    scenarioWarnings.push({
      code: 'timeline-approximation',
      message: `usage series of different lengths share commitments hour by hour; the shorter ones are repeated over ${timeline.hours} hours, so their covered hours are approximate`,
      lineId: null,
    });
  }
  const result = allocate(allocationLines, riInputs, spInputs, timeline.hours);
  const timelineToMonth: Ratio = { num: new Decimal(hoursPerMonth), den: new Decimal(timeline.hours) };

  riList.forEach((pool, i) => {
    const r = result.ri[i];
    if (!r) return;
    pool.consumers.forEach((c, k) => {
      const s = states[c.line] as LineState;
      s.riCoveredHours = s.riCoveredHours.plus(new Decimal(r.coveredUnits[k] as number).div(c.factor));
    });
  });
  spList.forEach((pool, i) => {
    const r = result.sp[i];
    if (!r) return;
    const scale = spScales[i] as number;
    pool.consumers.forEach((c, k) => {
      const s = states[c.line] as LineState;
      const coveredUsd = new Decimal(r.coveredScaled[k] as number).div(scale);
      s.spCoveredHours = s.spCoveredHours.plus(coveredUsd.div(c.rate));
    });
  });

  const utilization = (used: number, capacityPerHour: number): Ratio =>
    capacityPerHour === 0
      ? ONE
      : { num: new Decimal(used), den: new Decimal(capacityPerHour).times(timeline.hours) };
  const riUtilization = riList.map((pool, i) => utilization(result.ri[i]?.usedUnits ?? 0, pool.units));
  const spUtilization = spList.map((pool, i) =>
    utilization(result.sp[i]?.usedScaled ?? 0, pool.commitment.times(spScales[i] as number).toNumber()),
  );

  const lines = states.map((s) =>
    priceLine(s, {
      hoursPerMonth,
      timelineToMonth,
      timelineUsageHours: s.allocationIndex >= 0 ? (result.usageHours[s.allocationIndex] as number) : 0,
      riUtilization: s.ri && s.ri.pool >= 0 ? (riUtilization[s.ri.pool] as Ratio) : null,
      spUtilization: s.sp && s.sp.pool >= 0 ? (spUtilization[s.sp.pool] as Ratio) : null,
      book,
    }),
  );
  const totals = sumTotals(lines);
  return {
    name: scenario.name,
    hoursPerMonth,
    lines: lines.map((l) => l.estimate),
    totals,
    warnings: [...scenarioWarnings, ...lines.flatMap((l) => l.estimate.warnings)],
    catalogAsOf: book.catalogAsOf,
  };
}

interface PricedLine {
  estimate: LineEstimate;
  termYears: TermYears | null;
  known: { monthly: Decimal; upfront: Decimal; amortized: Decimal };
}

function sumKnown(values: readonly (Decimal | null)[]): Decimal {
  return values.reduce<Decimal>((sum, v) => (v === null ? sum : sum.plus(v)), ZERO);
}

function sumOrNull(values: readonly (Decimal | null)[]): Decimal | null {
  return values.some((v) => v === null) ? null : sumKnown(values);
}

const str = (v: Decimal | null): string | null => (v === null ? null : toUsdString(v));

function priceLine(
  s: LineState,
  ctx: {
    hoursPerMonth: number;
    timelineToMonth: Ratio;
    timelineUsageHours: number;
    riUtilization: Ratio | null;
    spUtilization: Ratio | null;
    book: PriceBook;
  },
): PricedLine {
  const { line } = s;
  const hoursPerMonth = new Decimal(ctx.hoursPerMonth);
  // Instance-hours are kept over their own period (the profile's, or the shared timeline when
  // commitments were applied) with the ratio that turns them into a month, so that money is multiplied
  // before it is divided: rate × instance-hours × hoursPerMonth / periodHours.
  const ownToMonth: Ratio = { num: hoursPerMonth, den: new Decimal(s.profile.periodHours) };
  const usageHours = new Decimal(s.periodInstanceHours);
  const monthHours = of(usageHours, ownToMonth);

  let reservedHours = ZERO;
  let savingsPlanHours = ZERO;
  let onDemand = { hours: s.model === 'spot' ? ZERO : usageHours, toMonth: ownToMonth };
  if (s.model !== 'spot' && s.allocationIndex >= 0) {
    reservedHours = of(s.riCoveredHours, ctx.timelineToMonth);
    savingsPlanHours = of(s.spCoveredHours, ctx.timelineToMonth);
    const left = new Decimal(ctx.timelineUsageHours).minus(s.riCoveredHours).minus(s.spCoveredHours);
    onDemand = { hours: Decimal.max(left, ZERO), toMonth: ctx.timelineToMonth };
  }
  const onDemandHours = of(onDemand.hours, onDemand.toMonth);
  const spotHours = s.model === 'spot' ? monthHours : ZERO;

  const onDemandUsd = s.computeUnknown
    ? null
    : onDemand.hours.isZero()
      ? ZERO
      : s.onDemandRate === null
        ? null
        : of(s.onDemandRate.times(onDemand.hours), onDemand.toMonth);
  const spotUsd =
    s.model !== 'spot' ? ZERO : s.spotRate === null ? null : of(s.spotRate.times(usageHours), ownToMonth);

  let commitment: CommitmentEstimate | null = null;
  let recurring: Decimal | null = ZERO;
  let upfront: Decimal | null = ZERO;
  let reservedUsd: Decimal | null = ZERO;
  let savingsPlanUsd: Decimal | null = ZERO;
  let unusedUsd: Decimal | null = ZERO;
  let termYears: TermYears | null = null;
  const what = describeInstance(line);

  if (s.ri && line.purchase.model === 'reserved') {
    termYears = line.purchase.termYears;
    const used = ctx.riUtilization ?? ONE;
    if (s.ri.rate === null && s.ri.count > 0) {
      recurring = upfront = reservedUsd = unusedUsd = null;
    } else if (s.ri.rate !== null) {
      recurring = new Decimal(s.ri.rate.hourlyUsd).times(s.ri.count).times(hoursPerMonth);
      upfront = new Decimal(s.ri.rate.upfrontUsd).times(s.ri.count);
      const amortized = recurring.plus(upfront.div(termYears * 12));
      reservedUsd = of(amortized, used);
      unusedUsd = amortized.minus(reservedUsd);
    }
    commitment = {
      model: 'reserved',
      termYears,
      count: s.ri.count,
      commitmentHourlyUsd: null,
      upfrontUsd: str(upfront),
      recurringMonthlyUsd: str(recurring),
      utilizationPct: s.ri.count === 0 ? null : ratioValue(used).times(100).toFixed(1),
    };
    if (s.ri.count > 0 && ratioValue(used).lt(1)) {
      s.warnings.push({
        code: 'unused-commitment',
        message: `${new Decimal(1).minus(ratioValue(used)).times(100).toFixed(1)}% of the RI hours bought on line ${line.id} (${s.ri.count} × ${what}) cover no usage${unusedUsd === null ? '' : ` ($${toUsdString(unusedUsd.toDecimalPlaces(2))}/month amortized)`}: they are paid all the same`,
        lineId: line.id,
      });
    }
  } else if (s.sp && line.purchase.model === 'savings-plan') {
    termYears = s.sp.termYears;
    const used = ctx.spUtilization ?? ONE;
    if (s.sp.commitment === null || (s.sp.rate === null && !s.sp.commitment.isZero())) {
      recurring = upfront = savingsPlanUsd = unusedUsd = null;
    } else {
      const share = UPFRONT_SHARE[s.sp.paymentOption];
      recurring = s.sp.commitment.times(hoursPerMonth).times(new Decimal(1).minus(share));
      upfront = s.sp.commitment.times(TERM_HOURS[termYears]).times(share);
      const amortized = recurring.plus(upfront.div(termYears * 12));
      savingsPlanUsd = of(amortized, used);
      unusedUsd = amortized.minus(savingsPlanUsd);
      if (!s.sp.commitment.isZero() && ratioValue(used).lt(1)) {
        s.warnings.push({
          code: 'unused-commitment',
          message: `${new Decimal(1).minus(ratioValue(used)).times(100).toFixed(1)}% of the $${toUsdString(s.sp.commitment)}/h Savings Plan bought on line ${line.id} covers no usage ($${toUsdString(unusedUsd.toDecimalPlaces(2))}/month amortized): it is paid all the same`,
          lineId: line.id,
        });
      }
    }
    commitment = {
      model: 'savings-plan',
      termYears,
      count: null,
      commitmentHourlyUsd: str(s.sp.commitment),
      upfrontUsd: str(upfront),
      recurringMonthlyUsd: str(recurring),
      utilizationPct:
        s.sp.commitment === null || s.sp.commitment.isZero() ? null : ratioValue(used).times(100).toFixed(1),
    };
  }

  // EBS: volumes billed all month for the peak count, or for the average running instances.
  const instancesBilled =
    line.volumeLifetime === 'instance'
      ? ratio(s.peak, 1)
      : ratio(s.periodInstanceHours, s.profile.periodHours);
  const ebs = lineVolumesCost(
    line.id,
    s.index,
    line.region,
    line.volumes,
    instancesBilled,
    ctx.book.ebs[line.region],
  );
  s.warnings.push(...ebs.warnings);

  const computeMonthly = sumOrNull([onDemandUsd, spotUsd, recurring]);
  const computeAmortized = sumOrNull([onDemandUsd, spotUsd, reservedUsd, savingsPlanUsd, unusedUsd]);
  const monthly = sumOrNull([computeMonthly, ebs.storageMonthlyUsd, ebs.snapshotMonthlyUsd]);
  const amortized = sumOrNull([computeAmortized, ebs.storageMonthlyUsd, ebs.snapshotMonthlyUsd]);
  const complete = s.complete && monthly !== null && amortized !== null && upfront !== null;

  const estimate: LineEstimate = {
    id: line.id,
    instanceType: line.instanceType,
    region: line.region,
    os: line.os,
    model: s.model,
    instanceHours: monthHours.toNumber(),
    peakCount: s.peak,
    minCount: s.min,
    computeMonthlyUsd: str(computeMonthly),
    computeAmortizedMonthlyUsd: str(computeAmortized),
    storageMonthlyUsd: str(ebs.storageMonthlyUsd),
    snapshotMonthlyUsd: str(ebs.snapshotMonthlyUsd),
    upfrontUsd: str(upfront),
    monthlyUsd: str(monthly),
    amortizedMonthlyUsd: str(amortized),
    compute: {
      onDemandUsd: str(onDemandUsd),
      reservedUsd: str(reservedUsd),
      savingsPlanUsd: str(savingsPlanUsd),
      spotUsd: str(spotUsd),
      unusedCommitmentUsd: str(unusedUsd),
    },
    coverage: {
      onDemandHours: onDemandHours.toNumber(),
      reservedHours: reservedHours.toNumber(),
      savingsPlanHours: savingsPlanHours.toNumber(),
      spotHours: spotHours.toNumber(),
    },
    commitment,
    volumes: ebs.volumes,
    complete,
    warnings: s.warnings,
  };
  return {
    estimate,
    termYears,
    known: {
      monthly: sumKnown([onDemandUsd, spotUsd, recurring, ebs.storageMonthlyUsd, ebs.snapshotMonthlyUsd]),
      upfront: sumKnown([upfront]),
      amortized: sumKnown([
        onDemandUsd,
        spotUsd,
        reservedUsd,
        savingsPlanUsd,
        unusedUsd,
        ebs.storageMonthlyUsd,
        ebs.snapshotMonthlyUsd,
      ]),
    },
  };
}

/** Renewals over three years: a 1-year commitment's upfront is paid 3 times, a 3-year one's once. */
export const PURCHASES_IN_THREE_YEARS: Record<TermYears, number> = { 1: 3, 3: 1 };

function sumTotals(lines: readonly PricedLine[]): EstimateTotals {
  let monthly = ZERO;
  let upfront = ZERO;
  let upfrontThreeYears = ZERO;
  let amortized = ZERO;
  for (const l of lines) {
    monthly = monthly.plus(l.known.monthly);
    upfront = upfront.plus(l.known.upfront);
    amortized = amortized.plus(l.known.amortized);
    upfrontThreeYears = upfrontThreeYears.plus(
      l.known.upfront.times(l.termYears ? PURCHASES_IN_THREE_YEARS[l.termYears] : 1),
    );
  }
  const incompleteLineIds = lines.filter((l) => !l.estimate.complete).map((l) => l.estimate.id);
  return {
    monthlyUsd: toUsdString(monthly),
    upfrontUsd: toUsdString(upfront),
    amortizedMonthlyUsd: toUsdString(amortized),
    oneYearUsd: toUsdString(upfront.plus(monthly.times(12))),
    threeYearUsd: toUsdString(upfrontThreeYears.plus(monthly.times(36))),
    complete: incompleteLineIds.length === 0,
    incompleteLineIds,
  };
}

/** Upfront paid at each month 0..36 by the scenario's commitments (renewals of 1-year terms at 12 and 24). */
export function upfrontSchedule(estimate: ScenarioEstimate): Decimal[] {
  const schedule = Array.from({ length: 37 }, () => ZERO);
  for (const line of estimate.lines) {
    if (line.upfrontUsd === null || line.commitment === null) continue;
    const up = new Decimal(line.upfrontUsd);
    const months = line.commitment.termYears === 1 ? [0, 12, 24] : [0];
    for (const m of months) schedule[m] = (schedule[m] as Decimal).plus(up);
  }
  return schedule;
}
