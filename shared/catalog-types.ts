import type { UsdString } from './money';
import type { PriceOptionExplanation } from './pricing/explanation-types';

/** Operating systems with their licences; names, price-list codes and billing in shared/operating-systems.ts. */
export const OPERATING_SYSTEMS = [
  'linux',
  'windows',
  'rhel',
  'sles',
  'ubuntu',
  'windows-sql-web',
  'windows-sql-std',
  'windows-sql-ent',
  'windows-byol',
] as const;
export type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];

/**
 * Where an instance runs: shared hardware (AWS's default tenancy), a Dedicated Instance (hardware
 * dedicated to one account, priced per instance plus a per-Region fee) or a Dedicated Host (a whole
 * server, priced per host: shared/pricing/dedicated-hosts.ts).
 */
export const TENANCIES = ['shared', 'dedicated', 'host'] as const;
export type Tenancy = (typeof TENANCIES)[number];
export const TENANCY_LABELS: Readonly<Record<Tenancy, string>> = {
  shared: 'Shared',
  dedicated: 'Dedicated Instance',
  host: 'Dedicated Host',
};

export const PURCHASE_MODELS = ['on-demand', 'reserved', 'savings-plan', 'spot'] as const;
export type PurchaseModel = (typeof PURCHASE_MODELS)[number];
export const PAYMENT_OPTIONS = ['no-upfront', 'partial-upfront', 'all-upfront'] as const;
export type PaymentOption = (typeof PAYMENT_OPTIONS)[number];
export const OFFERING_CLASSES = ['standard', 'convertible'] as const;
export type OfferingClass = (typeof OFFERING_CLASSES)[number];
export const PLAN_TYPES = ['compute', 'ec2-instance'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];
export type TermYears = 1 | 3;

export const VOLUME_TYPES = ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;
export type VolumeType = (typeof VOLUME_TYPES)[number];

/** Where a figure came from and how old it is; shown next to the figures it dates. */
export interface PriceSource {
  id: string;
  name: string;
  url: string;
  licence: string;
  asOf: string;
  note: string;
}

/** The oldest and the newest as-of date among some prices (the same date twice when there is one). */
export interface DateRange {
  oldest: string;
  newest: string;
}

/**
 * One scope's prices from one source: a scope is what one price file replaces at once (EC2: region ×
 * purchase model × OS × tenancy, Savings Plans: region × plan type; EBS: a region).
 */
export interface ScopeDate {
  product: 'ec2' | 'ebs';
  region: string;
  /** EC2: the purchase model; EBS: null. */
  model: PurchaseModel | null;
  /** EC2 other than Savings Plans: the OS; otherwise null (a Savings Plans scope covers every OS). */
  os: OperatingSystem | null;
  /** Savings Plans: the plan type; otherwise null. */
  planType: PlanType | null;
  /**
   * Present for other than shared tenancy: a Dedicated Instance or Dedicated Host scope (with os null:
   * the Dedicated Host prices, or the per-Region Dedicated fee). A Savings Plans scope covers every
   * tenancy; its rows are listed per tenancy.
   */
  tenancy?: Tenancy;
  sourceId: string;
  asOf: string;
  rows: number;
}

export interface CatalogMeta {
  source: string;
  /** The catalog's as-of date: the newest date of any of its prices (meta.as_of). */
  asOf: string;
  /** The oldest and newest as-of date among the catalog's prices; null when it holds none. */
  pricesAsOf: DateRange | null;
  schemaVersion: number;
  builtAt: string;
  regions: number;
  instanceTypes: number;
  priceRows: Record<PurchaseModel, number>;
  ebsPriceRows: number;
  /** Every source, newest first, with how many price rows (EC2 and EBS) it supplies. */
  sources: (PriceSource & { rows: number })[];
  /** Every scope with each of its sources and dates (see ScopeDate). */
  scopes: ScopeDate[];
}

export interface Region {
  code: string;
  name: string;
  instanceTypes: number;
  hasEbsPrices: boolean;
}

export interface InstanceSpec {
  instanceType: string;
  family: string;
  size: string;
  generation: 'current' | 'previous';
  vcpu: number;
  memoryGiB: number;
  arch: 'x86_64' | 'arm64';
  architectures: string[];
  processor: string | null;
  clockGhz: number | null;
  burstable: boolean;
  bareMetal: boolean;
  networkPerformance: string | null;
  networkBaselineGbps: number | null;
  networkPeakGbps: number | null;
  gpuCount: number;
  gpuModel: string | null;
  gpuMemoryGiB: number | null;
  acceleratorInfo: string | null;
  instanceStoreGB: number;
  instanceStoreDisks: string | null;
  ebsBaselineBandwidthMbps: number | null;
  ebsMaxBandwidthMbps: number | null;
  ebsBaselineIops: number | null;
  ebsMaxIops: number | null;
  ebsBaselineThroughputMBps: number | null;
  ebsMaxThroughputMBps: number | null;
  normalizationFactor: number | null;
}

/** One row of the catalog table: specs plus the headline prices for a region and OS. */
export interface InstanceRow extends InstanceSpec {
  onDemandHourlyUsd: UsdString | null;
  best1yHourlyUsd: UsdString | null;
  best3yHourlyUsd: UsdString | null;
  spotHourlyUsd: UsdString | null;
  /** AWS's Spot Advisor interruption band ("15-20%"); null when the catalog has none for this type, region and OS. */
  spotInterruptionBand: string | null;
  /** The advisor's savings over On-Demand, percent (null with the band). */
  spotAdvisorSavingsPct: number | null;
  /** The Spot Advisor data's as-of date (null with the band). */
  spotAdvisorAsOf: string | null;
}

export interface InstanceList {
  region: string;
  os: OperatingSystem;
  total: number;
  rows: InstanceRow[];
  sources: PriceSource[];
}

export interface PriceOption {
  model: PurchaseModel;
  termYears: TermYears | null;
  paymentOption: PaymentOption | null;
  offeringClass: OfferingClass | null;
  planType: PlanType | null;
  upfrontUsd: UsdString | null;
  /**
   * True when the planner worked the upfront figure out rather than reading it: a fee derived from an
   * effective rate, or a Savings Plan's upfront part; upfrontNote then says how.
   */
  upfrontDerived: boolean;
  upfrontNote: string | null;
  hourlyUsd: UsdString | null;
  effectiveHourlyUsd: UsdString | null;
  monthlyUsd: UsdString | null;
  /** Saving against on-demand, in percent with one decimal ("40.2"); null when either side is missing. */
  savingsPct: string | null;
  sourceId: string | null;
  /** Why a figure is missing, or a caveat (spot is an average, never a guarantee). */
  note: string | null;
  /**
   * Spot only (null on the other options, and when the catalog has no band): AWS's Spot Advisor
   * interruption band ("15-20%"), the advisor's savings over On-Demand in percent, and its date.
   */
  interruptionBand: string | null;
  advisorSavingsPct: number | null;
  advisorAsOf: string | null;
  /** Its figures as arithmetic with the catalog rows behind them, when the call asked (`explain`). */
  explanation?: PriceOptionExplanation;
}

export interface PriceOptions {
  instanceType: string;
  region: string;
  os: OperatingSystem;
  tenancy: Tenancy;
  hoursPerMonth: number;
  spec: InstanceSpec;
  /** The instance's options in this tenancy (on a Dedicated Host: the per-instance charge on top of the host). */
  options: PriceOption[];
  /** Tenancy 'host' only: the Dedicated Host this type runs on (its family), per host-hour. */
  host?: HostOptions;
  /** Tenancy 'dedicated' only: the region's per-Region Dedicated fee; null until AWS's price files are imported. */
  dedicatedFee?: { hourlyUsd: UsdString; sourceId: string } | null;
  sources: PriceSource[];
}

/** A Dedicated Host of one family in one region: its prices per host-hour and what one host holds. */
export interface HostOptions {
  family: string;
  onDemandHourlyUsd: UsdString | null;
  onDemandSourceId: string | null;
  reservations: {
    termYears: TermYears;
    paymentOption: PaymentOption;
    upfrontUsd: UsdString;
    hourlyUsd: UsdString;
    effectiveHourlyUsd: UsdString;
    sourceId: string;
  }[];
  /** How many instances of the priced type's size one host holds; null when the catalog does not say. */
  instancesOfThisSize: number | null;
  vcpu: number | null;
  physicalCores: number | null;
  /** Why figures are missing ("n/a — import AWS's price files"); null when the catalog has the host. */
  note: string | null;
}

export interface EbsVolumeTypeInfo {
  volumeType: VolumeType;
  name: string;
  media: 'ssd' | 'hdd';
  previousGeneration: boolean;
  minSizeGiB: number;
  maxSizeGiB: number;
  maxIopsPerVolume: number;
  maxThroughputMiBpsPerVolume: number;
  maxIopsPerGiB: number | null;
  baselineIops: number | null;
  baselineThroughputMiBps: number | null;
  ioSizeCapKiB: number;
  notes: string;
}

export const EBS_DIMENSIONS = [
  'storage',
  'iops',
  'iops-tier2',
  'iops-tier3',
  'throughput',
  'io-requests',
  'snapshot-standard',
  'snapshot-archive',
  'snapshot-archive-retrieval',
  'fast-snapshot-restore',
] as const;
export type EbsDimension = (typeof EBS_DIMENSIONS)[number];

export interface EbsPrice {
  volumeType: VolumeType | 'snapshot';
  dimension: EbsDimension;
  unit: string;
  priceUsd: UsdString;
  description: string;
}

export interface EbsPriceRow {
  volumeType: VolumeType;
  storageUsdPerGBMonth: UsdString | null;
  iopsUsdPerIopsMonth: UsdString | null;
  iopsTier2UsdPerIopsMonth: UsdString | null;
  iopsTier3UsdPerIopsMonth: UsdString | null;
  throughputUsdPerMiBpsMonth: UsdString | null;
  ioRequestsUsdPerMillion: UsdString | null;
}

export interface EbsPrices {
  region: string;
  sourceId: string;
  asOf: string;
  volumes: EbsPriceRow[];
  snapshots: {
    standardUsdPerGBMonth: UsdString | null;
    archiveUsdPerGBMonth: UsdString | null;
    archiveRetrievalUsdPerGB: UsdString | null;
    fastSnapshotRestoreUsdPerDsuHour: UsdString | null;
  };
}
