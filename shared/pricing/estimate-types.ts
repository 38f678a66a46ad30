import type {
  DateRange,
  OperatingSystem,
  PurchaseModel,
  Tenancy,
  TermYears,
  VolumeType,
} from '../catalog-types';
import type { DedicatedFeeEstimate, DedicatedHostEstimate } from './tenancy-types';
import type { UsdString } from '../money';
import type { EstimateExplanation, TotalsExplanation } from './explanation-types';
import type { MissingPrice, MissingPriceTag } from './missing-prices';
import type { DemandEstimate } from '../capacity/demand';
import type { QuotaCheck } from '../capacity/quotas';
import type { BudgetCheck } from './budget';
import type { SupportEstimate } from './support-estimate';

/**
 * Results of the pricing engine. Money crosses JSON, so every figure is a decimal string (UsdString)
 * at full precision (no rounding: format with formatUsd for display); a figure that cannot be priced
 * is null, never "0".
 */
export type EstimateWarningCode =
  | 'missing-price'
  | 'unknown-instance'
  | 'unknown-region'
  | 'spot-not-tolerant'
  | 'spot-caveat'
  | 'no-ebs-prices'
  | 'unused-commitment'
  | 'sp-rate-missing-for-eligible-usage'
  | 'timeline-approximation'
  | 'strategy-unavailable'
  | 'under-provisioned'
  | 'demand-not-sized'
  | 'tenancy-purchase';

export interface EstimateWarning {
  code: EstimateWarningCode;
  message: string;
  /** The line it concerns; null for the whole scenario or strategy. */
  lineId: string | null;
  /**
   * A missing price: its family, scope and option. Such warnings are gathered into `missingPrices` and
   * shown once per family (missing-prices.ts), never one by one.
   */
  missing?: MissingPriceTag;
}

/**
 * Compute cost of a line by purchase model, amortized per month (upfront spread over the term).
 * Disjoint: the parts add up to the line's computeAmortizedMonthlyUsd. Commitments sit on the line
 * that buys them, whichever line's usage they end up covering.
 */
export interface ComputeBreakdown {
  onDemandUsd: UsdString | null;
  /** Reserved Instance hours that covered usage (any line's). */
  reservedUsd: UsdString | null;
  /** Savings Plan commitment that paid for usage (any line's). */
  savingsPlanUsd: UsdString | null;
  spotUsd: UsdString | null;
  /** A spot line's expected interruption cost (see spotInterruption); 0 when it states none. */
  interruptionUsd: UsdString | null;
  /** RI hours and SP commitment paid but not used. */
  unusedCommitmentUsd: UsdString | null;
  /** Dedicated Hosts and the Dedicated per-Region fee the line carries (tenancy-types.ts); absent when none. */
  dedicatedUsd?: UsdString | null;
}

/** How this line's own instance-hours per month were paid for (numbers of instance-hours). */
export interface LineCoverage {
  onDemandHours: number;
  reservedHours: number;
  savingsPlanHours: number;
  spotHours: number;
}

export interface CommitmentEstimate {
  model: Extract<PurchaseModel, 'reserved' | 'savings-plan'>;
  termYears: TermYears;
  /** RIs bought (reserved) or null. */
  count: number | null;
  /** USD per hour committed (savings-plan) or null. */
  commitmentHourlyUsd: UsdString | null;
  upfrontUsd: UsdString | null;
  recurringMonthlyUsd: UsdString | null;
  /** Share of the commitment (RI hours or SP dollars) that covered usage, percent with one decimal. */
  utilizationPct: string | null;
}

export interface VolumeComponentEstimate {
  dimension: string;
  /** Per volume, in `unit`. */
  quantity: number;
  unit: string;
  unitUsd: UsdString;
  /** For all of this line's volumes of this kind. */
  monthlyUsd: UsdString;
}

export interface VolumeEstimate {
  /** Index in the line's `volumes`. */
  index: number;
  volumeType: VolumeType;
  sizeGiB: number;
  /** Volumes billed for the whole month (peak instances × per instance, or average running). */
  billedVolumes: number;
  /** One volume's month. */
  perVolumeMonthlyUsd: UsdString | null;
  monthlyUsd: UsdString | null;
  /** Snapshot storage plus fast snapshot restore (for all billed volumes). */
  snapshotMonthlyUsd: UsdString | null;
  /** The fast snapshot restore part of snapshotMonthlyUsd: '0' when the policy enables none. */
  fastSnapshotRestoreMonthlyUsd: UsdString | null;
  components: VolumeComponentEstimate[];
}

/**
 * A spot line's interruption band (AWS's Spot Advisor) and, when the line states what an interruption
 * costs, the expected extra cost at the band's upper bound (shared/pricing/spot-interruption.ts).
 */
export interface SpotInterruptionEstimate {
  /** AWS's band label ("15-20%"); null when the catalog has no Spot Advisor entry. */
  band: string | null;
  /** The band's upper bound, percent of instances interrupted per month. */
  upperBoundPct: number | null;
  /** The advisor's savings over On-Demand, percent. */
  advisorSavingsPct: number | null;
  /** The Spot Advisor data's as-of date. */
  asOf: string | null;
  /** What the line says one interruption costs; null when it says nothing (no cost is added). */
  kind: 'rerun' | 'fallback-on-demand' | null;
  minutes: number | null;
  /** Expected interruptions and the extra instance-hours they cost, per month (decimal strings). */
  interruptions: string | null;
  extraInstanceHours: string | null;
  /** The hourly rate the extra hours are priced at (spot, or On-Demand minus spot). */
  rateUsd: UsdString | null;
  /** Expected extra cost per month; null when it cannot be priced (no band, no rate). */
  monthlyUsd: UsdString | null;
  /** "expected interruption cost (derived from the Spot Advisor's upper bound 20 %, 2025-06-28)". */
  label: string | null;
  /** The arithmetic in words. */
  working: string | null;
}

export interface LineEstimate {
  id: string;
  /** The line's name as the scenario gives it; null when it has none (show the id). */
  name: string | null;
  instanceType: string;
  region: string;
  os: OperatingSystem;
  /** The model the line was priced with (a non-tolerant spot line is priced on-demand). */
  model: PurchaseModel;
  /** Instance-hours per month (the profile scaled by hoursPerMonth / periodHours). */
  instanceHours: number;
  peakCount: number;
  minCount: number;
  /** Recurring compute cash per month: on-demand + RI hourly fees + SP commitment + spot. */
  computeMonthlyUsd: UsdString | null;
  /** Compute with commitment upfronts spread over their term (the breakdown's sum). */
  computeAmortizedMonthlyUsd: UsdString | null;
  storageMonthlyUsd: UsdString | null;
  snapshotMonthlyUsd: UsdString | null;
  /** Commitment cash paid at purchase (once per term). */
  upfrontUsd: UsdString | null;
  /** Recurring cash per month: compute + EBS storage + snapshots. */
  monthlyUsd: UsdString | null;
  /** monthlyUsd + upfrontUsd / (termYears × 12). */
  amortizedMonthlyUsd: UsdString | null;
  compute: ComputeBreakdown;
  coverage: LineCoverage;
  commitment: CommitmentEstimate | null;
  /** Lines priced as spot: the band and the expected interruption cost; null otherwise. */
  spotInterruption: SpotInterruptionEstimate | null;
  /** Lines sized from demand: the peak instances, per AZ, and how they follow; null for a count. */
  demand: DemandEstimate | null;
  volumes: VolumeEstimate[];
  complete: boolean;
  warnings: EstimateWarning[];
  /** Lines holding an On-Demand Capacity Reservation (capacity-reservation.ts); absent otherwise. */
  capacityReservation?: CapacityReservationEstimate;
  /** Shared, Dedicated Instance or Dedicated Host; absent = shared (the default). */
  tenancy?: Tenancy;
  /** Lines on Dedicated Hosts: the hosts they hold (dedicated-hosts.ts); absent otherwise. */
  dedicatedHost?: DedicatedHostEstimate;
  /** The Dedicated per-Region fee, on the first Dedicated Instance line of its account and region. */
  dedicatedFee?: DedicatedFeeEstimate;
}

/**
 * A line's capacity reservation in a month. The line's instanceHours and coverage are then the billed
 * instance-hours, max(running, reserved) each hour (running instances on spot: running + reserved).
 */
export interface CapacityReservationEstimate {
  count: number;
  availabilityZone: string;
  /** Reserved instance-hours per month (count × hours). */
  reservedHours: number;
  /** Of them, those no instance of the line ran in. */
  unusedReservedHours: number;
  /** Of the unused, those no Reserved Instance or Savings Plan covered (billed On-Demand). */
  unusedOnDemandHours: number;
  /** What the unused reserved capacity costs per month after commitments covered what they could. */
  unusedReservationUsd: UsdString | null;
}

export interface EstimateTotals {
  monthlyUsd: UsdString;
  upfrontUsd: UsdString;
  amortizedMonthlyUsd: UsdString;
  /** All upfronts + 12 × monthly. */
  oneYearUsd: UsdString;
  /** Upfronts over 36 months (1-year terms renewed: paid 3 times; 3-year once) + 36 × monthly. */
  threeYearUsd: UsdString;
  /**
   * False when some figure could not be priced: the totals then add up only what could be priced
   * (see the warnings and incompleteLineIds).
   */
  complete: boolean;
  incompleteLineIds: string[];
}

export interface ScenarioEstimate {
  name: string;
  hoursPerMonth: number;
  lines: LineEstimate[];
  totals: EstimateTotals;
  /** Every warning of every line, plus scenario-level ones. */
  warnings: EstimateWarning[];
  /** The prices this estimate lacks, one entry per family with the lines it concerns. */
  missingPrices: MissingPrice[];
  /** The arithmetic behind every figure, when the call asked for it (`explain: true`). */
  explanation?: EstimateExplanation;
  /** The sources of the prices this estimate used (prices-as-of.ts: sourcesUsed), sorted. */
  sourceIds: string[];
  /** The oldest and newest as-of date among those prices; null when no price was used. */
  pricesAsOf: DateRange | null;
  /** Peak running vCPUs per EC2 quota class and region against the account's quotas (shared/capacity/quotas.ts). */
  quotas: QuotaCheck;
  /** The scenario's budget against the month-by-month cash (budget.ts); absent when it has none. */
  budget?: BudgetCheck;
  /** The AWS Support plan's fee beside the totals (support-estimate.ts); absent when the scenario names none. */
  support?: SupportEstimate;
  /** Cost per account (account-totals.ts); present only when the scenario names accounts. */
  accounts?: AccountEstimate[];
}

/** The interruption bands across a strategy's spot lines (AWS's Spot Advisor). */
export interface SpotBandSummary {
  /** "5-10% … 15-20%", or one band; null when none of the lines has a band. */
  range: string | null;
  /** The Spot Advisor data's date (the newest, should the lines' differ); null without a band. */
  asOf: string | null;
  /** Lines on spot, and how many of them the catalog has no band for. */
  lines: number;
  linesWithoutBand: number;
}

export interface StrategyResult {
  id: string;
  label: string;
  monthlyUsd: UsdString | null;
  upfrontUsd: UsdString | null;
  amortizedMonthlyUsd: UsdString | null;
  oneYearUsd: UsdString | null;
  threeYearUsd: UsdString | null;
  /** Saving on 3-year totals against all on-demand, percent with one decimal; null when incomplete. */
  savingsVsOnDemandPct: string | null;
  /**
   * First month (1..36) whose cumulative cash is at or below on-demand's; 0 when nothing is paid upfront
   * and it is cheaper from the first month; null when never, when it saves nothing, when incomplete,
   * and for the on-demand reference itself.
   */
  breakEvenMonth: number | null;
  /** The break-even in words, as the screen and every report say it (break-even.ts: breakEvenWords). */
  breakEven: string;
  /** Spot strategies: the Spot Advisor bands of the lines put on spot; null for the other strategies. */
  spotBands: SpotBandSummary | null;
  /** Cumulative cash at months 0..36 (37 points); null when incomplete. */
  cumulativeUsd: UsdString[] | null;
  complete: boolean;
  /** The strategy's warnings, without the missing prices (those are in missingPrices, once per family). */
  warnings: EstimateWarning[];
  /** The prices this strategy lacks, one entry per family with the lines it concerns. */
  missingPrices: MissingPrice[];
  /** The arithmetic behind its monthly, upfront, amortized, 1- and 3-year figures, when asked for. */
  explanation?: TotalsExplanation;
  /** The sources of the prices this strategy used, and their oldest and newest as-of date. */
  sourceIds: string[];
  pricesAsOf: DateRange | null;
  /** The quota check of the mix bought this way (spot lines against the spot classes). */
  quotas: QuotaCheck;
  /** The scenario's budget against this strategy's cash (budget.ts); absent when it has none or incomplete. */
  budget?: BudgetCheck;
  /** The support plan's fee on this strategy's own charges (support-estimate.ts); absent when none is named. */
  support?: SupportEstimate;
}

/**
 * One account's share of an estimate (account-totals.ts): its lines' figures, each commitment in the
 * account of the line that buys it, whichever account's usage it covers.
 */
export interface AccountEstimate {
  id: string;
  /** The account's name as the scenario gives it; null when it has none (show the id). */
  name: string | null;
  /** Whether it shares RI and Savings Plans discounts with the organization's other sharing accounts. */
  sharing: boolean;
  lineIds: string[];
  totals: EstimateTotals;
}
