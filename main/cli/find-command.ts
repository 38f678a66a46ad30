import { FINDER_PURCHASE_LABELS, type FinderResult, type FinderRow } from '@shared/capacity/finder';
import { contractCommand } from './contract-command';
import { formatTable, money } from './table';
import type { Command } from './types';

/** The CSV's columns: the ranking's figures and the specs a choice turns on. */
const FIND_CSV_COLUMNS = [
  'instanceType',
  'region',
  'sameRateIn',
  'vcpu',
  'memoryGiB',
  'arch',
  'networkBaselineGbps',
  'ebsBaselineThroughputMBps',
  'ebsBaselineIops',
  'gpuCount',
  'gpuModel',
  'instanceStoreGB',
  'hourlyUsd',
  'monthlyUsd',
  'perVcpuHourUsd',
  'perGiBHourUsd',
  'onDemandHourlyUsd',
  'option',
  'asOf',
] as const satisfies readonly (keyof FinderRow)[];

function findTable(r: FinderResult): string {
  const where =
    r.region === 'all' ? 'across all regions (each type at its cheapest region)' : `in ${r.region}`;
  const how = FINDER_PURCHASE_LABELS[r.purchase];
  const rows = r.rows.map((row, i) => [
    i + 1,
    row.instanceType,
    row.region + (row.sameRateIn.length ? ` (+${row.sameRateIn.length})` : ''),
    row.vcpu,
    row.memoryGiB,
    row.arch,
    money(row.hourlyUsd, true),
    money(row.monthlyUsd),
    money(row.perVcpuHourUsd, true),
    money(row.perGiBHourUsd, true),
    row.asOf ?? '',
  ]);
  const unpriced = r.unpricedTypes
    ? `; ${r.unpricedTypes} of them have no ${how} price in the catalog and are not ranked`
    : '';
  return (
    `Cheapest ${where}, by ${how} (${r.os}; month = ${r.hoursPerMonth} h)\n\n` +
    formatTable(
      ['#', 'Type', 'Region', 'vCPU', 'GiB', 'Arch', 'Per hour', 'Per month', '$/vCPU-h', '$/GiB-h', 'As of'],
      rows,
    ) +
    `\n\n${r.matchedTypes} instance types meet the requirements${unpriced}.` +
    (r.region === 'all' ? '\n(+N): N other regions at the same rate (JSON: sameRateIn).' : '')
  );
}

export const FIND_COMMAND: Command = contractCommand({
  name: 'find',
  summary: 'The cheapest instance types that meet minimum vCPU, memory, network, EBS and GPU needs.',
  description:
    'In one region or all, ranked by the monthly cost of a way of buying (On-Demand, best 1-year, best 3-year, spot), with the cost of a vCPU and of a GiB an hour. Burstable (T) types are left out unless --burstable. JSON and CSV list the rows, cheapest first.',
  call: 'catalog.find',
  flags: {
    names: { families: 'family', minInstanceStoreGB: 'min-instance-store-gb' },
    valueNames: { region: 'REGION|all', families: 'FAMILY,…', gpuModel: 'TEXT' },
  },
  examples: [
    'find --min-vcpu 16 --min-memory-gib 64 --region eu-west-1',
    'find --min-vcpu 16 --min-memory-gib 64 --region all --arch arm64 --format json',
    'find --min-gpus 1 --gpu-model A10G --purchase best-3y --region us-east-1',
  ],
  json: (r: FinderResult) => r.rows,
  csv: { rows: (r) => r.rows, columns: FIND_CSV_COLUMNS },
  table: findTable,
});
