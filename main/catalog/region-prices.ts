import type Database from 'better-sqlite3';
import type { OperatingSystem } from '@shared/catalog-types';
import {
  headlineRates,
  type RateFact,
  NO_SPOT_ADVISOR,
  sortRegionRows,
  type RegionPriceRow,
  type RegionPricesResult,
  type RegionPriceSort,
} from '@shared/capacity/region-prices';
import { NotFoundError } from '@shared/errors';
import { HOURS_PER_MONTH } from '@shared/money';
import type { Ec2PriceDbRow, RegionOfferDbRow } from './rows';
import { toPriceSource } from './row-mapping';
import { createSpotBands } from './spot-bands';
import { prepareCatalogReads, SQL } from './statements';

/** A stored price as the headline figures read it ('' and 0 are how the table says "none"). */
export const rateFactOf = (r: Ec2PriceDbRow): RateFact => ({
  model: r.model,
  termYears: r.term_years === 0 ? null : r.term_years,
  paymentOption: r.payment_option || null,
  offeringClass: r.offering_class || null,
  planType: r.plan_type || null,
  hourlyUsd: r.hourly_usd,
  effectiveHourlyUsd: r.effective_hourly_usd,
  sourceId: r.source_id,
});

export interface RegionPricesInput {
  instanceTypes: string[];
  os: OperatingSystem;
  sortBy: RegionPriceSort;
  sortDir: 'asc' | 'desc';
}

/**
 * Instance types side by side in every region of the catalog: On-Demand, best 1-year and 3-year
 * commitment, spot and its Spot Advisor band, each dated by its source; a region that does not offer
 * a type is marked so, a figure the catalog lacks is n/a.
 */
export function createRegionPrices(db: Database.Database) {
  const q = prepareCatalogReads(db);
  const offers = db.prepare<[instanceType: string], RegionOfferDbRow>(SQL.regionsOfferingType);
  const bands = createSpotBands(db);

  return function regionPrices(input: RegionPricesInput): RegionPricesResult {
    const sources = q.sources.all().map(toPriceSource);
    const asOf = (id: string | null) =>
      id === null ? null : (sources.find((s) => s.id === id)?.asOf ?? null);
    const types = [...new Set(input.instanceTypes)];
    types.forEach((t, i) => {
      if (!q.instanceType.get(t)) throw new NotFoundError(`${t} is not in the catalog`, `instanceTypes.${i}`);
    });
    const rows: RegionPriceRow[] = types.flatMap((instanceType) => {
      const bandOf = bands.ofType(input.os, instanceType);
      return offers.all(instanceType).map((r): RegionPriceRow => {
        const offered = r.offered === 1;
        const rates = headlineRates(
          offered ? q.pricesOfType.all(r.code, input.os, instanceType).map(rateFactOf) : [],
        );
        const band = offered ? bandOf.get(r.code) : undefined;
        return {
          instanceType,
          region: r.code,
          regionName: r.name,
          offered,
          onDemandHourlyUsd: rates.onDemand?.hourlyUsd ?? null,
          onDemandAsOf: asOf(rates.onDemand?.sourceId ?? null),
          best1yHourlyUsd: rates.best1y?.hourlyUsd ?? null,
          best1yOption: rates.best1y?.option ?? null,
          best1yAsOf: asOf(rates.best1y?.sourceId ?? null),
          best3yHourlyUsd: rates.best3y?.hourlyUsd ?? null,
          best3yOption: rates.best3y?.option ?? null,
          best3yAsOf: asOf(rates.best3y?.sourceId ?? null),
          spotHourlyUsd: rates.spot?.hourlyUsd ?? null,
          spotAsOf: asOf(rates.spot?.sourceId ?? null),
          spotInterruptionBand: band?.band_label ?? null,
          spotInterruptionAsOf: asOf(band?.source_id ?? null),
        };
      });
    });
    const available = bands.available();
    return {
      os: input.os,
      hoursPerMonth: HOURS_PER_MONTH,
      instanceTypes: types,
      rows: sortRegionRows(rows, input.sortBy, input.sortDir),
      spotAdvisor: { available, note: available ? null : NO_SPOT_ADVISOR },
      sources,
    };
  };
}
