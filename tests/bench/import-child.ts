/**
 * One measured import in its own process (so peak RSS is this run's alone):
 * `tsx tests/bench/import-child.ts ours|stream-json FILE CATALOG` → one JSON line on stdout.
 * "stream-json" is the baseline: parser → pick(each product / each SKU's terms) → streamValues,
 * assembling the same objects our scanner hands to JSON.parse, and counting the kept SKUs' terms.
 */
import { createReadStream, statSync } from 'node:fs';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { importPriceFile } from '../../main/import/import-service';
import { mapComputeProduct } from '../../main/import/mapping';
import type { Attributes } from '../../main/import/types';

const [mode, file, catalog] = process.argv.slice(2);

async function baseline(path: string): Promise<number> {
  const kept = new Set<string>();
  let rows = 0;
  const pipeline = chain([
    createReadStream(path, { highWaterMark: 1 << 20 }),
    parser(),
    pick({ filter: /^(products\.[^.]+|terms\.(OnDemand|Reserved)\.[^.]+)$/ }),
    streamValues(),
  ]);
  pipeline.on('data', (item: { value: Record<string, unknown> }) => {
    const v = item.value;
    if (typeof v.sku === 'string' && typeof v.attributes === 'object' && v.attributes !== null) {
      const m = mapComputeProduct(
        typeof v.productFamily === 'string' ? v.productFamily : undefined,
        v.attributes as Attributes,
      );
      if ('ref' in m) kept.add(v.sku);
      return;
    }
    for (const term of Object.values(v)) {
      const sku = (term as { sku?: unknown }).sku;
      if (typeof sku === 'string' && kept.has(sku)) rows++;
    }
  });
  await new Promise<void>((resolve, reject) => {
    pipeline.on('end', resolve);
    pipeline.on('error', reject);
  });
  return rows;
}

const started = performance.now();
let rows: number;
if (mode === 'ours') {
  const s = await importPriceFile({ file: file!, catalogPath: catalog!, force: true });
  rows = s.rows;
} else {
  rows = await baseline(file!);
}
const seconds = (performance.now() - started) / 1000;
const bytes = statSync(file!).size;
process.stdout.write(
  JSON.stringify({
    mode,
    rows,
    seconds,
    mbPerSecond: bytes / 1e6 / seconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
