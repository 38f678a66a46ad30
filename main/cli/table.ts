import { Decimal, formatUsd } from '@shared/money';

/** Plain-text table for the CLI's human output: left-aligned text, right-aligned numbers. */
export function formatTable(headers: string[], rows: (string | number | null)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? 'n/a' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const numeric = headers.map(
    (_, i) => cells.length > 0 && cells.every((r) => /^[-$\d.,%]+$|^n\/a$/.test(r[i] ?? '')),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** A result's decimal-string money for a table cell ("n/a" when it could not be priced). */
export const money = (v: string | null, rate = false): string =>
  formatUsd(v === null ? null : new Decimal(v), { rate });
