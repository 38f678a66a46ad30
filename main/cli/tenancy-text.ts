import { TENANCY_LABELS } from '@shared/catalog-types';
import type { LineEstimate } from '@shared/pricing/estimate-types';
import { tenancyLineNotes } from '@shared/reports/tenancy-notes';

/** The estimate table's Tenancy column, only when some line is not on shared tenancy. */
export const hasDedicated = (lines: readonly LineEstimate[]): boolean =>
  lines.some((l) => l.tenancy !== undefined && l.tenancy !== 'shared');

/** A line's Tenancy cell: blank on shared tenancy, else "Dedicated Instance" / "Dedicated Host". */
export const tenancyCell = (l: LineEstimate): string =>
  l.tenancy === undefined || l.tenancy === 'shared' ? '' : TENANCY_LABELS[l.tenancy];

/** Under the estimate's table: each Dedicated line's hosts and per-Region fee, with the arithmetic. */
export function tenancyText(lines: readonly LineEstimate[]): string {
  const notes = tenancyLineNotes(lines);
  return notes.length
    ? "\n\nDedicated tenancy (within each line's compute):\n" + notes.map((n) => `  - ${n}`).join('\n')
    : '';
}
