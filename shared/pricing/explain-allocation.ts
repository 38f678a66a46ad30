import { OS_NAMES } from '../catalog-scopes';
import type { OperatingSystem } from '../catalog-types';
import { explanation, num, rateText, type Explanation } from '../explanation';
import { Decimal } from '../money';
import { lineName } from '../reports/describe';
import type { CommitmentPools } from './commitment-pools';
import type { LineState, RiPool, SpPool } from './estimate-state';
import type { PoolAllocation } from './pool-allocation';
import { accountReason } from './accounts';
import { PAYMENT_LABELS, PLAN_TYPE_LABELS } from './purchase-options';

/**
 * Which hours each commitment covered, and why the others ran On-Demand: one node per RI pool and per
 * Savings Plan, in the words a person checks a bill with ("4 RIs of m5.large (normalization 4 each →
 * 16 units) covered 2,920 of 2,920 instance-hours of line Web tier; the Business-hours batch line's
 * c5.xlarge is another family, so these RIs do not cover it (it ran On-Demand)"). Figures are
 * instance-hours a month, from the hour-by-hour allocation (allocation.ts).
 */
export interface AllocationExplanation {
  pools: Explanation[];
  /** The pools that concern each line (by index): bought by it, covering it, or in its region. */
  byLine: Explanation[][];
}

/** Lines named in one pool's note before "and N more". */
const MAX_NAMED = 12;

function capped(items: string[]): string {
  if (items.length <= MAX_NAMED) return items.join('; ');
  return `${items.slice(0, MAX_NAMED).join('; ')}; and ${items.length - MAX_NAMED} more lines`;
}

const ranOnDemand = (s: LineState) =>
  s.riCoveredHours.isZero() && s.spCoveredHours.isZero() ? ' (it ran On-Demand)' : '';

function riReason(s: LineState, pool: RiPool, scope: string): string {
  const name = `the ${lineName(s.line)} line`;
  if (s.model === 'spot') return `${name} runs on spot, which RIs never cover`;
  const account = accountReason(name, scope, pool.key);
  if (account !== null) return account + ranOnDemand(s);
  const [kind, region, a, b] = pool.key.split('|');
  if (s.line.region !== region)
    return `${name} runs in ${s.line.region}, and these RIs apply in ${region} only${ranOnDemand(s)}`;
  if (kind === 'flex') {
    if (s.line.os !== 'linux')
      return `${name} runs ${OS_NAMES[s.line.os]}: size flexibility is for Linux RIs of the ${a} family${ranOnDemand(s)}`;
    return `${name}'s ${s.line.instanceType} is another family, so these RIs do not cover it${ranOnDemand(s)}`;
  }
  return `${name} runs ${OS_NAMES[s.line.os]} ${s.line.instanceType}; these RIs cover ${OS_NAMES[a as OperatingSystem] ?? a} ${b} only${ranOnDemand(s)}`;
}

function spReason(s: LineState, pool: SpPool, scope: string): string {
  const name = `the ${lineName(s.line)} line`;
  if (s.model === 'spot') return `${name} runs on spot, which Savings Plans never cover`;
  const account = accountReason(name, scope, pool.key);
  if (account !== null) return account + ranOnDemand(s);
  if (pool.planType === 'ec2-instance') {
    if (s.line.region !== pool.region)
      return `${name} runs in ${s.line.region}; an EC2 Instance Savings Plan covers one region (${pool.region})${ranOnDemand(s)}`;
    return `${name}'s ${s.line.instanceType} is outside the plan's ${pool.familyOrType} family${ranOnDemand(s)}`;
  }
  return `${name} has no rate for this plan in the catalog, so the plan cannot pay for it${ranOnDemand(s)}`;
}

export function explainAllocation(
  states: readonly LineState[],
  { riList, spList, lineScopes }: CommitmentPools,
  { result, timelineHours, spScales }: PoolAllocation,
  hoursPerMonth: number,
): AllocationExplanation {
  const scopeOf = (s: LineState) => lineScopes?.[s.index] ?? '';
  const toMonth = (timelineValue: Decimal.Value) =>
    new Decimal(timelineValue).times(hoursPerMonth).div(timelineHours);
  const usageOf = (s: LineState) =>
    s.allocationIndex >= 0 ? toMonth(result.usageHours[s.allocationIndex] as number) : new Decimal(0);
  const byLine: Explanation[][] = states.map(() => []);

  const riNodes = riList.map((pool, i) => {
    const r = result.ri[i];
    const flexible = pool.flexible;
    const buys = pool.purchasers.map((p) => {
      const s = states[p] as LineState;
      const count = s.ri?.count ?? 0;
      const factor = flexible ? (s.prices?.normalizationFactor ?? 1) : 1;
      const units = flexible ? ` (normalization ${num(factor)} each → ${num(count * factor)} units)` : '';
      return `${count} RI${count === 1 ? '' : 's'} of ${s.line.instanceType}${units}, bought on line ${lineName(s.line)}`;
    });
    const covered = pool.consumers.map((c, k) => {
      const s = states[c.line] as LineState;
      const hours = toMonth(new Decimal((r?.coveredUnits[k] as number | undefined) ?? 0).div(c.factor));
      return `covered ${num(hours)} of ${num(usageOf(s))} instance-hours of line ${lineName(s.line)}`;
    });
    const consumers = new Set(pool.consumers.map((c) => c.line));
    const others = states.filter((s) => !consumers.has(s.index)).map((s) => riReason(s, pool, scopeOf(s)));
    const capacity = pool.units * timelineHours;
    const usedPct = capacity === 0 ? null : new Decimal(r?.usedUnits ?? 0).div(capacity).times(100);
    const text = `${buys.join(' and ')}, ${covered.length ? covered.join(', ') : 'covered nothing'}${
      others.length ? `; ${capped(others)}` : ''
    }.`;
    const node = explanation(
      `Reserved Instances in ${pool.key.split('|')[1]}, and the hours they covered`,
      flexible
        ? `${num(pool.units)} normalized units an hour, applied to the smallest sizes first`
        : `${num(pool.units)} instances of this exact type an hour`,
      null,
      {
        note: `${text}${usedPct === null ? '' : ` ${num(usedPct, 1)}% of the RI hours bought covered usage.`}`,
      },
    );
    for (const p of pool.purchasers) byLine[p]?.push(node);
    for (const c of pool.consumers) if (!pool.purchasers.includes(c.line)) byLine[c.line]?.push(node);
    return node;
  });

  const spNodes = spList.map((pool, i) => {
    const r = result.sp[i];
    const scale = spScales[i] as number;
    const label = `${PLAN_TYPE_LABELS[pool.planType]} Savings Plan, ${pool.termYears}-year, ${PAYMENT_LABELS[
      pool.paymentOption
    ].toLowerCase()}`;
    const buyers = pool.purchasers.map((p) => lineName((states[p] as LineState).line)).join(', ');
    const covered = pool.consumers.map((c, k) => {
      const s = states[c.line] as LineState;
      const usd = new Decimal((r?.coveredScaled[k] as number | undefined) ?? 0).div(scale);
      return `${num(toMonth(usd.div(c.rate)))} of ${num(usageOf(s))} instance-hours of line ${lineName(s.line)} at ${rateText(c.rate)} USD/h`;
    });
    const consumers = new Set(pool.consumers.map((c) => c.line));
    const others = states.filter((s) => !consumers.has(s.index)).map((s) => spReason(s, pool, scopeOf(s)));
    const capacity = pool.commitment.times(scale).times(timelineHours);
    const usedPct = capacity.isZero() ? null : new Decimal(r?.usedScaled ?? 0).div(capacity).times(100);
    const node = explanation(
      `${label}, and the hours it paid for`,
      `${rateText(pool.commitment)} USD/h committed (lines ${buyers}), spent each hour on the usage with the highest saving first`,
      null,
      {
        note: `It paid for ${covered.length ? covered.join(', ') : 'nothing'}${others.length ? `; ${capped(others)}` : ''}.${
          usedPct === null ? '' : ` ${num(usedPct, 1)}% of the commitment paid for usage.`
        }`,
      },
    );
    for (const p of pool.purchasers) byLine[p]?.push(node);
    for (const c of pool.consumers) if (!pool.purchasers.includes(c.line)) byLine[c.line]?.push(node);
    return node;
  });

  // A line no pool covers still learns why, from the pools of its region (RIs and plans are regional;
  // a Compute Savings Plan reaches every region).
  const pools = [...riNodes, ...spNodes];
  states.forEach((s, i) => {
    const list = byLine[i] as Explanation[];
    if (list.length > 0) return;
    riList.forEach((pool, k) => {
      if (pool.key.split('|')[1] === s.line.region) list.push(riNodes[k] as Explanation);
    });
    spList.forEach((pool, k) => {
      if (pool.planType === 'compute' || pool.region === s.line.region) list.push(spNodes[k] as Explanation);
    });
  });
  return { pools, byLine };
}
