import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCli, CLI_BIN, CLI_OUT_DIR, heavyAtStart, type CliBuild } from '../../scripts/build-cli';

/**
 * The command as installed: package.json's bin, built by scripts/build-cli.ts into dist-cli/ (built
 * here, so the bundle under test is the current sources'), run by plain Node without tsx.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const POSIX = process.platform !== 'win32';
const EXAMPLE = join(ROOT, 'docs', 'examples', 'web-and-batch.json');

interface PackageJson {
  version: string;
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

let dir: string;
let built: CliBuild;
/** Where npm would put the command: a link named ec2-planner to the bundle (npm's bin link). */
let link: string;

const run = (...args: string[]) =>
  spawnSync(process.execPath, [link, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
const withCatalog = (...args: string[]) => run(...args, '--catalog', inject('catalogPath'));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-cli-bin-'));
  built = await buildCli();
  link = join(dir, 'ec2-planner');
  symlinkSync(CLI_BIN, link);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the ec2-planner command', () => {
  it('is package.json’s bin, built by npm run build and by prepare, shipped with the catalog', () => {
    expect(pkg.bin).toEqual({ 'ec2-planner': 'dist-cli/ec2-planner.mjs' });
    expect(resolve(ROOT, pkg.bin['ec2-planner']!)).toBe(CLI_BIN);
    expect(existsSync(CLI_BIN)).toBe(true);
    expect(readFileSync(CLI_BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    if (POSIX) expect(statSync(CLI_BIN).mode & 0o111).not.toBe(0);
    expect(pkg.scripts.build).toContain('npm run build:cli');
    expect(pkg.scripts.prepare).toContain('scripts/build-cli.ts');
    expect(pkg.files).toEqual(expect.arrayContaining(['dist-cli/', 'pricing-data/catalog.sqlite']));
  });

  it('--version prints package.json’s version, through a link as npm installs it', () => {
    const r = run('--version');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.status).toBe(0);
    // Started by its shebang, as a shell runs it.
    if (POSIX) expect(execFileSync(link, ['--version'], { encoding: 'utf8' })).toBe(`${pkg.version}\n`);
  });

  it('--help of a command says how to type it and gives an example', () => {
    const r = run('price', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ec2-planner price TYPE /);
    expect(r.stdout).toMatch(/\nExamples \(after ec2-planner\):\n {2}price m5\.large /);
  });

  it('price m5.large in us-east-1 as JSON: AWS’s $0.096 an hour On-Demand, $70.08 a month', () => {
    const r = withCatalog('price', 'm5.large', '--region', 'us-east-1', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as {
      instanceType: string;
      options: { model: string; hourlyUsd: string; monthlyUsd: string }[];
    };
    expect(result.instanceType).toBe('m5.large');
    const onDemand = result.options.filter((o) => o.model === 'on-demand');
    expect(onDemand).toHaveLength(1);
    expect(onDemand[0]).toMatchObject({ hourlyUsd: '0.096', monthlyUsd: '70.08' });
  });

  it('bad input still exits 2 naming the flag', () => {
    const r = withCatalog('price', 'm5.large', '--region', 'us-east-1', '--format', 'xml');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^price: --format must be one of table, json or csv; got xml/);
  });
});

describe('heavy modules load only for the commands that need them', () => {
  const entry = relative(ROOT, CLI_BIN);

  it('the bin and serve load neither exceljs nor the report pages at start-up', () => {
    expect(heavyAtStart(built.modules, entry)).toEqual([]);
    expect(heavyAtStart(built.modules, relative(ROOT, join(CLI_OUT_DIR, 'serve.mjs')))).toEqual([]);
    // exceljs is in the build, in a chunk the entry reaches only through import().
    const outputs = Object.entries(built.modules.outputs);
    const xlsxChunk = outputs.find(([, o]) => Object.keys(o.inputs).some((i) => i.includes('/exceljs/')));
    expect(xlsxChunk).toBeDefined();
    expect(xlsxChunk![0]).not.toBe(entry);
    const lazily = outputs.flatMap(([, o]) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    );
    expect(lazily).toContain(xlsxChunk![0]);
  });

  it('report writes an XLSX (through the lazily loaded writer) and a CSV with the estimate’s figures', async () => {
    const estimate = withCatalog('estimate', EXAMPLE, '--format', 'json');
    expect(estimate.status).toBe(0);
    const lines = (JSON.parse(estimate.stdout) as { lines: { name: string; monthlyUsd: string }[] }).lines;
    const web = lines.find((l) => l.name === 'Web tier')!;
    expect(web).toBeDefined();

    const xlsx = join(dir, 'estimate.xlsx');
    const wroteXlsx = withCatalog('report', EXAMPLE, '--out', xlsx);
    expect(wroteXlsx.stderr).toMatch(/^wrote XLSX report /);
    expect(wroteXlsx.stdout).toBe(`${xlsx}\n`);
    expect(wroteXlsx.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet('Lines')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const nameCol = header.findIndex((h) => typeof h === 'string' && /name/i.test(h)) + 1;
    const monthlyCol = header.indexOf('Monthly') + 1;
    expect(nameCol).toBeGreaterThan(0);
    expect(monthlyCol).toBeGreaterThan(0);
    const webRow = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1))
      .find((row) => row.getCell(nameCol).value === 'Web tier')!;
    expect(webRow.getCell(monthlyCol).value).toBe(Number(web.monthlyUsd));

    const csv = join(dir, 'estimate.csv');
    expect(withCatalog('report', EXAMPLE, '--out', csv).status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.find((r) => r.lineName === 'Web tier')?.monthlyUsd).toBe(web.monthlyUsd);
  });
});

describe('a process', () => {
  it('piped into a reader that closes early ends quietly with 0', async () => {
    const child = spawn(
      process.execPath,
      [link, 'catalog', 'instances', '--region', 'us-east-1', '--format', 'json'],
      { cwd: dir, env: { ...process.env, PLANNER_CATALOG: inject('catalogPath') } },
    );
    let stderr = '';
    let chunks = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', () => {
      chunks += 1;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((done, fail) => {
      child.on('error', fail);
      child.on('close', (c) => done(c));
    });
    expect(chunks).toBe(1);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('serve’s bundle answers API calls, pricing in its worker threads (dist-cli/worker.cjs)', async () => {
    expect(existsSync(join(CLI_OUT_DIR, 'worker.cjs'))).toBe(true);
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
      // serve refuses to start without the built renderer; npm test builds it first.
      execFileSync('npm', ['run', 'build:renderer', '--silent'], { cwd: ROOT, stdio: 'ignore' });
    }
    const server = spawn(
      process.execPath,
      [join(CLI_OUT_DIR, 'serve.mjs'), '--port', '0', '--catalog', inject('catalogPath')],
      { cwd: dir },
    );
    try {
      const url = await new Promise<URL>((done, fail) => {
        let out = '';
        server.on('error', fail);
        server.on('exit', (c) => fail(new Error(`serve exited with ${c}: ${out}`)));
        server.stderr.on('data', (d: Buffer) => (out += d.toString()));
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(out);
          if (m) done(new URL(m[0]));
        });
      });
      const call = async (name: string, input: unknown) => {
        const res = await fetch(new URL(`/api/${name}`, url), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${url.searchParams.get('token')}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(input),
        });
        return (await res.json()) as { ok: boolean; value: unknown };
      };
      const regions = await call('catalog.regions', {});
      expect(regions.ok).toBe(true);
      expect((regions.value as { code: string }[]).map((r) => r.code)).toContain('us-east-1');
      const document = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as unknown;
      const estimate = await call('pricing.estimate', { document });
      expect(estimate.ok).toBe(true);
      const lines = (estimate.value as { lines: { name: string; monthlyUsd: string }[] }).lines;
      const cli = withCatalog('estimate', EXAMPLE, '--format', 'json');
      expect(lines).toEqual((JSON.parse(cli.stdout) as { lines: unknown }).lines);
    } finally {
      server.kill();
    }
  });
});
