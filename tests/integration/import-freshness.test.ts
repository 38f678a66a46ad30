import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { ImportError } from '../../main/import/errors';
import { importPriceFile } from '../../main/import/import-service';
import { createServices } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import type { PriceOptions } from '@shared/catalog-types';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import {
  fixture,
  importTemps,
  query,
  sha256,
  tempCatalog,
  type TempCatalog,
} from '../fixtures/import-test-support';

// Freshness is decided per scope (main/import/freshness.ts). The shipped catalog, by hand
// (pricing-data/README.md): us-east-1 Linux On-Demand = Karpenter 2026-07-20; us-east-1 Linux Reserved =
// ec2instances.info All Upfront 2026-05-12 + AWS feed No Upfront 2025-04-04 (newest 2026-05-12);
// no Savings Plans rate anywhere.

let cat: TempCatalog;
beforeEach(() => {
  cat = tempCatalog(inject('catalogPath'));
});
afterEach(() => {
  expect(importTemps(cat.dir)).toEqual([]);
  cat.cleanup();
});

/**
 * The real m5.large us-east-1 offer (GetProducts item, 2021-02-05: one Linux On-Demand price and the
 * 12 Linux Reserved variants) as if AWS had published it on `date`.
 */
function m5Offer(date: string): string {
  const text = readFileSync(fixture('AmazonEC2-offer-m5.large-us-east-1-from-get-products.json'), 'utf8');
  const version = date.replaceAll('-', '') + '000000';
  const file = join(cat.dir, `m5-${date}.json`);
  writeFileSync(
    file,
    text
      .replace('"publicationDate": "2021-02-05T20:45:00Z"', `"publicationDate": "${date}T00:00:00Z"`)
      .replace('"version": "20210205204500"', `"version": "${version}"`),
  );
  return file;
}

const scopeRows = (region: string, model: string, os: string) =>
  query<{ source_id: string; as_of: string; rows: number }>(
    cat.path,
    `SELECT source_id, as_of, rows FROM scope_dates WHERE product = 'ec2' AND region = ? AND model = ? AND os = ?
     ORDER BY as_of DESC`,
    region,
    model,
    os,
  );

describe('freshness per scope', () => {
  it('takes every scope a newer file holds', async () => {
    const s = await importPriceFile({ file: m5Offer('2026-08-01'), catalogPath: cat.path });
    expect(s.skippedScopes).toEqual([]);
    expect(s.rowsByModel).toEqual({ 'on-demand': 1, reserved: 12 });
    // Each scope is replaced whole: its rows are now the file's.
    expect(scopeRows('us-east-1', 'on-demand', 'linux')).toEqual([
      { source_id: 'aws-offer-ec2-20260801000000', as_of: '2026-08-01', rows: 1 },
    ]);
    expect(scopeRows('us-east-1', 'reserved', 'linux')).toEqual([
      { source_id: 'aws-offer-ec2-20260801000000', as_of: '2026-08-01', rows: 12 },
    ]);
    // Other scopes of the region are left alone (Windows On-Demand: ec2instances.info, 2026-05-12).
    expect(scopeRows('us-east-1', 'on-demand', 'windows')).toEqual([
      { source_id: 'vantage-2026-05', as_of: '2026-05-12', rows: 904 },
    ]);
  });

  it('refuses an older file, naming each scope and both dates, and changes nothing', async () => {
    const before = sha256(cat.path);
    const err = await importPriceFile({ file: m5Offer('2021-02-05'), catalogPath: cat.path }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('stale');
    expect((err as ImportError).message).toBe(
      "field publicationDate: the catalog's prices are newer than this file's 2021-02-05 for every scope " +
        'the file holds: us-east-1 Linux On-Demand (2026-07-20), us-east-1 Linux Reserved Instance (2026-05-12); ' +
        'use --force to replace them',
    );
    expect(sha256(cat.path)).toBe(before);
    // Forced, it replaces them.
    const forced = await importPriceFile({ file: m5Offer('2021-02-05'), catalogPath: cat.path, force: true });
    expect(forced.skippedScopes).toEqual([]);
    expect(scopeRows('us-east-1', 'on-demand', 'linux')).toEqual([
      { source_id: 'aws-offer-ec2-20210205000000', as_of: '2021-02-05', rows: 1 },
    ]);
  });

  it('takes the newer scopes of a mixed file and says which it skipped', async () => {
    // 2026-06-01: newer than the Reserved scope (2026-05-12), older than On-Demand (2026-07-20).
    const s = await importPriceFile({ file: m5Offer('2026-06-01'), catalogPath: cat.path });
    expect(s.skippedScopes).toEqual([
      { scope: 'us-east-1 Linux On-Demand', catalogAsOf: '2026-07-20', fileAsOf: '2026-06-01' },
    ]);
    expect(s.skippedRows).toBe(1);
    expect(s.rowsByModel).toEqual({ reserved: 12 });
    expect(scopeRows('us-east-1', 'on-demand', 'linux')).toEqual([
      { source_id: 'karpenter-od-2026-07', as_of: '2026-07-20', rows: 1345 },
    ]);
    expect(scopeRows('us-east-1', 'reserved', 'linux')).toEqual([
      { source_id: 'aws-offer-ec2-20260601000000', as_of: '2026-06-01', rows: 12 },
    ]);
  });

  it('says the same on the command line: exit 2 and the scope, or the summary with what it skipped', async () => {
    const refused = await runCli(['import', m5Offer('2021-02-05'), '--catalog', cat.path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'us-east-1 Linux On-Demand (2026-07-20), us-east-1 Linux Reserved Instance (2026-05-12); use --force to replace them',
    );
    const mixed = await runCli(['import', m5Offer('2026-06-01'), '--catalog', cat.path]);
    expect(mixed.code).toBe(0);
    expect(JSON.parse(mixed.stdout)).toMatchObject({
      skippedScopes: [{ scope: 'us-east-1 Linux On-Demand', catalogAsOf: '2026-07-20' }],
    });
  });
});

describe('a Savings Plans file into a catalog without Savings Plans rates', () => {
  const SP = fixture('AWSComputeSavingsPlan-ap-east-2-sample.csv');

  it('goes in without --force, and its rate is then priced by `price` and in an estimate', async () => {
    // Published 2025-09-11, older than anything the catalog holds for ap-east-2, but its scope is empty.
    const s = await importPriceFile({ file: SP, catalogPath: cat.path });
    expect(s).toMatchObject({
      kind: 'savings-plans',
      rowsByModel: { 'savings-plan': 18 },
      skippedScopes: [],
    });
    // 10 shared-tenancy rates and 8 Dedicated Instance rates: one scope, its rows listed per tenancy.
    expect(
      query(
        cat.path,
        "SELECT source_id, as_of, tenancy, rows FROM scope_dates WHERE model = 'savings-plan' ORDER BY tenancy",
      ),
    ).toEqual([
      { source_id: 'aws-offer-sp-20250911184447', as_of: '2025-09-11', tenancy: 'dedicated', rows: 8 },
      { source_id: 'aws-offer-sp-20250911184447', as_of: '2025-09-11', tenancy: 'shared', rows: 10 },
    ]);

    // The sample's row: APE2-BoxUsage:r7g.2xlarge, RunInstances (Linux), 3-year Partial Upfront, 0.1954.
    const r = await runCli(['price', 'r7g.2xlarge', '--region', 'ap-east-2', '--format', 'json'], {
      catalogPath: cat.path,
    });
    expect(r.code, r.stderr).toBe(0);
    const options = (JSON.parse(r.stdout) as PriceOptions).options;
    const plan = options.find(
      (o) =>
        o.model === 'savings-plan' &&
        o.planType === 'ec2-instance' &&
        o.termYears === 3 &&
        o.paymentOption === 'partial-upfront',
    )!;
    expect(plan).toMatchObject({
      effectiveHourlyUsd: '0.1954',
      sourceId: 'aws-offer-sp-20250911184447',
    });

    const services = createServices({ catalogPath: cat.path });
    try {
      const e = await dispatch(services.handlers, 'pricing.estimate', {
        document: {
          name: 'Taipei memory tier',
          lines: [
            {
              id: 'cache',
              instanceType: 'r7g.2xlarge',
              region: 'ap-east-2',
              usage: { pattern: 'constant', count: 2 },
              purchase: {
                model: 'savings-plan',
                planType: 'ec2-instance',
                termYears: 3,
                paymentOption: 'partial-upfront',
              },
            },
          ],
        },
      });
      if (!e.ok) throw new Error(e.error.message);
      const est = e.value as ScenarioEstimate;
      const line = est.lines[0]!;
      // Committed at the plan's rate for the steady 2 instances: 2 × 0.1954 = $0.3908/h, all of it used.
      expect(line.complete).toBe(true);
      expect(line.commitment?.commitmentHourlyUsd).toBe('0.3908');
      expect(line.coverage.onDemandHours).toBe(0);
      expect(line.computeAmortizedMonthlyUsd).not.toBeNull();
      expect(est.warnings.filter((w) => w.code === 'missing-price')).toEqual([]);
      expect(est.pricesAsOf).toEqual({ oldest: '2025-09-11', newest: '2025-09-11' });
    } finally {
      services.close();
    }
  });
});
