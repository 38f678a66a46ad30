import type {
  OfferingClass,
  OperatingSystem,
  PaymentOption,
  PlanType,
  Tenancy,
  TermYears,
} from '../catalog-types';
import type { Decimal } from '../money';
import type { InstancePrices, RiRate } from '../pricing/price-book';
import type { UsageProfile } from '../pricing/usage-profile';
import type { ScenarioLine } from '../scenario/schema';

/** The optimizer's model of a scenario (built by pool-model.ts): lines, usage classes, pools, products. */

export interface ModelLine {
  index: number;
  line: ScenarioLine;
  profile: UsageProfile;
  prices: InstancePrices | null;
  /** Its usage class; -1 when the line has no On-Demand price (it cannot be optimized). */
  cls: number;
  /** Its monthly cost on spot; null when it may not or cannot go to spot. */
  spotMonthly: Decimal | null;
  /** Instance-hours in one period of its profile. */
  hours: number;
}

export interface UsageClass {
  key: string;
  instanceType: string;
  region: string;
  os: OperatingSystem;
  tenancy: Tenancy;
  family: string | null;
  familyOrType: string;
  /**
   * What its pools' keys gain for the lines' account (accounts.ts poolScope): '' when their account
   * shares RIs and Savings Plans (or the scenario names no accounts), else the account.
   */
  scope: string;
  pool: number;
  /** Normalized units one instance takes in its RI pool (1 in an exact pool). */
  factor: number;
  /** On-Demand USD per instance-hour. */
  od: number;
  odDec: Decimal;
  lines: number[];
}

export interface RiPoolInfo {
  key: string;
  flexible: boolean;
  region: string;
  os: OperatingSystem;
  family: string | null;
  label: string;
  /** Classes in the order the pool's RIs serve them (smallest size first, then line order). */
  classes: number[];
  /** The pool's smallest type: its usage is shown in instances of it. */
  unitType: string;
  unitFactor: number;
}

export interface RiProduct {
  kind: 'ri';
  id: string;
  pool: number;
  instanceType: string;
  /** Units one RI covers. */
  factor: number;
  offeringClass: OfferingClass;
  termYears: TermYears;
  paymentOption: PaymentOption;
  rate: RiRate;
  /** Per RI: recurring + upfront ÷ term months (the estimate's amortized month), and the upfront. */
  monthly: Decimal;
  upfront: Decimal;
  label: string;
}

export interface SpProduct {
  kind: 'sp';
  id: string;
  planType: PlanType;
  termYears: TermYears;
  paymentOption: PaymentOption;
  /** EC2 Instance plans: the region and family (familyOrType) they apply to; null for Compute. */
  region: string | null;
  familyOrType: string | null;
  /** The account scope of the lines it covers (UsageClass.scope). */
  scope: string;
  /** Classes it covers in AWS's order (highest savings first), with the plan's rate for each. */
  classes: number[];
  rates: number[];
  /** Per $1/h committed: the estimate's amortized month, and the upfront. */
  monthlyPerUsdHour: Decimal;
  upfrontPerUsdHour: Decimal;
  /** The best savings among its classes: where the plan is held, so the estimate orders plans by it. */
  savings: number;
  holderClass: number;
  label: string;
}

export type Product = RiProduct | SpProduct;

/** Each class's instances per timeline hour, off spot and on spot (usage-rows.ts classHours). */
export interface ClassHours {
  T: number;
  committed: Float64Array;
  spot: Float64Array;
}

/**
 * The step of a Savings Plan commitment: AWS takes an hourly commitment "between 0.001 and 1 million"
 * with no "more than five digits after the decimal point" (CreateSavingsPlan, docs.aws.amazon.com/
 * savingsplans/latest/APIReference/API_CreateSavingsPlan.html), so commitments are whole multiples of
 * $0.00001/h.
 */
export const SP_STEPS_PER_USD = 100_000;

export interface PlanModel {
  hoursPerMonth: number;
  lines: ModelLine[];
  classes: UsageClass[];
  pools: RiPoolInfo[];
  ri: RiProduct[];
  sp: SpProduct[];
  /** Why products were left out (no price for some usage, a dominated variant), in sentences. */
  notes: string[];
  /** Class hours already summed, by choice of spot lines (usage-rows.ts). */
  hoursCache: Map<string, ClassHours>;
}
