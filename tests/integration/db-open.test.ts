import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { openDatabase, setNativeBinding } from '../../main/db/open';
import { CatalogWriter } from '../../main/import/catalog-writer';
import { createServices, openUserDb } from '../../main/services';
import { buildCatalog } from '../../pricing-data/build-catalog';

const dir = mkdtempSync(join(tmpdir(), 'planner-db-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setNativeBinding(undefined));

let n = 0;
const fresh = (name: string) => join(dir, `${++n}-${name}`);

/** The four ways the app opens SQLite: catalog service, user database, import writer, catalog build. */
const opens: Record<string, () => () => void> = {
  'catalog service': () => {
    const s = createServices({ catalogPath: inject('catalogPath'), userDbPath: fresh('user.sqlite') });
    return () => s.close();
  },
  'user database': () => {
    const db = openUserDb(fresh('planner.sqlite'));
    return () => db.close();
  },
  'import writer': () => {
    const copy = fresh('catalog.sqlite');
    copyFileSync(inject('catalogPath'), copy);
    const writer = new CatalogWriter(copy, () => {
      throw new Error('no header is read in this test');
    });
    return () => (writer as unknown as { db: { close(): void } }).db.close();
  },
  'catalog build': () => {
    buildCatalog(fresh('built.sqlite'));
    return () => undefined;
  },
};

describe('every database open goes through main/db/open.ts', () => {
  const bogus = join(dir, 'bogus_binding.node');
  writeFileSync(bogus, 'this is not a shared library');

  it.each(Object.keys(opens))('%s fails with the binding error when the binding is bogus', (name) => {
    setNativeBinding(bogus);
    expect(() => opens[name]!()).toThrow(bogus);
  });

  it.each(Object.keys(opens))('%s opens with the real binding passed as an override', (name) => {
    // The binding Node itself uses, handed over the way Electron's is: the same opens now succeed.
    const real = join(
      dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    setNativeBinding(real);
    const close = opens[name]!();
    close();
  });
});

describe('durability', () => {
  const sync = (path: string, opts: Parameters<typeof openDatabase>[1]) => {
    const db = openDatabase(path, opts);
    try {
      return {
        synchronous: db.pragma('synchronous', { simple: true }),
        journal: db.pragma('journal_mode', { simple: true }),
      };
    } finally {
      db.close();
    }
  };

  it('the user database commits with synchronous=FULL in WAL', () => {
    const db = openUserDb(fresh('planner.sqlite'));
    try {
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('a writable open defaults to FULL; the rebuildable catalog may ask for NORMAL', () => {
    expect(sync(fresh('a.sqlite'), {})).toEqual({ synchronous: 2, journal: 'wal' });
    expect(sync(fresh('b.sqlite'), { durability: 'normal' })).toEqual({ synchronous: 1, journal: 'wal' });
    expect(sync(fresh('c.sqlite'), { durability: 'none' })).toEqual({ synchronous: 0, journal: 'delete' });
  });

  it('a missing file is refused when it must exist', () => {
    expect(() => openDatabase(fresh('missing.sqlite'), { fileMustExist: true })).toThrow(/unable to open/);
  });
});
