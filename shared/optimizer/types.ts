import type {
  DateRange,
  OfferingClass,
  OperatingSystem,
  PaymentOption,
  PlanType,
  TermYears,
} from '../catalog-types';
import type { UsdString } from '../money';
import type { EstimateWarning, ScenarioEstimate } from '../pricing/estimate-types';
import type { MissingPrice } from '../pricing/missing-prices';
import type { Scenario } from '../scenario/schema';

/**
 * The purchase optimizer's input and output: for a scenario's hourly profiles, the mix of Reserved
 * Instances, Savings Plans, spot and On-Demand that costs least under the constraints. Every money
 * figure is a decimal string at full precision; the plan's totals are the estimate engine's own
 * figures for the scenario with the plan applied (so they agree with Compare and every report).
 */

/** The products a plan may buy (On-Demand is always allowed). */
export const OPTIMIZER_PRODUCTS = ['ri', 'sp', 'spot'] as const;
export type OptimizerProduct = (typeof OPTIMIZER_PRODUCTS)[number];

export const OPTIMIZER_PRODUCT_LABELS: Record<OptimizerProduct, string> = {
  ri: 'Reserved Instances',
  sp: 'Savings Plans',
  spot: 'Spot (interruption-tolerant lines)',
};

export interface OptimizeConstraints {
  /** The products the plan may buy; default all three. */
  allow: OptimizerProduct[];
  /** Largest upfront cash the plan may pay at purchase, USD; null = no limit. */
  maxUpfrontUsd: UsdString | null;
  /** Longest term the plan may commit to. */
  maxTermYears: TermYears;
  /**
   * Usage growth (positive) or decline (negative) per month over the term, percent: month m's usage
   * is the profile × (1 + pct/100)^m, whole instances rounded up. 0 = the profile as it is.
   */
  growthPctPerMonth: number;
}

export const DEFAULT_CONSTRAINTS: OptimizeConstraints = {
  allow: [...OPTIMIZER_PRODUCTS],
  maxUpfrontUsd: null,
  maxTermYears: 3,
  growthPctPerMonth: 0,
};

/** Reserved Instances to buy: regional scope (size-flexible within the family for Linux, shared tenancy). */
export interface ReservedPurchase {
  kind: 'reserved';
  instanceType: string;
  region: string;
  os: OperatingSystem;
  offeringClass: OfferingClass;
  termYears: TermYears;
  paymentOption: PaymentOption;
  count: number;
  /** True when they cover any size of their family in the region (normalization factors). */
  sizeFlexible: boolean;
  upfrontUsd: UsdString;
  /** Recurring charge per month (the hourly fee × hours per month). */
  recurringMonthlyUsd: UsdString;
  /** Upfront spread over the term plus the recurring charge, per month. */
  amortizedMonthlyUsd: UsdString;
  /** Share of the RIs' hours that covered usage, percent with one decimal. */
  utilizationPct: string;
  /** First month whose cumulative cost is at or below On-Demand's for the usage they cover; null = never. */
  breakEvenMonth: number | null;
}

/** A Savings Plan hourly commitment. */
export interface SavingsPlanPurchase {
  kind: 'savings-plan';
  planType: PlanType;
  /** EC2 Instance plans: the region and family they apply to; null for Compute plans. */
  region: string | null;
  family: string | null;
  termYears: TermYears;
  paymentOption: PaymentOption;
  commitmentHourlyUsd: UsdString;
  upfrontUsd: UsdString;
  recurringMonthlyUsd: UsdString;
  amortizedMonthlyUsd: UsdString;
  utilizationPct: string;
  breakEvenMonth: number | null;
}

export type PlanPurchase = ReservedPurchase | SavingsPlanPurchase;

/** How one scenario line is paid for under the plan. */
export interface PlanLine {
  lineId: string;
  lineName: string;
  instanceType: string;
  region: string;
  os: OperatingSystem;
  /** Instance-hours per month. */
  instanceHoursPerMonth: number;
  /** Shares of the line's instance-hours, percent with one decimal (they add up to 100). */
  spotPct: string;
  reservedPct: string;
  savingsPlanPct: string;
  onDemandPct: string;
  monthlyUsd: UsdString | null;
}

/** Cost against the commitment level of one product, the plan's other purchases held fixed. */
export interface CommitmentCurve {
  /** What is varied, e.g. "Standard RIs, 3-year, all upfront — m5 in us-east-1". */
  label: string;
  /** The level's unit: "RIs" (count) or "USD/h" (Savings Plan commitment). */
  unit: 'RIs' | 'USD/h';
  points: { level: number; monthlyUsd: UsdString }[];
  /** The plan's level (the optimum). */
  optimumLevel: number;
}

/** The plan's cost when usage turns out different from the profile (the purchases kept as planned). */
export interface SensitivityPoint {
  /** Usage change, percent: −40, −20, −10, 0, 10, 20, 40. */
  usageChangePct: number;
  planMonthlyUsd: UsdString;
  onDemandMonthlyUsd: UsdString;
  /** What re-optimizing for that usage would cost per month (the regret is the difference). */
  optimalMonthlyUsd: UsdString;
}

/** One step of a laddered plan: buy these at this month. */
export interface LadderStep {
  month: number;
  purchases: PlanPurchase[];
  upfrontUsd: UsdString;
}

/**
 * One commitment pool as the optimizer saw it (RIs' size-flexible family in a region, or one exact
 * type): its usage-duration curve with the plan's commitment layers, and its week as a heat map.
 */
export interface PlanPool {
  /** e.g. "m5 in us-east-1 (Linux, size-flexible)". */
  label: string;
  /** Usage is counted in instances of `unitType` (normalized units ÷ that type's factor). */
  unitType: string;
  /**
   * The usage-duration curve: usage sorted from the busiest hour down, sampled at ≤ 201 points;
   * point k is the usage exceeded in sharePct of the hours.
   */
  duration: { sharePct: number; usage: number }[];
  /** Commitment layers from the bottom up, in the same unit, cumulative (RIs, then each plan). */
  layers: { label: string; upTo: number }[];
  /** Mean usage and mean committed coverage per hour of the week (168 values, Monday 00:00 first). */
  weekUsage: number[];
  weekCovered: number[];
}

export interface PurchasePlan {
  constraints: OptimizeConstraints;
  purchases: PlanPurchase[];
  lines: PlanLine[];
  /** The plan's totals (the estimate engine's figures for `scenario`). */
  monthlyUsd: UsdString | null;
  upfrontUsd: UsdString | null;
  amortizedMonthlyUsd: UsdString | null;
  oneYearUsd: UsdString | null;
  threeYearUsd: UsdString | null;
  /** All On-Demand, same usage: the reference. */
  onDemandMonthlyUsd: UsdString | null;
  onDemandThreeYearUsd: UsdString | null;
  /** Saving on 3-year totals against all On-Demand, percent with one decimal. */
  savingsVsOnDemandPct: string | null;
  /** Share of the non-spot instance-hours covered by RIs or Savings Plans, percent with one decimal. */
  coveragePct: string | null;
  /** Share of all commitments paid that covered usage, percent with one decimal. */
  utilizationPct: string | null;
  /** The month (1..36) the plan costs most in, and that cost (growth and hourly series make months differ). */
  worstMonth: { month: number; monthlyUsd: UsdString } | null;
  pools: PlanPool[];
  curves: CommitmentCurve[];
  sensitivity: SensitivityPoint[];
  /** Present when the constraints ask for a ladder (growth, or an upfront cap the plan would exceed). */
  ladder: LadderStep[] | null;
  /** The scenario with the plan's purchases written into its lines ("Apply to scenario" saves it). */
  scenario: Scenario;
  /** The estimate of `scenario`. */
  estimate: ScenarioEstimate;
  /** How the optimum was found and what it assumed, in sentences (shown under the plan). */
  method: string[];
  warnings: EstimateWarning[];
  missingPrices: MissingPrice[];
  sourceIds: string[];
  pricesAsOf: DateRange | null;
}
