import { Decimal, toUsdString, type UsdString } from './money';

/**
 * The arithmetic behind a figure, as the engines worked it: a label, the formula with the numbers it
 * used ("4 × 0.096 USD/h × 730 h"), the value, the catalog rows the rates came from (rate, unit,
 * source and its date) and the figures it adds up (children). Built only when a call asks for it
 * (`explain: true`); numbers are decimal strings, never floats.
 */
export interface ExplanationRow {
  /** What the rate prices: "m5.large us-east-1 Linux On-Demand". */
  what: string;
  rate: string;
  /** "USD/h", "USD per GiB-month", "USD once". */
  unit: string;
  sourceId: string | null;
  asOf: string | null;
}

export interface Explanation {
  label: string;
  /** The arithmetic with its numbers; "n/a — …" when the figure could not be priced. */
  formula: string;
  /** The figure in USD at full precision; null when it is not money or could not be priced. */
  valueUsd: UsdString | null;
  /** Why, in words (which hours a commitment covered, what was left to On-Demand). */
  note: string | null;
  rows: ExplanationRow[];
  children: Explanation[];
}

/** Most decimals a quantity shows in a formula (money and rates keep all of theirs). */
const QUANTITY_DECIMALS = 6;

/** "2,920", "434.52381", "0.096": thousands grouped, at most 6 decimals (rounded half-up), no trailing zeros. */
export function num(value: Decimal.Value, decimals = QUANTITY_DECIMALS): string {
  const d = new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const text = toUsdString(d);
  const negative = text.startsWith('-');
  const [whole = '0', frac] = text.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac ? '.' + frac : '');
}

/** A rate as stored, all its decimals ("0.096"). */
export const rateText = (value: Decimal.Value): string => toUsdString(new Decimal(value));

/** A money figure in a formula: its decimals up to six ("280.32", "73.869048"). */
export const usdText = (value: Decimal.Value): string => `${num(value)} USD`;

export function explanation(
  label: string,
  formula: string,
  value: Decimal | UsdString | null,
  more: { note?: string | null; rows?: ExplanationRow[]; children?: Explanation[] } = {},
): Explanation {
  return {
    label,
    formula,
    valueUsd: value === null ? null : typeof value === 'string' ? value : toUsdString(value),
    note: more.note ?? null,
    rows: more.rows ?? [],
    children: more.children ?? [],
  };
}

/** A figure that is the sum of its children: "280.32 + 32 + 0 = 312.32 USD" (n/a when one is). */
export function sumExplanation(
  label: string,
  parts: readonly Explanation[],
  more: { note?: string | null; rows?: ExplanationRow[] } = {},
): Explanation {
  const missing = parts.some((p) => p.valueUsd === null);
  const total = parts.reduce((sum, p) => (p.valueUsd === null ? sum : sum.plus(p.valueUsd)), new Decimal(0));
  const terms = parts.map((p) => (p.valueUsd === null ? `n/a (${p.label})` : num(p.valueUsd)));
  const formula =
    parts.length === 0
      ? '0 USD (nothing to add)'
      : parts.length === 1 && !missing
        ? `${usdText(total)}: ${parts[0]?.label ?? ''}`
        : missing
          ? `n/a — ${terms.join(' + ')}: a part could not be priced`
          : `${terms.join(' + ')} = ${usdText(total)}`;
  return explanation(label, formula, missing ? null : total, { ...more, children: [...parts] });
}

/** Depth-first: every node of a tree, the root first. */
export function* walkExplanation(root: Explanation): Generator<Explanation> {
  yield root;
  for (const child of root.children) yield* walkExplanation(child);
}
