import { Decimal, HOURS_PER_MONTH, toCents, toUsdString } from '@shared/money';
import { monthlyUsd } from '@shared/pricing/rates';
import { savingsPct } from '@shared/pricing/percent';
import { PURCHASE_OPTIONS, purchaseOptionOf } from '@shared/pricing/purchase-options';
import { DERIVED_FEE_NOTE, savingsPlanPayment, savingsPlanUpfrontNote } from '@shared/pricing/upfront-fees';
import type { PriceOption, PurchaseModel, Tenancy } from '@shared/catalog-types';
import type { SpotAdvisorBand } from '@shared/pricing/spot-interruption';
import type { Ec2PriceDbRow } from './rows';
import { spotBandSentence, spotOptionFields } from './spot-advisor';

/** The ec2_prices columns a purchase option is built from. */
export type PriceDbRow = Pick<
  Ec2PriceDbRow,
  | 'model'
  | 'term_years'
  | 'payment_option'
  | 'offering_class'
  | 'plan_type'
  | 'upfront_usd'
  | 'hourly_usd'
  | 'effective_hourly_usd'
  | 'source_id'
  | 'upfront_source'
>;

/** The purchase option a stored row prices ('' and 0 are how the table says "none"). */
const optionOfRow = (r: PriceDbRow) =>
  purchaseOptionOf({
    model: r.model,
    termYears: r.term_years === 0 ? null : r.term_years,
    paymentOption: r.payment_option || null,
    offeringClass: r.offering_class || null,
    planType: r.plan_type || null,
  });

const MISSING_NOTE: Record<PurchaseModel, string> = {
  'on-demand': 'n/a — no on-demand price for this type, region and OS in the catalog',
  reserved: "n/a — import AWS's price files",
  'savings-plan': "n/a — import AWS's price files",
  spot: 'n/a — no spot observation for this type, region and OS',
};

/**
 * Other tenancies: the shipped snapshot has none of their prices, so a missing one comes from AWS's
 * price files; spot is shared tenancy only, and the catalog takes no Savings Plans rate for a host.
 */
const MISSING_NOTE_OF_TENANCY: Record<Exclude<Tenancy, 'shared'>, Record<PurchaseModel, string>> = {
  dedicated: {
    'on-demand':
      "n/a — no Dedicated Instance price for this type, region and OS in the catalog: import AWS's price files",
    reserved: "n/a — import AWS's price files",
    'savings-plan': "n/a — import AWS's price files",
    spot: 'n/a — spot prices are shared tenancy only',
  },
  host: {
    'on-demand':
      "n/a — no per-instance charge on a Dedicated Host for this type, region and OS in the catalog: import AWS's price files",
    reserved: 'n/a — on a Dedicated Host, reserve the host (Dedicated Host Reservation), not the instance',
    'savings-plan': 'n/a — Savings Plans rates for Dedicated Hosts (per host family) are not in the catalog',
    spot: 'n/a — spot prices are shared tenancy only',
  },
};

/**
 * What is paid upfront and per hour. A reservation's fee is stored as its source gives it (published,
 * or derived from an effective rate: upfront_source). A Savings Plans row holds the plan's rate per
 * hour, and its upfront part follows from the payment option (shared/pricing/upfront-fees.ts).
 */
function paymentOf(row: PriceDbRow): {
  upfrontUsd: Decimal;
  hourlyUsd: Decimal;
  derived: boolean;
  note: string | null;
} {
  if (row.model === 'savings-plan' && row.term_years !== 0 && row.payment_option !== '') {
    const split = savingsPlanPayment(new Decimal(row.hourly_usd), row.term_years, row.payment_option);
    const note = savingsPlanUpfrontNote(row.payment_option);
    return { ...split, derived: note !== null, note };
  }
  const derived = row.upfront_source === 'derived';
  return {
    upfrontUsd: new Decimal(row.upfront_usd),
    hourlyUsd: new Decimal(row.hourly_usd),
    derived,
    note: derived ? DERIVED_FEE_NOTE : null,
  };
}

/** Rounds a rate that may not terminate (upfront / 8,760) to a readable precision for transport. */
const rate = (d: Decimal) => toUsdString(d.toDecimalPlaces(8, Decimal.ROUND_HALF_UP));

/**
 * `spotAdvisor`: AWS's Spot Advisor band for the type, region and OS; the spot option carries it.
 * `tenancy`: the tenancy the rows are of (the notes of a missing figure say how to get it).
 */
export function buildPriceOptions(
  rows: PriceDbRow[],
  hoursPerMonth = HOURS_PER_MONTH,
  spotAdvisor: SpotAdvisorBand | null = null,
  tenancy: Tenancy = 'shared',
): PriceOption[] {
  const missing = tenancy === 'shared' ? MISSING_NOTE : MISSING_NOTE_OF_TENANCY[tenancy];
  const byKey = new Map<string, PriceDbRow>();
  for (const r of rows) {
    const option = optionOfRow(r);
    if (option) byKey.set(option.key, r);
  }
  const od = byKey.get('on-demand');
  const odEffective = od ? new Decimal(od.effective_hourly_usd) : null;
  return PURCHASE_OPTIONS.map(
    ({ model, termYears, paymentOption, offeringClass, planType, key }): PriceOption => {
      const s = { model, termYears, paymentOption, offeringClass, planType };
      const band = spotOptionFields(model === 'spot' ? spotAdvisor : null);
      const row = byKey.get(key);
      if (!row) {
        return {
          ...s,
          upfrontUsd: null,
          upfrontDerived: false,
          upfrontNote: null,
          hourlyUsd: null,
          effectiveHourlyUsd: null,
          monthlyUsd: null,
          savingsPct: null,
          sourceId: null,
          note:
            s.model === 'spot' && tenancy === 'shared'
              ? `${missing.spot}. ${spotBandSentence(spotAdvisor)}`
              : missing[s.model],
          ...band,
        };
      }
      const effective = new Decimal(row.effective_hourly_usd);
      const payment = paymentOf(row);
      return {
        ...s,
        upfrontUsd: toUsdString(payment.upfrontUsd),
        upfrontDerived: payment.derived,
        upfrontNote: payment.note,
        hourlyUsd: toUsdString(payment.hourlyUsd),
        effectiveHourlyUsd: rate(effective),
        monthlyUsd: toUsdString(toCents(monthlyUsd(effective, hoursPerMonth))),
        savingsPct: s.model === 'on-demand' ? null : savingsPct(odEffective, effective),
        sourceId: row.source_id,
        note:
          s.model === 'spot'
            ? `Average observed spot price, not a guaranteed price; capacity can be reclaimed with 2 minutes notice. ${spotBandSentence(spotAdvisor)}`
            : null,
        ...band,
      };
    },
  );
}
