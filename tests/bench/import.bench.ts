import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateOffer, loadCatalogShape } from '../fixtures/generate-offer';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CATALOG = join(ROOT, 'pricing-data', 'catalog.sqlite');
const SIZES_MB = (process.env.IMPORT_BENCH_MB ?? '100,1000').split(',').map(Number);

interface ChildResult {
  mode: string;
  rows: number;
  seconds: number;
  mbPerSecond: number;
  maxRssMB: number;
}

function runChild(mode: 'ours' | 'stream-json', file: string, catalog: string): ChildResult {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'tests/bench/import-child.ts'), mode, file, catalog],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`${mode} import failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

/**
 * `npm run bench -- import`: generated AmazonEC2 JSON offer files of 100 MB and 1 GB (in the OS temp
 * folder, deleted afterwards); each import runs in a child process that reports its peak RSS. The
 * baseline is stream-json (parser + pick + streamValues) assembling the same objects.
 */
export async function benchImport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-import-bench-'));
  const shape = loadCatalogShape(CATALOG);
  const lines: string[] = [];
  try {
    for (const mb of SIZES_MB) {
      const file = join(dir, `AmazonEC2-${mb}MB.json`);
      const gen = generateOffer({ jsonPath: file, targetBytes: mb * 1e6, shape });
      const catalog = join(dir, 'catalog.sqlite');
      copyFileSync(CATALOG, catalog);
      const ours = runChild('ours', file, catalog);
      const base = runChild('stream-json', file, catalog);
      const size = `${(gen.jsonBytes / 1e6).toFixed(0)} MB`;
      lines.push(
        `| ${size.padStart(7)} | ours        | ${ours.mbPerSecond.toFixed(1).padStart(7)} | ${ours.seconds.toFixed(2).padStart(7)} | ${ours.maxRssMB.toFixed(0).padStart(8)} | ${String(ours.rows).padStart(8)} |`,
        `| ${size.padStart(7)} | stream-json | ${base.mbPerSecond.toFixed(1).padStart(7)} | ${base.seconds.toFixed(2).padStart(7)} | ${base.maxRssMB.toFixed(0).padStart(8)} | ${String(base.rows).padStart(8)} |`,
        `| ${size.padStart(7)} | ratio       | ${(ours.mbPerSecond / base.mbPerSecond).toFixed(1).padStart(6)}x |         |          |          |`,
      );
      rmSync(file, { force: true });
      rmSync(catalog, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('|    file | importer    |    MB/s |       s | peak RSS MB |     rows |');
  console.log('|--------:|-------------|--------:|--------:|---------:|---------:|');
  for (const l of lines) console.log(l);
  console.log(
    'ours = full import (scan, map, write catalog, verify, swap); stream-json = parse + pick + assemble the same objects and count kept terms (no catalog writes).',
  );
}
