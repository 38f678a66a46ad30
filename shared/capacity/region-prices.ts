import type { OperatingSystem, PriceOption, PriceSource } from '../catalog-types';
import { Decimal, type UsdString } from '../money';
import { purchaseOptionOf } from '../pricing/purchase-options';

/**
 * One instance type in every region of the catalog: its headline prices side by side, each with the
 * as-of date of the source it came from, and why a figure is missing — the region does not offer the
 * type at all, or offers it but the catalog holds no such price.
 */

/** The headline figures of a region row, in the order the table shows them. */
export const REGION_PRICE_FIGURES = ['onDemand', 'best1y', 'best3y', 'spot'] as const;
export type RegionPriceFigure = (typeof REGION_PRICE_FIGURES)[number];

export const REGION_PRICE_FIGURE_LABELS: Record<RegionPriceFigure, string> = {
  onDemand: 'On-Demand',
  best1y: 'Best 1-year',
  best3y: 'Best 3-year',
  spot: 'Spot (average)',
};

/** How the region rows can be ordered: by region code or by one figure (missing figures last). */
export const REGION_PRICE_SORTS = ['region', ...REGION_PRICE_FIGURES] as const;
export type RegionPriceSort = (typeof REGION_PRICE_SORTS)[number];

/** A figure the region has no value for, in words. */
export const NOT_OFFERED = 'not offered in this region';
export const NO_PRICE = 'n/a — price not in catalog';
export const NO_SPOT_ADVISOR = 'Spot Advisor data not in this catalog';

export interface RegionPriceRow {
  instanceType: string;
  region: string;
  regionName: string;
  /** False when the catalog says the region does not offer the type (every figure is then null). */
  offered: boolean;
  onDemandHourlyUsd: UsdString | null;
  onDemandAsOf: string | null;
  /** Lowest effective hourly rate (upfront spread over the term) of any 1-year RI or Savings Plan. */
  best1yHourlyUsd: UsdString | null;
  /** The option that gives it: "Standard RIs, 1-year, all upfront". */
  best1yOption: string | null;
  best1yAsOf: string | null;
  best3yHourlyUsd: UsdString | null;
  best3yOption: string | null;
  best3yAsOf: string | null;
  /** Average observed spot price: never a guaranteed price. */
  spotHourlyUsd: UsdString | null;
  spotAsOf: string | null;
  /** AWS Spot Advisor's frequency-of-interruption band ("<5%", "5-10%", …) when the catalog has it. */
  spotInterruptionBand: string | null;
  spotInterruptionAsOf: string | null;
}

export interface RegionPricesResult {
  os: OperatingSystem;
  hoursPerMonth: number;
  instanceTypes: string[];
  /** Type by type, each type's regions in the order asked for. */
  rows: RegionPriceRow[];
  /** Whether the catalog holds Spot Advisor interruption bands; `note` says so when it does not. */
  spotAdvisor: { available: boolean; note: string | null };
  sources: PriceSource[];
}

/** One figure of a region row: its rate and date, or why there is none. */
export function regionFigure(
  row: RegionPriceRow,
  figure: RegionPriceFigure,
): { hourlyUsd: UsdString; asOf: string | null; option: string | null } | { missing: string } {
  if (!row.offered) return { missing: NOT_OFFERED };
  const picked: Record<RegionPriceFigure, [UsdString | null, string | null, string | null]> = {
    onDemand: [row.onDemandHourlyUsd, row.onDemandAsOf, null],
    best1y: [row.best1yHourlyUsd, row.best1yAsOf, row.best1yOption],
    best3y: [row.best3yHourlyUsd, row.best3yAsOf, row.best3yOption],
    spot: [row.spotHourlyUsd, row.spotAsOf, null],
  };
  const [hourlyUsd, asOf, option] = picked[figure];
  return hourlyUsd === null ? { missing: NO_PRICE } : { hourlyUsd, asOf, option };
}

/**
 * Orders region rows by a figure (cheapest first with `asc`); rows without that figure go last,
 * those not offered at all after them; ties and `region` sort by type then region code.
 */
export function sortRegionRows(
  rows: readonly RegionPriceRow[],
  by: RegionPriceSort,
  dir: 'asc' | 'desc' = 'asc',
): RegionPriceRow[] {
  const byName = (a: RegionPriceRow, b: RegionPriceRow) =>
    a.instanceType.localeCompare(b.instanceType) || a.region.localeCompare(b.region);
  if (by === 'region') {
    const sorted = [...rows].sort(byName);
    return dir === 'asc' ? sorted : sorted.reverse();
  }
  const rank = (r: RegionPriceRow) => {
    const f = regionFigure(r, by);
    return 'missing' in f ? { gap: f.missing === NOT_OFFERED ? 2 : 1, value: null } : { gap: 0, value: f };
  };
  return [...rows].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra.gap !== rb.gap) return ra.gap - rb.gap;
    if (ra.value && rb.value) {
      const c = new Decimal(ra.value.hourlyUsd).comparedTo(new Decimal(rb.value.hourlyUsd));
      if (c !== 0) return dir === 'asc' ? c : -c;
    }
    return byName(a, b);
  });
}

/** A dated figure picked from a type's purchase options in one region. */
export interface PickedRate {
  hourlyUsd: UsdString;
  sourceId: string | null;
  option: string | null;
}

/** One stored price, as much of it as the headline figures need (a PriceOption has these fields too). */
export type RateFact = Pick<
  PriceOption,
  | 'model'
  | 'termYears'
  | 'paymentOption'
  | 'offeringClass'
  | 'planType'
  | 'hourlyUsd'
  | 'effectiveHourlyUsd'
  | 'sourceId'
>;

/**
 * The headline figures of one type in one region from its prices: On-Demand, the lowest effective
 * rate of any 1-year and 3-year commitment (Reserved Instances and Savings Plans, upfront spread over
 * the term) and spot — what the catalog table's columns show (its price summary derives them the same
 * way) — with where each came from.
 */
export function headlineRates(facts: readonly RateFact[]): Record<RegionPriceFigure, PickedRate | null> {
  const plain = (model: 'on-demand' | 'spot'): PickedRate | null => {
    const f = facts.find((x) => x.model === model && x.hourlyUsd !== null);
    return f ? { hourlyUsd: f.hourlyUsd!, sourceId: f.sourceId, option: null } : null;
  };
  const best = (term: 1 | 3): PickedRate | null => {
    let found: { fact: RateFact; rate: Decimal } | null = null;
    for (const f of facts) {
      if (f.model !== 'reserved' && f.model !== 'savings-plan') continue;
      if (f.termYears !== term || f.effectiveHourlyUsd === null) continue;
      const rate = new Decimal(f.effectiveHourlyUsd);
      if (!found || rate.lt(found.rate)) found = { fact: f, rate };
    }
    if (!found) return null;
    return {
      hourlyUsd: found.fact.effectiveHourlyUsd!,
      sourceId: found.fact.sourceId,
      option: purchaseOptionOf(found.fact)?.label ?? null,
    };
  };
  return { onDemand: plain('on-demand'), best1y: best(1), best3y: best(3), spot: plain('spot') };
}
