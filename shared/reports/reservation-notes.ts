import { num } from '../explanation';
import { Decimal, formatUsd } from '../money';
import type { LineEstimate } from '../pricing/estimate-types';
import { lineName } from './describe';

/**
 * One sentence per line holding an On-Demand Capacity Reservation (shared/pricing/capacity-reservation.ts):
 * what it holds, its reserved and unused instance-hours a month, and what the unused part costs once
 * Reserved Instances and Savings Plans covered what they could. The reports' notes and the CLI say it alike.
 */
export function capacityReservationNotes(lines: readonly LineEstimate[]): string[] {
  return lines.flatMap((l) => {
    const r = l.capacityReservation;
    if (!r) return [];
    const unusedUsd = r.unusedReservationUsd === null ? null : new Decimal(r.unusedReservationUsd);
    return [
      `Capacity reservation, line ${lineName(l)}: ${r.count} × ${l.instanceType} in ${r.availabilityZone}, held every month and billed at the On-Demand rate whether used or not — ` +
        `${num(r.reservedHours)} reserved instance-hours a month, ${num(r.unusedReservedHours)} unused; ` +
        `after Reserved Instances and Savings Plans (which cover running instances first), ${num(r.unusedOnDemandHours)} unused instance-hours cost ${formatUsd(unusedUsd)} a month On-Demand (included in the line's compute).`,
    ];
  });
}
