import type { EbsPrices } from '../catalog-types';
import { InputError } from '../errors';
import { Decimal } from '../money';
import { MissingPriceError } from './cost';

/**
 * EBS fast snapshot restore (FSR): a snapshot restored into fully initialized volumes, enabled per
 * snapshot and per Availability Zone. AWS bills it in Data Services Unit-hours: one DSU-hour for each
 * hour a snapshot has FSR enabled in each AZ ("charged in Data Services Unit-Hours (DSUs) for each
 * Availability Zone in which it is enabled … billed per minute with a one-hour minimum", How AWS Pricing
 * Works, docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/amazon-ebs.html; "each snapshot
 * and Availability Zone pair refers to one fast snapshot restore", Amazon EBS User Guide,
 * docs.aws.amazon.com/ebs/latest/userguide/ebs-fast-snapshot-restore.html). The catalog's price is
 * USD per DSU-hour (ebs_prices, dimension 'fast-snapshot-restore'; us-east-1 $0.75).
 *
 * Model: FSR stays enabled all month, so DSU-hours = snapshots × AZs × hours per month.
 */
export interface FastSnapshotRestorePlan {
  /** Snapshots kept with FSR enabled (the newest ones); 1 unless said. */
  snapshots: number;
  availabilityZones: number;
  hoursPerMonth: number;
}

export interface FastSnapshotRestoreCost {
  dsuHours: number;
  /** USD per DSU-hour. */
  unitUsd: Decimal;
  monthlyUsd: Decimal;
}

/** The most AZs FSR is enabled in per rule (Amazon Data Lifecycle Manager FastRestoreRule). */
export const MAX_FSR_AVAILABILITY_ZONES = 10;
/** The most snapshots a Data Lifecycle Manager rule keeps FSR on (FastRestoreRule Count). */
export const MAX_FSR_SNAPSHOTS = 1000;

function whole(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InputError(field, `must be a whole number from 1 to ${max.toLocaleString('en-US')}`);
  }
  return value;
}

/** The catalog's FSR price, or MissingPriceError naming it and the region. */
export function fastSnapshotRestoreRate(prices: EbsPrices): Decimal {
  const value = prices.snapshots.fastSnapshotRestoreUsdPerDsuHour;
  if (value === null || value.trim() === '') {
    throw new MissingPriceError(prices.region, 'snapshot', 'fast snapshot restore');
  }
  return new Decimal(value);
}

export function fastSnapshotRestoreMonthlyCost(
  plan: FastSnapshotRestorePlan,
  prices: EbsPrices,
): FastSnapshotRestoreCost {
  const snapshots = whole('snapshots', plan.snapshots, MAX_FSR_SNAPSHOTS);
  const zones = whole('availabilityZones', plan.availabilityZones, MAX_FSR_AVAILABILITY_ZONES);
  if (!(plan.hoursPerMonth > 0)) throw new InputError('hoursPerMonth', 'must be above 0');
  const unitUsd = fastSnapshotRestoreRate(prices);
  const dsuHours = new Decimal(snapshots).times(zones).times(plan.hoursPerMonth);
  return { dsuHours: dsuHours.toNumber(), unitUsd, monthlyUsd: unitUsd.times(dsuHours) };
}
