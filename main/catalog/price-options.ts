import { Decimal, HOURS_PER_MONTH, toCents, toUsdString } from '../../shared/money';
import { monthlyUsd } from '../../shared/pricing/rates';
import {
  OFFERING_CLASSES,
  PAYMENT_OPTIONS,
  PLAN_TYPES,
  type OfferingClass,
  type PaymentOption,
  type PlanType,
  type PriceOption,
  type PurchaseModel,
  type TermYears,
} from '../../shared/catalog-types';

export interface PriceDbRow {
  model: PurchaseModel;
  term_years: 0 | 1 | 3;
  payment_option: '' | PaymentOption;
  offering_class: '' | OfferingClass;
  plan_type: '' | PlanType;
  upfront_usd: string;
  hourly_usd: string;
  effective_hourly_usd: string;
  source_id: string;
}

interface Slot {
  model: PurchaseModel;
  termYears: TermYears | null;
  paymentOption: PaymentOption | null;
  offeringClass: OfferingClass | null;
  planType: PlanType | null;
}

/** Every way to buy an instance, in the order a person compares them. */
function allSlots(): Slot[] {
  const slots: Slot[] = [
    { model: 'on-demand', termYears: null, paymentOption: null, offeringClass: null, planType: null },
  ];
  for (const termYears of [1, 3] as const) {
    for (const offeringClass of OFFERING_CLASSES) {
      for (const paymentOption of PAYMENT_OPTIONS) {
        slots.push({ model: 'reserved', termYears, paymentOption, offeringClass, planType: null });
      }
    }
    for (const planType of PLAN_TYPES) {
      for (const paymentOption of PAYMENT_OPTIONS) {
        slots.push({ model: 'savings-plan', termYears, paymentOption, offeringClass: null, planType });
      }
    }
  }
  slots.push({ model: 'spot', termYears: null, paymentOption: null, offeringClass: null, planType: null });
  return slots;
}
const SLOTS = allSlots();

const slotKey = (model: string, term: number, payment: string, cls: string, plan: string) =>
  `${model}|${term}|${payment}|${cls}|${plan}`;

const MISSING_NOTE: Record<PurchaseModel, string> = {
  'on-demand': 'n/a — no on-demand price for this type, region and OS in the catalog',
  reserved: "n/a — import AWS's price files",
  'savings-plan': "n/a — import AWS's price files",
  spot: 'n/a — no spot observation for this type, region and OS',
};

/** Rounds a rate that may not terminate (upfront / 8,760) to a readable precision for transport. */
const rate = (d: Decimal) => toUsdString(d.toDecimalPlaces(8, Decimal.ROUND_HALF_UP));

export function buildPriceOptions(rows: PriceDbRow[], hoursPerMonth = HOURS_PER_MONTH): PriceOption[] {
  const byKey = new Map(
    rows.map((r) => [slotKey(r.model, r.term_years, r.payment_option, r.offering_class, r.plan_type), r]),
  );
  const od = byKey.get(slotKey('on-demand', 0, '', '', ''));
  const odEffective = od ? new Decimal(od.effective_hourly_usd) : null;
  return SLOTS.map((s): PriceOption => {
    const row = byKey.get(
      slotKey(s.model, s.termYears ?? 0, s.paymentOption ?? '', s.offeringClass ?? '', s.planType ?? ''),
    );
    if (!row) {
      return {
        ...s,
        upfrontUsd: null,
        hourlyUsd: null,
        effectiveHourlyUsd: null,
        monthlyUsd: null,
        savingsPct: null,
        sourceId: null,
        note: MISSING_NOTE[s.model],
      };
    }
    const effective = new Decimal(row.effective_hourly_usd);
    const savings =
      odEffective && odEffective.gt(0) && s.model !== 'on-demand'
        ? toUsdString(odEffective.minus(effective).div(odEffective).times(100).toDecimalPlaces(1))
        : null;
    return {
      ...s,
      upfrontUsd: toUsdString(new Decimal(row.upfront_usd)),
      hourlyUsd: toUsdString(new Decimal(row.hourly_usd)),
      effectiveHourlyUsd: rate(effective),
      monthlyUsd: toUsdString(toCents(monthlyUsd(effective, hoursPerMonth))),
      savingsPct: savings,
      sourceId: row.source_id,
      note:
        s.model === 'spot'
          ? 'Average observed spot price, not a guaranteed price; capacity can be reclaimed with 2 minutes notice. Interruption frequency: n/a in this data.'
          : null,
    };
  });
}
