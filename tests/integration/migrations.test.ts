import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { catalogMigrations } from '../../main/db/migrations/catalog';
import { openDatabase } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';
import { buildInstanceQuery } from '../../main/catalog/instance-query';
import { SQL } from '../../main/catalog/statements';
import { instanceFilterSchema } from '@shared/contract';

const dirs: string[] = [];
const tempDb = () => {
  const d = mkdtempSync(join(tmpdir(), 'planner-mig-'));
  dirs.push(d);
  return join(d, 'db.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('catalog migrations', () => {
  it('migration 1 creates the catalog tables on a fresh database, in WAL with foreign keys', () => {
    const db = openDatabase(tempDb(), { migrations: catalogMigrations.slice(0, 1), label: 'catalog' });
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'ebs_prices',
      'ebs_volume_types',
      'ec2_prices',
      'instance_regions',
      'instance_types',
      'meta',
      'price_summary',
      'regions',
      'sources',
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database newer than the app and leaves it untouched', () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.exec('CREATE TABLE keep (x INTEGER)');
    raw.close();
    expect(() => openDatabase(path, { migrations: catalogMigrations, label: 'catalog' })).toThrow(
      /newer than this app/,
    );
    const check = new Database(path);
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    expect(check.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'keep'").pluck().get()).toBe(1);
    check.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const db = new Database(tempDb());
    const failing = [
      { version: 1, name: 'ok', up: (d: Database.Database) => d.exec('CREATE TABLE a (x INTEGER)') },
      {
        version: 2,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, failing, 'test')).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'a'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('the statements the services run use their indexes', () => {
  // The SQL text comes from main/catalog/statements.ts (and, for the listing, the builder the catalog
  // service runs), bound to representative parameters on the real catalog.
  const listing = (filter: Record<string, unknown>) => {
    const { sql, params } = buildInstanceQuery(instanceFilterSchema.parse(filter));
    return { sql, params };
  };
  const listingUses = [
    /SEARCH ir USING PRIMARY KEY \(region=\?/,
    /SEARCH ps USING PRIMARY KEY \(region=\? AND os=\? AND instance_type=\?\)/,
  ];
  const cases: { name: string; sql: string; params: unknown[] | Record<string, unknown>; uses: RegExp[] }[] =
    [
      {
        name: 'price options and price book: one type’s prices (pricesOfType)',
        sql: SQL.pricesOfType,
        params: ['us-east-1', 'linux', 'm5.large'],
        uses: [
          /SEARCH ec2_prices USING PRIMARY KEY \(region=\? AND os=\? AND instance_type=\? AND tenancy=\?\)/,
        ],
      },
      {
        name: 'one type’s specs (instanceType)',
        sql: SQL.instanceType,
        params: ['m5.large'],
        uses: [/SEARCH instance_types USING INDEX sqlite_autoindex_instance_types_1 \(instance_type=\?\)/],
      },
      {
        name: 'one region (region)',
        sql: SQL.region,
        params: ['us-east-1'],
        uses: [/SEARCH regions USING INDEX sqlite_autoindex_regions_1 \(code=\?\)/],
      },
      {
        name: 'the catalog date (metaValue)',
        sql: SQL.metaValue,
        params: ['as_of'],
        uses: [/SEARCH meta USING INDEX sqlite_autoindex_meta_1 \(key=\?\)/],
      },
      {
        name: 'a region’s families (familiesInRegion)',
        sql: SQL.familiesInRegion,
        params: ['us-east-1'],
        uses: [
          /SEARCH ir USING PRIMARY KEY \(region=\?\)/,
          /SEARCH it USING INDEX sqlite_autoindex_instance_types_1/,
        ],
      },
      {
        name: 'a region’s EBS prices (ebsPricesOfRegion)',
        sql: SQL.ebsPricesOfRegion,
        params: ['us-east-1'],
        uses: [/SEARCH ebs_prices USING PRIMARY KEY \(region=\?\)/],
      },
      {
        name: 'the catalog listing over price_summary, default filter',
        ...listing({ region: 'us-east-1' }),
        uses: listingUses,
      },
      {
        name: 'the catalog listing, every kind of filter and a price sort',
        ...listing({
          region: 'eu-west-1',
          os: 'windows',
          families: ['m5', 'c6i'],
          arch: 'x86_64',
          generation: 'all',
          minVcpu: 2,
          maxMemoryGiB: 64,
          maxHourlyUsd: '1.5',
          pricedOnly: true,
          search: 'xeon',
          sortBy: 'best3yHourlyUsd',
          sortDir: 'desc',
          limit: 50,
        }),
        uses: listingUses,
      },
      {
        name: 'an import replacing one scope: a region’s prices of one model, OS and tenancy (deleteScopePrices)',
        sql: SQL.deleteScopePrices,
        params: ['us-east-1', 'linux', 'on-demand', 'shared'],
        uses: [/SEARCH ec2_prices USING PRIMARY KEY \(region=\? AND os=\?\)/],
      },
      {
        name: 'an import replacing a region’s rates of one Savings Plan type (deleteSavingsPlanScopePrices)',
        sql: SQL.deleteSavingsPlanScopePrices,
        params: ['us-east-1', 'compute'],
        uses: [/SEARCH ec2_prices USING PRIMARY KEY \(region=\?\)/],
      },
      {
        name: 'an import refreshing a region’s dates per scope (fillRegionEc2ScopeDates)',
        sql: SQL.fillRegionEc2ScopeDates,
        params: ['us-east-1'],
        uses: [/SEARCH p USING PRIMARY KEY \(region=\?\)/],
      },
      {
        name: 'an import refreshing a region’s headline prices (fillRegionPriceSummary)',
        sql: SQL.fillRegionPriceSummary,
        params: ['us-east-1'],
        uses: [
          /SEARCH ec2_prices USING PRIMARY KEY \(region=\?\)/,
          /SEARCH p USING PRIMARY KEY \(region=\? AND os=\? AND instance_type=\? AND tenancy=\? AND model=\?/,
        ],
      },
    ];

  it.each(cases)('$name', ({ sql, params, uses }) => {
    const db = new Database(inject('catalogPath'), { readonly: true });
    try {
      const explain = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
      const plan = (Array.isArray(params) ? explain.all(...params) : explain.all(params)).map(
        (p) => p.detail,
      );
      for (const index of uses)
        expect(
          plan.some((line) => index.test(line)),
          plan.join(' | '),
        ).toBe(true);
      // None of the big tables is read whole (ec2_prices ~356k rows, price_summary ~100k,
      // instance_regions ~23k; p, ps and ir are their aliases). instance_types (~1.4k) may be walked in
      // key order when SQLite's statistics favour it (the listing's generation filter does).
      expect(
        plan.filter((line) => /^SCAN (ec2_prices|price_summary|instance_regions|p|ps|ir)\b/.test(line)),
      ).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('user database migrations', () => {
  it('migration 1 creates scenarios and settings on a fresh database in WAL', async () => {
    const { userMigrations } = await import('../../main/db/migrations/user');
    const db = openDatabase(tempDb(), { migrations: userMigrations, label: 'user' });
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['scenarios', 'settings']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(() => db.prepare("INSERT INTO scenarios VALUES ('a','n','{not json',1,'t','t')").run()).toThrow();
    db.close();
  });
});
