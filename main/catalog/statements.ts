/**
 * Every SQL statement run on the catalog, one per question, named for the question. The services
 * (main/catalog, main/pricing), the import writer (main/import) and the build
 * (pricing-data/build-catalog.ts) prepare them from here; tests/integration/migrations.test.ts checks
 * the query plans of the hot ones. Rows are typed by main/catalog/rows.ts.
 */
import type Database from 'better-sqlite3';
import type { PurchaseModel, Tenancy } from '@shared/catalog-types';
import type {
  CatalogTable,
  DedicatedFeeDbRow,
  EbsPriceDbRow,
  EbsVolumeTypeDbRow,
  Ec2PriceDbRow,
  HostCapacityDbRow,
  HostPriceDbRow,
  InstanceRegionDbRow,
  InstanceTypeDbRow,
  MetaDbRow,
  RegionDbRow,
  ScopeDateDbRow,
  SourceDbRow,
  SpotAdvisorDbRow,
} from './rows';

const INSTANCE_TYPE_COLUMNS = [
  'instance_type',
  'family',
  'size',
  'generation',
  'vcpu',
  'memory_gib',
  'arch',
  'architectures',
  'processor',
  'clock_ghz',
  'burstable',
  'bare_metal',
  'network_performance',
  'network_baseline_gbps',
  'network_peak_gbps',
  'gpu_count',
  'gpu_model',
  'gpu_memory_gib',
  'accelerator_info',
  'instance_store_gb',
  'instance_store_disks',
  'ebs_baseline_bandwidth_mbps',
  'ebs_max_bandwidth_mbps',
  'ebs_baseline_iops',
  'ebs_max_iops',
  'ebs_baseline_throughput_mbps',
  'ebs_max_throughput_mbps',
  'normalization_factor',
] as const satisfies readonly (keyof InstanceTypeDbRow)[];

const EC2_PRICE_COLUMNS = [
  'region',
  'instance_type',
  'os',
  'tenancy',
  'model',
  'term_years',
  'payment_option',
  'offering_class',
  'plan_type',
  'upfront_usd',
  'hourly_usd',
  'effective_hourly_usd',
  'source_id',
  'upfront_source',
] as const satisfies readonly (keyof Ec2PriceDbRow)[];

const insertRow = (table: CatalogTable, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`;

/** Headline-price subqueries over one (region, os, instance_type) `k` of ec2_prices (price_summary). */
const cheapestCommitment = (term: 1 | 3) => `(SELECT p.effective_hourly_usd FROM ec2_prices p
    WHERE p.region = k.region AND p.os = k.os AND p.instance_type = k.instance_type AND p.tenancy = 'shared'
      AND p.model IN ('reserved', 'savings-plan') AND p.term_years = ${term}
    ORDER BY CAST(p.effective_hourly_usd AS REAL) LIMIT 1)`;
const plainHourly = (
  model: Extract<PurchaseModel, 'on-demand' | 'spot'>,
) => `(SELECT p.hourly_usd FROM ec2_prices p
    WHERE p.region = k.region AND p.os = k.os AND p.instance_type = k.instance_type AND p.tenancy = 'shared'
      AND p.model = '${model}' AND p.term_years = 0 AND p.payment_option = '' AND p.offering_class = '' AND p.plan_type = '')`;
const summarize = (where: string) => `INSERT INTO price_summary
    (region, os, instance_type, od_hourly, best_1y, best_3y, spot_hourly)
  SELECT k.region, k.os, k.instance_type, ${plainHourly('on-demand')}, ${cheapestCommitment(1)},
    ${cheapestCommitment(3)}, ${plainHourly('spot')}
  FROM (SELECT DISTINCT region, os, instance_type FROM ec2_prices WHERE ${where}) k`;

/** The catalog listing's rows (main/catalog/listing.ts), each type in each region; `where` picks regions. */
const listingOffers = (where: string) => `SELECT ir.instance_type, ir.region, ps.od_hourly, ps.best_1y,
    ps.best_3y, ps.spot_hourly, sa.range_index AS spot_band_index, sa.band_label AS spot_band,
    sa.savings_pct AS spot_advisor_savings_pct, sas.as_of AS spot_advisor_as_of
  FROM instance_regions ir
  LEFT JOIN price_summary ps ON ps.region = ir.region AND ps.os = @os AND ps.instance_type = ir.instance_type
  LEFT JOIN spot_advisor sa ON sa.region = ir.region AND sa.os = @os AND sa.instance_type = ir.instance_type
  LEFT JOIN sources sas ON sas.id = sa.source_id
  ${where} ORDER BY ir.instance_type, ir.region`;

/** scope_dates rows derived from the price tables (one per scope and source); `where` filters the prices. */
const fillEc2Scopes = (where: string) => `INSERT INTO scope_dates
    (product, region, model, os, plan_type, tenancy, source_id, as_of, rows)
  SELECT 'ec2', p.region, p.model, CASE WHEN p.model = 'savings-plan' THEN '' ELSE p.os END,
    p.plan_type, p.tenancy, p.source_id, COALESCE(s.as_of, ''), COUNT(*)
  FROM ec2_prices p LEFT JOIN sources s ON s.id = p.source_id ${where}
  GROUP BY 2, 3, 4, 5, 6, 7`;
/** Dedicated Host scopes: a region's host On-Demand or Reservation prices (os '', tenancy 'host'). */
const fillHostScopes = (where: string) => `INSERT INTO scope_dates
    (product, region, model, os, plan_type, tenancy, source_id, as_of, rows)
  SELECT 'ec2', h.region, h.model, '', '', 'host', h.source_id, COALESCE(s.as_of, ''), COUNT(*)
  FROM host_prices h LEFT JOIN sources s ON s.id = h.source_id ${where}
  GROUP BY 2, 3, 7`;
/** The per-Region Dedicated fee's scope: model 'on-demand', os '', tenancy 'dedicated'. */
const fillFeeScopes = (where: string) => `INSERT INTO scope_dates
    (product, region, model, os, plan_type, tenancy, source_id, as_of, rows)
  SELECT 'ec2', f.region, 'on-demand', '', '', 'dedicated', f.source_id, COALESCE(s.as_of, ''), COUNT(*)
  FROM dedicated_fees f LEFT JOIN sources s ON s.id = f.source_id ${where}
  GROUP BY 2, 7`;
const fillEbsScopes = (where: string) => `INSERT INTO scope_dates
    (product, region, model, os, plan_type, tenancy, source_id, as_of, rows)
  SELECT 'ebs', e.region, '', '', '', '', e.source_id, COALESCE(s.as_of, ''), COUNT(*)
  FROM ebs_prices e LEFT JOIN sources s ON s.id = e.source_id ${where}
  GROUP BY 2, 7`;

export const SQL = {
  // ── meta and sources ──
  /** Every meta entry. */
  metaEntries: 'SELECT key, value FROM meta',
  /** One meta value by key (plucked). */
  metaValue: 'SELECT value FROM meta WHERE key = ?',
  putMeta: 'INSERT OR REPLACE INTO meta (key, value) VALUES (@key, @value)',
  /** Every source, newest first. */
  sources: 'SELECT * FROM sources ORDER BY as_of DESC, id',
  putSource: `INSERT OR REPLACE INTO sources (id, name, url, licence, as_of, note)
    VALUES (@id, @name, @url, @licence, @as_of, @note)`,

  // ── regions and instance types ──
  /** One region by code. */
  region: 'SELECT code, name FROM regions WHERE code = ?',
  /** Every region's code and name. */
  regions: 'SELECT code, name FROM regions ORDER BY code',
  /** Every region with how many types it offers and whether it has EBS prices. */
  regionOverview: `SELECT r.code, r.name,
      (SELECT COUNT(*) FROM instance_regions ir WHERE ir.region = r.code) AS instance_types,
      EXISTS (SELECT 1 FROM ebs_prices e WHERE e.region = r.code) AS has_ebs
    FROM regions r ORDER BY r.code`,
  addRegion: 'INSERT OR IGNORE INTO regions (code, name) VALUES (@code, @name)',
  /** One instance type's specs. */
  instanceType: 'SELECT * FROM instance_types WHERE instance_type = ?',
  /** Every instance type's name (plucked). */
  instanceTypeNames: 'SELECT instance_type FROM instance_types',
  insertInstanceType: insertRow('instance_types', INSTANCE_TYPE_COLUMNS),
  /** The families offered in a region (plucked). */
  familiesInRegion: `SELECT DISTINCT it.family FROM instance_types it
    JOIN instance_regions ir ON ir.instance_type = it.instance_type AND ir.region = ? ORDER BY it.family`,
  addInstanceRegion:
    'INSERT OR IGNORE INTO instance_regions (region, instance_type) VALUES (@region, @instance_type)',
  /**
   * The catalog listing: every type a region offers with its headline prices for @os. Filtered and
   * sorted by main/catalog/instance-query.ts, which wraps it.
   */
  instanceListing: `SELECT it.*, ps.od_hourly, ps.best_1y, ps.best_3y, ps.spot_hourly,
    sa.band_label AS spot_band, sa.range_index AS spot_band_index, sa.savings_pct AS spot_advisor_savings_pct,
    sas.as_of AS spot_advisor_as_of
  FROM instance_types it
  JOIN instance_regions ir ON ir.instance_type = it.instance_type AND ir.region = @region
  LEFT JOIN price_summary ps ON ps.region = @region AND ps.os = @os AND ps.instance_type = it.instance_type
  LEFT JOIN spot_advisor sa ON sa.region = @region AND sa.os = @os AND sa.instance_type = it.instance_type
  LEFT JOIN sources sas ON sas.id = sa.source_id`,
  /** Every instance type's specs, by name: the types of the catalog listing (main/catalog/listing.ts). */
  listingTypes: 'SELECT * FROM instance_types ORDER BY instance_type',
  /** Every (type, region) offered, with its headline prices and Spot Advisor band for @os: the listing of all regions. */
  listingOffers: listingOffers(''),
  /** The same for one @region. */
  listingOffersOfRegion: listingOffers('WHERE ir.region = @region'),

  // ── capacity: one type in every region, a scenario in every region, the instance finder ──
  /** Every region, and whether it offers one instance type. */
  regionsOfferingType: `SELECT r.code, r.name,
      EXISTS (SELECT 1 FROM instance_regions ir WHERE ir.region = r.code AND ir.instance_type = ?) AS offered
    FROM regions r ORDER BY r.code`,
  /** Which regions offer which of a set of types (a JSON array of type names). */
  regionsOfTypes: `SELECT region, instance_type FROM instance_regions
    WHERE instance_type IN (SELECT value FROM json_each(?))`,
  /** Whether the catalog holds any Spot Advisor band (plucked). */
  spotAdvisorHasRows: 'SELECT EXISTS (SELECT 1 FROM spot_advisor)',
  /** Every region's Spot Advisor band of one type and OS. */
  spotBandsOfType:
    'SELECT region, band_label, source_id FROM spot_advisor WHERE os = ? AND instance_type = ?',
  /**
   * The instance finder's candidates: every (type, region) that meets the minima, with its headline
   * prices for @os (specs are read per listed type: all columns of every row would take 10 times longer). Every filter is a bound value; an absent one is NULL (or 0 for a minimum), so this
   * is one statement for every combination. Ranked by shared/capacity/finder.ts.
   */
  finderCandidates: `SELECT it.instance_type, it.vcpu, it.memory_gib, ir.region, ps.od_hourly, ps.best_1y, ps.best_3y, ps.spot_hourly
  FROM instance_types it
  JOIN instance_regions ir ON ir.instance_type = it.instance_type
  LEFT JOIN price_summary ps ON ps.region = ir.region AND ps.os = @os AND ps.instance_type = it.instance_type
  WHERE (@region IS NULL OR ir.region = @region)
    AND (@generation IS NULL OR it.generation = @generation)
    AND it.vcpu >= @minVcpu AND it.memory_gib >= @minMemoryGiB
    AND (@minNetworkGbps = 0 OR it.network_baseline_gbps >= @minNetworkGbps)
    AND (@minEbsBaselineThroughputMBps = 0 OR it.ebs_baseline_throughput_mbps >= @minEbsBaselineThroughputMBps)
    AND (@minEbsBaselineIops = 0 OR it.ebs_baseline_iops >= @minEbsBaselineIops)
    AND it.gpu_count >= @minGpus
    AND (@gpuModel IS NULL OR it.gpu_model LIKE @gpuModel ESCAPE '\\'
      OR it.accelerator_info LIKE @gpuModel ESCAPE '\\')
    AND (@arch IS NULL OR it.arch = @arch)
    AND it.instance_store_gb >= @minInstanceStoreGB
    AND (@burstable = 1 OR it.burstable = 0)
    AND (@families IS NULL OR it.family IN (SELECT value FROM json_each(@families)))`,

  // ── EC2 prices ──
  /** Every shared-tenancy price of one (region, os, type): the headline figures (regions, finder). */
  pricesOfType: `SELECT * FROM ec2_prices
    WHERE region = ? AND os = ? AND instance_type = ? AND tenancy = 'shared'`,
  /** Every price of one (region, os, type) in one tenancy: price options and the price book. */
  pricesOfTypeInTenancy: `SELECT * FROM ec2_prices
    WHERE region = ? AND os = ? AND instance_type = ? AND tenancy = ?`,
  /** How many price rows each purchase model has (from scope_dates: no price row is read). */
  priceRowsByModel: `SELECT model, SUM(rows) AS n FROM scope_dates WHERE product = 'ec2' GROUP BY model`,
  /** How many price rows one source has (plucked). */
  priceRowsOfSource: 'SELECT count(*) FROM ec2_prices WHERE source_id = ?',
  /** Adds a price; a row whose key is already there is left alone (changes = 0). */
  insertEc2Price: `${insertRow('ec2_prices', EC2_PRICE_COLUMNS)} ON CONFLICT DO NOTHING`,
  /** Removes one EC2 scope's prices: a region's prices of one purchase model, OS and tenancy (a file replaces them). */
  deleteScopePrices: 'DELETE FROM ec2_prices WHERE region = ? AND os = ? AND model = ? AND tenancy = ?',
  /** Removes one Savings Plans scope's rates: a region's rates of one plan type, every OS. */
  deleteSavingsPlanScopePrices: `DELETE FROM ec2_prices WHERE region = ? AND model = 'savings-plan' AND plan_type = ?`,
  clearPriceSummary: 'DELETE FROM price_summary',
  clearRegionPriceSummary: 'DELETE FROM price_summary WHERE region = ?',
  /** Derives every (region, os, type)'s headline prices from ec2_prices. */
  fillPriceSummary: summarize("tenancy = 'shared'"),
  /** The same for one region. */
  fillRegionPriceSummary: summarize("tenancy = 'shared' AND region = ?"),

  // ── spot interruption bands (AWS's Spot Advisor; main/catalog/spot-advisor.ts) ──
  /** The Spot Advisor entry of one (region, os, type), with its source's as-of date. */
  spotAdvisorOf: `SELECT sa.*, s.as_of FROM spot_advisor sa JOIN sources s ON s.id = sa.source_id
    WHERE sa.region = ? AND sa.os = ? AND sa.instance_type = ?`,
  /** Each (region, os) scope of Spot Advisor entries with its newest as-of date (an import compares with it). */
  spotAdvisorScopeDates: `SELECT sa.region, sa.os, MAX(s.as_of) AS as_of
    FROM spot_advisor sa JOIN sources s ON s.id = sa.source_id GROUP BY sa.region, sa.os`,
  /** The newest as-of date of the Spot Advisor data the catalog holds (plucked; null when none). */
  spotAdvisorAsOf: `SELECT MAX(as_of) FROM sources WHERE id IN (SELECT DISTINCT source_id FROM spot_advisor)`,
  /** Adds or replaces one (region, os, type) entry. */
  putSpotAdvisor: `INSERT OR REPLACE INTO spot_advisor
    (region, os, instance_type, range_index, band_label, band_max_pct, savings_pct, source_id)
    VALUES (@region, @os, @instance_type, @range_index, @band_label, @band_max_pct, @savings_pct, @source_id)`,
  /** Removes a region's entries of one OS (an advisor file replaces them). */
  deleteSpotAdvisorScope: 'DELETE FROM spot_advisor WHERE region = ? AND os = ?',

  // ── Dedicated Hosts and the per-Region Dedicated fee (migration 5) ──
  /** One host family's prices in a region (On-Demand and reservations), with each source's as-of date. */
  hostPricesOf: `SELECT h.*, COALESCE(s.as_of, '') AS as_of FROM host_prices h
    LEFT JOIN sources s ON s.id = h.source_id WHERE h.region = ? AND h.family = ?
    ORDER BY h.model, h.term_years, h.payment_option`,
  /** What one host of a family holds in a region. */
  hostCapacityOf: 'SELECT * FROM host_capacity WHERE region = ? AND family = ?',
  /** A region's per-Region Dedicated fee, with its source's as-of date. */
  dedicatedFeeOf: `SELECT f.*, COALESCE(s.as_of, '') AS as_of FROM dedicated_fees f
    LEFT JOIN sources s ON s.id = f.source_id WHERE f.region = ?`,
  /** Adds or replaces one host price. */
  putHostPrice: `INSERT OR REPLACE INTO host_prices
    (region, family, model, term_years, payment_option, upfront_usd, hourly_usd, effective_hourly_usd, source_id)
    VALUES (@region, @family, @model, @term_years, @payment_option, @upfront_usd, @hourly_usd,
      @effective_hourly_usd, @source_id)`,
  /** Removes one host scope's prices: a region's host On-Demand or Reservation prices (a file replaces them). */
  deleteHostScopePrices: 'DELETE FROM host_prices WHERE region = ? AND model = ?',
  /** Adds or replaces what one host of a family holds in a region. */
  putHostCapacity: `INSERT OR REPLACE INTO host_capacity
    (region, family, vcpu, physical_cores, instances_per_size, source_id)
    VALUES (@region, @family, @vcpu, @physical_cores, @instances_per_size, @source_id)`,
  /** Adds or replaces a region's per-Region Dedicated fee. */
  putDedicatedFee: `INSERT OR REPLACE INTO dedicated_fees (region, hourly_usd, source_id)
    VALUES (@region, @hourly_usd, @source_id)`,

  // ── EBS ──
  ebsVolumeTypes: 'SELECT * FROM ebs_volume_types',
  insertEbsVolumeType: `INSERT INTO ebs_volume_types
    (volume_type, name, media, previous_generation, min_size_gib, max_size_gib, max_iops, max_throughput_mibps,
     max_iops_per_gib, baseline_iops, baseline_throughput_mibps, io_size_cap_kib, notes)
    VALUES (@volume_type, @name, @media, @previous_generation, @min_size_gib, @max_size_gib, @max_iops,
     @max_throughput_mibps, @max_iops_per_gib, @baseline_iops, @baseline_throughput_mibps, @io_size_cap_kib, @notes)`,
  /** Every EBS price of a region. */
  ebsPricesOfRegion: 'SELECT * FROM ebs_prices WHERE region = ?',
  /** How many EBS price rows the catalog has (from scope_dates). */
  ebsPriceRowCount: `SELECT COALESCE(SUM(rows), 0) FROM scope_dates WHERE product = 'ebs'`,
  /** Adds or replaces one (region, volume type, dimension) price. */
  putEbsPrice: `INSERT OR REPLACE INTO ebs_prices (region, volume_type, dimension, unit, price_usd, description, source_id)
    VALUES (@region, @volume_type, @dimension, @unit, @price_usd, @description, @source_id)`,

  // ── dates per scope (scope_dates, derived; see main/catalog/scope-dates.ts) ──
  /** Every scope with each of its sources: EC2 first, by region, model, OS / plan type, newest source first. */
  scopeDates: `SELECT * FROM scope_dates
    ORDER BY product DESC, region, model, os, plan_type, tenancy, as_of DESC, source_id`,
  /** The oldest and newest as-of date of any price in the catalog. */
  scopeDateRange: 'SELECT MIN(as_of) AS oldest, MAX(as_of) AS newest FROM scope_dates',
  /** How many price rows (EC2 and EBS) each source has. */
  rowsBySource: 'SELECT source_id, SUM(rows) AS n FROM scope_dates GROUP BY source_id',
  clearScopeDates: 'DELETE FROM scope_dates',
  clearRegionScopeDates: 'DELETE FROM scope_dates WHERE region = ?',
  fillEc2ScopeDates: fillEc2Scopes(''),
  fillEbsScopeDates: fillEbsScopes(''),
  fillHostScopeDates: fillHostScopes(''),
  fillFeeScopeDates: fillFeeScopes(''),
  fillRegionEc2ScopeDates: fillEc2Scopes('WHERE p.region = ?'),
  fillRegionHostScopeDates: fillHostScopes('WHERE h.region = ?'),
  fillRegionFeeScopeDates: fillFeeScopes('WHERE f.region = ?'),
  fillRegionEbsScopeDates: fillEbsScopes('WHERE e.region = ?'),
} as const;

/** How many rows a table holds; the table name comes from CATALOG_TABLES, never from input. */
export const rowCountSql = (table: CatalogTable): string => `SELECT COUNT(*) FROM ${table}`;

export function countRows(db: Database.Database, table: CatalogTable): number {
  return db.prepare<[], number>(rowCountSql(table)).pluck().get() ?? 0;
}

/** The read statements, prepared and typed; what the services use. */
export function prepareCatalogReads(db: Database.Database) {
  return {
    metaEntries: db.prepare<[], MetaDbRow>(SQL.metaEntries),
    metaValue: db.prepare<[key: string], string>(SQL.metaValue).pluck(),
    sources: db.prepare<[], SourceDbRow>(SQL.sources),
    region: db.prepare<[code: string], RegionDbRow>(SQL.region),
    regions: db.prepare<[], RegionDbRow>(SQL.regions),
    regionOverview: db.prepare<[], RegionDbRow & { instance_types: number; has_ebs: 0 | 1 }>(
      SQL.regionOverview,
    ),
    instanceType: db.prepare<[instanceType: string], InstanceTypeDbRow>(SQL.instanceType),
    instanceTypeNames: db.prepare<[], string>(SQL.instanceTypeNames).pluck(),
    familiesInRegion: db.prepare<[region: string], string>(SQL.familiesInRegion).pluck(),
    pricesOfType: db.prepare<[region: string, os: string, instanceType: string], Ec2PriceDbRow>(
      SQL.pricesOfType,
    ),
    pricesOfTypeInTenancy: db.prepare<
      [region: string, os: string, instanceType: string, tenancy: Tenancy],
      Ec2PriceDbRow
    >(SQL.pricesOfTypeInTenancy),
    hostPricesOf: db.prepare<[region: string, family: string], HostPriceDbRow & { as_of: string }>(
      SQL.hostPricesOf,
    ),
    hostCapacityOf: db.prepare<[region: string, family: string], HostCapacityDbRow>(SQL.hostCapacityOf),
    dedicatedFeeOf: db.prepare<[region: string], DedicatedFeeDbRow & { as_of: string }>(SQL.dedicatedFeeOf),
    priceRowsByModel: db.prepare<[], { model: PurchaseModel; n: number }>(SQL.priceRowsByModel),
    ebsVolumeTypes: db.prepare<[], EbsVolumeTypeDbRow>(SQL.ebsVolumeTypes),
    ebsPricesOfRegion: db.prepare<[region: string], EbsPriceDbRow>(SQL.ebsPricesOfRegion),
    ebsPriceRowCount: db.prepare<[], number>(SQL.ebsPriceRowCount).pluck(),
    scopeDates: db.prepare<[], ScopeDateDbRow>(SQL.scopeDates),
    scopeDateRange: db.prepare<[], { oldest: string | null; newest: string | null }>(SQL.scopeDateRange),
    rowsBySource: db.prepare<[], { source_id: string; n: number }>(SQL.rowsBySource),
    spotAdvisorOf: db.prepare<
      [region: string, os: string, instanceType: string],
      SpotAdvisorDbRow & { as_of: string }
    >(SQL.spotAdvisorOf),
    spotAdvisorAsOf: db.prepare<[], string | null>(SQL.spotAdvisorAsOf).pluck(),
    spotAdvisorScopeDates: db.prepare<[], { region: string; os: string; as_of: string }>(
      SQL.spotAdvisorScopeDates,
    ),
    rowCount: (table: CatalogTable): number => countRows(db, table),
  };
}

/** The write statements, prepared and typed; what the build and the import writer use. */
export function prepareCatalogWrites(db: Database.Database) {
  return {
    putMeta: db.prepare<MetaDbRow>(SQL.putMeta),
    putSource: db.prepare<SourceDbRow>(SQL.putSource),
    addRegion: db.prepare<RegionDbRow>(SQL.addRegion),
    insertInstanceType: db.prepare<InstanceTypeDbRow>(SQL.insertInstanceType),
    addInstanceRegion: db.prepare<InstanceRegionDbRow>(SQL.addInstanceRegion),
    insertEc2Price: db.prepare<Ec2PriceDbRow>(SQL.insertEc2Price),
    deleteScopePrices: db.prepare<[region: string, os: string, model: PurchaseModel, tenancy: Tenancy]>(
      SQL.deleteScopePrices,
    ),
    putHostPrice: db.prepare<HostPriceDbRow>(SQL.putHostPrice),
    deleteHostScopePrices: db.prepare<[region: string, model: 'on-demand' | 'reserved']>(
      SQL.deleteHostScopePrices,
    ),
    putHostCapacity: db.prepare<HostCapacityDbRow>(SQL.putHostCapacity),
    putDedicatedFee: db.prepare<DedicatedFeeDbRow>(SQL.putDedicatedFee),
    deleteSavingsPlanScopePrices: db.prepare<[region: string, planType: string]>(
      SQL.deleteSavingsPlanScopePrices,
    ),
    insertEbsVolumeType: db.prepare<EbsVolumeTypeDbRow>(SQL.insertEbsVolumeType),
    putEbsPrice: db.prepare<EbsPriceDbRow>(SQL.putEbsPrice),
    putSpotAdvisor: db.prepare<SpotAdvisorDbRow>(SQL.putSpotAdvisor),
    deleteSpotAdvisorScope: db.prepare<[region: string, os: string]>(SQL.deleteSpotAdvisorScope),
  };
}
