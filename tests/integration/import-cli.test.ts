import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { generateOffer, loadCatalogShape } from '../fixtures/generate-offer';
import { fixture, scalar, sha256, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';

let dir: string;
let offer: string;
let cat: TempCatalog;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-import-cli-'));
  offer = join(dir, 'offer.json');
  generateOffer({
    jsonPath: offer,
    targetBytes: 500_000,
    shape: loadCatalogShape(inject('catalogPath')),
    publicationDate: '2026-11-02T00:00:00Z',
  });
  cat = tempCatalog(inject('catalogPath'));
});
afterAll(() => {
  cat.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- import', () => {
  it('prints a JSON summary on stdout and progress through the progress callback', async () => {
    const progress: string[] = [];
    const r = await runCli(['import', offer, '--catalog', cat.path], {
      progress: (line) => progress.push(line),
    });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        'rows',
        'instanceTypes',
        'regions',
        'publicationDate',
        'seconds',
        'mbPerSecond',
      ]),
    );
    expect(s).toMatchObject({ publicationDate: '2026-11-02T00:00:00Z', kind: 'ec2', format: 'json' });
    expect(s.rows).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatch(/^import: done in [\d.]+ s, \d+ rows, \d+ MB\/s$/);
    expect(scalar(cat.path, "SELECT value FROM meta WHERE key = 'as_of'")).toBe('2026-11-02');
  });

  it('creates the --catalog file from the current catalog when it does not exist', async () => {
    const target = join(dir, 'new', 'catalog.sqlite');
    const saved = process.env.PLANNER_CATALOG;
    process.env.PLANNER_CATALOG = inject('catalogPath');
    try {
      writeFileSync(join(dir, 'placeholder'), '');
      rmSync(join(dir, 'new'), { recursive: true, force: true });
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(dir, 'new'));
      const r = await runCli(['import', offer, '--catalog', target]);
      expect(r.code).toBe(0);
      expect(existsSync(target)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.PLANNER_CATALOG;
      else process.env.PLANNER_CATALOG = saved;
    }
  });

  it('exits 2 on a truncated file, says so on stderr, and leaves the catalog intact', async () => {
    const bad = join(dir, 'truncated.json');
    writeFileSync(bad, readFileSync(offer).subarray(0, 100_000));
    const before = sha256(cat.path);
    const r = await runCli(['import', bad, '--catalog', cat.path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^import: .*truncated\.json: byte 100000, field products\.[A-Z0-9]+: file ends inside (a string|an object \(\d level\(s\) open\))\nThe catalog was not changed\.\n$/,
    );
    expect(sha256(cat.path)).toBe(before);
  });

  it('exits 2 on an older file without --force, and imports it with --force', async () => {
    const excerpt = fixture('AmazonEC2-offer-excerpt-us-east-1.json');
    const refused = await runCli(['import', excerpt, '--catalog', cat.path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /the catalog's us-east-1 Linux On-Demand prices are from 2026-07-20, newer than this file's 2024-05-28; use --force to replace them/,
    );
    const forced = await runCli(['import', excerpt, '--catalog', cat.path, '--force']);
    expect(forced.code).toBe(0);
  });

  it('exits 2 on a missing file or an unknown --kind', async () => {
    expect((await runCli(['import', join(dir, 'nope.json'), '--catalog', cat.path])).stderr).toMatch(
      /cannot read .*nope\.json: ENOENT/,
    );
    const r = await runCli(['import', offer, '--kind', 'rds', '--catalog', cat.path]);
    expect(r).toMatchObject({
      code: 2,
      stderr:
        'import: --kind must be one of ec2, savings-plans, spot, spot-advisor, host-reservations or auto; got rds\n',
    });
  });
});
