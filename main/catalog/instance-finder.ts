import type Database from 'better-sqlite3';
import {
  rankCandidates,
  type FinderCandidate,
  type FinderPurchase,
  type FinderResult,
  type FinderRow,
} from '@shared/capacity/finder';
import { headlineRates, type RegionPriceFigure } from '@shared/capacity/region-prices';
import type { ParsedInput } from '@shared/contract';
import { NotFoundError } from '@shared/errors';
import { HOURS_PER_MONTH } from '@shared/money';
import { rateFactOf } from './region-prices';
import type { FinderCandidateDbRow } from './rows';
import { toInstanceSpec, toPriceSource } from './row-mapping';
import { prepareCatalogReads, SQL } from './statements';

/** The headline figure each way of buying ranks by. */
const FIGURE: Record<FinderPurchase, RegionPriceFigure> = {
  'on-demand': 'onDemand',
  'best-1y': 'best1y',
  'best-3y': 'best3y',
  spot: 'spot',
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * The instance finder: the types that meet a set of requirements, in one region or all, cheapest
 * first for a chosen way of buying. The catalog filters (SQL.finderCandidates), the pure ranking
 * orders (shared/capacity/finder.ts); each listed rate is dated by its source.
 */
export function createInstanceFinder(db: Database.Database) {
  const q = prepareCatalogReads(db);
  const candidates = db.prepare<Record<string, unknown>, FinderCandidateDbRow>(SQL.finderCandidates);

  return function find(input: ParsedInput<'catalog.find'>): FinderResult {
    const all = input.region === 'all';
    if (!all && !q.region.get(input.region)) {
      throw new NotFoundError(`${input.region} is not in the catalog`, 'region');
    }
    const gpuModel = input.gpuModel ? `%${escapeLike(input.gpuModel.toLowerCase())}%` : null;
    const found = candidates.all({
      os: input.os,
      region: all ? null : input.region,
      generation: input.generation === 'all' ? null : input.generation,
      minVcpu: input.minVcpu ?? 0,
      minMemoryGiB: input.minMemoryGiB ?? 0,
      minNetworkGbps: input.minNetworkGbps ?? 0,
      minEbsBaselineThroughputMBps: input.minEbsBaselineThroughputMBps ?? 0,
      minEbsBaselineIops: input.minEbsBaselineIops ?? 0,
      minGpus: input.minGpus ?? 0,
      gpuModel,
      arch: input.arch ?? null,
      minInstanceStoreGB: input.minInstanceStoreGB ?? 0,
      burstable: input.burstable ? 1 : 0,
      families: input.families && input.families.length > 0 ? JSON.stringify(input.families) : null,
    });
    const ranked = rankCandidates(
      found.map((r): FinderCandidate => ({
        instanceType: r.instance_type,
        vcpu: r.vcpu,
        memoryGiB: r.memory_gib,
        region: r.region,
        rates: {
          'on-demand': r.od_hourly,
          'best-1y': r.best_1y,
          'best-3y': r.best_3y,
          spot: r.spot_hourly,
        },
      })),
      input.purchase,
      { onePerType: all, limit: input.limit, hoursPerMonth: HOURS_PER_MONTH },
    );
    const sources = q.sources.all().map(toPriceSource);
    // Each listed rate's date: its source, from the type's purchase options in that region.
    const rows = ranked.rows.map((r): FinderRow => {
      const picked = headlineRates(q.pricesOfType.all(r.region, input.os, r.instanceType).map(rateFactOf))[
        FIGURE[input.purchase]
      ];
      return {
        ...toInstanceSpec(q.instanceType.get(r.instanceType)!),
        ...r,
        option: picked?.option ?? null,
        asOf: sources.find((s) => s.id === picked?.sourceId)?.asOf ?? null,
      };
    });
    return {
      region: input.region,
      os: input.os,
      purchase: input.purchase,
      hoursPerMonth: HOURS_PER_MONTH,
      matchedTypes: ranked.matchedTypes,
      unpricedTypes: ranked.unpricedTypes,
      rows,
      sources,
    };
  };
}
