import { rateText, type ExplanationRow } from '../explanation';
import type { Decimal } from '../money';
import type { PriceBook } from './price-book';

const dateOf = (book: PriceBook, sourceId: string | null) =>
  sourceId === null ? null : (book.sourceDates[sourceId] ?? null);

/** A catalog price an explanation used: what it prices, the rate, its unit, its source and date. */
export function priceRow(
  book: PriceBook,
  what: string,
  rate: Decimal.Value,
  unit: string,
  sourceId: string | null,
): ExplanationRow {
  return { what, rate: rateText(rate), unit, sourceId, asOf: dateOf(book, sourceId) };
}
