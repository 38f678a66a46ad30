import type { CatalogMeta, EbsPrices, InstanceList, PriceOptions } from '../../shared/catalog-types';
import type { CallName } from '../../shared/contract';
import type { EbsCostResult, EbsSizingResult } from '../../shared/ebs/transport';
import { Decimal, formatUsd } from '../../shared/money';
import { formatTable } from './table';

/** One CLI command: which contract call it makes, how flags become its input, how output prints. */
export interface CliCommand {
  usage: string;
  call: CallName;
  options: Record<string, { type: 'string' | 'boolean'; field: string; number?: boolean }>;
  /** Positional arguments, in order, mapped to input fields. */
  positionals?: string[];
  /** The positionals are JSON files whose parsed content is the field's value. */
  jsonFilePositionals?: boolean;
  toCsv?: (value: never) => string;
  fixed?: Record<string, unknown>;
  toJson: (value: never) => unknown;
  toText: (value: never) => string;
}

const money = (v: string | null, rate = false) => formatUsd(v === null ? null : new Decimal(v), { rate });

export const COMMANDS: Record<string, CliCommand> = {
  'catalog meta': {
    usage: 'catalog meta [--format json]',
    call: 'catalog.meta',
    options: {},
    toJson: (m: CatalogMeta) => ({
      source: m.source,
      asOf: m.asOf,
      regions: m.regions,
      instanceTypes: m.instanceTypes,
      priceRows: m.priceRows,
      ebsPriceRows: m.ebsPriceRows,
      sources: m.sources.map((s) => ({ id: s.id, name: s.name, asOf: s.asOf, licence: s.licence })),
    }),
    toText: (m: CatalogMeta) =>
      `Catalog: ${m.source}\nAs of: ${m.asOf}\nRegions: ${m.regions}\nInstance types: ${m.instanceTypes}\n` +
      `Price rows: ${Object.entries(m.priceRows)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; EBS ${m.ebsPriceRows}\n\n` +
      formatTable(
        ['Source', 'As of', 'Licence'],
        m.sources.map((s) => [s.name, s.asOf, s.licence]),
      ),
  },
  'catalog instances': {
    usage:
      'catalog instances --region R [--os linux|windows|rhel|sles|ubuntu] [--min-vcpu N] [--max-vcpu N] [--min-memory-gib N] [--max-memory-gib N] [--arch x86_64|arm64] [--family F] [--generation current|previous|all] [--gpu] [--search TEXT] [--sort COLUMN] [--desc] [--limit N] [--format json]',
    call: 'catalog.instances',
    options: {
      region: { type: 'string', field: 'region' },
      os: { type: 'string', field: 'os' },
      'min-vcpu': { type: 'string', field: 'minVcpu', number: true },
      'max-vcpu': { type: 'string', field: 'maxVcpu', number: true },
      'min-memory-gib': { type: 'string', field: 'minMemoryGiB', number: true },
      'max-memory-gib': { type: 'string', field: 'maxMemoryGiB', number: true },
      arch: { type: 'string', field: 'arch' },
      family: { type: 'string', field: 'families' },
      generation: { type: 'string', field: 'generation' },
      gpu: { type: 'boolean', field: 'gpu' },
      search: { type: 'string', field: 'search' },
      sort: { type: 'string', field: 'sortBy' },
      desc: { type: 'boolean', field: 'sortDir' },
      limit: { type: 'string', field: 'limit', number: true },
    },
    toJson: (l: InstanceList) =>
      l.rows.map((r) => ({
        instanceType: r.instanceType,
        family: r.family,
        vcpu: r.vcpu,
        memoryGiB: r.memoryGiB,
        arch: r.arch,
        burstable: r.burstable,
        gpuCount: r.gpuCount,
        networkPerformance: r.networkPerformance,
        ebsBaselineThroughputMBps: r.ebsBaselineThroughputMBps,
        ebsMaxThroughputMBps: r.ebsMaxThroughputMBps,
        ebsBaselineIops: r.ebsBaselineIops,
        ebsMaxIops: r.ebsMaxIops,
        onDemandHourlyUsd: r.onDemandHourlyUsd,
        best1yHourlyUsd: r.best1yHourlyUsd,
        best3yHourlyUsd: r.best3yHourlyUsd,
        spotHourlyUsd: r.spotHourlyUsd,
      })),
    toText: (l: InstanceList) =>
      formatTable(
        ['Type', 'vCPU', 'Memory GiB', 'Arch', 'On-demand/h', 'Best 1y/h', 'Best 3y/h', 'Spot avg/h'],
        l.rows.map((r) => [
          r.instanceType,
          r.vcpu,
          r.memoryGiB,
          r.arch,
          money(r.onDemandHourlyUsd, true),
          money(r.best1yHourlyUsd, true),
          money(r.best3yHourlyUsd, true),
          money(r.spotHourlyUsd, true),
        ]),
      ) + `\n${l.total} instance types in ${l.region} (${l.os})`,
  },
  price: {
    usage: 'price TYPE --region R [--os linux|windows|rhel|sles|ubuntu] [--format json]',
    call: 'catalog.priceOptions',
    positionals: ['instanceType'],
    options: { region: { type: 'string', field: 'region' }, os: { type: 'string', field: 'os' } },
    toJson: (p: PriceOptions) => ({
      instanceType: p.instanceType,
      region: p.region,
      os: p.os,
      tenancy: p.tenancy,
      hoursPerMonth: p.hoursPerMonth,
      options: p.options.map((o) => ({
        model: o.model,
        termYears: o.termYears,
        paymentOption: o.paymentOption,
        offeringClass: o.offeringClass,
        planType: o.planType,
        upfrontUsd: o.upfrontUsd,
        hourlyUsd: o.hourlyUsd,
        effectiveHourlyUsd: o.effectiveHourlyUsd,
        monthlyUsd: o.monthlyUsd,
        savingsPct: o.savingsPct,
        source: o.sourceId,
        asOf: p.sources.find((s) => s.id === o.sourceId)?.asOf ?? null,
        note: o.note,
      })),
    }),
    toText: (p: PriceOptions) =>
      `${p.instanceType} in ${p.region}, ${p.os}, shared tenancy (month = ${p.hoursPerMonth} h)\n\n` +
      formatTable(
        [
          'Model',
          'Term',
          'Payment',
          'Class/plan',
          'Upfront',
          'Hourly',
          'Effective/h',
          'Monthly',
          'Saving',
          'As of',
        ],
        p.options.map((o) => [
          o.model,
          o.termYears ? `${o.termYears}y` : '',
          o.paymentOption ?? '',
          o.offeringClass ?? o.planType ?? '',
          o.model === 'on-demand' || o.model === 'spot' ? '' : money(o.upfrontUsd),
          money(o.hourlyUsd, true),
          money(o.effectiveHourlyUsd, true),
          money(o.monthlyUsd),
          o.savingsPct === null ? '' : `${o.savingsPct}%`,
          p.sources.find((s) => s.id === o.sourceId)?.asOf ?? '',
        ]),
      ),
  },
  'ebs size': {
    usage:
      'ebs size --region R --capacity-gib N --iops N --throughput-mibps N [--io-size-kib N] [--pattern random|sequential] [--duty-cycle F] [--instance TYPE] [--format json]',
    call: 'ebs.size',
    options: {
      region: { type: 'string', field: 'region' },
      'capacity-gib': { type: 'string', field: 'capacityGiB', number: true },
      iops: { type: 'string', field: 'iops', number: true },
      'throughput-mibps': { type: 'string', field: 'throughputMiBps', number: true },
      'io-size-kib': { type: 'string', field: 'ioSizeKiB', number: true },
      pattern: { type: 'string', field: 'pattern' },
      'duty-cycle': { type: 'string', field: 'dutyCycle', number: true },
      instance: { type: 'string', field: 'instanceType' },
      'max-stripe': { type: 'string', field: 'maxStripeVolumes', number: true },
    },
    toJson: (r: EbsSizingResult) => ({
      region: r.region,
      pricesAsOf: r.pricesAsOf,
      instance: r.instance,
      options: r.options.map((o) => ({
        volumeType: o.volumeType,
        volumes: o.volumes,
        sizeGiBPerVolume: o.sizeGiBPerVolume,
        iopsPerVolume: o.iopsPerVolume,
        throughputMiBpsPerVolume: o.throughputMiBpsPerVolume,
        deliveredIops: o.deliveredIops,
        deliveredThroughputMiBps: o.deliveredThroughputMiBps,
        monthlyUsd: o.monthlyUsd,
        bindingConstraint: o.bindingConstraint,
        burst: o.burst,
        notes: o.notes,
      })),
      infeasible: r.infeasible,
    }),
    toText: (r: EbsSizingResult) =>
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
      (r.infeasible.length
        ? '\n\nNot feasible:\n' + r.infeasible.map((i) => `  ${i.reason}`).join('\n')
        : ''),
  },
  'ebs cost': {
    usage:
      'ebs cost --region R --type gp3|gp2|io1|io2|st1|sc1|standard --size-gib N [--iops N] [--throughput-mibps N] [--format json]',
    call: 'ebs.cost',
    options: {
      region: { type: 'string', field: 'region' },
      type: { type: 'string', field: 'volumeType' },
      'size-gib': { type: 'string', field: 'sizeGiB', number: true },
      iops: { type: 'string', field: 'iops', number: true },
      'throughput-mibps': { type: 'string', field: 'throughputMiBps', number: true },
    },
    toJson: (c: EbsCostResult) => ({
      region: c.region,
      volumeType: c.volumeType,
      pricesAsOf: c.pricesAsOf,
      monthlyUsd: c.monthlyUsd,
      components: c.components,
    }),
    toText: (c: EbsCostResult) =>
      `${c.volumeType} in ${c.region} (prices as of ${c.pricesAsOf})\n\n` +
      formatTable(
        ['Dimension', 'Quantity', 'Unit', 'Unit price', 'Monthly'],
        c.components.map((x) => [
          x.dimension,
          x.quantity,
          x.unit,
          money(x.unitUsd, true),
          money(x.monthlyUsd),
        ]),
      ) +
      `\n\nTotal: ${money(c.monthlyUsd)} per month`,
  },
  'ebs prices': {
    usage: 'ebs prices --region R [--format json]',
    call: 'ebs.prices',
    options: { region: { type: 'string', field: 'region' } },
    toJson: (e: EbsPrices) =>
      e.volumes.map((v) => ({
        region: e.region,
        ...v,
        snapshotStandardUsdPerGBMonth: e.snapshots.standardUsdPerGBMonth,
        snapshotArchiveUsdPerGBMonth: e.snapshots.archiveUsdPerGBMonth,
        snapshotArchiveRetrievalUsdPerGB: e.snapshots.archiveRetrievalUsdPerGB,
        asOf: e.asOf,
        source: e.sourceId,
      })),
    toText: (e: EbsPrices) =>
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
      )}/GB-month, archive retrieval ${money(e.snapshots.archiveRetrievalUsdPerGB, true)}/GB`,
  },
};
