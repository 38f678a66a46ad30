import {
  PROCESSOR_SEARCH_ALIASES,
  SEARCHED_FIELDS,
  searchNeedle,
  type SearchedField,
} from '@shared/catalog-search';
import type { ParsedInput, SortColumn } from '@shared/contract';
import type { InstanceTypeDbRow, PriceSummaryDbRow } from './rows';
import { SQL } from './statements';

export type ParsedInstanceFilter = ParsedInput<'catalog.instances'>;

/**
 * One row of the catalog listing: a type's specs, its headline prices (null when unpriced) and its
 * Spot Advisor band with the advisor's savings and date (null when the catalog has none).
 */
export type InstanceListingRow = InstanceTypeDbRow &
  Pick<PriceSummaryDbRow, 'od_hourly' | 'best_1y' | 'best_3y' | 'spot_hourly'> & {
    spot_band: string | null;
    spot_band_index: number | null;
    spot_advisor_savings_pct: number | null;
    spot_advisor_as_of: string | null;
  };

/** Sort keys: SQL expressions over the derived row (prices sort numerically; missing prices sort last). */
const SORT_SQL: Record<SortColumn, string> = {
  instanceType: 'family, vcpu, memory_gib, instance_type',
  family: 'family, vcpu, memory_gib',
  vcpu: 'vcpu',
  memoryGiB: 'memory_gib',
  gpuCount: 'gpu_count',
  networkBaselineGbps: 'network_baseline_gbps',
  instanceStoreGB: 'instance_store_gb',
  ebsBaselineThroughputMBps: 'ebs_baseline_throughput_mbps',
  ebsMaxThroughputMBps: 'ebs_max_throughput_mbps',
  ebsBaselineIops: 'ebs_baseline_iops',
  ebsMaxIops: 'ebs_max_iops',
  onDemandHourlyUsd: 'CAST(od_hourly AS REAL)',
  best1yHourlyUsd: 'CAST(best_1y AS REAL)',
  best3yHourlyUsd: 'CAST(best_3y AS REAL)',
  spotHourlyUsd: 'CAST(spot_hourly AS REAL)',
  spotInterruption: 'spot_band_index',
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The processor as a search looks in it: shared/catalog-search.ts's aliases, as one SQL expression. */
const PROCESSOR_SEARCH_SQL =
  PROCESSOR_SEARCH_ALIASES.length === 0
    ? 'processor'
    : `CASE ${PROCESSOR_SEARCH_ALIASES.map(
        (a) =>
          `WHEN processor = ${sqlText(a.processor)} AND arch = ${sqlText(a.arch)} THEN ${sqlText(a.searchedAs)}`,
      ).join(' ')} ELSE processor END`;

/** Each searched field (shared/catalog-search.ts SEARCHED_FIELDS) as SQL over the listing's row. */
const SEARCH_SQL: Record<SearchedField, string> = {
  instanceType: 'instance_type',
  family: 'family',
  processor: PROCESSOR_SEARCH_SQL,
  gpuModel: 'gpu_model',
  acceleratorInfo: 'accelerator_info',
};

/**
 * Turns a validated filter into one SQL text (SQL.instanceListing, filtered and sorted) plus bound
 * parameters. The SQL varies only with which filters are present (never with their values), so the
 * statement cache stays small.
 */
export function buildInstanceQuery(f: ParsedInstanceFilter): {
  sql: string;
  params: Record<string, unknown>;
} {
  const where: string[] = [];
  const params: Record<string, unknown> = { region: f.region, os: f.os };
  if (f.generation !== 'all') {
    where.push('generation = @generation');
    params.generation = f.generation;
  }
  if (f.arch) {
    where.push('arch = @arch');
    params.arch = f.arch;
  }
  if (f.families && f.families.length > 0) {
    where.push(`family IN (SELECT value FROM json_each(@families))`);
    params.families = JSON.stringify(f.families);
  }
  if (f.burstable !== undefined) {
    where.push('burstable = @burstable');
    params.burstable = f.burstable ? 1 : 0;
  }
  if (f.gpu !== undefined) where.push(f.gpu ? 'gpu_count > 0' : 'gpu_count = 0');
  const ranges: [keyof ParsedInstanceFilter, string, '>=' | '<='][] = [
    ['minVcpu', 'vcpu', '>='],
    ['maxVcpu', 'vcpu', '<='],
    ['minMemoryGiB', 'memory_gib', '>='],
    ['maxMemoryGiB', 'memory_gib', '<='],
    ['minNetworkGbps', 'network_baseline_gbps', '>='],
    ['minEbsBaselineThroughputMBps', 'ebs_baseline_throughput_mbps', '>='],
    ['minEbsBaselineIops', 'ebs_baseline_iops', '>='],
  ];
  for (const [key, column, op] of ranges) {
    if (f[key] !== undefined) {
      where.push(`${column} ${op} @${key}`);
      params[key] = f[key];
    }
  }
  if (f.minHourlyUsd !== undefined) {
    where.push('CAST(od_hourly AS REAL) >= CAST(@minHourlyUsd AS REAL)');
    params.minHourlyUsd = f.minHourlyUsd;
  }
  if (f.maxHourlyUsd !== undefined) {
    where.push('CAST(od_hourly AS REAL) <= CAST(@maxHourlyUsd AS REAL)');
    params.maxHourlyUsd = f.maxHourlyUsd;
  }
  if (f.pricedOnly) where.push('od_hourly IS NOT NULL');
  const needle = searchNeedle(f.search);
  if (needle) {
    const fields = SEARCHED_FIELDS.map((field) => SEARCH_SQL[field]).map(
      (expr) => `(${expr}) LIKE @search ESCAPE '\\'`,
    );
    where.push(`(${fields.join(' OR ')})`);
    params.search = `%${escapeLike(needle)}%`;
  }
  const dir = f.sortDir === 'desc' ? 'DESC' : 'ASC';
  const order = SORT_SQL[f.sortBy]
    .split(', ')
    .map((expr, i) => (i === 0 ? `${expr} IS NULL, ${expr} ${dir}` : expr))
    .join(', ');
  let sql = `SELECT * FROM (${SQL.instanceListing}) ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${order}, instance_type`;
  if (f.limit !== undefined) {
    sql += ' LIMIT @limit';
    params.limit = f.limit;
  }
  return { sql, params };
}
