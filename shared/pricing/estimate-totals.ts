import type { TermYears } from '../catalog-types';
import { Decimal, toUsdString } from '../money';
import type { EstimateTotals, ScenarioEstimate } from './estimate-types';
import { ZERO } from './estimate-state';
import type { PricedLine } from './price-line';

// Scenario totals over 1 and 3 years, and when the upfront cash is paid.

/** Renewals over three years: a 1-year commitment's upfront is paid 3 times, a 3-year one's once. */
export const PURCHASES_IN_THREE_YEARS: Record<TermYears, number> = { 1: 3, 3: 1 };

export function sumTotals(lines: readonly PricedLine[]): EstimateTotals {
  let monthly = ZERO;
  let upfront = ZERO;
  let upfrontThreeYears = ZERO;
  let amortized = ZERO;
  for (const l of lines) {
    monthly = monthly.plus(l.known.monthly);
    amortized = amortized.plus(l.known.amortized);
    // Most lines pay nothing upfront; adding 0 would give the sums back unchanged.
    if (l.known.upfront.isZero()) continue;
    upfront = upfront.plus(l.known.upfront);
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
    const host = line.dedicatedHost?.purchase;
    const termYears = line.commitment?.termYears ?? (host?.kind === 'reservation' ? host.termYears : null);
    if (line.upfrontUsd === null || termYears === null) continue;
    const up = new Decimal(line.upfrontUsd);
    const months = termYears === 1 ? [0, 12, 24] : [0];
    for (const m of months) schedule[m] = (schedule[m] as Decimal).plus(up);
  }
  return schedule;
}
