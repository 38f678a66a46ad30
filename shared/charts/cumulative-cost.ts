import { Decimal } from '../money';
import { breakEvenWords } from '../pricing/break-even';
import { REFERENCE_SERIES_COLOR, STRATEGY_SERIES_COLORS } from './palette';

/**
 * What the "cumulative cash" chart shows, in the app and in the report: one line a strategy over
 * months 0..36, on-demand dashed as the reference, each other strategy's break-even month marked.
 */

export const CUMULATIVE_COST_TITLE = 'Cumulative cash over 36 months';

export interface CumulativeSeries {
  id: string;
  label: string;
  color: string;
  /** Cumulative cash at months 0..36, decimal strings. */
  cumulativeUsd: string[];
  breakEvenMonth: number | null;
  /** Drawn dashed, as the line the others are measured against. */
  reference?: boolean;
}

/** How a series' line is drawn. */
export function seriesStroke(s: Pick<CumulativeSeries, 'reference'>): { width: number; dash: string | null } {
  return s.reference ? { width: 2, dash: '6 4' } : { width: 1.75, dash: null };
}

/**
 * Colours for the charted strategies, in the order given: the reference grey, the others from the
 * series palette in turn (so the few on a chart stay distinct).
 */
export function strategyColors(ids: readonly string[], referenceId: string | null): Map<string, string> {
  const colors = new Map<string, string>();
  if (referenceId !== null) colors.set(referenceId, REFERENCE_SERIES_COLOR);
  ids
    .filter((id) => id !== referenceId)
    .forEach((id, i) => colors.set(id, STRATEGY_SERIES_COLORS[i % STRATEGY_SERIES_COLORS.length]!));
  return colors;
}

/** A break-even dot goes on every strategy but the reference that catches up after month 0. */
export function marksBreakEven<S extends Pick<CumulativeSeries, 'reference' | 'breakEvenMonth'>>(
  s: S,
): s is S & { breakEvenMonth: number } {
  return !s.reference && s.breakEvenMonth !== null && s.breakEvenMonth > 0;
}

/** The mark's label: the same words as the table's break-even ("pays back in month 8"). */
export const breakEvenLabel = (month: number) => breakEvenWords({ kind: 'month', month });
export const BREAK_EVEN_DOT_RADIUS = 5;

/** Cumulative cash as numbers, for the geometry only. */
export const cumulativePoints = (s: CumulativeSeries): number[] =>
  s.cumulativeUsd.map((v) => new Decimal(v).toNumber());

/** The highest point of any series (geometry only), for the money axis. */
export function highestPoint(series: CumulativeSeries[]): number {
  return Math.max(0, ...series.flatMap(cumulativePoints));
}
