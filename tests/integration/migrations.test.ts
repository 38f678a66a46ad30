import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { catalogMigrations } from '../../main/db/migrations/catalog';
import { openDatabase } from '../../main/db/open';
import { migrate } from '../../main/db/migrate';

const dirs: string[] = [];
const tempDb = () => {
  const d = mkdtempSync(join(tmpdir(), 'planner-mig-'));
  dirs.push(d);
  return join(d, 'db.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('catalog migrations', () => {
  it('migration 1 creates the catalog tables on a fresh database, in WAL with foreign keys', () => {
    const db = openDatabase(tempDb(), { migrations: catalogMigrations, label: 'catalog' });
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

describe('hot catalog queries use their indexes', () => {
  it('looks up one type’s prices by primary key, not a table scan', () => {
    const db = new Database(inject('catalogPath'), { readonly: true });
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM ec2_prices WHERE region = 'us-east-1' AND os = 'linux' AND instance_type = 'm5.large' AND tenancy = 'shared'",
      )
      .all() as { detail: string }[];
    const text = plan.map((p) => p.detail).join(' | ');
    expect(text).toMatch(
      /SEARCH ec2_prices USING PRIMARY KEY \(region=\? AND os=\? AND instance_type=\? AND tenancy=\?\)/,
    );
    db.close();
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
