import { Decimal } from '../money';
import type { Scenario } from '../scenario/schema';
import type { AllocationLine, RiPoolInput, SpPoolInput } from './allocation';
import { allocate, sharedTimeline } from './allocation';
import type { EstimateWarning, ScenarioEstimate } from './estimate-types';
import { describeInstance, describePlan, describeReserved, IMPORT_HINT } from './messages';
import type { PriceBook } from './price-book';
import type { UsageProfile } from './usage-profile';
import { usageProfileView } from './usage-profile';
import type { Ratio } from './ratio';
import { ONE } from './ratio';
import {
  PAYMENT_RANK,
  ZERO,
  warn,
  type LineState,
  type RiPool,
  type RiPurchase,
  type SpPool,
  type SpPurchase,
} from './estimate-state';
import { familyOrType, knownRegions, riPoolKey, scaleFor, setUpLine } from './line-setup';
import { priceLine } from './price-line';
import { sumTotals } from './estimate-totals';
export { PURCHASES_IN_THREE_YEARS, upfrontSchedule } from './estimate-totals';

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
