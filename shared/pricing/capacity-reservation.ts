import type { CapacityReservation } from '../scenario/schema';
import type { UsageProfile } from './usage-profile';

/**
 * On-Demand Capacity Reservations, as AWS bills them
 * (docs.aws.amazon.com/AWSEC2/latest/UserGuide/capacity-reservations-pricing-billing.html):
 * - a reservation is charged at the On-Demand rate of the instances it holds whether or not instances
 *   run in it; a matching instance running in it costs its own price and nothing for the reservation
 *   (20 reserved, 15 running: billed for 15 running and 5 unused);
 * - the billing discounts of regional Reserved Instances and Savings Plans apply to it, used or unused,
 *   first to the running instances and then to the unused reserved capacity;
 * - it is billed per second while it is provisioned.
 * So, each hour, a line with a reservation of R instances is billed for max(running, R) instance-hours:
 * the running ones, and R − running unused reserved instances (none when more run than are reserved).
 * The estimate holds the reservation for the whole horizon (every month alike); spot instances do not
 * run in a reservation, so a line bought as spot pays all R reserved instances as unused, On-Demand.
 */
export interface ReservationProfile {
  /** The reservation as the line gives it. */
  reservation: CapacityReservation;
  /** Instance-hours billed per hour: max(running, reserved). */
  billed: UsageProfile;
  /** Reserved instances not running, per hour of the period (R − running, at least 0). */
  unusedCounts: number[];
  /** Reserved instance-hours in one period (R × hours), and of them those unused. */
  reservedHours: number;
  unusedHours: number;
}

export function reservationProfile(
  profile: UsageProfile,
  reservation: CapacityReservation,
): ReservationProfile {
  const reserved = reservation.count;
  const n = profile.counts.length;
  const billed = new Array<number>(n);
  const unusedCounts = new Array<number>(n);
  let unusedHours = 0;
  for (let h = 0; h < n; h++) {
    const running = profile.counts[h] as number;
    const unused = Math.max(reserved - running, 0);
    billed[h] = running + unused;
    unusedCounts[h] = unused;
    unusedHours += unused;
  }
  return {
    reservation,
    billed: { counts: billed, periodHours: profile.periodHours },
    unusedCounts,
    reservedHours: reserved * profile.periodHours,
    unusedHours,
  };
}
