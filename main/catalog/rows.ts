/**
 * One row type per catalog table, exactly as SQLite stores and returns it (the schema is
 * main/db/migrations/catalog/0001-schema.ts). The build (pricing-data/build-catalog.ts), the import
 * writer and the services all read and write these types, through main/catalog/statements.ts.
 */
import type {
  EbsDimension,
  OfferingClass,
  OperatingSystem,
  PaymentOption,
  PlanType,
  PurchaseModel,
  Tenancy,
  VolumeType,
} from '@shared/catalog-types';

/** The catalog's tables, in the order a dump lists them. */
export const CATALOG_TABLES = [
  'meta',
  'sources',
  'regions',
  'instance_types',
  'instance_regions',
  'ec2_prices',
  'price_summary',
  'ebs_volume_types',
  'ebs_prices',
  'scope_dates',
  'spot_advisor',
  'host_prices',
  'host_capacity',
  'dedicated_fees',
] as const;
export type CatalogTable = (typeof CATALOG_TABLES)[number];

/** meta: catalog-wide facts (source, as_of, built_at, schema_version, last_import, imported_at). */
export interface MetaDbRow {
  key: string;
  value: string;
}

/** sources: where a price came from; every price row names one. */
export interface SourceDbRow {
  id: string;
  name: string;
  url: string;
  licence: string;
  as_of: string;
  note: string;
}

export interface RegionDbRow {
  code: string;
  name: string;
}

/** instance_types: specs; SQLite booleans are 0 / 1, lists are ';'-separated text. */
export interface InstanceTypeDbRow {
  instance_type: string;
  family: string;
  size: string;
  generation: 'current' | 'previous';
  vcpu: number;
  memory_gib: number;
  arch: 'x86_64' | 'arm64';
  architectures: string;
  processor: string | null;
  clock_ghz: number | null;
  burstable: 0 | 1;
  bare_metal: 0 | 1;
  network_performance: string | null;
  network_baseline_gbps: number | null;
  network_peak_gbps: number | null;
  gpu_count: number;
  gpu_model: string | null;
  gpu_memory_gib: number | null;
  accelerator_info: string | null;
  instance_store_gb: number;
  instance_store_disks: string | null;
  ebs_baseline_bandwidth_mbps: number | null;
  ebs_max_bandwidth_mbps: number | null;
  ebs_baseline_iops: number | null;
  ebs_max_iops: number | null;
  ebs_baseline_throughput_mbps: number | null;
  ebs_max_throughput_mbps: number | null;
  normalization_factor: number | null;
}

/** instance_regions: which types a region offers. */
export interface InstanceRegionDbRow {
  region: string;
  instance_type: string;
}

/**
 * ec2_prices: one price. Attributes that do not apply are '' / 0 (so the primary key holds); money is
 * decimal text. Tenancy: shared, a Dedicated Instance, or the per-instance charge on a Dedicated Host
 * (AWS's host-tenancy rows: Linux 0, a real zero there; licence-included OSes their licence).
 */
export interface Ec2PriceDbRow {
  region: string;
  instance_type: string;
  os: OperatingSystem;
  tenancy: Tenancy;
  model: PurchaseModel;
  term_years: 0 | 1 | 3;
  payment_option: '' | PaymentOption;
  offering_class: '' | OfferingClass;
  plan_type: '' | PlanType;
  upfront_usd: string;
  hourly_usd: string;
  effective_hourly_usd: string;
  source_id: string;
  /** 'derived' when the source gave only an effective rate (migration 0003, shared/pricing/upfront-fees.ts). */
  upfront_source: 'published' | 'derived';
}

/** price_summary: the headline prices of one (region, OS, type), derived from ec2_prices. */
export interface PriceSummaryDbRow {
  region: string;
  os: OperatingSystem;
  instance_type: string;
  od_hourly: string | null;
  best_1y: string | null;
  best_3y: string | null;
  spot_hourly: string | null;
}

export interface EbsVolumeTypeDbRow {
  volume_type: VolumeType;
  name: string;
  media: 'ssd' | 'hdd';
  previous_generation: 0 | 1;
  min_size_gib: number;
  max_size_gib: number;
  max_iops: number;
  max_throughput_mibps: number;
  max_iops_per_gib: number | null;
  baseline_iops: number | null;
  baseline_throughput_mibps: number | null;
  io_size_cap_kib: number;
  notes: string;
}

/** ebs_prices: one (region, volume type, dimension) price; snapshots are volume type 'snapshot'. */
/** A region and whether it offers one instance type (SQL.regionsOfferingType). */
export interface RegionOfferDbRow extends RegionDbRow {
  offered: 0 | 1;
}

/** A type in one region that offers it, with its size and headline prices for an OS (SQL.finderCandidates). */
export type FinderCandidateDbRow = Pick<InstanceTypeDbRow, 'instance_type' | 'vcpu' | 'memory_gib'> & {
  region: string;
} & Pick<PriceSummaryDbRow, 'od_hourly' | 'best_1y' | 'best_3y' | 'spot_hourly'>;

/** One region's Spot Advisor band for a type (SQL.spotBandsOfType). */
export interface SpotBandDbRow {
  region: string;
  band_label: string;
  source_id: string;
}

export interface EbsPriceDbRow {
  region: string;
  volume_type: VolumeType | 'snapshot';
  dimension: EbsDimension;
  unit: string;
  price_usd: string;
  description: string;
  source_id: string;
}

/**
 * scope_dates: how many rows of one scope come from one source, and that source's as-of date. Derived
 * from ec2_prices / ebs_prices / host_prices / dedicated_fees and sources (main/catalog/scope-dates.ts);
 * the schema is migration 2. EC2 scopes are region × purchase model × OS × tenancy (Savings Plans:
 * region × plan type, os '', one row per tenancy its rates cover); Dedicated Host prices are os '' with
 * tenancy 'host' (model on-demand or reserved), the per-Region Dedicated fee os '' with model
 * 'on-demand' and tenancy 'dedicated'; EBS scopes are a region (model, os, plan_type and tenancy '').
 */
export interface ScopeDateDbRow {
  product: 'ec2' | 'ebs';
  region: string;
  model: '' | PurchaseModel;
  os: '' | OperatingSystem;
  plan_type: '' | PlanType;
  tenancy: '' | Tenancy;
  source_id: string;
  as_of: string;
  rows: number;
}

/**
 * spot_advisor: AWS's Spot Advisor entry of one (region, OS, type), as published: the band (the file's
 * `ranges[r]` label and max) and its savings over On-Demand (`s`). The schema is migration 4.
 */
export interface SpotAdvisorDbRow {
  region: string;
  os: 'linux' | 'windows';
  instance_type: string;
  range_index: number;
  band_label: string;
  band_max_pct: number;
  savings_pct: number;
  source_id: string;
}

/**
 * host_prices: one Dedicated Host type (named by instance family) in one region, per host-hour:
 * On-Demand (term_years 0, payment_option '') or a Dedicated Host Reservation. Migration 5.
 */
export interface HostPriceDbRow {
  region: string;
  family: string;
  model: 'on-demand' | 'reserved';
  term_years: 0 | 1 | 3;
  payment_option: '' | PaymentOption;
  upfront_usd: string;
  hourly_usd: string;
  effective_hourly_usd: string;
  source_id: string;
}

/** host_capacity: what one host of a family holds in a region; instances_per_size is a JSON object. Migration 5. */
export interface HostCapacityDbRow {
  region: string;
  family: string;
  vcpu: number | null;
  physical_cores: number | null;
  /** {"xlarge": 8, "2xlarge": 4}: instances of each size one host holds. */
  instances_per_size: string;
  source_id: string;
}

/** dedicated_fees: a region's per-Region fee for Dedicated Instances, USD per hour. Migration 5. */
export interface DedicatedFeeDbRow {
  region: string;
  hourly_usd: string;
  source_id: string;
}
