import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, type Services } from '../../main/services';
import { expandListing, type ListingRow } from '@shared/catalog-listing';
import { parseInput, type CallInput, type CallName, type CallOutput } from '@shared/contract';
import { filterRows } from '../../renderer/src/screens/catalog/filter-sort';

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
async function listingOf(region: string): Promise<ListingRow[]> {
  let rows = listings.get(region);
  if (!rows) {
    rows = expandListing(await call('catalog.listing', { region, os: 'linux' }));
    listings.set(region, rows);
  }
  return rows;
}

type Generation = 'current' | 'previous' | 'all';

/** The types a search finds through catalog.instances (SQL, main/catalog/instance-query.ts). */
async function viaSql(region: string, search: string, generation: Generation): Promise<Set<string>> {
  const { rows } = await call('catalog.instances', { region, os: 'linux', search, generation });
  return new Set(rows.map((r) => r.instanceType));
}

/** The types the same search finds in memory over the listing (the catalog screen's filter). */
async function inMemory(region: string, search: string, generation: Generation): Promise<Set<string>> {
  return new Set(filterRows(await listingOf(region), { search, generation }).map((r) => r.instanceType));
}

const SEARCHES = [
  'graviton',
  'Graviton',
  'aws graviton',
  'intel',
  'amd',
  'aws',
  'apple',
  'nvidia',
  'inferentia',
  'm7g', // a family (and every family whose name holds it, as m7gd)
  'm5.large', // a type
  ' c6i.XLARGE ',
  'xlarge',
  '%', // text, not a wildcard
  'm_.large',
  'xlarge\nintel', // a search never spans two fields
];

describe('a catalog search gives the same types through SQL and in memory', () => {
  for (const region of ['us-east-1', 'eu-west-1', 'ap-south-1']) {
    for (const generation of ['current', 'all'] as const) {
      it.each(SEARCHES)(`${region}, ${generation} generation: %j`, async (search) => {
        const sql = await viaSql(region, search, generation);
        expect(await inMemory(region, search, generation)).toEqual(sql);
      });
    }
  }
});

describe('what the searches find', () => {
  it('"graviton" finds every AWS-made arm64 type, through catalog.instances too', async () => {
    const rows = await listingOf('us-east-1');
    const graviton = rows.filter((r) => r.processor === 'AWS' && r.arch === 'arm64');
    const found = await viaSql('us-east-1', 'graviton', 'all');
    expect(found).toEqual(new Set(graviton.map((r) => r.instanceType)));
    for (const type of ['a1.medium', 'm6g.large', 'm7g.xlarge', 'c8g.large']) expect(found).toContain(type);
    // Apple's arm64 Macs are not Graviton; they are found by their own maker.
    const macs = rows.filter((r) => r.processor === 'Apple').map((r) => r.instanceType);
    expect(macs.length).toBeGreaterThan(0);
    for (const mac of macs) expect(found).not.toContain(mac);
    expect(await viaSql('us-east-1', 'apple', 'all')).toEqual(new Set(macs));
  });

  it('finds a processor maker, a family and a type, and nothing for text that is nowhere', async () => {
    const intel = await viaSql('us-east-1', 'intel', 'current');
    expect(intel).toContain('m5.large');
    expect(intel).not.toContain('m6a.large');
    expect(await viaSql('us-east-1', 'amd', 'current')).toContain('m6a.large');
    const m7g = await viaSql('us-east-1', 'm7g', 'current');
    expect(m7g).toContain('m7g.large');
    expect([...m7g].every((type) => type.startsWith('m7g'))).toBe(true);
    expect(await viaSql('us-east-1', 'm5.large', 'current')).toEqual(new Set(['m5.large']));
    expect(await viaSql('us-east-1', 'xlarge\nintel', 'all')).toEqual(new Set());
    expect(await inMemory('us-east-1', 'xlarge\nintel', 'all')).toEqual(new Set());
  });
});
