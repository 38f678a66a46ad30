import type { OfferingClass, PaymentOption, PlanType, TermYears } from '../catalog-types';
import { OS_NAMES } from '../catalog-scopes';
import { Decimal } from '../money';
import type { SizedLines } from '../capacity/line-sizing';
import { lineAccounts, poolScope } from '../pricing/accounts';
import { PAYMENT_RANK, UPFRONT_SHARE } from '../pricing/estimate-state';
import { familyOrType, riPoolKey } from '../pricing/line-setup';
import { priceKey, type InstancePrices, type PriceBook } from '../pricing/price-book';
import { OFFERING_CLASS_LABELS, PLAN_TYPE_LABELS, paymentWords } from '../pricing/purchase-options';
import { interruptionCost } from '../pricing/spot-interruption';
import { profileStats, type UsageProfile } from '../pricing/usage-profile';
import type { Scenario, ScenarioLine } from '../scenario/schema';
import { TERM_HOURS } from '../units';
import type { OptimizeConstraints } from './types';
import {
  type ModelLine,
  type PlanModel,
  type RiPoolInfo,
  type RiProduct,
  type SpProduct,
  type UsageClass,
} from './model-types';

/**
 * What the optimizer optimizes, read from the scenario and the price book by the estimate's own rules
 * (shared/pricing/line-setup.ts, commitment-pools.ts):
 * - usage classes: the lines of one type, region and OS (they are served alike by every commitment);
 * - RI pools: the estimate's riPoolKey (a Linux family in a region, size-flexible, in normalized units;
 *   otherwise one exact type), with each pool's classes in the order RIs serve them (smallest first);
 * - products: each allowed Reserved Instance variant per pool (bought as the pool's smallest type that
 *   has the variant's price) and each allowed Savings Plan variant per scope (EC2 Instance: a family in
 *   a region; Compute: every line), with their cost per month as the estimate amortizes it
 *   (recurring + upfront ÷ term months), their upfront, and for plans each class's rate;
 * - spot: each interruption-tolerant line's monthly cost on spot (spot rate plus the expected
 *   interruption cost it states), when spot is allowed and priced.
 */

const RI_VARIANTS = (['standard', 'convertible'] as const).flatMap((offeringClass) =>
  ([1, 3] as const).flatMap((termYears) =>
    (['no-upfront', 'partial-upfront', 'all-upfront'] as const).map((paymentOption) => ({
      offeringClass,
      termYears,
      paymentOption,
    })),
  ),
);
const SP_VARIANTS = (['ec2-instance', 'compute'] as const).flatMap((planType) =>
  ([1, 3] as const).flatMap((termYears) =>
    (['no-upfront', 'partial-upfront', 'all-upfront'] as const).map((paymentOption) => ({
      planType,
      termYears,
      paymentOption,
    })),
  ),
);

export function riVariantLabel(c: OfferingClass, t: TermYears, p: PaymentOption): string {
  return `${OFFERING_CLASS_LABELS[c]} RIs, ${t}-year, ${paymentWords(p)}`;
}

export function spVariantLabel(plan: PlanType, t: TermYears, p: PaymentOption): string {
  return `${PLAN_TYPE_LABELS[plan]} Savings Plan, ${t}-year, ${paymentWords(p)}`;
}

/** The estimate's savings of a plan rate against On-Demand (commitment-pools.ts orders by it). */
function savingsOf(rate: Decimal, od: Decimal): number {
  return od.isZero() ? -Infinity : 1 - rate.div(od).toNumber();
}

/** A line's monthly cost on spot, as the estimate prices it; null when it cannot be priced. */
function spotMonthlyOf(
  line: ScenarioLine,
  profile: UsageProfile,
  instanceHours: number,
  prices: InstancePrices,
  hpm: number,
) {
  if (prices.spot === null) return null;
  const spotRate = new Decimal(prices.spot.hourlyUsd);
  const hours = new Decimal(instanceHours);
  const spot = spotRate.times(hours).times(hpm).div(profile.periodHours);
  const interruption = line.purchase.model === 'spot' ? (line.purchase.interruption ?? null) : null;
  if (interruption === null) return spot;
  const band = prices.spotAdvisor;
  if (band === null) return null;
  const cost = interruptionCost({
    averageInstances: hours.div(profile.periodHours),
    upperBoundPct: band.upperBoundPct,
    interruption,
    spotRate,
    onDemandRate: prices.onDemandHourlyUsd === null ? null : new Decimal(prices.onDemandHourlyUsd),
  });
  return cost === null ? null : spot.plus(cost.monthlyUsd);
}

export function buildModel(
  scenario: Scenario,
  book: PriceBook,
  sized: SizedLines,
  constraints: OptimizeConstraints,
): PlanModel {
  const hpm = scenario.hoursPerMonth;
  const allow = new Set(constraints.allow);
  const notes: string[] = [];
  const classes: UsageClass[] = [];
  const classByKey = new Map<string, number>();
  const pools: RiPoolInfo[] = [];
  const poolByKey = new Map<string, number>();
  const accounts = lineAccounts(scenario);

  const lines: ModelLine[] = scenario.lines.map((line, index) => {
    const profile = sized.profiles[index] as UsageProfile;
    const found = book.instances[priceKey(line.region, line.os, line.instanceType, line.tenancy)];
    const prices = found && found.known ? found : null;
    const od = prices?.onDemandHourlyUsd ?? null;
    const hours = profileStats(profile).instanceHours;
    // A Dedicated Host line buys hosts, not instance commitments: it keeps its own purchase.
    if (prices === null || od === null || line.tenancy === 'host')
      return { index, line, profile, prices, cls: -1, spotMonthly: null, hours };
    // An account that does not share has pools of its own, as in the estimate (commitment-pools.ts).
    const scope = poolScope(accounts, index);
    const key = priceKey(line.region, line.os, line.instanceType, line.tenancy) + scope;
    let cls = classByKey.get(key);
    if (cls === undefined) {
      const rk = riPoolKey(line, prices);
      const poolKey = rk.key + scope;
      let pool = poolByKey.get(poolKey);
      if (pool === undefined) {
        pool = pools.length;
        poolByKey.set(poolKey, pool);
        const family = prices.family;
        const account = scope ? `, account ${scope.slice('|account:'.length)}` : '';
        pools.push({
          key: poolKey,
          flexible: rk.flexible,
          region: line.region,
          os: line.os,
          family,
          label: rk.flexible
            ? `${family} in ${line.region} (${OS_NAMES[line.os]}, size-flexible${account})`
            : `${line.instanceType} in ${line.region} (${OS_NAMES[line.os]}${account})`,
          classes: [],
          unitType: line.instanceType,
          unitFactor: rk.factor,
        });
      }
      cls = classes.length;
      classByKey.set(key, cls);
      classes.push({
        key,
        instanceType: line.instanceType,
        region: line.region,
        os: line.os,
        tenancy: line.tenancy,
        family: prices.family,
        familyOrType: familyOrType(line, prices),
        scope,
        pool,
        factor: rk.factor,
        od: Number(od),
        odDec: new Decimal(od),
        lines: [],
      });
      const p = pools[pool] as RiPoolInfo;
      p.classes.push(cls);
      if (rk.factor < p.unitFactor) {
        p.unitFactor = rk.factor;
        p.unitType = line.instanceType;
      }
    }
    (classes[cls] as UsageClass).lines.push(index);
    // A line holding a capacity reservation pays it at On-Demand even on spot: it stays off spot.
    const spotMonthly =
      allow.has('spot') && line.interruptionTolerant && !line.capacityReservation
        ? spotMonthlyOf(line, profile, hours, prices, hpm)
        : null;
    return { index, line, profile, prices, cls, spotMonthly, hours };
  });
  const firstLine = (c: number) => (classes[c] as UsageClass).lines[0] as number;
  for (const p of pools) {
    // Size flexibility applies from the smallest size up (apply_ri.html), as the estimate orders them.
    p.classes.sort(
      (a, b) =>
        (classes[a] as UsageClass).factor - (classes[b] as UsageClass).factor || firstLine(a) - firstLine(b),
    );
  }
  const pricesOf = (c: UsageClass) => lines[c.lines[0] as number]?.prices as InstancePrices;

  const ri: RiProduct[] = [];
  if (allow.has('ri')) {
    pools.forEach((pool, poolIndex) => {
      for (const v of RI_VARIANTS) {
        if (v.termYears > constraints.maxTermYears) continue;
        // Every type of the pool with this variant's price: RIs of any size cover the family, and AWS's
        // fees are not exactly proportional to size (4 × m5.large 3-year all upfront = 3,796, one
        // m5.2xlarge = 3,794), so a larger size may be cheaper per unit.
        for (const c of pool.classes) {
          const cl = classes[c] as UsageClass;
          const rate = pricesOf(cl).reserved.find(
            (r) =>
              r.offeringClass === v.offeringClass &&
              r.termYears === v.termYears &&
              r.paymentOption === v.paymentOption,
          );
          if (!rate) continue;
          const upfront = new Decimal(rate.upfrontUsd);
          ri.push({
            kind: 'ri',
            id: `ri|${pool.key}|${cl.instanceType}|${v.offeringClass}|${v.termYears}|${v.paymentOption}`,
            pool: poolIndex,
            instanceType: cl.instanceType,
            factor: cl.factor,
            ...v,
            rate,
            monthly: new Decimal(rate.hourlyUsd).times(hpm).plus(upfront.div(v.termYears * 12)),
            upfront,
            label: `${riVariantLabel(v.offeringClass, v.termYears, v.paymentOption)}, ${cl.instanceType} — ${pool.label}`,
          });
        }
      }
    });
  }

  const sp: SpProduct[] = [];
  if (allow.has('sp')) {
    const scopes = new Map<string, number[]>();
    classes.forEach((c, i) => {
      const k = `${c.region}|${c.familyOrType}${c.scope}`;
      scopes.set(k, [...(scopes.get(k) ?? []), i]);
    });
    // A Compute plan covers every line its account shares with: one group per account scope.
    const accountScopes = new Map<string, number[]>();
    classes.forEach((c, i) => accountScopes.set(c.scope, [...(accountScopes.get(c.scope) ?? []), i]));
    for (const v of SP_VARIANTS) {
      if (v.termYears > constraints.maxTermYears) continue;
      const groups = v.planType === 'compute' ? [...accountScopes.values()] : [...scopes.values()];
      for (const group of groups) {
        if (group.length === 0) continue;
        const rates = group.map((c) =>
          pricesOf(classes[c] as UsageClass).savingsPlans.find(
            (r) =>
              r.planType === v.planType && r.termYears === v.termYears && r.paymentOption === v.paymentOption,
          ),
        );
        const missing = rates.filter((r) => r === undefined).length;
        if (missing === rates.length) continue;
        const first = classes[group[0] as number] as UsageClass;
        const scope =
          v.planType === 'compute' ? '' : ` for ${first.family ?? first.instanceType} in ${first.region}`;
        const label = `${spVariantLabel(v.planType, v.termYears, v.paymentOption)}${scope}`;
        if (missing > 0) {
          // Buying it would leave usage it may cover without a rate: the estimate could not price it.
          notes.push(
            `${label} not considered: the catalog has its rate for ${rates.length - missing} of the ${rates.length} instance types it would cover.`,
          );
          continue;
        }
        const share = UPFRONT_SHARE[v.paymentOption];
        const order = group.map((c, i) => {
          const cl = classes[c] as UsageClass;
          const rateDec = new Decimal((rates[i] as { hourlyUsd: string }).hourlyUsd);
          return { c, rate: rateDec.toNumber(), rateDec, savings: savingsOf(rateDec, cl.odDec) };
        });
        // Highest savings first, then the lower rate, then line order (commitment-pools.ts).
        order.sort(
          (a, b) =>
            b.savings - a.savings || a.rateDec.comparedTo(b.rateDec) || firstLine(a.c) - firstLine(b.c),
        );
        const best = order[0] as (typeof order)[number];
        sp.push({
          kind: 'sp',
          id: `sp|${v.planType}|${v.planType === 'compute' ? '*' : `${first.region}|${first.familyOrType}`}|${v.termYears}|${v.paymentOption}${first.scope}`,
          ...v,
          region: v.planType === 'compute' ? null : first.region,
          familyOrType: v.planType === 'compute' ? null : first.familyOrType,
          scope: first.scope,
          classes: order.map((o) => o.c),
          rates: order.map((o) => o.rate),
          monthlyPerUsdHour: new Decimal(hpm)
            .times(new Decimal(1).minus(share))
            .plus(new Decimal(TERM_HOURS[v.termYears]).times(share).div(v.termYears * 12)),
          upfrontPerUsdHour: new Decimal(TERM_HOURS[v.termYears]).times(share),
          savings: best.savings,
          holderClass: best.c,
          label,
        });
      }
    }
  }
  const capped = constraints.maxUpfrontUsd !== null;
  return {
    hoursPerMonth: hpm,
    lines,
    classes,
    pools,
    ri: pruneRi(ri, capped, notes),
    sp: orderPlans(pruneSp(sp, capped)),
    notes,
    hoursCache: new Map(),
  };
}

/**
 * Products that can never be part of a cheapest plan are dropped: in a pool, all RIs cover the same
 * units, so an RI is dominated by one at most as dear per unit whose size divides its own (that one
 * buys the same units, no dearer) — and under an upfront cap, with no more upfront per unit either.
 */
function pruneRi(products: RiProduct[], capped: boolean, notes: string[]): RiProduct[] {
  const perUnit = (p: RiProduct) => ({ m: p.monthly.div(p.factor), u: p.upfront.div(p.factor) });
  const kept = products.filter((p) => {
    const a = perUnit(p);
    return !products.some((q) => {
      if (q === p || q.pool !== p.pool || (p.factor / q.factor) % 1 !== 0) return false;
      const b = perUnit(q);
      if (b.m.gt(a.m) || (capped && b.u.gt(a.u))) return false;
      // Equal on both counts: keep one (the first by id).
      return b.m.lt(a.m) || (capped && b.u.lt(a.u)) || (!capped && b.u.lt(a.u)) || q.id < p.id;
    });
  });
  const dropped = products.length - kept.length;
  if (dropped > 0)
    notes.push(
      `${dropped} Reserved Instance variant(s) left out: another variant of the same pool costs less per unit${capped ? ' with no more upfront' : ''}.`,
    );
  return kept;
}

/** The same for Savings Plans of one scope, class by class (each usage's cost per hour covered). */
function pruneSp(products: SpProduct[], capped: boolean): SpProduct[] {
  const scope = (p: SpProduct) => `${p.planType}|${p.region}|${p.familyOrType}${p.scope}`;
  const cost = (p: SpProduct, i: number) => p.monthlyPerUsdHour.times(p.rates[i] as number).toNumber();
  const up = (p: SpProduct, i: number) => p.upfrontPerUsdHour.times(p.rates[i] as number).toNumber();
  const rateOf = (p: SpProduct) => new Map(p.classes.map((c, i) => [c, i]));
  return products.filter((p) => {
    const pi = rateOf(p);
    return !products.some((q) => {
      if (q === p || scope(q) !== scope(p)) return false;
      const qi = rateOf(q);
      let strictly = false;
      for (const [c, i] of pi) {
        const j = qi.get(c) as number;
        const a = cost(p, i);
        const b = cost(q, j);
        if (b > a || (capped && up(q, j) > up(p, i))) return false;
        if (b < a) strictly = true;
      }
      return strictly || q.id < p.id;
    });
  });
}

/** Plans in the order the estimate applies them: EC2 Instance first, best savings, longer term, more upfront. */
function orderPlans(products: SpProduct[]): SpProduct[] {
  return [...products].sort(
    (a, b) =>
      (a.planType === b.planType ? 0 : a.planType === 'ec2-instance' ? -1 : 1) ||
      b.savings - a.savings ||
      b.termYears - a.termYears ||
      PAYMENT_RANK[a.paymentOption] - PAYMENT_RANK[b.paymentOption] ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
