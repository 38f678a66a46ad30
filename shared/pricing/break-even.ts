import type { Decimal } from '../money';

/**
 * When a purchase strategy pays back against all on-demand, and the words for it: the one place the
 * Compare screen, every report format and the CLI take them from.
 *
 * Both sides are cumulative cash at months 0..36 (compare.ts: upfronts at month 0 and at each
 * renewal, plus the monthly cash). A strategy pays back in the first month whose cumulative cash is at
 * or below on-demand's; one that pays nothing upfront and is already cheaper after month 1 saves from
 * the first month; one whose cash equals on-demand's at every month (spot where no line tolerates
 * interruptions, say) saves nothing, so it has nothing to pay back.
 */

export const BREAK_EVEN_HORIZON_MONTHS = 36;

export type BreakEven =
  /** All on-demand itself: what the others are measured against. */
  | { kind: 'reference' }
  /** The strategy or on-demand could not be fully priced. */
  | { kind: 'unpriced' }
  /** The same cash as on-demand every month. */
  | { kind: 'no-saving' }
  /** Nothing upfront and cheaper from month 1. */
  | { kind: 'first-month' }
  /** Catches up with on-demand in this month (1..36). */
  | { kind: 'month'; month: number }
  /** Above on-demand at every month of the horizon. */
  | { kind: 'never' };

const at = (points: readonly Decimal[], m: number): Decimal => points[m] as Decimal;

/** The first month 1..36 the strategy's cash is at or below on-demand's; 0 when nothing upfront and already there after month 1. */
export function breakEvenMonth(strategy: readonly Decimal[], onDemand: readonly Decimal[]): number | null {
  if (at(strategy, 0).isZero() && at(strategy, 1).lte(at(onDemand, 1))) return 0;
  for (let m = 1; m <= BREAK_EVEN_HORIZON_MONTHS; m++) {
    if (at(strategy, m).lte(at(onDemand, m))) return m;
  }
  return null;
}

/**
 * The break-even of a strategy's cumulative cash against on-demand's; null cash = not fully priced.
 * `reference`: the strategy is all on-demand itself.
 */
export function breakEvenOf(
  strategy: readonly Decimal[] | null,
  onDemand: readonly Decimal[] | null,
  reference: boolean,
): BreakEven {
  if (reference) return { kind: 'reference' };
  if (strategy === null || onDemand === null) return { kind: 'unpriced' };
  if (strategy.length === onDemand.length && strategy.every((v, m) => v.eq(at(onDemand, m))))
    return { kind: 'no-saving' };
  const month = breakEvenMonth(strategy, onDemand);
  if (month === null) return { kind: 'never' };
  return month === 0 ? { kind: 'first-month' } : { kind: 'month', month };
}

/** The month a chart marks and the data files carry: 1..36, 0 from the first month, otherwise null. */
export function breakEvenMonthOf(b: BreakEven): number | null {
  if (b.kind === 'month') return b.month;
  return b.kind === 'first-month' ? 0 : null;
}

/** "pays back in month 8", "from the first month", "never pays back", "no saving", "reference", "n/a". */
export function breakEvenWords(b: BreakEven): string {
  switch (b.kind) {
    case 'reference':
      return 'reference';
    case 'unpriced':
      return 'n/a';
    case 'no-saving':
      return 'no saving';
    case 'first-month':
      return 'from the first month';
    case 'month':
      return `pays back in month ${b.month}`;
    case 'never':
      return 'never pays back';
  }
}

/**
 * The words for a month alone, as a commitment carries it (breakEvenMonthOf's values): 0 "from the
 * first month", m "pays back in month m", null "never pays back".
 */
export function breakEvenMonthWords(month: number | null): string {
  if (month === null) return breakEvenWords({ kind: 'never' });
  return breakEvenWords(month === 0 ? { kind: 'first-month' } : { kind: 'month', month });
}
