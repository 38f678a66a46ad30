import type { EbsPrices } from '@shared/catalog-types';
import type { EbsCostResult, EbsSizingResult } from '@shared/ebs/transport';
import { contractCommand } from './contract-command';
import { formatTable, money } from './table';
import type { Command } from './types';

/** `{ standardUsd: 1 }` under `snapshot` → `{ snapshotStandardUsd: 1 }`: a nested record in a flat row. */
const prefixed = (prefix: string, record: object) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [prefix + k[0]!.toUpperCase() + k.slice(1), v]));

/** One flat row per volume type, carrying the region's snapshot prices and the source. */
const priceRows = (e: EbsPrices) =>
  e.volumes.map((v) => ({
    region: e.region,
    ...v,
    ...prefixed('snapshot', e.snapshots),
    asOf: e.asOf,
    source: e.sourceId,
  }));

const ebsSize = contractCommand({
  name: 'ebs size',
  summary: 'The cheapest EBS layouts (type, volumes, size, IOPS, MiB/s) that meet a need.',
  description:
    'With --instance, the instance’s EBS limits apply; layouts that cannot work are listed with why.',
  call: 'ebs.size',
  flags: {
    names: { instanceType: 'instance', maxStripeVolumes: 'max-stripe' },
    valueNames: { instanceType: 'TYPE', volumeTypes: 'TYPE,…' },
  },
  examples: [
    'ebs size --region us-east-1 --capacity-gib 2000 --iops 12000 --throughput-mibps 400 --instance m6i.4xlarge',
    'ebs size --region us-east-1 --capacity-gib 500 --iops 3000 --throughput-mibps 125 --volume-types gp3,io2 --format json',
  ],
  csv: { rows: (r) => r.options },
  table: (r: EbsSizingResult) =>
    `Cheapest EBS layouts in ${r.region} (prices as of ${r.pricesAsOf})` +
    (r.instance ? ` on ${r.instance.instanceType}` : '') +
    '\n\n' +
    formatTable(
      [
        'Type',
        'Volumes',
        'GiB each',
        'IOPS each',
        'MiB/s each',
        'Delivers IOPS',
        'Delivers MiB/s',
        'Monthly',
        'Binding',
      ],
      r.options.map((o) => [
        o.volumeType,
        o.volumes,
        o.sizeGiBPerVolume,
        o.iopsPerVolume,
        o.throughputMiBpsPerVolume,
        Math.round(o.deliveredIops),
        Math.round(o.deliveredThroughputMiBps * 10) / 10,
        money(o.monthlyUsd),
        o.bindingConstraint,
      ]),
    ) +
    (r.infeasible.length ? '\n\nNot feasible:\n' + r.infeasible.map((i) => `  ${i.reason}`).join('\n') : ''),
});

const ebsCost = contractCommand({
  name: 'ebs cost',
  summary: 'The monthly cost of one EBS volume, dimension by dimension.',
  call: 'ebs.cost',
  flags: { names: { volumeType: 'type' }, valueNames: { volumeType: 'TYPE' } },
  examples: [
    'ebs cost --region us-east-1 --type gp3 --size-gib 1024 --iops 6000 --throughput-mibps 250',
    'ebs cost --region eu-west-1 --type io2 --size-gib 500 --iops 20000 --format json',
  ],
  csv: { rows: (c) => c.components },
  table: (c: EbsCostResult) =>
    `${c.volumeType} in ${c.region} (prices as of ${c.pricesAsOf})\n\n` +
    formatTable(
      ['Dimension', 'Quantity', 'Unit', 'Unit price', 'Monthly'],
      c.components.map((x) => [x.dimension, x.quantity, x.unit, money(x.unitUsd, true), money(x.monthlyUsd)]),
    ) +
    `\n\nTotal: ${money(c.monthlyUsd)} per month`,
});

const ebsPrices = contractCommand({
  name: 'ebs prices',
  summary: 'EBS prices in a region: every volume type’s dimensions, and snapshots.',
  description: 'JSON and CSV give one row per volume type.',
  call: 'ebs.prices',
  examples: ['ebs prices --region us-east-1', 'ebs prices --region us-east-1 --format csv'],
  json: priceRows,
  csv: { rows: priceRows },
  table: (e: EbsPrices) =>
    `EBS prices in ${e.region} (as of ${e.asOf})\n\n` +
    formatTable(
      ['Type', 'GB-month', 'IOPS-month', 'IOPS 32k-64k', 'IOPS >64k', 'MiB/s-month', 'Per 1M I/O'],
      e.volumes.map((v) => [
        v.volumeType,
        money(v.storageUsdPerGBMonth, true),
        money(v.iopsUsdPerIopsMonth, true),
        money(v.iopsTier2UsdPerIopsMonth, true),
        money(v.iopsTier3UsdPerIopsMonth, true),
        money(v.throughputUsdPerMiBpsMonth, true),
        money(v.ioRequestsUsdPerMillion, true),
      ]),
    ) +
    `\n\nSnapshots: standard ${money(e.snapshots.standardUsdPerGBMonth, true)}/GB-month, archive ${money(
      e.snapshots.archiveUsdPerGBMonth,
      true,
    )}/GB-month, archive retrieval ${money(e.snapshots.archiveRetrievalUsdPerGB, true)}/GB, fast snapshot restore ${money(
      e.snapshots.fastSnapshotRestoreUsdPerDsuHour,
      true,
    )}/DSU-hour per snapshot and Availability Zone`,
});

export const EBS_COMMANDS: Command[] = [ebsSize, ebsCost, ebsPrices];
