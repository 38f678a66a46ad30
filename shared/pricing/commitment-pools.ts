import { Decimal } from '../money';
import { describeInstance, describePlan, describeReserved, IMPORT_HINT } from './messages';
import { PAYMENT_RANK, ZERO, warn, type LineState, type RiPool, type SpPool } from './estimate-state';
import { familyOrType, riPoolKey } from './line-setup';
import { ownRank, poolScope, type LineAccounts } from './accounts';
import { reservedFamily, type MissingPriceFamily, type MissingPriceTag } from './missing-prices';
import {
  OFFERING_CLASS_LABELS,
  purchaseFields,
  purchaseOptionOf,
  type PurchaseOptionFields,
} from './purchase-options';

/**
 * Pool building, the first stage of an estimate after line setup: each line's RI or Savings Plan
 * purchase joins the pool it shares commitments in, each pool learns whose usage it can cover, and
 * pools and their consumers are put in the order AWS applies them.
 */
export interface CommitmentPools {
  riList: RiPool[];
  spList: SpPool[];
  /** Each line's account scope (accounts.ts: poolScope), when the scenario names accounts. */
  lineScopes?: string[];
}

/** A missing commitment price's tag: the line's scope and the option as the list of ways to buy says it. */
function missingTag(s: LineState, family: MissingPriceFamily, fields: PurchaseOptionFields): MissingPriceTag {
  return {
    family,
    region: s.line.region,
    os: s.line.os,
    option: purchaseOptionOf(fields)?.label ?? null,
  };
}

/**
 * `accounts`: the lines' accounts (accounts.ts: an account with sharing off gets pools of its own, and
 * a pool serves its buying accounts' lines first); null when the scenario names none.
 */
export function buildPools(states: LineState[], accounts: LineAccounts | null = null): CommitmentPools {
  const riPools = new Map<string, RiPool>();
  const spPools = new Map<string, SpPool>();
  for (const s of states) {
    const scope = poolScope(accounts, s.index);
    if (s.line.purchase.model === 'reserved') buyReserved(s, riPools, scope);
    else if (s.line.purchase.model === 'savings-plan') buySavingsPlan(s, spPools, scope);
  }
  addConsumers(states, riPools, spPools, accounts);
  const pools = orderPools(states, riPools, spPools, accounts);
  if (accounts) pools.lineScopes = states.map((s) => poolScope(accounts, s.index));
  return pools;
}

function buyReserved(s: LineState, riPools: Map<string, RiPool>, scope: string): void {
  const p = s.line.purchase;
  if (p.model !== 'reserved') return;
  const rate =
    s.prices?.reserved.find(
      (r) =>
        r.termYears === p.termYears &&
        r.paymentOption === p.paymentOption &&
        r.offeringClass === p.offeringClass,
    ) ?? null;
  // RIs are bought whole: steady usage below a whole instance (a jobs line's fractional hours) buys fewer.
  const count = p.count ?? Math.floor(s.min);
  // Buying no RIs needs no price: a missing rate only matters when some are bought.
  if (rate === null && s.prices !== null && count > 0) {
    warn(
      s,
      'missing-price',
      `no ${describeReserved(p.offeringClass, p.termYears, p.paymentOption)} price for ${describeInstance(s.line)} — ${IMPORT_HINT}`,
      true,
      {
        ...missingTag(s, reservedFamily(p.paymentOption), purchaseFields(p)),
        qualifier: OFFERING_CLASS_LABELS[p.offeringClass],
      },
    );
  }
  const { key: typeKey, flexible, factor } = riPoolKey(s.line, s.prices);
  const key = typeKey + scope;
  let pool = riPools.get(key);
  if (!pool) {
    pool = { key, flexible, units: 0, consumers: [], purchasers: [] };
    riPools.set(key, pool);
  }
  pool.units += count * factor;
  pool.purchasers.push(s.index);
  s.ri = { rate, count, pool: -1 };
}

function buySavingsPlan(s: LineState, spPools: Map<string, SpPool>, scope: string): void {
  const p = s.line.purchase;
  if (p.model !== 'savings-plan') return;
  const spRate = s.prices?.savingsPlans.find(
    (r) => r.planType === p.planType && r.termYears === p.termYears && r.paymentOption === p.paymentOption,
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
    return;
  }
  s.sp = { termYears: p.termYears, paymentOption: p.paymentOption, rate, commitment, pool: -1 };
  if (rate === null) {
    s.computeUnknown = true;
    if (s.prices !== null) {
      warn(
        s,
        'missing-price',
        `no Savings Plans rate for ${describeInstance(s.line)}: ${describePlan(p.planType, p.termYears, p.paymentOption)} — ${IMPORT_HINT}`,
        true,
        missingTag(s, 'savings-plan', purchaseFields(p)),
      );
    }
    return;
  }
  const fot = familyOrType(s.line, s.prices);
  const key =
    (p.planType === 'compute'
      ? `compute|${p.termYears}|${p.paymentOption}`
      : `ec2-instance|${s.line.region}|${fot}|${p.termYears}|${p.paymentOption}`) + scope;
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

/** Who each pool can cover: usage that is not on spot, of the pool's account when it does not share. */
function addConsumers(
  states: LineState[],
  riPools: Map<string, RiPool>,
  spPools: Map<string, SpPool>,
  accounts: LineAccounts | null,
): void {
  for (const s of states) {
    if (s.model === 'spot') continue;
    const scope = poolScope(accounts, s.index);
    const ri = riPools.get(riPoolKey(s.line, s.prices).key + scope);
    if (ri) ri.consumers.push({ line: s.index, factor: riPoolKey(s.line, s.prices).factor });
    for (const pool of spPools.values()) {
      if (!pool.key.endsWith(scope) || (scope === '' && pool.key.includes('|account:'))) continue;
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
            missingTag(s, 'savings-plan', {
              model: 'savings-plan',
              termYears: pool.termYears,
              paymentOption: pool.paymentOption,
              offeringClass: null,
              planType: pool.planType,
            }),
          );
        }
        continue;
      }
      pool.consumers.push({ line: s.index, rate: new Decimal(rate.hourlyUsd) });
    }
  }
}

/**
 * RI consumers smallest size first; Savings Plans EC2 Instance before Compute, highest savings first,
 * and within a plan the usage with the highest savings first (sp-applying.html).
 */
function orderPools(
  states: LineState[],
  riPools: Map<string, RiPool>,
  spPools: Map<string, SpPool>,
  accounts: LineAccounts | null,
): CommitmentPools {
  const riList = [...riPools.values()];
  for (const pool of riList) {
    // The buying accounts' usage first (accounts.ts); size flexibility applies from the smallest size
    // to the largest (apply_ri.html).
    const own = ownRank(accounts, pool.purchasers);
    pool.consumers.sort((a, b) => own(a.line) - own(b.line) || a.factor - b.factor || a.line - b.line);
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
    const own = ownRank(accounts, pool.purchasers);
    pool.consumers.sort(
      (a, b) =>
        own(a.line) - own(b.line) ||
        (savings.get(b.line) as number) - (savings.get(a.line) as number) ||
        a.rate.comparedTo(b.rate) ||
        a.line - b.line,
    );
  }
  return { riList, spList };
}
