import type { InstanceSpec, OperatingSystem, PriceSource } from '../catalog-types';
import { Decimal, HOURS_PER_MONTH, toUsdString, type UsdString } from '../money';

/**
 * The instance finder's ranking: from every (type, region) that meets the requirements (the catalog
 * filters them), the cheapest for a chosen way of buying, with what a vCPU and a GiB cost an hour.
 * Pure: main/catalog/instance-finder.ts reads the candidates, the renderer and CLI show the rows.
 */

/** Ways of buying the finder ranks by: the catalog table's headline figures. */
export const FINDER_PURCHASES = ['on-demand', 'best-1y', 'best-3y', 'spot'] as const;
export type FinderPurchase = (typeof FINDER_PURCHASES)[number];

export const FINDER_PURCHASE_LABELS: Record<FinderPurchase, string> = {
  'on-demand': 'On-Demand',
  'best-1y': 'Best 1-year commitment',
  'best-3y': 'Best 3-year commitment',
  spot: 'Spot (average)',
};

/** One (type, region) that meets the requirements, with its headline hourly rates (null = not in the catalog). */
export interface FinderCandidate {
  instanceType: string;
  vcpu: number;
  memoryGiB: number;
  region: string;
  rates: Record<FinderPurchase, UsdString | null>;
}

export interface FinderRow extends InstanceSpec {
  region: string;
  /** All regions: other regions where the type costs the same (each type is listed once, at its cheapest). */
  sameRateIn: string[];
  /** The rate of the chosen way of buying (an effective rate for commitments: upfront spread over the term). */
  hourlyUsd: UsdString;
  monthlyUsd: UsdString;
  perVcpuHourUsd: UsdString | null;
  perGiBHourUsd: UsdString | null;
  onDemandHourlyUsd: UsdString | null;
  /** The commitment that gives a best 1-/3-year rate ("Standard RIs, 3-year, all upfront"). */
  option: string | null;
  /** The as-of date of the rate's source. */
  asOf: string | null;
}

export interface FinderResult {
  /** A region code, or "all". */
  region: string;
  os: OperatingSystem;
  purchase: FinderPurchase;
  hoursPerMonth: number;
  /** Instance types that meet the requirements (in any region searched). */
  matchedTypes: number;
  /** Of those, how many have no price for the chosen way of buying (they cannot be ranked). */
  unpricedTypes: number;
  rows: FinderRow[];
  sources: PriceSource[];
}

/** What one unit (a vCPU, a GiB) costs an hour: the rate over the count, to 8 decimals; null without either. */
export function perUnitHourlyUsd(hourlyUsd: UsdString | null, units: number | null): UsdString | null {
  if (hourlyUsd === null || units === null || !(units > 0)) return null;
  return toUsdString(new Decimal(hourlyUsd).dividedBy(units).toDecimalPlaces(8, Decimal.ROUND_HALF_UP));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A ranked candidate, before its specs and date are looked up. */
export type RankedCandidate = Pick<
  FinderRow,
  | 'instanceType'
  | 'region'
  | 'sameRateIn'
  | 'hourlyUsd'
  | 'monthlyUsd'
  | 'perVcpuHourUsd'
  | 'perGiBHourUsd'
  | 'onDemandHourlyUsd'
>;

/**
 * The candidates priced for `purchase`, cheapest first (ties: fewer vCPUs, less memory, type name,
 * region). With `onePerType`, each type once at its cheapest region, the regions at the same rate
 * named. Candidates without that rate are counted, never ranked.
 */
export function rankCandidates(
  candidates: readonly FinderCandidate[],
  purchase: FinderPurchase,
  opts: { onePerType: boolean; limit: number; hoursPerMonth?: number },
): { rows: RankedCandidate[]; matchedTypes: number; unpricedTypes: number } {
  const hours = opts.hoursPerMonth ?? HOURS_PER_MONTH;
  const matched = new Set<string>();
  const priced = new Set<string>();
  // Ordered by the rate as a number, then exactly: Number() never reverses two decimals' order.
  const withRate: { c: FinderCandidate; rate: UsdString; approx: number }[] = [];
  for (const c of candidates) {
    matched.add(c.instanceType);
    const rate = c.rates[purchase];
    if (rate === null) continue;
    priced.add(c.instanceType);
    withRate.push({ c, rate, approx: Number(rate) });
  }
  withRate.sort(
    (a, b) =>
      a.approx - b.approx ||
      (a.rate === b.rate ? 0 : new Decimal(a.rate).comparedTo(new Decimal(b.rate))) ||
      a.c.vcpu - b.c.vcpu ||
      a.c.memoryGiB - b.c.memoryGiB ||
      byText(a.c.instanceType, b.c.instanceType) ||
      byText(a.c.region, b.c.region),
  );
  const rows: RankedCandidate[] = [];
  const byType = new Map<string, { row: RankedCandidate; approx: number }>();
  for (const { c, rate, approx } of withRate) {
    const first = opts.onePerType ? byType.get(c.instanceType) : undefined;
    if (first) {
      const same =
        first.approx === approx &&
        (first.row.hourlyUsd === rate || new Decimal(first.row.hourlyUsd).equals(new Decimal(rate)));
      if (same) first.row.sameRateIn.push(c.region);
      continue;
    }
    if (rows.length >= opts.limit) continue;
    const hourlyUsd = rate;
    const row: RankedCandidate = {
      instanceType: c.instanceType,
      region: c.region,
      sameRateIn: [],
      hourlyUsd,
      monthlyUsd: toUsdString(new Decimal(rate).times(hours)),
      perVcpuHourUsd: perUnitHourlyUsd(hourlyUsd, c.vcpu),
      perGiBHourUsd: perUnitHourlyUsd(hourlyUsd, c.memoryGiB),
      onDemandHourlyUsd: c.rates['on-demand'],
    };
    rows.push(row);
    byType.set(c.instanceType, { row, approx });
  }
  return { rows, matchedTypes: matched.size, unpricedTypes: matched.size - priced.size };
}
