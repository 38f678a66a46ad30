import Decimal from 'decimal.js';

/**
 * Money is Decimal from the moment a price is read until it is formatted; it crosses JSON as a
 * decimal string ("70.08"), never as a float.
 */
export { Decimal };

/** A decimal string as stored in SQLite and carried in JSON. */
export type UsdString = string;

export const HOURS_PER_MONTH = 730;
export const HOURS_PER_YEAR = 8760;

export function usd(value: Decimal.Value): Decimal {
  return new Decimal(value);
}

/** Parses a stored price; null/empty stays null (a missing price is never 0). */
export function usdOrNull(value: string | null | undefined): Decimal | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return new Decimal(value);
}

/** Canonical decimal string for storage and JSON: no exponent, no trailing zeros. */
export function toUsdString(value: Decimal): UsdString {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Rounds to cents for figures people read as money totals (half-up, as AWS bills). */
export function toCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function isDecimalString(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value.trim());
}

/**
 * Human formatting. Hourly rates keep up to 4 significant decimals (AWS quotes $0.0042/h);
 * totals show cents with thousands separators.
 */
export function formatUsd(value: Decimal | null, opts: { rate?: boolean } = {}): string {
  if (value === null) return 'n/a';
  if (opts.rate) {
    const dp = value.abs().lt(1) ? 4 : 3;
    const s = value.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toFixed(dp);
    return '$' + s.replace(/(\.\d{2}\d*?)0+$/, '$1');
  }
  const cents = toCents(value).toFixed(2);
  const [whole = '0', frac = '00'] = cents.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (value.isNegative() ? '-$' : '$') + grouped + '.' + frac;
}
