import { excerpt, ImportError, type ImportErrorWhere } from './errors';

// AWS writes prices as plain decimals ("0.0960000000", "2750"); anything else is bad input.
const PRICE = /^\d{1,12}(\.\d{1,20})?$/;

/**
 * Validates a price string and returns its canonical form (no trailing zeros, as toUsdString
 * writes), without ever turning it into a float.
 */
export function canonicalPrice(raw: unknown, where: ImportErrorWhere): string {
  if (typeof raw !== 'string' || !PRICE.test(raw)) {
    throw new ImportError('bad-price', `not a price: ${excerpt(raw)}`, where);
  }
  if (raw.indexOf('.') < 0) return stripLeadingZeros(raw);
  let end = raw.length;
  while (raw.charCodeAt(end - 1) === 0x30) end--;
  if (raw.charCodeAt(end - 1) === 0x2e) end--;
  return stripLeadingZeros(raw.slice(0, end));
}

function stripLeadingZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 0x30 && s.charCodeAt(i + 1) !== 0x2e) i++;
  return i === 0 ? s : s.slice(i);
}

export const isZeroPrice = (canonical: string): boolean => canonical === '0';
