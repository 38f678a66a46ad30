import { MAX_HOURLY_POINTS } from '@shared/scenario/schema';
import { parseDecimalText } from '@shared/validation';

export type ParsedCounts = { ok: true; counts: number[] } | { ok: false; message: string };

function toCount(cell: string): number | null {
  const n = parseDecimalText(cell.trim().replace(/^"(.*)"$/, '$1'));
  return n !== null && Number.isInteger(n) ? n : null;
}

/** Whole instance counts separated by spaces, commas, semicolons, tabs or new lines (a pasted row or column). */
export function parseCountList(text: string): ParsedCounts {
  const cells = text.split(/[\s,;]+/).filter((c) => c !== '');
  const counts: number[] = [];
  for (const [i, cell] of cells.entries()) {
    const n = toCount(cell);
    if (n === null)
      return { ok: false, message: `value ${i + 1} ("${cell}") is not a whole number of instances` };
    counts.push(n);
  }
  return { ok: true, counts };
}

/**
 * An hourly series from a CSV file: one number per line, or a table whose first all-numeric column
 * holds the counts (a header row, e.g. "timestamp,instances", is skipped).
 */
export function parseHourlyCsv(text: string): ParsedCounts {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(/[,;\t]/));
  if (rows.length === 0) return { ok: false, message: 'the file has no rows' };
  const header = rows[0]!.every((cell) => toCount(cell) === null && cell.trim() !== '');
  const data = header ? rows.slice(1) : rows;
  if (data.length === 0) return { ok: false, message: 'the file has a header but no values' };
  const width = Math.max(...data.map((r) => r.length));
  let column = -1;
  for (let c = 0; c < width && column < 0; c++) {
    if (data.every((r) => r[c] !== undefined && toCount(r[c]!) !== null)) column = c;
  }
  if (column < 0) {
    const firstBad = data.findIndex((r) => r.every((cell) => toCount(cell) === null));
    const lineNo = (firstBad < 0 ? 0 : firstBad) + (header ? 2 : 1);
    return { ok: false, message: `no column holds whole instance counts on every row (see line ${lineNo})` };
  }
  if (data.length > MAX_HOURLY_POINTS)
    return { ok: false, message: `${data.length} hours is more than a year (${MAX_HOURLY_POINTS} at most)` };
  return { ok: true, counts: data.map((r) => toCount(r[column]!)!) };
}
