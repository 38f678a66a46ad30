/**
 * Bounded importer fuzz: real price files (tests/fixtures/price-list, plus a small offer generated
 * from the real catalog's shape) mutated with a seeded PRNG, each imported through importPriceFile
 * — detection, the streaming readers, the real CatalogWriter and its verification, the swap. Every
 * refusal must be an ImportError (never a SyntaxError/TypeError/RangeError or an 'internal' one)
 * that places the fault at a line or byte, and the catalog must be byte-identical afterwards.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImportError } from '../../main/import/errors';
import { importPriceFile } from '../../main/import/import-service';
import { generateOffer, loadCatalogShape } from '../fixtures/generate-offer';
import { fixture, importTemps, sha256 } from '../fixtures/import-test-support';

// FUZZ_SEED / FUZZ_CASES explore further by hand; the suite runs the defaults.
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
/** Cases per source file; sources × this ≥ 300. */
const CASES_PER_SOURCE = Number(process.env.FUZZ_CASES ?? 40);
/** Every n-th case also runs against a copy of the full, untrimmed catalog. */
const FULL_CATALOG_EVERY = 45;

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (rnd: Rand, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Rand, xs: readonly T[]): T => xs[int(rnd, xs.length)]!;

const HUGE_OR_NEGATIVE = [
  '9'.repeat(40),
  '1'.repeat(400),
  '1e400',
  '-1',
  '-0.0042',
  '99999999999999999999.99999999999999999999',
  '0.' + '0'.repeat(30) + '1',
  'NaN',
  'Infinity',
  '0x1F',
];

/** Mutations of a file's bytes; each returns a new buffer. */
const MUTATORS: Record<string, (b: Buffer, rnd: Rand) => Buffer> = {
  'bit-flip': (b, rnd) => {
    const out = Buffer.from(b);
    for (let n = 1 + int(rnd, 3); n > 0; n--) {
      const i = int(rnd, out.length);
      out[i] = out[i]! ^ (1 << int(rnd, 8));
    }
    return out;
  },
  truncate: (b, rnd) => b.subarray(0, int(rnd, b.length)),
  'delete-brace': (b, rnd) => {
    const at: number[] = [];
    b.forEach((c, i) => {
      if (c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x22 || c === 0x2c) at.push(i);
    });
    const i = at.length ? pick(rnd, at) : 0;
    return Buffer.concat([b.subarray(0, i), b.subarray(i + 1)]);
  },
  'huge-or-negative-number': (b, rnd) => {
    const text = b.toString('latin1');
    const numbers = [...text.matchAll(/\d+(\.\d+)?/g)];
    if (numbers.length === 0) return b;
    const m = pick(rnd, numbers);
    const i = m.index;
    return Buffer.from(
      text.slice(0, i) + pick(rnd, HUGE_OR_NEGATIVE) + text.slice(i + m[0].length),
      'latin1',
    );
  },
  bom: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  crlf: (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'),
  'utf-16': (b, rnd) => {
    const le = Buffer.from(b.toString('utf8'), 'utf16le');
    if (rnd() < 0.5) return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    return rnd() < 0.5 ? le : Buffer.from(le).swap16();
  },
  'control-char': (b, rnd) => {
    const i = int(rnd, b.length);
    return Buffer.concat([b.subarray(0, i), Buffer.from([int(rnd, 0x20)]), b.subarray(i)]);
  },
  'delete-line': (b, rnd) => {
    const lines = b.toString('latin1').split('\n');
    lines.splice(int(rnd, lines.length), 1);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  'duplicate-line': (b, rnd) => {
    const lines = b.toString('latin1').split('\n');
    const i = int(rnd, lines.length);
    lines.splice(i, 0, lines[i]!);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  'delete-range': (b, rnd) => {
    const i = int(rnd, b.length);
    return Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + int(rnd, 200))]);
  },
};
const NAMES = Object.keys(MUTATORS);

/** The first NAMES.length cases of a source use each mutation once; then random ones, some doubled. */
function mutate(b: Buffer, k: number, rnd: Rand): { bytes: Buffer; how: string } {
  const first = k < NAMES.length ? NAMES[k]! : pick(rnd, NAMES);
  let bytes = MUTATORS[first]!(b, rnd);
  let how = first;
  if (k >= NAMES.length && rnd() < 0.3) {
    const second = pick(rnd, NAMES);
    bytes = MUTATORS[second]!(bytes, rnd);
    how += '+' + second;
  }
  return { bytes, how };
}

interface Outcome {
  source: string;
  how: string;
  message: string;
}

let dir: string;
let pristine: string;
const sources: { name: string; bytes: Buffer }[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-import-fuzz-'));
  // The real catalog, trimmed to the three regions the fixtures price so each import stays quick
  // (same schema, rows and verification; the full catalog is used every FULL_CATALOG_EVERY cases).
  pristine = join(dir, 'pristine.sqlite');
  copyFileSync(inject('catalogPath'), pristine);
  const db = new Database(pristine);
  const others = "region NOT IN ('us-east-1', 'ap-east-2', 'eu-west-1')";
  db.exec(`DELETE FROM ec2_prices WHERE ${others}; DELETE FROM price_summary WHERE ${others}; VACUUM`);
  db.close();
  for (const name of [
    'AmazonEC2-offer-excerpt-us-east-1.json',
    'AmazonEC2-offer-m5.large-us-east-1-from-get-products.json',
    'AmazonEC2-offer-sample.csv',
    'AWSComputeSavingsPlan-ap-east-2-sample.csv',
    'AWSComputeSavingsPlan-eu-west-1-EDITED-excerpt.json',
    'describe-spot-price-history-m5.large-us-east-1.json',
  ]) {
    sources.push({ name, bytes: readFileSync(fixture(name)) });
  }
  // A CSV offer the importer keeps rows from (the real CSV sample has none it can use).
  const gen = { json: join(dir, 'generated.json'), csv: join(dir, 'generated.csv') };
  generateOffer({
    jsonPath: gen.json,
    csvPath: gen.csv,
    targetBytes: 40_000,
    shape: loadCatalogShape(pristine),
    ebs: true,
  });
  sources.push({ name: 'generated-offer.csv', bytes: readFileSync(gen.csv) });
  sources.push({ name: 'generated-offer.json', bytes: readFileSync(gen.json) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('importer fuzz', () => {
  it('refuses every damaged file with a placed ImportError and leaves the catalog byte-identical', async () => {
    const rnd = prng(SEED);
    const catalog = join(dir, 'catalog.sqlite');
    const full = join(dir, 'full.sqlite');
    copyFileSync(pristine, catalog);
    copyFileSync(inject('catalogPath'), full);
    const hashes = new Map([
      [catalog, sha256(catalog)],
      [full, sha256(full)],
    ]);
    const counts = { tried: 0, rejected: 0, accepted: 0, crashes: 0, fullCatalog: 0 };
    const byCode: Record<string, number> = {};
    const crashes: Outcome[] = [];
    const unplaced: Outcome[] = [];
    const changed: Outcome[] = [];
    const leftovers: Outcome[] = [];

    for (const source of sources) {
      const ext = source.name.endsWith('.csv') ? 'csv' : 'json';
      for (let k = 0; k < CASES_PER_SOURCE; k++) {
        const { bytes, how } = mutate(source.bytes, k, rnd);
        const file = join(dir, `case.${ext}`);
        writeFileSync(file, bytes);
        counts.tried++;
        const target = counts.tried % FULL_CATALOG_EVERY === 0 ? full : catalog;
        if (target === full) counts.fullCatalog++;
        const outcome = (message: string): Outcome => ({ source: source.name, how, message });
        try {
          await importPriceFile({ file, catalogPath: target, force: true, kind: 'auto' });
          counts.accepted++;
          copyFileSync(target === full ? inject('catalogPath') : pristine, target);
          continue;
        } catch (err) {
          if (!(err instanceof ImportError) || err.code === 'internal') {
            counts.crashes++;
            crashes.push(outcome(`${(err as Error).name}: ${(err as Error).message}`));
            continue;
          }
          counts.rejected++;
          byCode[err.code] = (byCode[err.code] ?? 0) + 1;
          if (err.line === undefined && err.byteOffset === undefined) unplaced.push(outcome(err.message));
          if (sha256(target) !== hashes.get(target)) {
            changed.push(outcome(err.message));
            copyFileSync(target === full ? inject('catalogPath') : pristine, target);
          }
          if (importTemps(dir).length > 0) leftovers.push(outcome(importTemps(dir).join(', ')));
        }
      }
    }
    console.log(
      `import fuzz (seed ${SEED}): ${counts.tried} files tried (${sources.length} sources, ` +
        `${counts.fullCatalog} on the full catalog), ${counts.rejected} rejected, ${counts.accepted} accepted, ` +
        `${counts.crashes} crashes; rejections by code ${JSON.stringify(byCode)}`,
    );
    expect(counts.tried).toBeGreaterThanOrEqual(Math.min(300, sources.length * CASES_PER_SOURCE));
    expect(crashes).toEqual([]);
    expect(unplaced).toEqual([]);
    expect(changed).toEqual([]);
    expect(leftovers).toEqual([]);
    // A fuzz that only ever hits one outcome tests little: both must occur.
    expect(counts.rejected).toBeGreaterThan(100);
    expect(counts.accepted).toBeGreaterThan(10);
  }, 180_000);
});
