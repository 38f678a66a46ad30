import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PriceOption, PriceOptions } from '@shared/catalog-types';
import { parseInput } from '@shared/contract';
import { createCatalogService } from '../../main/catalog/catalog-service';
import { migrate } from '../../main/db/migrate';
import { catalogMigrations } from '../../main/db/migrations/catalog';
import { m0001Schema } from '../../main/db/migrations/catalog/0001-schema';
import { importPriceFile } from '../../main/import/import-service';
import { openCatalog } from '../../main/services';
import { fixture, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';

function priceOptions(catalogPath: string, instanceType: string, region: string, os: string): PriceOptions {
  const db = openCatalog(catalogPath);
  try {
    const p = parseInput('catalog.priceOptions', { instanceType, region, os });
    if (!p.ok) throw new Error(p.error.message);
    return createCatalogService(db).priceOptions(p.value);
  } finally {
    db.close();
  }
}

const find = (p: PriceOptions, where: Partial<PriceOption>): PriceOption => {
  const o = p.options.find((x) => Object.entries(where).every(([k, v]) => x[k as keyof PriceOption] === v));
  if (!o) throw new Error(`no option ${JSON.stringify(where)}`);
  return o;
};
const allUpfront = (p: PriceOptions, termYears: 1 | 3) =>
  find(p, { model: 'reserved', termYears, paymentOption: 'all-upfront', offeringClass: 'standard' });

describe('exact All Upfront fees in the shipped catalog', () => {
  it('m5.large us-east-1 Linux: 494 (1 yr) and 949 (3 yr), as AWS publishes them, marked derived', () => {
    const p = priceOptions(inject('catalogPath'), 'm5.large', 'us-east-1', 'linux');
    // Snapshot effective rates 0.056393 and 0.036111: × 8,760 = 494.00268 → 494; × 26,280 = 948.99708 → 949.
    // Effective = fee ÷ term hours: 494 / 8,760 = 0.05639269…; 949 / 26,280 = 0.03611111…
    expect(allUpfront(p, 1)).toMatchObject({
      upfrontUsd: '494',
      upfrontDerived: true,
      hourlyUsd: '0',
      effectiveHourlyUsd: '0.05639269',
      // 494 / 8,760 × 730 = 41.1666… → 41.17
      monthlyUsd: '41.17',
    });
    expect(allUpfront(p, 1).upfrontNote).toMatch(/whole dollars.*rounded to the nearest dollar/);
    expect(allUpfront(p, 3)).toMatchObject({
      upfrontUsd: '949',
      upfrontDerived: true,
      effectiveHourlyUsd: '0.03611111',
    });
    // A No Upfront figure is as published: nothing derived.
    expect(
      find(p, { model: 'reserved', termYears: 1, paymentOption: 'no-upfront', offeringClass: 'standard' }),
    ).toMatchObject({ upfrontUsd: '0', upfrontDerived: false, upfrontNote: null, hourlyUsd: '0.06' });
  });

  it('c5.xlarge ap-northeast-1 Windows: 2,714 (1 yr) and 6,950 (3 yr), as the AWS Pricing Calculator shows', () => {
    const p = priceOptions(inject('catalogPath'), 'c5.xlarge', 'ap-northeast-1', 'windows');
    // 0.309817 × 8,760 = 2,713.99692 → 2,714; 0.26446 × 26,280 = 6,950.0088 → 6,950 (was shown $6,950.01).
    expect(allUpfront(p, 1)).toMatchObject({ upfrontUsd: '2714', upfrontDerived: true });
    expect(allUpfront(p, 3)).toMatchObject({ upfrontUsd: '6950', upfrontDerived: true });
  });

  it('every derived fee in the catalog is a whole number of dollars', () => {
    const db = new Database(inject('catalogPath'), { readonly: true });
    try {
      const counts = db
        .prepare(
          `SELECT COUNT(*) AS derived, SUM(upfront_usd GLOB '*[^0-9]*') AS fractional FROM ec2_prices
           WHERE upfront_source = 'derived'`,
        )
        .get() as { derived: number; fractional: number };
      expect(counts.derived).toBeGreaterThan(100_000);
      expect(counts.fractional).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('published fees from an AWS offer file', () => {
  let cat: TempCatalog;
  beforeAll(() => {
    cat = tempCatalog(inject('catalogPath'));
  });
  afterAll(() => cat.cleanup());

  it('shows the Upfront Fee dimension as published, not derived', async () => {
    // The GetProducts m5.large us-east-1 item (2021) in the offer envelope: forced, being older.
    await importPriceFile({
      file: fixture('AmazonEC2-offer-m5.large-us-east-1-from-get-products.json'),
      catalogPath: cat.path,
      force: true,
    });
    const p = priceOptions(cat.path, 'm5.large', 'us-east-1', 'linux');
    // All Upfront: "Upfront Fee" 494 (1 yr) and 949 (3 yr), Hrs 0.0000000000.
    expect(allUpfront(p, 1)).toMatchObject({ upfrontUsd: '494', upfrontDerived: false, upfrontNote: null });
    expect(allUpfront(p, 3)).toMatchObject({ upfrontUsd: '949', upfrontDerived: false, upfrontNote: null });
    // Partial Upfront 1 yr standard: fee 252 and 0.029/h; 252 / 8,760 + 0.029 = 0.05776712…
    expect(
      find(p, {
        model: 'reserved',
        termYears: 1,
        paymentOption: 'partial-upfront',
        offeringClass: 'standard',
      }),
    ).toMatchObject({
      upfrontUsd: '252',
      upfrontDerived: false,
      hourlyUsd: '0.029',
      effectiveHourlyUsd: '0.05776712',
    });
  });
});

describe('the upfront part of a Savings Plan in the price options', () => {
  let cat: TempCatalog;
  beforeAll(() => {
    cat = tempCatalog(inject('catalogPath'));
  });
  afterAll(() => cat.cleanup());

  it('EC2 Instance SP, 3 yr Partial Upfront: half the commitment upfront, half hourly', async () => {
    // AWS's real ap-east-2 Savings Plans sample (published 2025-09-11, older than the catalog: forced).
    await importPriceFile({
      file: fixture('AWSComputeSavingsPlan-ap-east-2-sample.csv'),
      catalogPath: cat.path,
      force: true,
    });
    const p = priceOptions(cat.path, 'r7g.2xlarge', 'ap-east-2', 'linux');
    const sp = find(p, {
      model: 'savings-plan',
      planType: 'ec2-instance',
      termYears: 3,
      paymentOption: 'partial-upfront',
    });
    // Rate 0.1954/h (APE2-BoxUsage:r7g.2xlarge, RunInstances). 0.1954 × 26,280 h = 5,135.112 for the term;
    // half upfront = 2,567.556; the other half hourly = 0.0977/h; effective stays 0.1954.
    expect(sp).toMatchObject({
      upfrontUsd: '2567.556',
      hourlyUsd: '0.0977',
      effectiveHourlyUsd: '0.1954',
      upfrontDerived: true,
      // 0.1954 × 730 = 142.642 → 142.64
      monthlyUsd: '142.64',
    });
    expect(sp.upfrontNote).toMatch(/50 to 99%.*half/);
  });
});

describe('migration 3 on a version-1 catalog that holds prices', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'planner-m3-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('marks the snapshot’s All Upfront fees derived, rounds them to the dollar and leaves published ones alone', () => {
    const db = new Database(join(dir, 'v1.sqlite'));
    try {
      migrate(db, [m0001Schema], 'catalog');
      db.exec(`INSERT INTO regions (code, name) VALUES ('us-east-1', 'US East (N. Virginia)');
        INSERT INTO instance_types (instance_type, family, size, generation, vcpu, memory_gib, arch, architectures,
          burstable, bare_metal, gpu_count, instance_store_gb)
        VALUES ('m5.large', 'm5', 'large', 'current', 2, 8, 'x86_64', 'x86_64', 0, 0, 0, 0);`);
      const source = db.prepare(
        `INSERT INTO sources (id, name, url, licence, as_of) VALUES (?, 'n', 'u', 'l', '2026-05-12')`,
      );
      for (const id of ['vantage-2026-05', 'aws-offer-ec2-20240528203522', 'ec2shop-ri-2025-04'])
        source.run(id);
      const row = db.prepare(
        `INSERT INTO ec2_prices (region, instance_type, os, model, term_years, payment_option, offering_class,
           upfront_usd, hourly_usd, effective_hourly_usd, source_id)
         VALUES ('us-east-1', 'm5.large', 'linux', 'reserved', @term, @payment, 'standard', @upfront, @hourly,
           @effective, @source)`,
      );
      // What version 1 built from the snapshot: 0.056393 × 8,760 and 0.036111 × 26,280, unrounded.
      row.run({
        term: 1,
        payment: 'all-upfront',
        upfront: '494.00268',
        hourly: '0',
        effective: '0.056393',
        source: 'vantage-2026-05',
      });
      row.run({
        term: 3,
        payment: 'all-upfront',
        upfront: '948.99708',
        hourly: '0',
        effective: '0.036111',
        source: 'vantage-2026-05',
      });
      // An imported AWS fee (published) and a No Upfront rate.
      row.run({
        term: 3,
        payment: 'partial-upfront',
        upfront: '505',
        hourly: '0.019',
        effective: '0.038216133942161339422',
        source: 'aws-offer-ec2-20240528203522',
      });
      row.run({
        term: 1,
        payment: 'no-upfront',
        upfront: '0',
        hourly: '0.06',
        effective: '0.06',
        source: 'ec2shop-ri-2025-04',
      });
      db.exec(`INSERT INTO price_summary (region, os, instance_type, od_hourly, best_1y, best_3y, spot_hourly)
               VALUES ('us-east-1', 'linux', 'm5.large', '0.096', '0.056393', '0.036111', NULL)`);

      migrate(db, catalogMigrations, 'catalog');

      const rows = db
        .prepare(
          `SELECT term_years, payment_option, upfront_usd, effective_hourly_usd, upfront_source FROM ec2_prices
           ORDER BY term_years, payment_option`,
        )
        .all();
      expect(rows).toEqual([
        // 494.00268 → 494; 494 / 8,760 = 0.056392694063926940639 (20 significant digits, as an import).
        {
          term_years: 1,
          payment_option: 'all-upfront',
          upfront_usd: '494',
          effective_hourly_usd: '0.056392694063926940639',
          upfront_source: 'derived',
        },
        {
          term_years: 1,
          payment_option: 'no-upfront',
          upfront_usd: '0',
          effective_hourly_usd: '0.06',
          upfront_source: 'published',
        },
        // 948.99708 → 949; 949 / 26,280 = 0.036111111111111111111.
        {
          term_years: 3,
          payment_option: 'all-upfront',
          upfront_usd: '949',
          effective_hourly_usd: '0.036111111111111111111',
          upfront_source: 'derived',
        },
        {
          term_years: 3,
          payment_option: 'partial-upfront',
          upfront_usd: '505',
          effective_hourly_usd: '0.038216133942161339422',
          upfront_source: 'published',
        },
      ]);
      // The headline figures follow: the cheapest 1-year is now 494 / 8,760, the 3-year 949 / 26,280.
      expect(db.prepare('SELECT best_1y, best_3y FROM price_summary').get()).toEqual({
        best_1y: '0.056392694063926940639',
        best_3y: '0.036111111111111111111',
      });
      expect(() => db.exec(`UPDATE ec2_prices SET upfront_source = 'guessed' WHERE term_years = 1`)).toThrow(
        /CHECK constraint failed/,
      );
    } finally {
      db.close();
    }
  });
});
