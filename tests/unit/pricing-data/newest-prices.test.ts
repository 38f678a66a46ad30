import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { NewestPrices } from '../../../pricing-data/build/ec2-prices';
import { PRICE_WATCHER_SOURCE, readNewerOnDemand } from '../../../pricing-data/build/newer-ondemand';
import { query } from '../../fixtures/import-test-support';

const SOURCES = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'pricing-data', 'sources.json'), 'utf8'),
) as { sources: { id: string; asOf: string }[] };
const dates = new Map(SOURCES.sources.map((s) => [s.id, s.asOf]));

describe('the build takes each figure from the newest source that has it', () => {
  it('whatever order the sources are read in', () => {
    const reads: [string, string][] = [
      ['ec2shop-od-2025-04', '0.11'], // 2025-04-04
      [PRICE_WATCHER_SOURCE, '0.107'], // 2025-06-13
      ['vantage-2026-05', '0.105'], // 2026-05-12
    ];
    for (const order of [reads, [...reads].reverse(), [reads[1]!, reads[2]!, reads[0]!]]) {
      const prices = new NewestPrices(dates);
      for (const [source, price] of order) prices.onDemand('eu-west-1', 'm5.large', 'linux', price, source);
      expect(prices.rows()).toMatchObject([{ hourly_usd: '0.105', source_id: 'vantage-2026-05' }]);
    }
    // Without the 2026 figure, the 2025-06-13 feed's replaces the 2025-04-04 one.
    const older = new NewestPrices(dates);
    older.onDemand('eu-west-1', 'm5.large', 'linux', '0.11', 'ec2shop-od-2025-04');
    older.onDemand('eu-west-1', 'm5.large', 'linux', '0.107', PRICE_WATCHER_SOURCE);
    expect(older.rows()).toMatchObject([{ hourly_usd: '0.107', source_id: PRICE_WATCHER_SOURCE }]);
  });

  it('refuses a source sources.json does not date', () => {
    const prices = new NewestPrices(dates);
    prices.onDemand('eu-west-1', 'm5.large', 'linux', '0.1', 'vantage-2026-05');
    expect(() => prices.onDemand('eu-west-1', 'm5.large', 'linux', '0.1', 'nobody-2030')).toThrow(
      'price source nobody-2030 is not in sources.json',
    );
  });

  it('maps the 2025-06-13 feed’s locations to every catalog region it prices; the rest are zones', () => {
    const regions = query<{ code: string; name: string }>(
      inject('catalogPath'),
      'SELECT code, name FROM regions',
    );
    const prices = new NewestPrices(dates);
    const read = readNewerOnDemand(prices, new Map(regions.map((r) => [r.name, r.code])));
    // 35 of the catalog's 36 regions; the feed has no "Asia Pacific (New Zealand)" (ap-southeast-6).
    expect(new Set(read.mapped.values()).size).toBe(35);
    expect(regions.filter((r) => ![...read.mapped.values()].includes(r.code)).map((r) => r.code)).toEqual([
      'ap-southeast-6',
    ]);
    expect(read.mapped.get('US East (N. Virginia)')).toBe('us-east-1');
    expect(read.mapped.get('Asia Pacific (Taipei)')).toBe('ap-east-2');
    // 67 Local and Wavelength Zones (pricing-data/README.md lists them).
    expect(read.unmapped).toHaveLength(67);
    expect(read.unmapped).toEqual(
      expect.arrayContaining(['US East (Boston)', 'US West (Verizon) - Seattle']),
    );
    // The feed's padded figure is kept in its shortest form: m5.large, US East (N. Virginia), "0.0960000000".
    expect(
      prices.rows().find((r) => r.region === 'us-east-1' && r.instance_type === 'm5.large'),
    ).toMatchObject({ hourly_usd: '0.096', source_id: PRICE_WATCHER_SOURCE });
  });
});
