import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { shippedCatalogPath } from '../../main/paths';
import { createServices, type Services } from '../../main/services';
import type { DataStatus } from '@shared/import/jobs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NOT_A_DATABASE = 'These bytes were a catalog once; a sync tool mangled them.\n'.repeat(200);

let open: Services[] = [];
let dirs: string[] = [];
afterEach(() => {
  open.forEach((s) => s.close());
  open = [];
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
  vi.restoreAllMocks();
});

/** A user-data folder whose imported catalog holds `contents` (or a copy of the shipped catalog). */
function userData(contents?: string): { dir: string; imported: string } {
  const dir = mkdtempSync(join(tmpdir(), 'planner-fallback-'));
  dirs.push(dir);
  const imported = join(dir, 'catalog.sqlite');
  if (contents === undefined) copyFileSync(inject('catalogPath'), imported);
  else writeFileSync(imported, contents);
  return { dir, imported };
}

function start(dir: string, catalogPath: string): { services: Services; stderr: string[] } {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
  const services = createServices({
    catalogPath,
    shippedCatalogPath: inject('catalogPath'),
    userDbPath: join(dir, 'planner.sqlite'),
  });
  vi.mocked(process.stderr.write).mockRestore();
  open.push(services);
  return { services, stderr };
}

const status = (s: Services) => s.handlers['data.status']({}) as DataStatus;
const reset = (s: Services) => s.handlers['data.resetCatalog']({}) as DataStatus;

describe('an unusable imported catalog', () => {
  it('starts on the shipped catalog and says which file was unusable and why', () => {
    const { dir, imported } = userData(NOT_A_DATABASE);
    const { services, stderr } = start(dir, imported);
    const s = status(services);
    expect(s.origin).toBe('shipped');
    expect(s.catalogPath).toBe(inject('catalogPath'));
    expect(s.catalogProblem).toEqual({ file: imported, reason: 'file is not a database' });
    expect(s.meta.instanceTypes).toBe(1373);
    expect(stderr.join('')).toContain(
      `the imported catalog ${imported} cannot be used (file is not a database)`,
    );
  });

  it('falls back from a catalog with the wrong schema version too', () => {
    const { dir, imported } = userData('');
    rmSync(imported);
    openDatabase(imported).close(); // a valid, empty SQLite file: schema version 0
    const { services } = start(dir, imported);
    expect(status(services).catalogProblem).toMatchObject({ file: imported, reason: /schema version 0/ });
  });

  it('reset moves the bad file aside unchanged (never deletes it) and clears the problem', () => {
    const { dir, imported } = userData(NOT_A_DATABASE);
    writeFileSync(imported + '-journal', 'its journal');
    const { services } = start(dir, imported);
    const after = reset(services);
    expect(after.catalogProblem).toBeUndefined();
    expect(after.origin).toBe('shipped');
    expect(existsSync(imported)).toBe(false);
    const aside = readdirSync(dir).filter((f) => f.startsWith('catalog.sqlite.bad-'));
    expect(aside).toHaveLength(2);
    const main = aside.find((f) => !f.endsWith('-journal'))!;
    expect(main).toMatch(/^catalog\.sqlite\.bad-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(readFileSync(join(dir, main), 'utf8')).toBe(NOT_A_DATABASE);
    expect(readFileSync(join(dir, `${main}-journal`), 'utf8')).toBe('its journal');
    expect(services.handlers['catalog.meta']({})).toMatchObject({ instanceTypes: 1373 });
  });

  it('reset of a healthy imported catalog in use switches to the shipped one and keeps the file', () => {
    const { dir, imported } = userData();
    const { services } = start(dir, imported);
    expect(status(services)).toMatchObject({ origin: 'imported', catalogPath: imported });
    const after = reset(services);
    expect(after).toMatchObject({ origin: 'shipped', catalogPath: inject('catalogPath') });
    expect(existsSync(imported)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('catalog.sqlite.replaced-'))).toHaveLength(1);
  });

  it('a catalog chosen by path is never swapped for another: its error stands', () => {
    const { dir } = userData();
    const chosen = join(dir, 'chosen.sqlite');
    writeFileSync(chosen, NOT_A_DATABASE);
    expect(() => start(dir, chosen)).toThrow('file is not a database');
  });

  it('names both files when the shipped catalog cannot be opened either', () => {
    const { dir, imported } = userData(NOT_A_DATABASE);
    expect(() =>
      createServices({
        catalogPath: imported,
        shippedCatalogPath: join(dir, 'no-such-shipped.sqlite'),
        userDbPath: join(dir, 'planner.sqlite'),
      }),
    ).toThrow(
      /Neither catalog can be opened: .*catalog\.sqlite \(file is not a database\) nor the shipped .*no-such-shipped/,
    );
  });

  it('the CLI warns on stderr naming the file and answers from the shipped catalog', () => {
    expect(existsSync(shippedCatalogPath()), 'npm run catalog builds the shipped catalog').toBe(true);
    const { dir, imported } = userData(NOT_A_DATABASE);
    const env: NodeJS.ProcessEnv = { ...process.env, PLANNER_USER_DATA: dir };
    delete env.PLANNER_CATALOG;
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'main', 'cli.ts'), 'catalog', 'meta', '--format', 'json'],
      { cwd: ROOT, env, encoding: 'utf8' },
    );
    expect(r.stderr).toContain(
      `warning: the imported catalog ${imported} cannot be used (file is not a database)`,
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ instanceTypes: 1373 });
    expect(readFileSync(imported, 'utf8')).toBe(NOT_A_DATABASE);
  });
});
