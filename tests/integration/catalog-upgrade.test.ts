import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { catalogMigrations } from '../../main/db/migrations/catalog';
import { openDatabase } from '../../main/db/open';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import type { CatalogMeta, PriceOptions } from '@shared/catalog-types';
import type { DataStatus } from '@shared/import/jobs';
import { scalar, sha256 } from '../fixtures/import-test-support';

let open: Services[] = [];
let dirs: string[] = [];
afterEach(() => {
  open.forEach((s) => s.close());
  open = [];
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
  vi.restoreAllMocks();
});

/**
 * A real schema-version-1 catalog, as the app of version 1 built and imported them: migration 1 alone,
 * then every row of the run's catalog in the tables version 1 has, in their version-1 columns.
 */
function v1Catalog(path: string, extraSql = ''): void {
  const db = openDatabase(path, {
    migrations: catalogMigrations.slice(0, 1),
    label: 'catalog',
    durability: 'none',
  });
  try {
    db.pragma('foreign_keys = OFF'); // tables are copied in name order, not in reference order
    db.prepare('ATTACH DATABASE ? AS src').run(inject('catalogPath'));
    const tables = db
      .prepare<[], string>("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    db.transaction(() => {
      for (const t of tables) {
        const cols = db
          .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${t}', 'main')`)
          .all()
          .map((c) => c.name)
          .join(', ');
        db.exec(`INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM src.${t}`);
      }
      db.exec("UPDATE main.meta SET value = '1' WHERE key = 'schema_version'");
    })();
    db.exec('DETACH DATABASE src');
    if (extraSql) db.exec(extraSql);
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function userData(extraSql = ''): { dir: string; imported: string } {
  const dir = mkdtempSync(join(tmpdir(), 'planner-upgrade-'));
  dirs.push(dir);
  const imported = join(dir, 'catalog.sqlite');
  v1Catalog(imported, extraSql);
  return { dir, imported };
}

function start(dir: string, catalogPath: string): { services: Services; stderr: string[] } {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
  try {
    const services = createServices({
      catalogPath,
      shippedCatalogPath: inject('catalogPath'),
      userDbPath: join(dir, 'planner.sqlite'),
    });
    open.push(services);
    return { services, stderr };
  } finally {
    vi.mocked(process.stderr.write).mockRestore();
  }
}

const status = (s: Services) => s.handlers['data.status']({}) as DataStatus;
const backups = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('catalog.sqlite.v1-backup-'));

let current: CatalogMeta;
beforeAll(async () => {
  const services = createServices({ catalogPath: inject('catalogPath') });
  current = await services.handlers['catalog.meta']({});
  services.close();
});

describe('an imported catalog of an older schema version', () => {
  it('is kept as it was, upgraded in place at start, and then opens with its dates per scope', async () => {
    const { dir, imported } = userData();
    expect(scalar(imported, 'PRAGMA user_version')).toBe(1);
    expect(scalar(imported, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'scope_dates'")).toBe(0);
    const v1Bytes = sha256(imported);

    const { services, stderr } = start(dir, imported);
    const s = status(services);
    expect(s.origin).toBe('imported');
    expect(s.catalogProblem).toBeUndefined();
    expect(s.meta.schemaVersion).toBe(catalogMigrations.length);
    // scope_dates is filled from the prices the version-1 catalog holds: the same as a fresh build's.
    expect(s.meta.scopes).toEqual(current.scopes);
    expect(s.meta.pricesAsOf).toEqual({ oldest: '2024-04-04', newest: '2026-07-20' });
    const priced = await dispatch(services.handlers, 'catalog.priceOptions', {
      instanceType: 'm5.large',
      region: 'us-east-1',
      os: 'linux',
    });
    if (!priced.ok) throw new Error(priced.error.message);
    const opts = priced.value as PriceOptions;
    expect(opts.options.find((o) => o.model === 'on-demand')?.hourlyUsd).toBe('0.096');

    const [backup, ...more] = backups(dir);
    expect(more).toEqual([]);
    expect(sha256(join(dir, backup!))).toBe(v1Bytes);
    expect(stderr.join('')).toContain(
      `note: upgraded the imported catalog ${imported} from schema version 1 to ${catalogMigrations.length}; ` +
        `the file as it was is kept as ${join(dir, backup!)}`,
    );
    // Read-only opens need the rollback journal: the upgrade leaves it so.
    expect(scalar(imported, 'PRAGMA user_version')).toBe(catalogMigrations.length);
    expect(scalar(imported, 'PRAGMA journal_mode')).toBe('delete');

    // The next start finds it current: no second copy, nothing said.
    services.close();
    open = [];
    const again = start(dir, imported);
    expect(status(again.services).origin).toBe('imported');
    expect(backups(dir)).toHaveLength(1);
    expect(again.stderr.join('')).toBe('');
  });

  it('that cannot be upgraded is left as it was, and the shipped catalog opens instead, saying why', () => {
    // A table of that name already there: migration 2 fails, and every migration rolls back.
    const { dir, imported } = userData('CREATE TABLE scope_dates (x INTEGER)');
    const before = sha256(imported);
    const { services, stderr } = start(dir, imported);
    const s = status(services);
    expect(s.origin).toBe('shipped');
    expect(s.catalogProblem).toEqual({
      file: imported,
      reason: `it could not be upgraded from schema version 1 to ${catalogMigrations.length}: table scope_dates already exists`,
    });
    expect(stderr.join('')).toContain('cannot be used (it could not be upgraded');
    expect(sha256(imported)).toBe(before);
    expect(scalar(imported, 'PRAGMA user_version')).toBe(1);
    expect(backups(dir)).toEqual([]);
  });
});
