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
  VolumeType,
} from '../../shared/catalog-types';
import { VOLUME_TYPES } from '../../shared/catalog-types';
import type { ParsedInput } from '../../shared/contract';
import { NotFoundError } from '../../shared/errors';
import { HOURS_PER_MONTH } from '../../shared/money';
import { buildInstanceQuery } from './instance-query';
import { buildPriceOptions, type PriceDbRow } from './price-options';
import { toInstanceSpec, toPriceSource, type InstanceTypeDbRow, type SourceDbRow } from './row-mapping';

type InstanceQueryRow = InstanceTypeDbRow & {
  od_hourly: string | null;
  best_1y: string | null;
  best_3y: string | null;
  spot_hourly: string | null;
};

/** Read-only queries over a catalog database, each through a prepared statement. */
export function createCatalogService(db: Database.Database) {
  const stmtCache = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = stmtCache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      stmtCache.set(sql, s);
    }
    return s;
  };
  const metaStmt = db.prepare('SELECT key, value FROM meta');
  const sourcesStmt = db.prepare('SELECT * FROM sources ORDER BY as_of DESC, id');
  const regionStmt = db.prepare('SELECT code, name FROM regions WHERE code = ?');
  const regionsStmt = db.prepare(`SELECT r.code, r.name,
      (SELECT COUNT(*) FROM instance_regions ir WHERE ir.region = r.code) AS instance_types,
      EXISTS (SELECT 1 FROM ebs_prices e WHERE e.region = r.code) AS has_ebs
    FROM regions r ORDER BY r.code`);
  const familiesStmt = db.prepare(`SELECT DISTINCT it.family FROM instance_types it
      JOIN instance_regions ir ON ir.instance_type = it.instance_type AND ir.region = ? ORDER BY it.family`);
  const typeStmt = db.prepare('SELECT * FROM instance_types WHERE instance_type = ?');
  const pricesStmt = db.prepare(`SELECT model, term_years, payment_option, offering_class, plan_type,
      upfront_usd, hourly_usd, effective_hourly_usd, source_id
    FROM ec2_prices WHERE region = ? AND os = ? AND instance_type = ? AND tenancy = 'shared'`);
  const countsStmt = db.prepare('SELECT model, COUNT(*) AS n FROM ec2_prices GROUP BY model');
  const volumeTypesStmt = db.prepare('SELECT * FROM ebs_volume_types');
  const ebsStmt = db.prepare(
    'SELECT volume_type, dimension, price_usd, source_id FROM ebs_prices WHERE region = ?',
  );
  const scalar = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;

  const sources = (): PriceSource[] => (sourcesStmt.all() as SourceDbRow[]).map(toPriceSource);
  const requireRegion = (code: string) => {
    const r = regionStmt.get(code) as { code: string; name: string } | undefined;
    if (!r) throw new NotFoundError(`region: ${code} is not in the catalog`, 'region');
    return r;
  };

  return {
    meta(): CatalogMeta {
      const m = Object.fromEntries(
        (metaStmt.all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
      );
      const priceRows: Record<PurchaseModel, number> = {
        'on-demand': 0,
        reserved: 0,
        'savings-plan': 0,
        spot: 0,
      };
      for (const r of countsStmt.all() as { model: PurchaseModel; n: number }[]) priceRows[r.model] = r.n;
      return {
        source: m.source ?? 'unknown',
        asOf: m.as_of ?? 'unknown',
        schemaVersion: Number(m.schema_version ?? 0),
        builtAt: m.built_at ?? '',
        regions: scalar('SELECT COUNT(*) FROM regions'),
        instanceTypes: scalar('SELECT COUNT(*) FROM instance_types'),
        priceRows,
        ebsPriceRows: scalar('SELECT COUNT(*) FROM ebs_prices'),
        sources: sources(),
      };
    },

    regions(): Region[] {
      return (
        regionsStmt.all() as { code: string; name: string; instance_types: number; has_ebs: number }[]
      ).map((r) => ({
        code: r.code,
        name: r.name,
        instanceTypes: r.instance_types,
        hasEbsPrices: r.has_ebs === 1,
      }));
    },

    families(input: ParsedInput<'catalog.families'>): string[] {
      requireRegion(input.region);
      return familiesStmt.pluck().all(input.region) as string[];
    },

    instances(filter: ParsedInput<'catalog.instances'>): InstanceList {
      requireRegion(filter.region);
      const { sql, params } = buildInstanceQuery(filter);
      const rows = (prepared(sql).all(params) as InstanceQueryRow[]).map((r): InstanceRow => ({
        ...toInstanceSpec(r),
        onDemandHourlyUsd: r.od_hourly,
        best1yHourlyUsd: r.best_1y,
        best3yHourlyUsd: r.best_3y,
        spotHourlyUsd: r.spot_hourly,
      }));
      return { region: filter.region, os: filter.os, total: rows.length, rows, sources: sources() };
    },

    /** One type's specs; NotFoundError naming `field` when the catalog lacks it. */
    instanceSpec(instanceType: string, field = 'instanceType'): InstanceSpec {
      const spec = typeStmt.get(instanceType) as InstanceTypeDbRow | undefined;
      if (!spec) throw new NotFoundError(`${field}: ${instanceType} is not in the catalog`, field);
      return toInstanceSpec(spec);
    },

    priceOptions(input: ParsedInput<'catalog.priceOptions'>): PriceOptions {
      requireRegion(input.region);
      const spec = typeStmt.get(input.instanceType) as InstanceTypeDbRow | undefined;
      if (!spec)
        throw new NotFoundError(`instanceType: ${input.instanceType} is not in the catalog`, 'instanceType');
      const rows = pricesStmt.all(input.region, input.os, input.instanceType) as PriceDbRow[];
      return {
        instanceType: input.instanceType,
        region: input.region,
        os: input.os,
        tenancy: 'shared',
        hoursPerMonth: HOURS_PER_MONTH,
        spec: toInstanceSpec(spec),
        options: buildPriceOptions(rows),
        sources: sources(),
      };
    },

    volumeTypes(): EbsVolumeTypeInfo[] {
      type Row = {
        volume_type: VolumeType;
        name: string;
        media: 'ssd' | 'hdd';
        previous_generation: number;
        min_size_gib: number;
        max_size_gib: number;
        max_iops: number;
        max_throughput_mibps: number;
        max_iops_per_gib: number | null;
        baseline_iops: number | null;
        baseline_throughput_mibps: number | null;
        io_size_cap_kib: number;
        notes: string;
      };
      const rows = volumeTypesStmt.all() as Row[];
      return VOLUME_TYPES.flatMap((t) => rows.filter((r) => r.volume_type === t)).map((r) => ({
        volumeType: r.volume_type,
        name: r.name,
        media: r.media,
        previousGeneration: r.previous_generation === 1,
        minSizeGiB: r.min_size_gib,
        maxSizeGiB: r.max_size_gib,
        maxIopsPerVolume: r.max_iops,
        maxThroughputMiBpsPerVolume: r.max_throughput_mibps,
        maxIopsPerGiB: r.max_iops_per_gib,
        baselineIops: r.baseline_iops,
        baselineThroughputMiBps: r.baseline_throughput_mibps,
        ioSizeCapKiB: r.io_size_cap_kib,
        notes: r.notes,
      }));
    },

    ebsPrices(input: ParsedInput<'ebs.prices'>): EbsPrices {
      requireRegion(input.region);
      const rows = ebsStmt.all(input.region) as {
        volume_type: string;
        dimension: string;
        price_usd: string;
        source_id: string;
      }[];
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
