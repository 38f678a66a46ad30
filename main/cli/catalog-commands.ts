import { formatDateRange, scopeName } from '@shared/catalog-scopes';
import type { CatalogMeta, InstanceList, PriceOptions, Region } from '@shared/catalog-types';
import { TENANCY_LABELS } from '@shared/catalog-types';
import { Decimal } from '@shared/money';
import { contractCommand } from './contract-command';
import { fieldLabel } from './flags';
import { formatTable, money } from './table';
import type { Command } from './types';

const catalogMeta = contractCommand({
  name: 'catalog meta',
  summary: 'What the price catalog holds: its sources and the as-of date of every scope, and counts.',
  description:
    "A scope is what one price file replaces at once: EC2 prices of a region × purchase model × OS (Savings Plans: region × plan type) and EBS prices of a region. Each scope is listed with each source it takes prices from, that source's as-of date and its rows.",
  call: 'catalog.meta',
  examples: ['catalog meta', 'catalog meta --format json'],
  table: (m: CatalogMeta) =>
    `Catalog: ${m.source}\nPrices as of: ${formatDateRange(m.pricesAsOf)}\nRegions: ${m.regions}\n` +
    `Instance types: ${m.instanceTypes}\n` +
    `Price rows: ${Object.entries(m.priceRows)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; EBS ${m.ebsPriceRows}\n\n` +
    formatTable(
      ['Source', 'Id', 'As of', 'Price rows', 'Licence'],
      m.sources.map((s) => [s.name, s.id, s.asOf, s.rows, s.licence]),
    ) +
    '\n\nDates per scope\n\n' +
    formatTable(
      ['Region', 'Scope', 'Source', 'As of', 'Rows'],
      m.scopes.map((sc) => [sc.region, scopeName(sc), sc.sourceId, sc.asOf, sc.rows]),
    ),
});

const catalogRegions = contractCommand({
  name: 'catalog regions',
  summary: 'The regions in the catalog, with their codes (the --region values).',
  call: 'catalog.regions',
  examples: ['catalog regions', 'catalog regions --format csv'],
  table: (regions: Region[]) =>
    formatTable(
      ['Code', 'Name', 'Instance types', 'EBS prices'],
      regions.map((r) => [r.code, r.name, r.instanceTypes, r.hasEbsPrices ? 'yes' : 'no']),
    ),
  csv: { rows: (regions) => regions },
});

const catalogInstances = contractCommand({
  name: 'catalog instances',
  summary: 'Instance types in a region with specs and hourly prices, filtered and sorted.',
  description: 'JSON and CSV list the rows.',
  call: 'catalog.instances',
  flags: {
    names: { families: 'family', sortBy: 'sort' },
    valueNames: {
      families: 'FAMILY,…',
      sortBy: 'COLUMN',
      search: 'TEXT',
      minHourlyUsd: 'USD',
      maxHourlyUsd: 'USD',
    },
    omit: ['sortDir'],
  },
  extraFlags: [
    {
      name: 'desc',
      kind: 'boolean',
      label: 'Descending',
      description: 'sort from the largest value down',
      field: 'sortDir',
      toField: (on) => (on ? 'desc' : 'asc'),
    },
  ],
  examples: [
    'catalog instances --region eu-west-1 --min-vcpu 4 --min-memory-gib 16 --arch arm64 --family m7g',
    'catalog instances --region us-east-1 --sort onDemandHourlyUsd --limit 10 --format json',
  ],
  json: (l: InstanceList) => l.rows,
  csv: { rows: (l) => l.rows },
  table: (l: InstanceList) =>
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
});

const price = contractCommand({
  name: 'price',
  summary:
    'Every purchase option of one instance type: on-demand, RIs, Savings Plans, spot; --tenancy dedicated or host for Dedicated Instances and Hosts.',
  call: 'catalog.priceOptions',
  positionals: [
    { name: 'TYPE', field: 'instanceType', label: fieldLabel('catalog.priceOptions', 'instanceType') },
  ],
  examples: [
    'price m5.large --region us-east-1 --format json',
    'price m5.large --region ap-northeast-2 --os windows',
    'price r7i.2xlarge --region eu-central-1 --os windows-byol --tenancy dedicated',
    'price c6g.4xlarge --region us-west-2 --tenancy host',
  ],
  csv: { rows: (p) => p.options },
  table: (p: PriceOptions) =>
    `${p.instanceType} in ${p.region}, ${p.os}, ${p.tenancy === 'shared' ? 'shared tenancy' : TENANCY_LABELS[p.tenancy]} (month = ${p.hoursPerMonth} h)\n\n` +
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
      // On a Dedicated Host an instance pays only its licence, On-Demand: the host is what is reserved.
      (p.tenancy === 'host' ? p.options.filter((o) => o.model === 'on-demand') : p.options).map((o) => [
        o.model,
        o.termYears ? `${o.termYears}y` : '',
        o.paymentOption ?? '',
        o.offeringClass ?? o.planType ?? '',
        o.model === 'on-demand' || o.model === 'spot' ? '' : money(o.upfrontUsd),
        hourlyAsPublished(o),
        money(o.effectiveHourlyUsd, true),
        money(o.monthlyUsd),
        o.savingsPct === null ? '' : `${o.savingsPct}%`,
        p.sources.find((s) => s.id === o.sourceId)?.asOf ?? '',
      ]),
    ) +
    (p.tenancy === 'shared' ? spotBandLine(p) : '') +
    (p.tenancy === 'host'
      ? '\nReserved Instances, Savings Plans and spot do not price instances on a Dedicated Host: the host is bought On-Demand or by Dedicated Host Reservation (below).\n'
      : '') +
    dedicatedLines(p),
});

/** A Dedicated Instance's per-Region fee, or the Dedicated Host the type runs on, under the table. */
function dedicatedLines(p: PriceOptions): string {
  if (p.tenancy === 'shared') return '';
  const asOf = (id: string | null) =>
    id === null ? '' : (p.sources.find((s) => s.id === id)?.asOf ?? 'undated');
  const od = p.options.find((o) => o.model === 'on-demand');
  const missing = od && od.hourlyUsd === null && od.note ? `\nOn-demand: ${od.note}\n` : '';
  if (p.tenancy === 'dedicated') {
    const fee = p.dedicatedFee;
    return (
      missing +
      (fee
        ? `\nPer-Region Dedicated fee: ${money(fee.hourlyUsd, true)}/h while any Dedicated Instance runs in ${p.region} (${asOf(fee.sourceId)})\n`
        : "\nPer-Region Dedicated fee: n/a — import AWS's price files\n")
    );
  }
  const h = p.host;
  if (!h) return missing;
  const per =
    h.instancesOfThisSize === null
      ? `how many ${p.spec.size} one host holds is n/a (not in the imported files)`
      : `one host holds ${h.instancesOfThisSize} × ${p.spec.size}`;
  const head =
    `\nDedicated Host ${h.family}: ${per}` +
    (h.vcpu === null ? '' : `, ${h.vcpu} vCPU`) +
    (h.physicalCores === null ? '' : `, ${h.physicalCores} physical cores`) +
    '\n';
  if (h.note !== null) return `${missing}${head}${h.note}\n`;
  return (
    missing +
    head +
    formatTable(
      ['Host', 'Term', 'Payment', 'Upfront', 'Hourly', 'Effective/h', 'As of'],
      [
        [
          'on-demand',
          '',
          '',
          '',
          money(h.onDemandHourlyUsd, true),
          money(h.onDemandHourlyUsd, true),
          asOf(h.onDemandSourceId),
        ],
        ...h.reservations.map((r) => [
          'reservation',
          `${r.termYears}y`,
          r.paymentOption,
          money(r.upfrontUsd),
          money(r.hourlyUsd, true),
          money(r.effectiveHourlyUsd, true),
          asOf(r.sourceId),
        ]),
      ],
    ) +
    '\n'
  );
}

/**
 * The Hourly column: a price AWS publishes (On-Demand, a reservation's hourly, spot) exactly as
 * published ($0.70224, not $0.7022), since AWS quotes some to five decimals; a Savings Plan's hourly
 * part, which the planner works out, as rates are shown.
 */
function hourlyAsPublished(o: PriceOptions['options'][number]): string {
  const shown = money(o.hourlyUsd, true);
  if (o.hourlyUsd === null || o.model === 'savings-plan') return shown;
  const exact = /^\d+(\.\d{1,6})?$/.test(o.hourlyUsd);
  return exact && !new Decimal(shown.slice(1)).eq(o.hourlyUsd) ? `$${o.hourlyUsd}` : shown;
}

/** The spot option's interruption band under the table (AWS's Spot Advisor), dated. */
function spotBandLine(p: PriceOptions): string {
  const spot = p.options.find((o) => o.model === 'spot');
  if (!spot) return '';
  return spot.interruptionBand === null
    ? '\nSpot interruption band: n/a (the Spot Advisor lists none for this type, region and OS)\n'
    : `\nSpot interruption band: ${spot.interruptionBand} of instances a month; the advisor's savings over On-Demand ${spot.advisorSavingsPct ?? 'n/a'} % (AWS Spot Advisor, ${spot.advisorAsOf ?? 'undated'})\n`;
}

export const CATALOG_COMMANDS: Command[] = [catalogMeta, catalogRegions, catalogInstances, price];
