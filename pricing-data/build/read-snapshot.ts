import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export const SNAPSHOT_DIR = join(import.meta.dirname, '..', 'snapshot');

/** Reads a snapshot CSV with a header row; every value stays a string (prices must not pass through floats). */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(SNAPSHOT_DIR, file), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: false,
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new Error(`${file}: CSV error at row ${e.row ?? '?'}: ${e.message}`);
  }
  return parsed.data;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(SNAPSHOT_DIR, file), 'utf8')) as T;
}

/** Real AWS regions only (local and wavelength zones carry extra suffixes). */
export { isRegionCode } from '@shared/validation';

/** A usable positive price string, or null. */
export function priceOrNull(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (!/^\d+(\.\d+)?(e-?\d+)?$/i.test(v)) return null;
  return Number(v) > 0 ? v : null;
}
