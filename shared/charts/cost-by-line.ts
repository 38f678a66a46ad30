import { Decimal, usdOrNull } from '../money';
import { lineName } from '../reports/describe';
import { COST_PART_COLORS } from './palette';

/**
 * What the "monthly cost by line" chart shows, in the app and in the report: one bar a line, its
 * monthly cost stacked as compute cash, EBS storage, snapshots and upfront spread over its term.
 */

export const COST_BY_LINE_TITLE = 'Monthly cost by line';

export type CostPartKey = keyof typeof COST_PART_COLORS;
export interface CostPart {
  key: CostPartKey;
  label: string;
  color: string;
}

const part = (key: CostPartKey, label: string): CostPart => ({ key, label, color: COST_PART_COLORS[key] });
export const COST_PARTS: readonly CostPart[] = [
  part('compute', 'Compute'),
  part('storage', 'EBS storage'),
  part('snapshots', 'Snapshots'),
  part('upfront', 'Upfront (amortized)'),
];

/** The figures the chart reads from a line: an estimate line and a report line both carry them. */
export interface CostLine {
  id: string;
  /** The line's name; the id stands in when it has none. */
  name: string | null;
  instanceType: string;
  computeMonthlyUsd: string | null;
  storageMonthlyUsd: string | null;
  snapshotMonthlyUsd: string | null;
  monthlyUsd: string | null;
  /** The whole bar: monthly cash plus upfront spread over its term. */
  amortizedMonthlyUsd: string | null;
}

/** Each part as a decimal string, or null (n/a: drawn as nothing, never as $0). */
export type CostPartsUsd = Record<CostPartKey, string | null>;

/** Upfront spread over its term: the amortized monthly cost less the monthly cash. */
function amortizedUpfrontUsd(line: CostLine): string | null {
  const amortized = usdOrNull(line.amortizedMonthlyUsd);
  const monthly = usdOrNull(line.monthlyUsd);
  if (amortized === null || monthly === null) return null;
  return amortized.minus(monthly).toFixed();
}

export function costPartsUsd(line: CostLine): CostPartsUsd {
  return {
    compute: line.computeMonthlyUsd,
    storage: line.storageMonthlyUsd,
    snapshots: line.snapshotMonthlyUsd,
    upfront: amortizedUpfrontUsd(line),
  };
}

/** A part's bar length (geometry only; every figure shown comes from the decimal strings). */
export function partLength(usd: string | null): number {
  return usd === null ? 0 : Math.max(new Decimal(usd).toNumber(), 0);
}

/** Only the parts some line has, so the legend stays short. */
export function partsShown(rows: CostPartsUsd[]): CostPart[] {
  return COST_PARTS.filter((p) => rows.some((r) => partLength(r[p.key]) > 0));
}

/** The longest bar (geometry only), for the money axis. */
export function longestBar(rows: CostPartsUsd[]): number {
  return Math.max(0, ...rows.map((r) => COST_PARTS.reduce((sum, p) => sum + partLength(r[p.key]), 0)));
}

/** A bar's name on the category axis: "Web tier (m5.large)". */
export const lineLabel = (line: Pick<CostLine, 'id' | 'name' | 'instanceType'>) =>
  `${lineName(line)} (${line.instanceType})`;

/** A label cut to `maxChars` with an ellipsis, for axes with a fixed width (the full text goes in the tooltip). */
export const truncateLabel = (label: string, maxChars: number): string =>
  label.length > maxChars ? label.slice(0, maxChars - 1) + '…' : label;
