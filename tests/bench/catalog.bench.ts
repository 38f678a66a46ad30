import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCatalog } from '../../pricing-data/build-catalog';
import { openCatalog } from '../../main/services';
import { createCatalogService } from '../../main/catalog/catalog-service';
import { parseInput, type ParsedInput } from '@shared/contract';
import { startServeProcess } from '../support/serve-process';
import { ms, timeMany } from './stats';

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
      headers: { authorization: `Bearer ${searchParams.get('token')}` },
    });
    if (res.status !== 200) throw new Error(`first response was ${res.status}`);
    return { serveMs: performance.now() - started, nodeBaselineMs };
  } finally {
    serve.stop();
  }
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
    db.close();

    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
      spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    }
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
