import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { dispatch } from '../../main/transport/dispatch';
import { ImportError } from '../../main/import/errors';
import { importPriceFile } from '../../main/import/import-service';
import { createImportJobs, type ImportJobs } from '../../main/import/jobs';
import { createServices } from '../../main/services';
import type { ImportJobStatus } from '@shared/import/jobs';
import {
  fixture,
  importTemps,
  scalar,
  sha256,
  tempCatalog,
  type TempCatalog,
} from '../fixtures/import-test-support';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SP_CSV = fixture('AWSComputeSavingsPlan-ap-east-2-sample.csv');
const EC2_JSON = fixture('AmazonEC2-offer-excerpt-us-east-1.json');
const POSIX = process.platform !== 'win32';

let dir: string;
let cat: TempCatalog;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-hardening-'));
  cat = tempCatalog(inject('catalogPath'));
});
afterAll(() => {
  cat.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A file in this run's folder with the given bytes. */
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function fifo(name: string): string {
  const path = join(dir, name);
  rmSync(path, { force: true });
  execFileSync('mkfifo', [path]);
  return path;
}

function jobsOn(catalog: string, uploadsDir = join(dir, 'uploads')): ImportJobs {
  return createImportJobs({
    targetCatalogPath: () => catalog,
    baseCatalogPath: () => catalog,
    uploadsDir,
    onCatalogChanged: () => undefined,
  });
}

async function settled(jobs: ImportJobs, id: string): Promise<ImportJobStatus> {
  for (;;) {
    const s = jobs.status(id);
    if (s.state !== 'running') return s;
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

/** `npm run cli -- import …` in a child process with the given environment. */
function cliProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main', 'cli.ts'), ...args], {
    cwd: ROOT,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('a path that is not a regular file', () => {
  it.runIf(POSIX)('a FIFO is refused before it is opened, named as given', async () => {
    const path = fifo('offer.fifo');
    const err = await importPriceFile({ file: path, displayName: 'offer.fifo', catalogPath: cat.path }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toBe(
      'cannot read offer.fifo: it is a FIFO (named pipe), not a price file',
    );
    const r = await runCli(['import', relative(process.cwd(), path), '--catalog', cat.path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `import: cannot read ${relative(process.cwd(), path)}: it is a FIFO (named pipe), not a price file\n`,
    );
  });

  it('a folder is refused', async () => {
    const r = await runCli(['import', dir, '--catalog', cat.path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/: it is a folder, not a price file\n$/);
  });

  it.runIf(POSIX)(
    'a FIFO job fails, a stuck job ends on cancel, and the next import is accepted',
    async () => {
      const own = tempCatalog(inject('catalogPath'));
      try {
        const jobs = jobsOn(own.path);
        const viaFifo = jobs.startFile({ path: fifo('job.fifo'), kind: 'auto', force: true });
        const failed = await settled(jobs, viaFifo.id);
        expect(failed.state).toBe('failed');
        expect(failed.error?.message).toContain('job.fifo: it is a FIFO');

        // Work whose read never returns: the cancel alone must end the job and free the queue.
        const stuck = jobs.startWork('file', 'stuck', () => new Promise(() => undefined));
        expect(jobs.cancel(stuck.id).state).toBe('cancelled');
        expect(jobs.status(stuck.id)).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
        expect(jobs.status(stuck.id).finishedAt).not.toBeNull();

        const next = jobs.startFile({ path: SP_CSV, kind: 'auto', force: true });
        expect((await settled(jobs, next.id)).state).toBe('done');
        expect(scalar(own.path, "SELECT value FROM meta WHERE key = 'last_import'")).toBe(
          'aws-offer-sp-20250911184447',
        );
      } finally {
        own.cleanup();
      }
    },
  );
});

describe('a fresh machine: the user-data folder does not exist yet', () => {
  it('the CLI creates it and imports into a new catalog there', async () => {
    const fresh = join(dir, 'fresh-cli', 'EC2 EBS Planner');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PLANNER_USER_DATA: fresh,
      XDG_CONFIG_HOME: join(dir, 'fresh-cli', 'none'),
    };
    delete env.PLANNER_CATALOG;
    const r = await cliProcess(['import', SP_CSV, '--force'], env);
    expect(r.stderr).not.toContain('ENOENT');
    expect(r.code).toBe(0);
    const target = join(fresh, 'catalog.sqlite');
    // 10 shared-tenancy and 8 Dedicated Instance rates (import-excerpts.test.ts lists them).
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'savings-plans', rows: 18, catalogPath: target });
    expect(
      scalar(target, "SELECT count(*) FROM ec2_prices WHERE source_id = 'aws-offer-sp-20250911184447'"),
    ).toBe(18);
  });

  it('the services (HTTP and desktop) create it too', async () => {
    const shipped = join(dir, 'shipped.sqlite');
    copyFileSync(inject('catalogPath'), shipped);
    const fresh = join(dir, 'fresh-services', 'user-data');
    const services = createServices({
      catalogPath: shipped,
      shippedCatalogPath: shipped,
      userDbPath: join(fresh, 'planner.sqlite'),
    });
    try {
      const started = services.imports.startFile({ path: SP_CSV, kind: 'auto', force: true });
      const done = await settled(services.imports, started.id);
      expect(done.error).toBeNull();
      expect(done.state).toBe('done');
      expect(existsSync(join(fresh, 'catalog.sqlite'))).toBe(true);
    } finally {
      services.close();
    }
  });
});

describe('a file that ends before its format says it ends is refused', () => {
  it('a Savings Plans CSV cut mid-row (head -c 11020): exit 2, the line named, the catalog unchanged', async () => {
    const cut = file('sp-cut.csv', readFileSync(SP_CSV).subarray(0, 11020));
    const before = sha256(cat.path);
    const r = await runCli(['import', cut, '--catalog', cat.path, '--force']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `import: ${cut}: line 33: the file ends in the middle of this line (it has no line break)\nThe catalog was not changed.\n`,
    });
    expect(sha256(cat.path)).toBe(before);
    expect(importTemps(cat.dir)).toEqual([]);
  });

  it('a last row with fewer fields than the header, even with its line break', async () => {
    const cut = file(
      'sp-short-row.csv',
      Buffer.concat([readFileSync(SP_CSV).subarray(0, 11020), Buffer.from('\n')]),
    );
    const before = sha256(cat.path);
    const r = await runCli(['import', cut, '--catalog', cat.path, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `import: ${cut}: line 33, field row: row has 11 fields, the header has 24\nThe catalog was not changed.\n`,
    );
    expect(sha256(cat.path)).toBe(before);
  });

  it('a CSV whose last row has every field but no line break (cut inside its last field)', async () => {
    const text = readFileSync(SP_CSV, 'utf8');
    const cut = file('sp-cut-last-field.csv', text.slice(0, text.length - 4)); // "r7g.met|al\n"
    const before = sha256(cat.path);
    const r = await runCli(['import', cut, '--catalog', cat.path, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 50: the file ends in the middle of this line (it has no line break)');
    expect(sha256(cat.path)).toBe(before);
  });

  it('a control character inside an offer JSON string: exit 2 at its byte, not a SyntaxError', async () => {
    const text = readFileSync(EC2_JSON, 'utf8').replace('"20240528203522"', '"2024\u00010528203522"');
    const bad = file('control.json', text);
    const before = sha256(cat.path);
    const r = await runCli(['import', bad, '--catalog', cat.path, '--force']);
    expect(r.code).toBe(2);
    const at = Buffer.byteLength(text.slice(0, text.indexOf('\u0001')));
    expect(r.stderr).toBe(
      `import: ${bad}: byte ${at}, field version: invalid string (Bad control character in string literal)\nThe catalog was not changed.\n`,
    );
    expect(sha256(cat.path)).toBe(before);
  });
});

describe('a scenario file saved with a UTF-8 byte order mark', () => {
  const withBom = () => '\uFEFF' + readFileSync(join(ROOT, 'docs', 'examples', 'web-and-batch.json'), 'utf8');

  it('is read by the CLI', async () => {
    const path = file('bom-scenario.json', withBom());
    const r = await runCli(['estimate', path, '--format', 'json'], { catalogPath: inject('catalogPath') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { lines: unknown[] }).lines.length).toBeGreaterThan(0);
  });

  it('is imported', async () => {
    const services = createServices({
      catalogPath: inject('catalogPath'),
      userDbPath: join(dir, 'bom-user', 'planner.sqlite'),
    });
    try {
      const r = await dispatch(services.handlers, 'scenarios.import', {
        text: withBom(),
        fileName: 'bom.json',
      });
      expect(r.ok).toBe(true);
      expect(r.ok && (r.value as { document: { lines: unknown[] } }).document.lines.length).toBeGreaterThan(
        0,
      );
    } finally {
      services.close();
    }
  });
});

describe('uploads are removed', () => {
  const upload = (uploads: string, name: string, from: string) => {
    mkdirSync(uploads, { recursive: true });
    const path = join(uploads, `0123456789abcdef-${name}`);
    copyFileSync(from, path);
    return path;
  };

  it('on start: every upload left over (older than a minute) goes, a fresh one stays', () => {
    const uploads = join(dir, 'uploads-start');
    const old = upload(uploads, 'old.json', EC2_JSON);
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(old, hourAgo, hourAgo);
    const fresh = upload(uploads, 'fresh.json', EC2_JSON);
    jobsOn(cat.path, uploads);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it('after an import that succeeds, fails or is cancelled', async () => {
    const own = tempCatalog(inject('catalogPath'));
    const uploads = join(dir, 'uploads-after');
    try {
      const jobs = jobsOn(own.path, uploads);
      const good = upload(uploads, 'sp.csv', SP_CSV);
      const ok = jobs.startFile({ path: good, kind: 'auto', force: true });
      expect(await settled(jobs, ok.id)).toMatchObject({ state: 'done', label: 'sp.csv (uploaded)' });
      expect(existsSync(good)).toBe(false);

      const bad = upload(uploads, 'cut.csv', SP_CSV);
      writeFileSync(bad, readFileSync(SP_CSV).subarray(0, 11020));
      const failed = jobs.startFile({ path: bad, kind: 'auto', force: true });
      expect((await settled(jobs, failed.id)).state).toBe('failed');
      expect(existsSync(bad)).toBe(false);

      const big = upload(uploads, 'offer.json', EC2_JSON);
      const cancelled = jobs.startFile({ path: big, kind: 'auto', force: true });
      expect(jobs.cancel(cancelled.id).state).toBe('cancelled');
      expect(existsSync(big)).toBe(false);
      expect(readdirSync(uploads)).toEqual([]);
    } finally {
      own.cleanup();
    }
  });
});

describe('error messages name files as given and quote little of them', () => {
  /** Apart from the name as given, the message holds no path of this run and no stack. */
  const noPaths = (text: string, given = '') => {
    const rest = given ? text.split(given).join('<given>') : text;
    expect(rest).not.toContain(dir);
    expect(rest).not.toContain(tmpdir());
    expect(rest).not.toMatch(/\.import-\d+/);
    expect(rest).not.toMatch(/\n\s+at /);
  };

  it('a catalog of another schema version: no temp path in the message', async () => {
    const other = tempCatalog(inject('catalogPath'));
    try {
      const db = new Database(other.path);
      db.pragma('user_version = 99');
      db.close();
      const r = await runCli(['import', SP_CSV, '--catalog', other.path, '--force']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/the catalog has schema version 99; this app needs \d+/);
      // The file is named as it was given (an absolute path under the checkout, wherever that is).
      noPaths(r.stderr, SP_CSV);
    } finally {
      other.cleanup();
    }
  });

  it('missing, folder, FIFO and truncated files given by a relative path', async () => {
    const paths = [join(dir, 'nope.json'), dir, file('cut.csv', readFileSync(SP_CSV).subarray(0, 11020))];
    if (POSIX) paths.push(fifo('rel.fifo'));
    for (const p of paths) {
      const given = relative(process.cwd(), p);
      const r = await runCli(['import', given, '--catalog', cat.path, '--force']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(given);
      noPaths(r.stderr, given);
      const jobs = jobsOn(cat.path);
      const job = await settled(jobs, jobs.startFile({ path: given, kind: 'auto', force: true }).id);
      expect(job).toMatchObject({ state: 'failed', label: given });
      noPaths(job.error?.message ?? '', given);
    }
  });

  it('an offerCode of any length comes back as at most 40 escaped characters', async () => {
    const secret = 'S3CR3T-' + 'x'.repeat(300) + '\u0007';
    const other = file('other.json', JSON.stringify({ formatVersion: 'v1.0', offerCode: secret }));
    const ec2 = file(
      'ec2-long-code.json',
      readFileSync(EC2_JSON, 'utf8').replace(
        '"offerCode": "AmazonEC2"',
        `"offerCode": "AmazonEC2${'y'.repeat(300)}"`,
      ),
    );
    for (const [path, shown] of [
      [other, 'offerCode "S3CR3T-' + 'x'.repeat(32) + '…"'],
      [ec2, 'offerCode is "AmazonEC2' + 'y'.repeat(30) + '…"'],
    ] as const) {
      const r = await runCli(['import', path, '--catalog', cat.path, '--force']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(shown);
      expect(r.stderr).not.toMatch(/x{33}|y{31}/);
    }
  });
});
