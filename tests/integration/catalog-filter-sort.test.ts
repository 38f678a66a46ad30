import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, type Services } from '../../main/services';
import { expandListing, type CatalogListing, type ListingRow } from '@shared/catalog-listing';
import type { InstanceRow } from '@shared/catalog-types';
import { parseInput, type CallInput, type CallName, type CallOutput } from '@shared/contract';
import { filterRows, sortRows } from '../../renderer/src/screens/catalog/filter-sort';

let services: Services;
beforeAll(() => {
  services = createServices({ catalogPath: inject('catalogPath') });
});
afterAll(() => services.close());

/** A contract call as the transports make it: validated input, then the handler. */
async function call<K extends CallName>(name: K, raw: CallInput<K>): Promise<CallOutput<K>> {
  const p = parseInput(name, raw);
  if (!p.ok) throw new Error(`${name}: ${p.error.message}`);
  return (await services.handlers[name](p.value as never)) as CallOutput<K>;
}

const listings = new Map<string, ListingRow[]>();
async function rowsOf(region: string, os: CallInput<'catalog.listing'>['os'] = 'linux') {
  const key = `${region}|${os}`;
  let rows = listings.get(key);
  if (!rows) {
    rows = expandListing(await call('catalog.listing', { region, os }));
    listings.set(key, rows);
  }
  return rows;
}

/** The same filter and sort, in memory over the listing. */
async function inMemory(filter: CallInput<'catalog.instances'>, region = filter.region) {
  const { sortBy = 'instanceType', sortDir = 'asc', os = 'linux', ...rest } = filter;
  return sortRows(filterRows(await rowsOf(region, os), rest), sortBy, sortDir);
}

/** A listing row as catalog.instances gives it (without the region and band rank it adds). */
const asInstanceRow = ({ region: _region, spotBandIndex: _rank, ...row }: ListingRow): InstanceRow => row;

const COMBINATIONS: CallInput<'catalog.instances'>[] = [
  { region: 'us-east-1' },
  { region: 'us-east-1', generation: 'all', sortDir: 'desc' },
  { region: 'us-east-1', generation: 'previous', sortBy: 'family' },
  {
    region: 'us-east-1',
    search: 'xlarge',
    families: ['m5', 'm6i', 'm7i', 'c7g'],
    sortBy: 'onDemandHourlyUsd',
  },
  { region: 'us-east-1', minVcpu: 4, minMemoryGiB: 16, arch: 'arm64', sortBy: 'spotHourlyUsd' },
  { region: 'us-east-1', gpu: true, sortBy: 'gpuCount', sortDir: 'desc' },
  { region: 'us-east-1', gpu: false, burstable: true, sortBy: 'memoryGiB' },
  { region: 'eu-west-1', burstable: false, maxVcpu: 8, maxMemoryGiB: 32, sortBy: 'best1yHourlyUsd' },
  { region: 'eu-west-1', pricedOnly: true, sortBy: 'best3yHourlyUsd', sortDir: 'desc' },
  { region: 'eu-west-1', minNetworkGbps: 25, sortBy: 'networkBaselineGbps', sortDir: 'desc' },
  { region: 'us-west-2', search: 'NVIDIA', sortBy: 'onDemandHourlyUsd', sortDir: 'desc' },
  { region: 'us-west-2', search: ' intel ', arch: 'x86_64', sortBy: 'vcpu', sortDir: 'desc' },
  { region: 'ap-northeast-1', search: 'amd', generation: 'all', sortBy: 'instanceStoreGB', sortDir: 'desc' },
  { region: 'ap-northeast-1', minEbsBaselineThroughputMBps: 500, sortBy: 'ebsBaselineThroughputMBps' },
  { region: 'us-east-2', minEbsBaselineIops: 20_000, sortBy: 'ebsMaxIops', sortDir: 'desc' },
  { region: 'us-east-1', minHourlyUsd: '0.1', maxHourlyUsd: '1.5', sortBy: 'onDemandHourlyUsd' },
  { region: 'us-east-1', sortBy: 'spotInterruption' },
  { region: 'us-east-1', os: 'windows', sortBy: 'spotInterruption', sortDir: 'desc' },
  { region: 'sa-east-1', generation: 'all', sortBy: 'ebsMaxThroughputMBps', sortDir: 'desc' },
  { region: 'us-east-1', families: ['t3', 't4g'], sortBy: 'family', sortDir: 'desc' },
  { region: 'eu-central-1', os: 'windows', search: 'a10g', sortBy: 'best1yHourlyUsd', sortDir: 'desc' },
  { region: 'eu-west-1', os: 'rhel', minVcpu: 16, sortBy: 'spotHourlyUsd', sortDir: 'desc' },
  {
    region: 'ap-south-1',
    os: 'sles',
    minMemoryGiB: 64,
    maxMemoryGiB: 256,
    sortBy: 'memoryGiB',
    sortDir: 'desc',
  },
  { region: 'us-east-1', os: 'ubuntu', generation: 'all', sortBy: 'best3yHourlyUsd' },
];

describe('the catalog filtered and sorted in memory, against catalog.instances in SQL', () => {
  it.each(COMBINATIONS.map((c) => [JSON.stringify(c), c] as const))(
    'gives the same rows in the same order: %s',
    async (_name, filter) => {
      const sql = (await call('catalog.instances', filter)).rows;
      const memory = await inMemory(filter);
      expect(sql.length).toBeGreaterThan(0);
      expect(memory.map((r) => r.instanceType)).toEqual(sql.map((r) => r.instanceType));
      // Every field of every row, the prices to the digit and the Spot Advisor band included.
      expect(memory.map(asInstanceRow)).toEqual(sql);
      expect(memory.every((r) => r.region === filter.region)).toBe(true);
    },
  );

  it('over all regions gives each region the rows and order catalog.instances gives it', async () => {
    const all = await rowsOf('all');
    const regions = (await call('catalog.regions', {})).map((r) => r.code);
    expect(new Set(all.map((r) => r.region))).toEqual(
      new Set(regions.filter((code) => all.some((r) => r.region === code))),
    );
    const filters: Omit<CallInput<'catalog.instances'>, 'region'>[] = [
      { sortBy: 'onDemandHourlyUsd', sortDir: 'asc' },
      { search: 'xlarge', minVcpu: 4, sortBy: 'memoryGiB', sortDir: 'desc' },
      { gpu: true, generation: 'all', sortBy: 'spotInterruption', sortDir: 'asc' },
    ];
    for (const filter of filters) {
      const memory = sortRows(filterRows(all, filter), filter.sortBy!, filter.sortDir!);
      for (const region of regions) {
        const sql = (await call('catalog.instances', { region, ...filter })).rows;
        const here = memory.filter((r) => r.region === region);
        expect(here.map(asInstanceRow), `${region} ${JSON.stringify(filter)}`).toEqual(sql);
      }
    }
  });

  it('lists every (type, region) the catalog offers, each type’s specs once, in a compact answer', async () => {
    const listing: CatalogListing = await call('catalog.listing', { region: 'all', os: 'linux' });
    const offered = (await call('catalog.regions', {})).reduce((sum, r) => sum + r.instanceTypes, 0);
    expect(listing.offers.type.length).toBe(offered);
    expect(new Set(listing.types.instanceType).size).toBe(listing.types.instanceType.length);
    const rows = expandListing(listing);
    const m5 = rows.find((r) => r.instanceType === 'm5.large' && r.region === 'us-east-1');
    // AWS's published on-demand Linux price for m5.large in us-east-1.
    expect(m5?.onDemandHourlyUsd).toBe('0.096');
    expect(m5?.vcpu).toBe(2);
  });

  it('refuses a region the catalog lacks, naming the field', async () => {
    await expect(call('catalog.listing', { region: 'xx-nowhere-9' })).rejects.toThrow(/not in the catalog/);
    expect(parseInput('catalog.listing', { region: 'everywhere' }).ok).toBe(false);
  });
});

describe('searching the listing', () => {
  it('finds Graviton types by the processor’s name', async () => {
    const rows = await rowsOf('us-east-1');
    const found = filterRows(rows, { search: 'graviton' });
    const families = new Set(found.map((r) => r.family));
    for (const family of ['m7g', 'c7g', 'r7g', 'm6g', 'c8g']) expect(families).toContain(family);
    // Every AWS-made arm64 type of the current generation, and nothing else.
    expect(found.every((r) => r.arch === 'arm64' && r.processor === 'AWS')).toBe(true);
    const graviton = rows.filter(
      (r) => r.arch === 'arm64' && r.processor === 'AWS' && r.generation === 'current',
    );
    expect(found.length).toBe(graviton.length);
    // The first Graviton (a1, previous generation) too; Apple's arm64 Macs are not Graviton.
    const everyGeneration = filterRows(rows, { search: 'Graviton', generation: 'all' });
    expect(everyGeneration.map((r) => r.family)).toContain('a1');
    expect(rows.some((r) => r.processor === 'Apple' && r.arch === 'arm64')).toBe(true);
    expect(everyGeneration.some((r) => r.processor === 'Apple')).toBe(false);
  });

  it('finds GPU types by the GPU maker and model', async () => {
    const rows = await rowsOf('us-east-1');
    const nvidia = filterRows(rows, { search: 'nvidia' });
    expect(nvidia.length).toBeGreaterThan(10);
    expect(nvidia.every((r) => r.gpuCount > 0 && /nvidia/i.test(r.gpuModel ?? ''))).toBe(true);
    expect(nvidia.map((r) => r.instanceType)).toEqual(expect.arrayContaining(['g5.xlarge', 'p4d.24xlarge']));
    const a10g = filterRows(rows, { search: 'A10G' });
    expect(new Set(a10g.map((r) => r.family))).toEqual(new Set(['g5']));
  });
});
