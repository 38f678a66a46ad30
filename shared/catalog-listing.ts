/**
 * The catalog listing: every instance type a region offers (or every region's), with its headline
 * prices for one OS, in a compact columnar shape so that all regions' rows (one per type × region)
 * cross IPC or HTTP in one answer. Each type's specs are sent once however many regions offer it; a
 * row is a type, a region and its prices. The renderer expands it into rows and filters and sorts them
 * in memory (renderer/src/screens/catalog/filter-sort.ts).
 */
import type { InstanceRow, InstanceSpec, OperatingSystem } from './catalog-types';
import type { UsdString } from './money';

/** Records stored column by column: the i-th entry of every array belongs to record i. */
export type Columns<T> = { [K in keyof T]-?: T[K][] };

/** One instance type offered in one region, referring to the listing's types, regions and dictionaries. */
export interface ListingOffer {
  /** Index into `types`. */
  type: number;
  /** Index into `regions`. */
  region: number;
  onDemandHourlyUsd: UsdString | null;
  best1yHourlyUsd: UsdString | null;
  best3yHourlyUsd: UsdString | null;
  spotHourlyUsd: UsdString | null;
  /** Index into `spotBands`; null when the Spot Advisor lists no band. */
  spotBand: number | null;
  spotAdvisorSavingsPct: number | null;
  /** Index into `dates`: the Spot Advisor data's as-of date (null with the band). */
  spotAdvisorAsOf: number | null;
}

/** A Spot Advisor interruption band: its rank (0 is the least interrupted) and AWS's label. */
export interface SpotBand {
  index: number;
  label: string;
}

export interface CatalogListing {
  os: OperatingSystem;
  /** The region asked for, or "all". */
  region: string;
  /** Region codes the rows refer to, in code order. */
  regions: string[];
  /** Every type offered in at least one of the regions, by name. */
  types: Columns<InstanceSpec>;
  /** One entry per (type, region) offered, by type then region. */
  offers: Columns<ListingOffer>;
  spotBands: SpotBand[];
  dates: string[];
}

/** One row of the catalog table: an instance type in one region, with that region's prices. */
export interface ListingRow extends InstanceRow {
  region: string;
  /** The Spot Advisor band's rank, what the spot interruption column sorts by (null: no band). */
  spotBandIndex: number | null;
}

/** The listing's row key: a type is listed once per region. */
export const rowKey = (row: Pick<ListingRow, 'instanceType' | 'region'>): string =>
  `${row.instanceType}@${row.region}`;

/** Records → columns, each key in `keys` becoming one array. */
export function toColumns<T extends object>(records: readonly T[], keys: readonly (keyof T)[]): Columns<T> {
  const columns = {} as Columns<T>;
  for (const key of keys) columns[key] = records.map((r) => r[key]);
  return columns;
}

/** How many records `columns` holds (the length of its first column). */
export function columnLength<T extends object>(columns: Columns<T>): number {
  const first = Object.values(columns)[0] as unknown[] | undefined;
  return first?.length ?? 0;
}

/** Record `i` of `columns`. */
export function recordAt<T extends object>(columns: Columns<T>, i: number): T {
  const record = {} as T;
  for (const key of Object.keys(columns) as (keyof T)[]) record[key] = columns[key][i]!;
  return record;
}

/** The listing as table rows, in the listing's order (by type, then region). */
export function expandListing(listing: CatalogListing): ListingRow[] {
  const specs = Array.from({ length: columnLength(listing.types) }, (_, i) => recordAt(listing.types, i));
  const o = listing.offers;
  const rows: ListingRow[] = new Array<ListingRow>(o.type.length);
  for (let i = 0; i < o.type.length; i++) {
    const band = o.spotBand[i] ?? null;
    const asOf = o.spotAdvisorAsOf[i] ?? null;
    rows[i] = {
      ...specs[o.type[i]!]!,
      region: listing.regions[o.region[i]!]!,
      onDemandHourlyUsd: o.onDemandHourlyUsd[i] ?? null,
      best1yHourlyUsd: o.best1yHourlyUsd[i] ?? null,
      best3yHourlyUsd: o.best3yHourlyUsd[i] ?? null,
      spotHourlyUsd: o.spotHourlyUsd[i] ?? null,
      spotInterruptionBand: band === null ? null : listing.spotBands[band]!.label,
      spotBandIndex: band === null ? null : listing.spotBands[band]!.index,
      spotAdvisorSavingsPct: o.spotAdvisorSavingsPct[i] ?? null,
      spotAdvisorAsOf: asOf === null ? null : listing.dates[asOf]!,
    };
  }
  return rows;
}
