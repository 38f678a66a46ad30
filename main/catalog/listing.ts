/**
 * catalog.listing: a region's instance types (or every region's) with their headline prices for an
 * OS, in the compact columnar shape of shared/catalog-listing.ts, for the renderer to filter and sort
 * in memory. Two queries whatever the size: the types, and the (type, region) offers.
 */
import type Database from 'better-sqlite3';
import type { InstanceSpec } from '@shared/catalog-types';
import { toColumns, type CatalogListing, type ListingOffer, type SpotBand } from '@shared/catalog-listing';
import type { ParsedInput } from '@shared/contract';
import { NotFoundError } from '@shared/errors';
import { toInstanceSpec } from './row-mapping';
import type { InstanceTypeDbRow, PriceSummaryDbRow } from './rows';
import { SQL } from './statements';

/** One (type, region) offered with its prices and Spot Advisor band (SQL.listingOffers). */
type ListingOfferDbRow = Pick<PriceSummaryDbRow, 'od_hourly' | 'best_1y' | 'best_3y' | 'spot_hourly'> & {
  instance_type: string;
  region: string;
  spot_band_index: number | null;
  spot_band: string | null;
  spot_advisor_savings_pct: number | null;
  spot_advisor_as_of: string | null;
};

const SPEC_KEYS = [
  'instanceType',
  'family',
  'size',
  'generation',
  'vcpu',
  'memoryGiB',
  'arch',
  'architectures',
  'processor',
  'clockGhz',
  'burstable',
  'bareMetal',
  'networkPerformance',
  'networkBaselineGbps',
  'networkPeakGbps',
  'gpuCount',
  'gpuModel',
  'gpuMemoryGiB',
  'acceleratorInfo',
  'instanceStoreGB',
  'instanceStoreDisks',
  'ebsBaselineBandwidthMbps',
  'ebsMaxBandwidthMbps',
  'ebsBaselineIops',
  'ebsMaxIops',
  'ebsBaselineThroughputMBps',
  'ebsMaxThroughputMBps',
  'normalizationFactor',
] as const satisfies readonly (keyof InstanceSpec)[];
// Every spec field is listed: a field added to InstanceSpec without a column here fails to compile.
type Missing = Exclude<keyof InstanceSpec, (typeof SPEC_KEYS)[number]>;
const allSpecKeys: [Missing] extends [never] ? true : Missing = true;
void allSpecKeys;

const OFFER_KEYS = [
  'type',
  'region',
  'onDemandHourlyUsd',
  'best1yHourlyUsd',
  'best3yHourlyUsd',
  'spotHourlyUsd',
  'spotBand',
  'spotAdvisorSavingsPct',
  'spotAdvisorAsOf',
] as const satisfies readonly (keyof ListingOffer)[];

/** Numbers each distinct key in order of first sight. */
function dictionary<K>() {
  const index = new Map<K, number>();
  return {
    index,
    of(key: K): number {
      let i = index.get(key);
      if (i === undefined) {
        i = index.size;
        index.set(key, i);
      }
      return i;
    },
  };
}

export function createCatalogListing(db: Database.Database) {
  const region = db.prepare<[code: string], { code: string }>(SQL.region);
  const typeRows = db.prepare<[], InstanceTypeDbRow>(SQL.listingTypes);
  const allOffers = db.prepare<{ os: string }, ListingOfferDbRow>(SQL.listingOffers);
  const regionOffers = db.prepare<{ os: string; region: string }, ListingOfferDbRow>(
    SQL.listingOffersOfRegion,
  );

  return (input: ParsedInput<'catalog.listing'>): CatalogListing => {
    const rows =
      input.region === 'all'
        ? allOffers.all({ os: input.os })
        : region.get(input.region)
          ? regionOffers.all({ os: input.os, region: input.region })
          : null;
    if (!rows) throw new NotFoundError(`${input.region} is not in the catalog`, 'region');

    const offered = new Set(rows.map((r) => r.instance_type));
    const specs = typeRows
      .all()
      .filter((t) => offered.has(t.instance_type))
      .map(toInstanceSpec);
    const typeIndex = new Map(specs.map((s, i) => [s.instanceType, i]));
    const regions = [...new Set(rows.map((r) => r.region))].sort();
    const regionIndex = new Map(regions.map((code, i) => [code, i]));
    const bands = dictionary<string>();
    const bandOf = new Map<number, SpotBand>();
    const dates = dictionary<string>();

    const offers = rows.map((r): ListingOffer => ({
      type: typeIndex.get(r.instance_type)!,
      region: regionIndex.get(r.region)!,
      onDemandHourlyUsd: r.od_hourly,
      best1yHourlyUsd: r.best_1y,
      best3yHourlyUsd: r.best_3y,
      spotHourlyUsd: r.spot_hourly,
      spotBand: spotBand(r),
      spotAdvisorSavingsPct: r.spot_advisor_savings_pct,
      spotAdvisorAsOf: r.spot_advisor_as_of === null ? null : dates.of(r.spot_advisor_as_of),
    }));
    function spotBand(r: ListingOfferDbRow): number | null {
      if (r.spot_band_index === null || r.spot_band === null) return null;
      const i = bands.of(`${r.spot_band_index}\u0000${r.spot_band}`);
      bandOf.set(i, { index: r.spot_band_index, label: r.spot_band });
      return i;
    }

    return {
      os: input.os,
      region: input.region,
      regions,
      types: toColumns(specs, SPEC_KEYS),
      offers: toColumns(offers, OFFER_KEYS),
      spotBands: [...bands.index.values()].map((i) => bandOf.get(i)!),
      dates: [...dates.index.keys()],
    };
  };
}
