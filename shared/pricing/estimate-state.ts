import type { PaymentOption, PurchaseModel, TermYears } from '../catalog-types';
import { Decimal } from '../money';
import type { ScenarioLine } from '../scenario/schema';
import type { EstimateWarning, LineEstimate } from './estimate-types';
import type { Ratio } from './ratio';
import type { MissingPriceTag } from './missing-prices';
import type { InstancePrices, RiRate } from './price-book';
import type { ProfileStats, UsageProfile } from './usage-profile';
import type { ReservationProfile } from './capacity-reservation';
import type { LineVolumesCost } from './volume-cost';

// The working state of one estimate: per-line purchases and the commitment pools they form.

export const ZERO = new Decimal(0);

export const UPFRONT_SHARE: Record<PaymentOption, Decimal> = {
  'no-upfront': new Decimal(0),
  'partial-upfront': new Decimal('0.5'),
  'all-upfront': new Decimal(1),
};
export const PAYMENT_RANK: Record<PaymentOption, number> = {
  'all-upfront': 0,
  'partial-upfront': 1,
  'no-upfront': 2,
};
export const MAX_SCALE_DECIMALS = 12;

export interface RiPurchase {
  rate: RiRate | null;
  count: number;
  pool: number;
}

export interface SpPurchase {
  termYears: TermYears;
  paymentOption: PaymentOption;
  rate: Decimal | null;
  commitment: Decimal | null;
  pool: number;
}

export interface LineState {
  line: ScenarioLine;
  index: number;
  profile: UsageProfile;
  prices: InstancePrices | null;
  model: PurchaseModel;
  onDemandRate: Decimal | null;
  spotRate: Decimal | null;
  periodInstanceHours: number;
  peak: number;
  min: number;
  /** Index in the allocation when some commitment may cover this line's usage, else -1. */
  allocationIndex: number;
  ri: RiPurchase | null;
  sp: SpPurchase | null;
  /** Compute money cannot be known (a Savings Plan purchase without its rate). */
  computeUnknown: boolean;
  complete: boolean;
  warnings: EstimateWarning[];
  /** The line's EBS volumes and snapshots (the same whatever the purchase). */
  ebs: LineVolumesCost;
  /** Timeline instance-hours covered: RI (instance-hours), SP (instance-hours). */
  riCoveredHours: Decimal;
  spCoveredHours: Decimal;
  /** The line's usage already worked, by what it depends on (line-usage.ts; shared by Compare's strategies). */
  usageWorked: Map<string, LineUsage>;
  /**
   * The line's capacity reservation (capacity-reservation.ts), and its running instances' statistics
   * (what its EBS follows); null without one. Unless the line is on spot, `profile`,
   * `periodInstanceHours`, `peak` and `min` are then the billed ones: max(running, reserved) each hour.
   */
  reservation: { profile: ReservationProfile; running: ProfileStats } | null;
}

/**
 * A line's instance-hours in a month by how they are paid, and what its On-Demand and spot hours
 * cost (line-usage.ts).
 */
export interface LineUsage {
  /** Instance-hours in the profile's period, and the ratio that turns them into a month. */
  usageHours: Decimal;
  ownToMonth: Ratio;
  monthHours: Decimal;
  reservedHours: Decimal;
  savingsPlanHours: Decimal;
  onDemandHours: Decimal;
  spotHours: Decimal;
  onDemandUsd: Decimal | null;
  spotUsd: Decimal | null;
  /** A line with a capacity reservation: its reserved and unused reserved instance-hours in a month, and those of the unused left On-Demand. */
  reservation: { reservedHours: Decimal; unusedHours: Decimal; unusedOnDemandHours: Decimal } | null;
  /** The month's hours as the estimate reports them. */
  instanceHours: number;
  coverage: LineEstimate['coverage'];
}

export interface RiPool {
  key: string;
  flexible: boolean;
  units: number;
  consumers: { line: number; factor: number }[];
  purchasers: number[];
}

export interface SpPool {
  key: string;
  planType: 'compute' | 'ec2-instance';
  termYears: TermYears;
  paymentOption: PaymentOption;
  region: string;
  familyOrType: string;
  commitment: Decimal;
  consumers: { line: number; rate: Decimal }[];
  purchasers: number[];
  savings: number;
}

export function warn(
  state: Pick<LineState, 'line' | 'warnings' | 'complete'>,
  code: EstimateWarning['code'],
  message: string,
  incomplete: boolean,
  missing?: MissingPriceTag,
): void {
  const tenancy = state.line.tenancy;
  const tag = missing && tenancy !== 'shared' ? { ...missing, tenancy } : missing;
  state.warnings.push({ code, message, lineId: state.line.id, ...(tag ? { missing: tag } : {}) });
  if (incomplete) state.complete = false;
}
