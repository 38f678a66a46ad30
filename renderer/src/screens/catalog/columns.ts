import type { SortColumn } from '@shared/contract';
import type { InstanceRow } from '@shared/catalog-types';
import { perUnitHourlyUsd } from '@shared/capacity/finder';
import {
  formatGpus,
  formatInstanceStore,
  formatNetwork,
  formatNumber,
  formatPrice,
  formatRate,
  type PriceUnit,
} from '../../format';

export const COLUMN_IDS = [
  'instanceType',
  'family',
  'vcpu',
  'memoryGiB',
  'arch',
  'network',
  'gpus',
  'instanceStore',
  'ebsBaselineThroughput',
  'ebsMaxThroughput',
  'ebsBaselineIops',
  'ebsMaxIops',
  'onDemand',
  'best1y',
  'best3y',
  'spot',
  'spotInterruption',
  'onDemandPerVcpu',
  'onDemandPerGiB',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnDef {
  id: ColumnId;
  /** Name in the column picker. */
  label: string;
  /** Header text; price headers also show the unit. */
  header: string;
  title?: string;
  sort: SortColumn | null;
  numeric: boolean;
  price: boolean;
  widthPx: number;
  cell: (row: InstanceRow, unit: PriceUnit) => string;
}

/** AWS quotes instance EBS throughput in MB/s (10^6 bytes/s); EBS Sizing converts it to MiB/s. */
const withMBps = (value: number | null): string => (value === null ? 'n/a' : `${formatNumber(value)} MB/s`);
const ebsMBpsTitle = (what: string): string =>
  `${what} in MB/s (10^6 bytes/s), as AWS quotes it; EBS Sizing shows it in MiB/s (2^20 bytes/s) with this figure beside it`;

const price = (
  id: ColumnId,
  label: string,
  sort: SortColumn,
  pick: (row: InstanceRow) => string | null,
  title: string,
): ColumnDef => ({
  id,
  label,
  header: label,
  title,
  sort,
  numeric: true,
  price: true,
  widthPx: 132,
  cell: (row, unit) => formatPrice(pick(row), unit),
});

/** What one unit (a vCPU, a GiB) costs an hour On-Demand: always per hour, whatever the price unit. */
const perUnit = (
  id: ColumnId,
  header: string,
  unit: string,
  units: (row: InstanceRow) => number,
): ColumnDef => ({
  id,
  label: `On-Demand ${header}`,
  header,
  title: `The On-Demand hourly price over the ${unit}: what one ${unit.replace(/ of memory$/, '')} costs an hour`,
  sort: null,
  numeric: true,
  price: false,
  widthPx: 104,
  cell: (row) => formatRate(perUnitHourlyUsd(row.onDemandHourlyUsd, units(row))),
});

export const COLUMNS: readonly ColumnDef[] = [
  {
    id: 'instanceType',
    label: 'Instance type',
    header: 'Instance type',
    sort: 'instanceType',
    numeric: false,
    price: false,
    widthPx: 150,
    cell: (r) => r.instanceType,
  },
  {
    id: 'family',
    label: 'Family',
    header: 'Family',
    sort: 'family',
    numeric: false,
    price: false,
    widthPx: 80,
    cell: (r) => r.family,
  },
  {
    id: 'vcpu',
    label: 'vCPU',
    header: 'vCPU',
    sort: 'vcpu',
    numeric: true,
    price: false,
    widthPx: 64,
    cell: (r) => formatNumber(r.vcpu),
  },
  {
    id: 'memoryGiB',
    label: 'Memory (GiB)',
    header: 'Memory GiB',
    sort: 'memoryGiB',
    numeric: true,
    price: false,
    widthPx: 112,
    cell: (r) => formatNumber(r.memoryGiB),
  },
  {
    id: 'arch',
    label: 'Architecture',
    header: 'Arch',
    sort: null,
    numeric: false,
    price: false,
    widthPx: 64,
    cell: (r) => r.arch,
  },
  {
    id: 'network',
    label: 'Network performance',
    header: 'Network',
    title: 'Network performance; sorted by baseline bandwidth',
    sort: 'networkBaselineGbps',
    numeric: false,
    price: false,
    widthPx: 116,
    cell: (r) => formatNetwork(r.networkPerformance, r.networkBaselineGbps),
  },
  {
    id: 'gpus',
    label: 'GPUs',
    header: 'GPUs',
    sort: 'gpuCount',
    numeric: false,
    price: false,
    widthPx: 116,
    cell: (r) => formatGpus(r.gpuCount, r.gpuModel),
  },
  {
    id: 'instanceStore',
    label: 'Instance store',
    header: 'Instance store',
    sort: 'instanceStoreGB',
    numeric: false,
    price: false,
    widthPx: 128,
    cell: (r) => formatInstanceStore(r.instanceStoreGB, r.instanceStoreDisks),
  },
  {
    id: 'ebsBaselineThroughput',
    label: 'EBS baseline throughput (MB/s)',
    header: 'EBS base MB/s',
    title: ebsMBpsTitle('EBS baseline throughput'),
    sort: 'ebsBaselineThroughputMBps',
    numeric: true,
    price: false,
    widthPx: 124,
    cell: (r) => withMBps(r.ebsBaselineThroughputMBps),
  },
  {
    id: 'ebsMaxThroughput',
    label: 'EBS max throughput (MB/s)',
    header: 'EBS max MB/s',
    title: ebsMBpsTitle('EBS maximum (burst) throughput'),
    sort: 'ebsMaxThroughputMBps',
    numeric: true,
    price: false,
    widthPx: 124,
    cell: (r) => withMBps(r.ebsMaxThroughputMBps),
  },
  {
    id: 'ebsBaselineIops',
    label: 'EBS baseline IOPS',
    header: 'EBS base IOPS',
    title: 'EBS baseline IOPS',
    sort: 'ebsBaselineIops',
    numeric: true,
    price: false,
    widthPx: 112,
    cell: (r) => formatNumber(r.ebsBaselineIops),
  },
  {
    id: 'ebsMaxIops',
    label: 'EBS max IOPS',
    header: 'EBS max IOPS',
    title: 'EBS maximum (burst) IOPS',
    sort: 'ebsMaxIops',
    numeric: true,
    price: false,
    widthPx: 108,
    cell: (r) => formatNumber(r.ebsMaxIops),
  },
  price('onDemand', 'On-demand', 'onDemandHourlyUsd', (r) => r.onDemandHourlyUsd, 'On-demand list price'),
  price(
    'best1y',
    'Best 1-yr',
    'best1yHourlyUsd',
    (r) => r.best1yHourlyUsd,
    'Lowest effective rate among 1-year Reserved Instances and Savings Plans (upfront spread over the term)',
  ),
  price(
    'best3y',
    'Best 3-yr',
    'best3yHourlyUsd',
    (r) => r.best3yHourlyUsd,
    'Lowest effective rate among 3-year Reserved Instances and Savings Plans (upfront spread over the term)',
  ),
  price(
    'spot',
    'Spot (avg)',
    'spotHourlyUsd',
    (r) => r.spotHourlyUsd,
    'Average observed spot price: not a guaranteed price, and capacity can be reclaimed',
  ),
  {
    id: 'spotInterruption',
    label: 'Spot interruption',
    header: 'Spot interruption',
    title:
      "AWS Spot Advisor: frequency of interruption (the rate at which Spot reclaimed capacity during the trailing month), the advisor's savings over On-Demand (last 30 days) and the data's date; sorted by band",
    sort: 'spotInterruption',
    numeric: false,
    price: false,
    widthPx: 220,
    cell: (r) => spotInterruptionCell(r),
  },
  perUnit('onDemandPerVcpu', '$/vCPU-hour', 'vCPU', (r) => r.vcpu),
  perUnit('onDemandPerGiB', '$/GiB-hour', 'GiB of memory', (r) => r.memoryGiB),
];

/** "15-20% · saves 66% · 2025-06-28"; n/a where the Spot Advisor lists no band (RHEL, SLES, Ubuntu Pro, some types). */
export function spotInterruptionCell(r: InstanceRow): string {
  if (r.spotInterruptionBand === null) return 'n/a';
  const saves = r.spotAdvisorSavingsPct === null ? '' : ` · saves ${formatNumber(r.spotAdvisorSavingsPct)}%`;
  return `${r.spotInterruptionBand}${saves} · ${r.spotAdvisorAsOf ?? 'undated'}`;
}

export const DEFAULT_COLUMNS: ColumnId[] = [
  'instanceType',
  'family',
  'vcpu',
  'memoryGiB',
  'arch',
  'network',
  'gpus',
  'instanceStore',
  'onDemand',
  'best1y',
  'best3y',
  'spot',
  'spotInterruption',
  'onDemandPerVcpu',
  'onDemandPerGiB',
];
