import { missingPriceNotices } from '@shared/pricing/missing-price-words';
import { mergeMissingPrices, warningsBesideNotices, type MissingPrice } from '@shared/pricing/missing-prices';
import type { EstimateWarning, StrategyResult } from '@shared/pricing/estimate-types';
import { lineName } from '@shared/reports/describe';

/**
 * The CLI's notes under a table: each missing price family once, with its way out and the lines it
 * concerns (never one line per line and option), then the other warnings.
 */
export function noticesText(
  missing: readonly MissingPrice[],
  warnings: readonly EstimateWarning[],
  lines: readonly { id: string; name?: string | null }[],
): string {
  const name = (id: string) => {
    const line = lines.find((l) => l.id === id);
    return line ? lineName(line) : id;
  };
  const notices = missingPriceNotices(missing, name);
  const others = warningsBesideNotices(warnings);
  return (
    (notices.length
      ? '\n\nPrices not in this catalog:\n' + notices.map((n) => `  - ${n.text}`).join('\n')
      : '') + (others.length ? '\n\nWarnings:\n' + others.map((w) => `  - ${w.message}`).join('\n') : '')
  );
}

/** Under Compare's table: the strategies' missing prices, each family once (strategies name lines by id). */
export const strategyNoticesText = (rows: readonly StrategyResult[]): string =>
  noticesText(mergeMissingPrices(rows.map((r) => r.missingPrices)), [], []);
