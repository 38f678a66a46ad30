import { formatDateRange, scopeName } from '@shared/catalog-scopes';
import type { CatalogMeta, InstanceList, PriceOptions, Region } from '@shared/catalog-types';
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
  summary: 'Every purchase option of one instance type: on-demand, RIs, Savings Plans, spot.',
  call: 'catalog.priceOptions',
  positionals: [
    { name: 'TYPE', field: 'instanceType', label: fieldLabel('catalog.priceOptions', 'instanceType') },
  ],
  examples: [
    'price m5.large --region us-east-1 --format json',
    'price m5.large --region ap-northeast-2 --os windows',
  ],
  csv: { rows: (p) => p.options },
  table: (p: PriceOptions) =>
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
    ) +
    spotBandLine(p),
});

/** The spot option's interruption band under the table (AWS's Spot Advisor), dated. */
function spotBandLine(p: PriceOptions): string {
  const spot = p.options.find((o) => o.model === 'spot');
  if (!spot) return '';
  return spot.interruptionBand === null
    ? '\nSpot interruption band: n/a (the Spot Advisor lists none for this type, region and OS)\n'
    : `\nSpot interruption band: ${spot.interruptionBand} of instances a month; the advisor's savings over On-Demand ${spot.advisorSavingsPct ?? 'n/a'} % (AWS Spot Advisor, ${spot.advisorAsOf ?? 'undated'})\n`;
}

export const CATALOG_COMMANDS: Command[] = [catalogMeta, catalogRegions, catalogInstances, price];
