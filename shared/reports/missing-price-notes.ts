import { missingPriceNotice } from '../pricing/missing-price-words';
import { mergeMissingPrices, warningsBesideNotices } from '../pricing/missing-prices';
import type { EstimateWarning, ScenarioEstimate, StrategyResult } from '../pricing/estimate-types';
import type { ReportMissingPrice } from './schema';

/**
 * A report's missing prices: the estimate's and every compared strategy's, merged into one notice per
 * family with the lines it concerns and the strategies it leaves n/a, each named once.
 */
export function reportMissingPrices(
  estimate: ScenarioEstimate,
  comparison: readonly StrategyResult[],
  lineName: (id: string) => string,
): ReportMissingPrice[] {
  const merged = mergeMissingPrices([estimate.missingPrices, ...comparison.map((s) => s.missingPrices)]);
  return merged.map((m) => {
    const notice = missingPriceNotice(m, lineName);
    return {
      family: m.family,
      title: notice.title,
      wayOut: notice.wayOut,
      scopes: notice.scopes,
      lineIds: [...m.lines],
      lineNames: notice.lines,
      estimateLineIds: estimate.missingPrices.find((x) => x.family === m.family)?.lines ?? [],
      options: notice.options,
      strategies: comparison
        .filter((s) => s.missingPrices.some((x) => x.family === m.family))
        .map((s) => s.label),
      text: notice.text,
    };
  });
}

/**
 * The warnings a report lists beside the notices: none about a missing price, and no "cannot be fully
 * priced" for a strategy whose only causes are missing prices (its notice names it).
 */
export function comparisonWarningsBesideNotices(s: StrategyResult): EstimateWarning[] {
  return warningsBesideNotices(s.warnings).filter(
    (w) => !(w.code === 'strategy-unavailable' && s.missingPrices.length > 0),
  );
}
