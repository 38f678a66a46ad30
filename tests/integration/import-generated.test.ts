import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importPriceFile } from '../../main/import/import-service';
import { generateOffer, loadCatalogShape, type GenerateResult } from '../fixtures/generate-offer';
import { query, scalar, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';

let dir: string;
let gen: GenerateResult;
let viaJson: TempCatalog;
let viaCsv: TempCatalog;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-generated-'));
  gen = generateOffer({
    jsonPath: join(dir, 'offer.json'),
    csvPath: join(dir, 'offer.csv'),
    targetBytes: 2e6,
    shape: loadCatalogShape(inject('catalogPath')),
    publicationDate: '2026-11-01T12:00:00Z',
  });
  viaJson = tempCatalog(inject('catalogPath'));
  viaCsv = tempCatalog(inject('catalogPath'));
  await importPriceFile({ file: join(dir, 'offer.json'), catalogPath: viaJson.path });
  await importPriceFile({ file: join(dir, 'offer.csv'), catalogPath: viaCsv.path });
});

afterAll(() => {
  viaJson.cleanup();
  viaCsv.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const TABLES = ['ec2_prices', 'ebs_prices', 'price_summary', 'instance_regions', 'regions', 'instance_types'];

/** Rows in one catalog's table and not in the other's, both ways (SQLite EXCEPT over ATTACH). */
function difference(a: string, b: string, table: string): { onlyA: number; onlyB: number; rows: number } {
  const db = new Database(a, { readonly: true });
  try {
    db.prepare('ATTACH DATABASE ? AS other').run(b);
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      onlyA: n(`SELECT count(*) FROM (SELECT * FROM main.${table} EXCEPT SELECT * FROM other.${table})`),
      onlyB: n(`SELECT count(*) FROM (SELECT * FROM other.${table} EXCEPT SELECT * FROM main.${table})`),
      rows: n(`SELECT count(*) FROM main.${table}`),
    };
  } finally {
    db.close();
  }
}

describe('a generated offer file, JSON and CSV from one generator run', () => {
  it('imports the same rows from both variants, table by table', () => {
    for (const table of TABLES) {
      const d = difference(viaJson.path, viaCsv.path, table);
      expect(d.rows, table).toBeGreaterThan(0);
      expect({ table, onlyJson: d.onlyA, onlyCsv: d.onlyB }).toEqual({ table, onlyJson: 0, onlyCsv: 0 });
    }
  });

  it('writes 1 on-demand + 12 reserved rows per kept product and every EBS product', () => {
    // Kept = Used × {Linux, Windows, RHEL, SUSE, Ubuntu Pro, Windows + SQL Std} × {Shared, Dedicated,
    // Host} and Windows BYOL × {Dedicated, Host}; each has 1 OnDemand term (a Host product's is the real
    // $0 instance charge, kept) and, Shared and Dedicated ones, 1yr/3yr × standard/convertible ×
    // No/Partial/All Upfront = 2 × 2 × 3 = 12 Reserved terms.
    const id = 'aws-offer-ec2-20261101120000';
    const count = (model: string) =>
      scalar(viaJson.path, 'SELECT count(*) FROM ec2_prices WHERE source_id = ? AND model = ?', id, model);
    expect(gen.keptProducts).toBeGreaterThan(0);
    expect(count('on-demand')).toBe(gen.keptProducts);
    expect(count('reserved')).toBe(gen.keptReservedProducts * 12);
    expect(gen.keptReservedProducts).toBeLessThan(gen.keptProducts);
    expect(scalar(viaJson.path, 'SELECT count(*) FROM ebs_prices WHERE source_id = ?', id)).toBe(
      gen.ebsProducts,
    );
  });

  it('moves the catalog’s as-of date to the file’s publication date and records the source', () => {
    expect(scalar(viaJson.path, "SELECT value FROM meta WHERE key = 'as_of'")).toBe('2026-11-01');
    expect(
      query(viaJson.path, "SELECT id, licence, as_of FROM sources WHERE id LIKE 'aws-offer-ec2-%'"),
    ).toEqual([
      { id: 'aws-offer-ec2-20261101120000', licence: 'AWS Price List (public)', as_of: '2026-11-01' },
    ]);
  });

  it('converts gp3 throughput from AWS’s GiBps-month to MiBps-month', () => {
    // The generator lists gp3 throughput at $40.96 per GiBps-month: 40.96 / 1024 = 0.04 per MiBps-month.
    const rows = query<{ price_usd: string; unit: string }>(
      viaJson.path,
      "SELECT price_usd, unit FROM ebs_prices WHERE volume_type = 'gp3' AND dimension = 'throughput' AND source_id LIKE 'aws-offer-%'",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toEqual({ price_usd: '0.04', unit: 'MiBps-month' });
  });
});
