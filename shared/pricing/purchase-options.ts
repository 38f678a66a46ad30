import {
  OFFERING_CLASSES,
  PAYMENT_OPTIONS,
  PLAN_TYPES,
  type OfferingClass,
  type PaymentOption,
  type PlanType,
  type PurchaseModel,
  type TermYears,
} from '../catalog-types';
import type { Purchase } from '../scenario/schema';

/**
 * Every way to buy an instance, listed once: on-demand; Reserved Instances of each offering class,
 * term and payment option; Savings Plans of each plan type, term and payment option; spot. The
 * catalog's price options, Compare's strategies and every label shown for them come from this list.
 */

export const TERM_YEARS: readonly TermYears[] = [1, 3];

/** The structured fields of an option; null where the option has no such field (on-demand has no term). */
export interface PurchaseOptionFields {
  model: PurchaseModel;
  termYears: TermYears | null;
  paymentOption: PaymentOption | null;
  offeringClass: OfferingClass | null;
  planType: PlanType | null;
}

export interface PurchaseOption extends PurchaseOptionFields {
  /** The option as a scenario line's purchase (RIs and plans sized to steady usage). */
  purchase: Purchase;
  /** Stable id, e.g. "reserved-standard-1y-all-upfront", "savings-plan-compute-3y-no-upfront". */
  key: string;
  /** Position in the catalog's list (terms together: the order a person compares them in). */
  order: number;
  /** In a sentence or a list of strategies: "Standard RIs, 1-year, all upfront". */
  label: string;
  /** In a compact chart legend: "RI Standard 1 yr, All upfront". */
  shortLabel: string;
}

export const PURCHASE_MODEL_LABELS: Record<PurchaseModel, string> = {
  'on-demand': 'On-demand',
  reserved: 'Reserved',
  'savings-plan': 'Savings Plan',
  spot: 'Spot',
};
export const PAYMENT_LABELS: Record<PaymentOption, string> = {
  'no-upfront': 'No upfront',
  'partial-upfront': 'Partial upfront',
  'all-upfront': 'All upfront',
};
export const OFFERING_CLASS_LABELS: Record<OfferingClass, string> = {
  standard: 'Standard',
  convertible: 'Convertible',
};
export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  compute: 'Compute',
  'ec2-instance': 'EC2 Instance',
};

/** "no upfront", as it reads inside a sentence. */
export const paymentWords = (p: PaymentOption): string => PAYMENT_LABELS[p].toLowerCase();

const NONE = { termYears: null, paymentOption: null, offeringClass: null, planType: null } as const;

/** The key of any set of fields (a catalog row, a purchase): `${model}-${class or plan}-${term}y-${payment}`. */
export function purchaseOptionKey(f: PurchaseOptionFields): string {
  if (f.termYears === null || f.paymentOption === null) return f.model;
  return `${f.model}-${f.offeringClass ?? f.planType}-${f.termYears}y-${f.paymentOption}`;
}

/** The structured fields of a scenario line's purchase. */
export function purchaseFields(p: Purchase): PurchaseOptionFields {
  switch (p.model) {
    case 'reserved':
      return {
        ...NONE,
        model: p.model,
        termYears: p.termYears,
        paymentOption: p.paymentOption,
        offeringClass: p.offeringClass,
      };
    case 'savings-plan':
      return {
        ...NONE,
        model: p.model,
        termYears: p.termYears,
        paymentOption: p.paymentOption,
        planType: p.planType,
      };
    default:
      return { ...NONE, model: p.model };
  }
}

function option(purchase: Purchase, order: number): PurchaseOption {
  const fields = purchaseFields(purchase);
  const { model, termYears: t, paymentOption: p, offeringClass: c, planType: plan } = fields;
  let label = PURCHASE_MODEL_LABELS[model];
  let shortLabel = label;
  if (t !== null && p !== null && c !== null) {
    label = `${OFFERING_CLASS_LABELS[c]} RIs, ${t}-year, ${paymentWords(p)}`;
    shortLabel = `RI ${OFFERING_CLASS_LABELS[c]} ${t} yr, ${PAYMENT_LABELS[p]}`;
  } else if (t !== null && p !== null && plan !== null) {
    label = `${PLAN_TYPE_LABELS[plan]} Savings Plan, ${t}-year, ${paymentWords(p)}`;
    shortLabel = `SP ${PLAN_TYPE_LABELS[plan]} ${t} yr, ${PAYMENT_LABELS[p]}`;
  }
  return { ...fields, purchase, key: purchaseOptionKey(fields), order, label, shortLabel };
}

function allOptions(): PurchaseOption[] {
  const purchases: Purchase[] = [{ model: 'on-demand' }];
  for (const termYears of TERM_YEARS) {
    for (const offeringClass of OFFERING_CLASSES) {
      for (const paymentOption of PAYMENT_OPTIONS) {
        purchases.push({ model: 'reserved', termYears, paymentOption, offeringClass });
      }
    }
    for (const planType of PLAN_TYPES) {
      for (const paymentOption of PAYMENT_OPTIONS) {
        purchases.push({ model: 'savings-plan', termYears, paymentOption, planType });
      }
    }
  }
  purchases.push({ model: 'spot' });
  return purchases.map(option);
}

/** The 26 options: 1 on-demand + 2 terms × (2 classes + 2 plan types) × 3 payments + 1 spot. */
export const PURCHASE_OPTIONS: readonly PurchaseOption[] = allOptions();

const BY_KEY = new Map(PURCHASE_OPTIONS.map((o) => [o.key, o]));

/** The listed option with exactly these fields, or undefined when they name none. */
export function purchaseOptionOf(f: PurchaseOptionFields): PurchaseOption | undefined {
  const o = BY_KEY.get(purchaseOptionKey(f));
  return o &&
    o.model === f.model &&
    o.termYears === f.termYears &&
    o.paymentOption === f.paymentOption &&
    o.offeringClass === f.offeringClass &&
    o.planType === f.planType
    ? o
    : undefined;
}

const MODEL_RANK: Record<PurchaseModel, number> = { 'on-demand': 0, reserved: 1, 'savings-plan': 2, spot: 3 };
const rankOf = <T extends string>(list: readonly T[], v: T | null) => (v === null ? -1 : list.indexOf(v));

/**
 * Compare's order: by product (on-demand, each RI class, each plan type, spot), then term, then
 * payment, so one product's six variants stand together.
 */
export function byProduct(a: PurchaseOption, b: PurchaseOption): number {
  return (
    MODEL_RANK[a.model] - MODEL_RANK[b.model] ||
    rankOf(OFFERING_CLASSES, a.offeringClass) - rankOf(OFFERING_CLASSES, b.offeringClass) ||
    rankOf(PLAN_TYPES, a.planType) - rankOf(PLAN_TYPES, b.planType) ||
    (a.termYears ?? 0) - (b.termYears ?? 0) ||
    rankOf(PAYMENT_OPTIONS, a.paymentOption) - rankOf(PAYMENT_OPTIONS, b.paymentOption)
  );
}
