import type { PaymentOption, TermYears } from '../catalog-types';
import { Decimal, toUsdString } from '../money';
import { TERM_HOURS } from '../units';
import { UPFRONT_SHARE } from './estimate-state';
import { upfrontFromEffectiveHourly } from './rates';

/**
 * Upfront fees where a source publishes only an effective hourly rate, and the upfront part of a
 * Savings Plan. Published fees (AWS's offer files, "Upfront Fee" price dimension) are never derived.
 */

/** How many decimal places the shipped snapshot's effective rates carry (ec2instances.info: 6). */
export const SNAPSHOT_EFFECTIVE_DECIMALS = 6;

/**
 * AWS's Reserved Instance upfront fees are whole dollars (every "Upfront Fee" in the real offer
 * excerpts of tests/fixtures/price-list is an integer: 494, 949, 2,033, 5,655, 14,359…), and a
 * published effective rate is that fee ÷ term hours rounded to a few decimals. So the fee is the
 * effective rate × term hours rounded to the nearest dollar, which is exact as long as the rate's
 * rounding error times the term hours stays under half a dollar (6 decimals: at most
 * 0.0000005 × 26,280 h = 0.01314). A rate farther than that from a whole-dollar fee does not come
 * from one, and is refused rather than rounded into a fee AWS never published.
 * m5.large us-east-1 standard 1 yr: 0.056393 × 8,760 = 494.00268 → 494.
 */
export function wholeDollarUpfrontFee(
  effectiveHourlyUsd: Decimal,
  termYears: TermYears,
  effectiveDecimals: number = SNAPSHOT_EFFECTIVE_DECIMALS,
): Decimal {
  const product = upfrontFromEffectiveHourly(effectiveHourlyUsd, termYears);
  const fee = product.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const tolerance = toleranceOf(effectiveDecimals, termYears);
  if (product.minus(fee).abs().gt(tolerance)) {
    throw new RangeError(
      `effective rate ${toUsdString(effectiveHourlyUsd)}/h × ${TERM_HOURS[termYears]} h = ${toUsdString(product)} is ` +
        `${toUsdString(product.minus(fee).abs())} from a whole-dollar fee, more than its ${effectiveDecimals}-decimal ` +
        `rounding allows (${toUsdString(tolerance)})`,
    );
  }
  return fee;
}

const tolerances = new Map<string, Decimal>();

/** Half a unit in the rate's last decimal place, times the term's hours (computed once per pair). */
function toleranceOf(decimals: number, termYears: TermYears): Decimal {
  const key = `${decimals}|${termYears}`;
  let t = tolerances.get(key);
  if (t === undefined) {
    t = new Decimal(10).pow(-decimals).div(2).times(TERM_HOURS[termYears]);
    tolerances.set(key, t);
  }
  return t;
}

/** Why a derived All Upfront fee is what it is; shown beside the fee (options table tooltip, CLI JSON). */
export const DERIVED_FEE_NOTE =
  'Derived: the source publishes only the effective hourly rate. AWS’s All Upfront fees are whole ' +
  'dollars, so the fee is that rate × the term’s hours (8,760 or 26,280) rounded to the nearest dollar.';

export interface SavingsPlanPayment {
  /** Paid once at purchase, per instance-hour covered for the whole term. */
  upfrontUsd: Decimal;
  /** Billed per hour over the term. */
  hourlyUsd: Decimal;
}

/**
 * A Savings Plan rate is per hour of the term. With All Upfront the whole term's commitment is paid
 * at purchase (rate × term hours, nothing hourly); with Partial Upfront AWS takes 50 to 99 percent
 * upfront ("The up-front payment amount. This is a whole number between 50 and 99 percent of the total
 * value of the Savings Plan. This parameter is only supported if the payment option is Partial
 * Upfront." — AWS CLI reference, savingsplans create-savings-plan,
 * docs.aws.amazon.com/cli/v1/reference/savingsplans/create-savings-plan.html), and the rest is billed
 * hourly: the planner uses the minimum, half (UPFRONT_SHARE, as the estimate does).
 * EC2 Instance SP, 3 yr Partial Upfront at 0.05/h: 0.05 × 26,280 × 0.5 = 657 upfront + 0.025/h.
 */
export function savingsPlanPayment(
  rateUsdPerHour: Decimal,
  termYears: TermYears,
  paymentOption: PaymentOption,
): SavingsPlanPayment {
  const share = UPFRONT_SHARE[paymentOption];
  return {
    upfrontUsd: rateUsdPerHour.times(TERM_HOURS[termYears]).times(share),
    hourlyUsd: rateUsdPerHour.times(new Decimal(1).minus(share)),
  };
}

/** Why a Savings Plan's upfront part is what it is, by payment option (null: nothing upfront). */
export function savingsPlanUpfrontNote(paymentOption: PaymentOption): string | null {
  if (paymentOption === 'all-upfront') {
    return 'All Upfront Savings Plan: the whole commitment is paid at purchase, the rate × the term’s hours; nothing is billed hourly.';
  }
  if (paymentOption === 'partial-upfront') {
    return 'Partial Upfront Savings Plan: AWS takes 50 to 99% of the commitment upfront; shown at the minimum, half (the rate × the term’s hours ÷ 2), with the other half billed hourly.';
  }
  return null;
}
