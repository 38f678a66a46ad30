import { HOURS_PER_MONTH, type Decimal } from '../money';
import { TERM_HOURS } from '../units';

/**
 * Effective hourly rate of a commitment: upfront spread over the term's hours plus the recurring
 * hourly fee. AWS: "effective hourly = upfront / term hours + recurring hourly"
 * (docs.aws.amazon.com/AWSEC2/latest/UserGuide/reserved-instances-types.html; 1y = 8,760 h, 3y = 26,280 h).
 */
export function effectiveHourlyUsd(
  upfrontUsd: Decimal,
  hourlyUsd: Decimal,
  termYears: 1 | 3 | null,
): Decimal {
  if (termYears === null) return hourlyUsd;
  return upfrontUsd.div(TERM_HOURS[termYears]).plus(hourlyUsd);
}

/** Amortized monthly cost of one instance running all month at an effective hourly rate. */
export function monthlyUsd(effectiveHourly: Decimal, hoursPerMonth: number = HOURS_PER_MONTH): Decimal {
  return effectiveHourly.times(hoursPerMonth);
}

/** Upfront fee recovered from an all-upfront effective hourly figure (what ec2instances.info publishes). */
export function upfrontFromEffectiveHourly(effectiveHourly: Decimal, termYears: 1 | 3): Decimal {
  return effectiveHourly.times(TERM_HOURS[termYears]);
}
