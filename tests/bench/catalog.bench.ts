import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { buildCatalog } from '../../pricing-data/build-catalog';
import { openCatalog } from '../../main/services';
import { createCatalogService } from '../../main/catalog/catalog-service';
import { createCatalogListing } from '../../main/catalog/listing';
import { expandListing } from '@shared/catalog-listing';
import { filterRows, sortRows } from '../../renderer/src/screens/catalog/filter-sort';
import { parseInput, type ParsedInput } from '@shared/contract';
import { startServeProcess } from '../support/serve-process';
import { ms, timeMany } from './stats';
import { measureCatalogPage, summary, type PageFigures } from './catalog-page';

const ROOT = resolve(import.meta.dirname, '..', '..');

function filter(raw: object): ParsedInput<'catalog.instances'> {
  const p = parseInput('catalog.instances', raw);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

async function coldStartMs(): Promise<{ serveMs: number; nodeBaselineMs: number }> {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  const nodeBaselineMs = performance.now() - t0;
  const started = performance.now();
  const serve = await startServeProcess();
  try {
    const { origin, searchParams } = new URL(serve.url);
    const res = await fetch(`${origin}/api/catalog.meta`, {
      method: 'POST',
      body: '{}',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${searchParams.get('token')}`,
      },
    });
    if (res.status !== 200) throw new Error(`first response was ${res.status}`);
    return { serveMs: performance.now() - started, nodeBaselineMs };
  } finally {
    serve.stop();
  }
}

/**
 * The renderer of an older commit (CATALOG_BENCH_BASELINE_REF=<commit>), built into `dir` from that
 * commit's files with this checkout's node_modules: what the page figures are compared with.
 */
function buildRendererAt(ref: string, dir: string): string {
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  execSync(`git archive ${ref} | tar -x -C ${JSON.stringify(src)}`, { cwd: ROOT, shell: '/bin/sh' });
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'));
  const out = join(dir, 'renderer');
  execSync(`npx vite build --logLevel warn --outDir ${JSON.stringify(out)} --emptyOutDir`, { cwd: src });
  return out;
}

function printPage(label: string, f: PageFigures | null): void {
  if (!f) {
    console.log(`${label}: not offered by this build`);
    return;
  }
  console.log(`${label}, keystroke to painted rows: ${summary(f.keystroke)}`);
  console.log(`${label}, sort click to painted rows: ${summary(f.sort)}`);
  console.log(`${label}, a key that changes nothing (the method's floor): ${summary(f.noopFloor)}`);
  if (f.regionLoadMs !== null)
    console.log(`${label}, choosing it until its rows are painted: ${ms(f.regionLoadMs)}`);
}

export async function benchCatalog(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-'));
  try {
    const builds = [0, 1, 2]
      .map(() => buildCatalog(join(dir, 'catalog.sqlite')).seconds * 1000)
      .sort((a, b) => a - b);
    console.log(`catalog build (snapshot -> SQLite), median of 3: ${ms(builds[1]!)}`);

    const db = openCatalog(join(dir, 'catalog.sqlite'));
    const catalog = createCatalogService(db);
    const regions = catalog.regions().map((r) => r.code);
    const variants = [
      filter({ region: 'us-east-1' }),
      filter({ region: 'us-east-1', sortBy: 'onDemandHourlyUsd' }),
      filter({ region: 'us-east-1', generation: 'all', sortBy: 'best3yHourlyUsd', sortDir: 'desc' }),
      filter({ region: 'us-east-1', minVcpu: 4, minMemoryGiB: 16, arch: 'arm64', sortBy: 'spotHourlyUsd' }),
      filter({ region: 'us-east-1', search: 'xlarge', families: ['m5', 'm6i', 'm7i', 'c7g'] }),
    ];
    let i = 0;
    const rows = catalog.instances(variants[0]!).total;
    const one = timeMany(200, () => catalog.instances(variants[i++ % variants.length]!));
    console.log(
      `filter+sort, all ${rows} types of us-east-1 (5 filter/sort variants x 40): p50 ${ms(one.p50)}, p95 ${ms(one.p95)}`,
    );
    const all = timeMany(10, () => {
      for (const region of regions) catalog.instances(filter({ region, sortBy: 'onDemandHourlyUsd' }));
    });
    console.log(
      `filter+sort over all ${regions.length} regions (one query each): p50 ${ms(all.p50)}, p95 ${ms(all.p95)}`,
    );
    const po = timeMany(500, () =>
      catalog.priceOptions({ instanceType: 'm5.large', region: 'us-east-1', os: 'linux' }),
    );
    console.log(`price options of one type: p50 ${ms(po.p50)}, p95 ${ms(po.p95)}`);

    // catalog.listing: what the catalog screen loads once per region and OS, and its size as sent.
    const listing = createCatalogListing(db);
    for (const region of ['us-east-1', 'all']) {
      const input = { region, os: 'linux' as const };
      const answer = listing(input);
      const bytes = Buffer.byteLength(JSON.stringify({ ok: true, value: answer }));
      const read = timeMany(region === 'all' ? 10 : 40, () => JSON.stringify(listing(input)));
      const parse = timeMany(10, () => expandListing(JSON.parse(JSON.stringify(answer)) as typeof answer));
      console.log(
        `catalog.listing ${region}: ${answer.offers.type.length} rows of ${answer.types.instanceType.length} types, ` +
          `${(bytes / 1024).toFixed(0)} KiB as JSON (gzip ${(gzipSync(JSON.stringify(answer)).length / 1024).toFixed(0)} KiB); ` +
          `read and serialized p50 ${ms(read.p50)}; parsed and expanded into rows p50 ${ms(parse.p50)}`,
      );
      // The work a keystroke or a sort asks of the page before it renders (renderer/src/screens/catalog/filter-sort.ts).
      const rows = expandListing(answer);
      let k = 0;
      const words = ['m', 'm7', 'm7g', 'xlarge', 'graviton', 'nvidia'];
      const typed = timeMany(60, () => filterRows(rows, { search: words[k++ % words.length] }));
      const sorted = timeMany(10, () => sortRows(rows, 'onDemandHourlyUsd', 'asc'));
      console.log(
        `  in memory over those rows: filter (a search) p50 ${ms(typed.p50)}, sort by On-Demand price p50 ${ms(sorted.p50)}`,
      );
    }

    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
      spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    }
    // How many rows answer a search with the screen's default filters: for the baseline build, what
    // catalog.instances (SQL) answers; for this build, the in-memory filter over catalog.listing (the
    // same answers: tests/integration/catalog-filter-sort.test.ts and catalog-search.test.ts).
    const sqlCount = (region: string) => (search: string) => {
      const of = (r: string) => catalog.instances(filter({ region: r, ...(search ? { search } : {}) })).total;
      return Promise.resolve(region === 'all' ? regions.reduce((sum, r) => sum + of(r), 0) : of(region));
    };
    const listingCount = (region: string) => {
      const rows = expandListing(listing({ region, os: 'linux' }));
      return (search: string) => Promise.resolve(filterRows(rows, search ? { search } : {}).length);
    };
    const page = (rendererDir: string, region: string, count: (search: string) => Promise<number>) =>
      measureCatalogPage({
        catalogPath: join(dir, 'catalog.sqlite'),
        rendererDir,
        userData: join(dir, 'user-data'),
        region,
        expectedCount: count,
      });
    const baselineRef = process.env.CATALOG_BENCH_BASELINE_REF;
    if (baselineRef) {
      const old = buildRendererAt(baselineRef, join(dir, 'baseline'));
      printPage(
        `catalog page at ${baselineRef}, us-east-1`,
        await page(old, 'us-east-1', sqlCount('us-east-1')),
      );
      printPage(`catalog page at ${baselineRef}, all regions`, await page(old, 'all', sqlCount('all')));
    }
    const built = join(ROOT, 'dist', 'renderer');
    printPage('catalog page, us-east-1', await page(built, 'us-east-1', listingCount('us-east-1')));
    printPage('catalog page, all regions', await page(built, 'all', listingCount('all')));
    db.close();

    const cold = await coldStartMs();
    console.log(
      `serve cold start to first API response: ${ms(cold.serveMs)} (bare node start in the same run: ${ms(
        cold.nodeBaselineMs,
      )}; ratio ${(cold.serveMs / cold.nodeBaselineMs).toFixed(1)}x)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
