import type { StrategyResult } from '@shared/pricing/estimate-types';
import { compareUsd } from '../../format';

export const ON_DEMAND_ID = 'on-demand';
const DEFAULT_CHARTED = 3;

export type CompleteStrategy = StrategyResult & { threeYearUsd: string; cumulativeUsd: string[] };

export function isComplete(s: StrategyResult): s is CompleteStrategy {
  return s.complete && s.threeYearUsd !== null && s.cumulativeUsd !== null;
}

/** The strategy with the lowest complete 3-year total (ties: the first listed), or null. */
export function cheapestId(results: StrategyResult[]): string | null {
  let best: CompleteStrategy | null = null;
  for (const s of results) {
    if (isComplete(s) && (best === null || compareUsd(s.threeYearUsd, best.threeYearUsd) < 0)) best = s;
  }
  return best?.id ?? null;
}

/** Complete strategies other than on-demand, cheapest over 3 years first. */
export function byThreeYear(results: StrategyResult[]): CompleteStrategy[] {
  return results
    .filter(isComplete)
    .filter((s) => s.id !== ON_DEMAND_ID)
    .sort((a, b) => compareUsd(a.threeYearUsd, b.threeYearUsd));
}

/** Until a person picks, the chart shows the few cheapest complete strategies. */
export function defaultSelection(results: StrategyResult[]): string[] {
  return byThreeYear(results)
    .slice(0, DEFAULT_CHARTED)
    .map((s) => s.id);
}

export function restoreSelection(stored: unknown): string[] | null {
  return Array.isArray(stored) && stored.every((x) => typeof x === 'string') ? (stored as string[]) : null;
}
