import type { TermYears } from '../catalog-types';
import { Decimal, toUsdString } from '../money';
import type { EstimateWarning } from './estimate-types';
import type { PricedLine } from './price-line';

/**
 * A charge a line carries beside its instance-hours and volumes: its Dedicated Hosts, or its account's
 * Dedicated per-Region fee. Each figure is null when it cannot be priced (n/a: the line is then
 * incomplete, never priced at 0).
 */
export interface LineCharge<T> {
  estimate: T;
  /** Recurring per month. */
  monthly: Decimal | null;
  /** Paid at purchase, once per term. */
  upfront: Decimal | null;
  /** monthly + upfront spread over the term. */
  amortized: Decimal | null;
  /** The term its upfront renews on; null when it has none. */
  termYears: TermYears | null;
  warnings: EstimateWarning[];
  /** The sources of its prices. */
  sourceIds: string[];
}

const add = (a: string | null, b: Decimal | null): string | null =>
  a === null || b === null ? null : toUsdString(new Decimal(a).plus(b));

/**
 * Adds a charge to a priced line: its compute, monthly, amortized and upfront figures and the known sums
 * the totals add. Compute includes it (hosts and the dedicated fee are EC2 compute charges on AWS's bill).
 */
export function addCharge(priced: PricedLine, charge: LineCharge<unknown>): void {
  const e = priced.estimate;
  const complete = charge.monthly !== null && charge.amortized !== null && charge.upfront !== null;
  e.computeMonthlyUsd = add(e.computeMonthlyUsd, charge.monthly);
  e.computeAmortizedMonthlyUsd = add(e.computeAmortizedMonthlyUsd, charge.amortized);
  e.monthlyUsd = add(e.monthlyUsd, charge.monthly);
  e.amortizedMonthlyUsd = add(e.amortizedMonthlyUsd, charge.amortized);
  e.upfrontUsd = add(e.upfrontUsd, charge.upfront);
  e.compute.dedicatedUsd = add(e.compute.dedicatedUsd ?? '0', charge.amortized);
  e.warnings.push(...charge.warnings);
  if (!complete) e.complete = false;
  const k = priced.known;
  if (charge.monthly) k.monthly = k.monthly.plus(charge.monthly);
  if (charge.amortized) k.amortized = k.amortized.plus(charge.amortized);
  if (charge.upfront && !charge.upfront.isZero()) {
    k.upfront = k.upfront.plus(charge.upfront);
    priced.termYears ??= charge.termYears;
  }
}
