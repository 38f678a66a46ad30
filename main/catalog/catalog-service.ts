import type Database from 'better-sqlite3';
import type {
  CatalogMeta,
  EbsPriceRow,
  EbsPrices,
  EbsVolumeTypeInfo,
  InstanceList,
  InstanceRow,
  InstanceSpec,
  PriceOptions,
  PriceSource,
  PurchaseModel,
  Region,
} from '@shared/catalog-types';
import { VOLUME_TYPES } from '@shared/catalog-types';
import type { ParsedInput } from '@shared/contract';
import { NotFoundError } from '@shared/errors';
import { HOURS_PER_MONTH } from '@shared/money';
import { buildInstanceQuery, type InstanceListingRow } from './instance-query';
import { readDedicatedFee, readHostOptions } from './dedicated-prices';
import { instanceTypeParts } from '@shared/instance-name';
import { buildPriceOptions } from './price-options';
import { explainPriceOptions } from '@shared/pricing/explain-options';
import { toEbsVolumeTypeInfo, toInstanceSpec, toPriceSource, toScopeDate } from './row-mapping';
import { readSpotAdvisorBand } from './spot-advisor';
import { prepareCatalogReads } from './statements';

/** Read-only queries over a catalog database, each through a prepared statement (./statements.ts). */
export function createCatalogService(db: Database.Database) {
  const stmtCache = new Map<string, Database.Statement<[Record<string, unknown>], InstanceListingRow>>();
  const listing = (sql: string) => {
    let s = stmtCache.get(sql);
    if (!s) {
      s = db.prepare<Record<string, unknown>, InstanceListingRow>(sql);
      stmtCache.set(sql, s);
    }
    return s;
  };
  const q = prepareCatalogReads(db);

  const sources = (): PriceSource[] => q.sources.all().map(toPriceSource);
  const requireRegion = (code: string) => {
    const r = q.region.get(code);
    if (!r) throw new NotFoundError(`${code} is not in the catalog`, 'region');
    return r;
  };

  // The catalog a service reads never changes (an import swaps in a new file and a new service), so
  // its meta is worked out once, on first use, from scope_dates (no price row is read).
  let metaOnce: CatalogMeta | null = null;
  const readMeta = (): CatalogMeta => {
    const m = Object.fromEntries(q.metaEntries.all().map((r) => [r.key, r.value]));
    const priceRows: Record<PurchaseModel, number> = {
      'on-demand': 0,
      reserved: 0,
      'savings-plan': 0,
      spot: 0,
    };
    for (const r of q.priceRowsByModel.all()) priceRows[r.model] = r.n;
    const rowsOf = new Map(q.rowsBySource.all().map((r) => [r.source_id, r.n]));
    const range = q.scopeDateRange.get();
    return {
      source: m.source ?? 'unknown',
      asOf: m.as_of ?? 'unknown',
      pricesAsOf: range?.oldest && range.newest ? { oldest: range.oldest, newest: range.newest } : null,
      schemaVersion: Number(m.schema_version ?? 0),
      builtAt: m.built_at ?? '',
      regions: q.rowCount('regions'),
      instanceTypes: q.rowCount('instance_types'),
      priceRows,
      ebsPriceRows: q.ebsPriceRowCount.get() ?? 0,
      sources: sources().map((s) => ({ ...s, rows: rowsOf.get(s.id) ?? 0 })),
      scopes: q.scopeDates.all().map(toScopeDate),
    };
  };

  return {
    meta(): CatalogMeta {
      metaOnce ??= readMeta();
      return metaOnce;
    },

    regions(): Region[] {
      return q.regionOverview.all().map((r) => ({
        code: r.code,
        name: r.name,
        instanceTypes: r.instance_types,
        hasEbsPrices: r.has_ebs === 1,
      }));
    },

    families(input: ParsedInput<'catalog.families'>): string[] {
      requireRegion(input.region);
      return q.familiesInRegion.all(input.region);
    },

    instances(filter: ParsedInput<'catalog.instances'>): InstanceList {
      requireRegion(filter.region);
      const { sql, params } = buildInstanceQuery(filter);
      const rows = listing(sql)
        .all(params)
        .map((r): InstanceRow => ({
          ...toInstanceSpec(r),
          onDemandHourlyUsd: r.od_hourly,
          best1yHourlyUsd: r.best_1y,
          best3yHourlyUsd: r.best_3y,
          spotHourlyUsd: r.spot_hourly,
          spotInterruptionBand: r.spot_band,
          spotAdvisorSavingsPct: r.spot_advisor_savings_pct,
          spotAdvisorAsOf: r.spot_advisor_as_of,
        }));
      return { region: filter.region, os: filter.os, total: rows.length, rows, sources: sources() };
    },

    /** One type's specs; NotFoundError naming `field` when the catalog lacks it. */
    instanceSpec(instanceType: string, field = 'instanceType'): InstanceSpec {
      const spec = q.instanceType.get(instanceType);
      if (!spec) throw new NotFoundError(`${instanceType} is not in the catalog`, field);
      return toInstanceSpec(spec);
    },

    /**
     * `explain` (default off) adds each option's arithmetic; callers outside the contract may leave it
     * out, and `tenancy` (default shared).
     */
    priceOptions(
      input: Omit<ParsedInput<'catalog.priceOptions'>, 'explain' | 'tenancy'> & {
        explain?: boolean;
        tenancy?: ParsedInput<'catalog.priceOptions'>['tenancy'];
      },
    ): PriceOptions {
      requireRegion(input.region);
      const spec = q.instanceType.get(input.instanceType);
      if (!spec) throw new NotFoundError(`${input.instanceType} is not in the catalog`, 'instanceType');
      const tenancy = input.tenancy ?? 'shared';
      const rows = q.pricesOfTypeInTenancy.all(input.region, input.os, input.instanceType, tenancy);
      const options = buildPriceOptions(
        rows,
        HOURS_PER_MONTH,
        // The Spot Advisor's bands are of shared-tenancy spot.
        tenancy === 'shared' ? readSpotAdvisorBand(q, input.region, input.os, input.instanceType) : null,
        tenancy,
      );
      const all = sources();
      return {
        instanceType: input.instanceType,
        region: input.region,
        os: input.os,
        tenancy,
        hoursPerMonth: HOURS_PER_MONTH,
        spec: toInstanceSpec(spec),
        ...(tenancy === 'host'
          ? {
              host: readHostOptions(q, input.region, instanceTypeParts(input.instanceType).family, spec.size),
            }
          : {}),
        ...(tenancy === 'dedicated' ? { dedicatedFee: readDedicatedFee(q, input.region) } : {}),
        options: input.explain
          ? explainPriceOptions(options, { ...input, hoursPerMonth: HOURS_PER_MONTH, sources: all })
          : options,
        sources: all,
      };
    },

    volumeTypes(): EbsVolumeTypeInfo[] {
      const rows = q.ebsVolumeTypes.all();
      return VOLUME_TYPES.flatMap((t) => rows.filter((r) => r.volume_type === t)).map(toEbsVolumeTypeInfo);
    },

    ebsPrices(input: ParsedInput<'ebs.prices'>): EbsPrices {
      requireRegion(input.region);
      const rows = q.ebsPricesOfRegion.all(input.region);
      const get = (vt: string, dim: string) =>
        rows.find((r) => r.volume_type === vt && r.dimension === dim)?.price_usd ?? null;
      const sourceId = rows[0]?.source_id ?? 'aws-ebs-2024-07';
      const source = sources().find((s) => s.id === sourceId);
      return {
        region: input.region,
        sourceId,
        asOf: source?.asOf ?? 'unknown',
        volumes: VOLUME_TYPES.map((vt): EbsPriceRow => ({
          volumeType: vt,
          storageUsdPerGBMonth: get(vt, 'storage'),
          iopsUsdPerIopsMonth: get(vt, 'iops'),
          iopsTier2UsdPerIopsMonth: get(vt, 'iops-tier2'),
          iopsTier3UsdPerIopsMonth: get(vt, 'iops-tier3'),
          throughputUsdPerMiBpsMonth: get(vt, 'throughput'),
          ioRequestsUsdPerMillion: get(vt, 'io-requests'),
        })),
        snapshots: {
          standardUsdPerGBMonth: get('snapshot', 'snapshot-standard'),
          archiveUsdPerGBMonth: get('snapshot', 'snapshot-archive'),
          archiveRetrievalUsdPerGB: get('snapshot', 'snapshot-archive-retrieval'),
          fastSnapshotRestoreUsdPerDsuHour: get('snapshot', 'fast-snapshot-restore'),
        },
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
