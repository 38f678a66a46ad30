import type { Explanation } from '../explanation';

/**
 * The shapes of an estimate's and a strategy's explanations (built by explain.ts); a leaf, so the
 * result types (estimate-types.ts) can carry them.
 */

/** One line's figures as arithmetic: the estimate table's columns. */
export interface LineExplanation {
  lineId: string;
  compute: Explanation;
  storage: Explanation;
  snapshots: Explanation;
  upfront: Explanation;
  monthly: Explanation;
  amortizedMonthly: Explanation;
}

export interface TotalsExplanation {
  monthly: Explanation;
  upfront: Explanation;
  amortizedMonthly: Explanation;
  oneYear: Explanation;
  threeYear: Explanation;
}

export interface EstimateExplanation {
  lines: LineExplanation[];
  totals: TotalsExplanation;
  /** Which hours each RI pool and Savings Plan covered, and why the rest ran On-Demand. */
  allocation: Explanation[];
}

/** A purchase option's figures in the catalog's options table (catalog.priceOptions). */
export interface PriceOptionExplanation {
  upfront: Explanation;
  hourly: Explanation;
  effectiveHourly: Explanation;
  monthly: Explanation;
  saving: Explanation;
}
