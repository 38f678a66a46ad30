import type { DateRange } from '../catalog-types';
import { dateRangeOf } from '../catalog-scopes';
import type { CommitmentPools } from './commitment-pools';
import type { LineState } from './estimate-state';
import type { LineEstimate } from './estimate-types';
import type { PoolAllocation } from './pool-allocation';
import type { PriceBook } from './price-book';

/**
 * The sources of the prices an estimate actually used, read back from its result: a line's
 * On-Demand rate when some of its hours were paid On-Demand, its spot rate when it ran on spot, the RI
 * rate it bought RIs at, the Savings Plans rate of the plan it bought, the Savings Plans rates its usage
 * was covered at (a pool's rate for that line's type), and its region's EBS prices when its volumes or
 * snapshots were priced. Prices the book holds but the estimate did not use are left out.
 */
export function sourcesUsed(
  states: readonly LineState[],
  lines: readonly LineEstimate[],
  { spList }: CommitmentPools,
  { result }: PoolAllocation,
  book: PriceBook,
): Set<string> {
  const ids = new Set<string>();
  states.forEach((s, i) => {
    const e = lines[i];
    const p = s.prices;
    if (!e || !p) return;
    if (e.coverage.onDemandHours > 0 && e.compute.onDemandUsd !== null && p.onDemandSourceId)
      ids.add(p.onDemandSourceId);
    if (e.coverage.spotHours > 0 && e.compute.spotUsd !== null && p.spot) ids.add(p.spot.sourceId);
    if (s.ri?.rate && s.ri.count > 0) ids.add(s.ri.rate.sourceId);
    const purchase = s.line.purchase;
    if (purchase.model === 'savings-plan' && s.sp?.commitment && !s.sp.commitment.isZero()) {
      const rate = p.savingsPlans.find(
        (r) =>
          r.planType === purchase.planType &&
          r.termYears === purchase.termYears &&
          r.paymentOption === purchase.paymentOption,
      );
      if (rate) ids.add(rate.sourceId);
    }
  });
  spList.forEach((pool, i) => {
    const covered = result.sp[i]?.coveredScaled;
    pool.consumers.forEach((c, k) => {
      if (!covered || !((covered[k] ?? 0) > 0)) return;
      const rate = states[c.line]?.prices?.savingsPlans.find(
        (r) =>
          r.planType === pool.planType &&
          r.termYears === pool.termYears &&
          r.paymentOption === pool.paymentOption,
      );
      if (rate) ids.add(rate.sourceId);
    });
  });
  for (const e of lines) {
    const priced = e.volumes.length > 0 && (e.storageMonthlyUsd !== null || e.snapshotMonthlyUsd !== null);
    const ebs = book.ebs[e.region];
    if (priced && ebs?.sourceId) ids.add(ebs.sourceId);
  }
  return ids;
}

/** The oldest and newest as-of date of these sources (PriceBook.sourceDates); null when none. */
export function datesOf(sourceIds: Iterable<string>, book: Pick<PriceBook, 'sourceDates'>): DateRange | null {
  const dates: string[] = [];
  for (const id of sourceIds) {
    const d = book.sourceDates[id];
    if (d) dates.push(d);
  }
  return dateRangeOf(dates);
}
