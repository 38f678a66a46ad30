import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { importPriceFile } from '../../main/import/import-service';
import type { PriceOptions } from '@shared/catalog-types';
import { hostKey, priceKey } from '@shared/pricing/price-book';
import { fixture, query, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';
import { parseScenario, realPricing } from '../support/real-pricing';

// Dedicated Instances, Dedicated Hosts and licences from AWS's price files (catalog migration 5,
// main/import/mapping.ts). The shipped snapshot has none of these prices: before an import every
// lookup is n/a (null), never 0.

let cat: TempCatalog;
beforeEach(() => {
  cat = tempCatalog(inject('catalogPath'));
});
afterEach(() => cat.cleanup());

/**
 * The real CSV sample without its last line: the sample's author cut it in the middle of m6id.2xlarge's
 * 1 yr Partial Upfront standard term (its hourly row, line 50, has no Upfront Fee row), which an
 * import rightly refuses (import-excerpts.test.ts).
 */
function sampleWithoutCutTerm(): string {
  const lines = readFileSync(fixture('AmazonEC2-offer-sample.csv'), 'utf8').split('\n');
  while (lines.at(-1) === '') lines.pop();
  expect(lines).toHaveLength(50);
  expect(lines[49]).toContain('"1yr","Partial Upfront","standard"');
  const path = join(cat.dir, 'AmazonEC2-offer-sample-whole-terms.csv');
  writeFileSync(path, lines.slice(0, 49).join('\n') + '\n');
  return path;
}

interface Row {
  tenancy: string;
  model: string;
  term_years: number;
  payment_option: string;
  offering_class: string;
  upfront_usd: string;
  hourly_usd: string;
  effective_hourly_usd: string;
}
const pricesOf = (region: string, os: string, type: string) =>
  query<Row>(
    cat.path,
    `SELECT tenancy, model, term_years, payment_option, offering_class, upfront_usd, hourly_usd, effective_hourly_usd
     FROM ec2_prices WHERE region = ? AND os = ? AND instance_type = ? AND source_id = 'aws-offer-ec2-20250912225308'
     ORDER BY tenancy, model, term_years, payment_option, offering_class`,
    region,
    os,
    type,
  );

const price = async (...args: string[]) => {
  const r = await runCli(['price', ...args, '--format', 'json'], { catalogPath: cat.path });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as PriceOptions;
};

describe('the real CSV offer sample: licences and tenancies', () => {
  it('imports Dedicated, Host and licence rows, each as published, and skips the placeholders', async () => {
    // Published 2025-09-12, older than the shipped catalog, but every scope it prices is new to it
    // (a tenancy or licence the snapshot lacks): no --force needed.
    const s = await importPriceFile({ file: sampleWithoutCutTerm(), catalogPath: cat.path });
    // 15 products, 4 kept: c6i.large (Windows + SQL Web, Dedicated, Tokyo: On-Demand and 12 Reserved
    // terms), r7i.2xlarge (Windows BYOL, Dedicated), c6g.4xlarge (Linux, Host, $0), m6id.2xlarge
    // (Windows + SQL Std, shared: its 6 whole Reserved terms).
    expect(s.skippedProducts).toEqual({
      // UnusedCapacityReservation ×7 (i4i, g5, c6id, r6i, m7i-flex, i3en.metal, m6id.4xlarge) and
      // AllocatedCapacityReservation ×1 (i3en.xlarge).
      'capacity-status': 8,
      // RHEL with SQL Web (RunInstances:0210), RHEL with HA on a host (RunInstances:1010).
      os: 2,
      // c7i.metal-24xl in the New York City Local Zone.
      'no-region': 1,
    });
    expect(s).toMatchObject({ kind: 'ec2', rows: 1 + 12 + 1 + 1 + 6, skippedScopes: [] });
    expect(s.rowsByModel).toEqual({ 'on-demand': 3, reserved: 18 });
    expect(s.zeroPricesSkipped).toBe(0);

    // Windows BYOL on a Dedicated Instance, Frankfurt: EUC1-DedicatedUsage:r7i.2xlarge, 0.7022400000.
    expect(pricesOf('eu-central-1', 'windows-byol', 'r7i.2xlarge')).toEqual([
      {
        tenancy: 'dedicated',
        model: 'on-demand',
        term_years: 0,
        payment_option: '',
        offering_class: '',
        upfront_usd: '0',
        hourly_usd: '0.70224',
        effective_hourly_usd: '0.70224',
      },
    ]);

    // Windows with SQL Server Web, Dedicated, Tokyo: On-Demand 0.2773; 3 yr Partial Upfront standard
    // = 2,750 upfront + 0.10463/h. By hand: 2,750 / 26,280 h = 0.104642313546423135464…, + 0.10463 =
    // 0.209272313546423135464…, to decimal.js's 20 significant digits 0.20927231354642313546.
    const web = pricesOf('ap-northeast-1', 'windows-sql-web', 'c6i.large');
    expect(web).toHaveLength(13);
    expect(web.every((r) => r.tenancy === 'dedicated')).toBe(true);
    expect(web.find((r) => r.model === 'on-demand')?.hourly_usd).toBe('0.2773');
    const partial3y = web.find(
      (r) =>
        r.model === 'reserved' &&
        r.term_years === 3 &&
        r.payment_option === 'partial-upfront' &&
        r.offering_class === 'standard',
    )!;
    expect(partial3y).toMatchObject({ upfront_usd: '2750', hourly_usd: '0.10463' });
    expect(partial3y.effective_hourly_usd).toBe('0.20927231354642313546');
    expect(new Decimal(2750).div(26280).plus('0.10463').toSignificantDigits(20).toString()).toBe(
      partial3y.effective_hourly_usd,
    );

    // Windows with SQL Server Standard, shared, Canada: 1 yr No Upfront standard 1.6614/h.
    const std = pricesOf('ca-central-1', 'windows-sql-std', 'm6id.2xlarge');
    expect(std).toHaveLength(6);
    expect(
      std.find(
        (r) => r.term_years === 1 && r.payment_option === 'no-upfront' && r.offering_class === 'standard',
      ),
    ).toMatchObject({ tenancy: 'shared', model: 'reserved', upfront_usd: '0', hourly_usd: '1.6614' });

    // Linux on a Dedicated Host, Oregon: the per-instance charge is a real $0 (the host is what is paid).
    expect(pricesOf('us-west-2', 'linux', 'c6g.4xlarge')).toEqual([
      expect.objectContaining({
        tenancy: 'host',
        model: 'on-demand',
        hourly_usd: '0',
        effective_hourly_usd: '0',
      }),
    ]);

    // No capacity-reservation placeholder became a price.
    for (const [region, type] of [
      ['us-gov-west-1', 'i4i.4xlarge'],
      ['ap-southeast-2', 'g5.48xlarge'],
      ['ap-southeast-7', 'r6i.2xlarge'],
      ['ap-southeast-3', 'i3en.xlarge'],
    ] as const) {
      expect(
        query(
          cat.path,
          'SELECT 1 FROM ec2_prices WHERE region = ? AND instance_type = ? AND source_id LIKE ?',
          region,
          type,
          'aws-offer-%',
        ),
      ).toEqual([]);
    }
    // Their scopes are dated per tenancy; the shared scopes' keys are unchanged.
    expect(
      query(
        cat.path,
        `SELECT region, model, os, tenancy, rows FROM scope_dates WHERE source_id = 'aws-offer-ec2-20250912225308'
         ORDER BY region, model, os`,
      ),
    ).toEqual([
      { region: 'ap-northeast-1', model: 'on-demand', os: 'windows-sql-web', tenancy: 'dedicated', rows: 1 },
      { region: 'ap-northeast-1', model: 'reserved', os: 'windows-sql-web', tenancy: 'dedicated', rows: 12 },
      { region: 'ca-central-1', model: 'reserved', os: 'windows-sql-std', tenancy: 'shared', rows: 6 },
      { region: 'eu-central-1', model: 'on-demand', os: 'windows-byol', tenancy: 'dedicated', rows: 1 },
      { region: 'us-west-2', model: 'on-demand', os: 'linux', tenancy: 'host', rows: 1 },
    ]);
  });

  it('`price --tenancy dedicated --os windows-byol`: n/a with the way to get it, then $0.70224/h once imported', async () => {
    const args = [
      'r7i.2xlarge',
      '--region',
      'eu-central-1',
      '--os',
      'windows-byol',
      '--tenancy',
      'dedicated',
    ];
    const before = await price(...args);
    expect(before).toMatchObject({ os: 'windows-byol', tenancy: 'dedicated', dedicatedFee: null });
    const odBefore = before.options.find((o) => o.model === 'on-demand')!;
    expect(odBefore).toMatchObject({ hourlyUsd: null, effectiveHourlyUsd: null });
    expect(odBefore.note).toMatch(/import AWS's price files/);
    expect(before.options.every((o) => o.hourlyUsd === null)).toBe(true);
    const table = await runCli(['price', ...args], { catalogPath: cat.path });
    expect(table.stdout).toContain('Dedicated Instance');
    expect(table.stdout).toMatch(/On-demand: n\/a .*import AWS's price files/);

    await importPriceFile({ file: sampleWithoutCutTerm(), catalogPath: cat.path });
    const after = await price(...args);
    expect(after.options.find((o) => o.model === 'on-demand')).toMatchObject({
      hourlyUsd: '0.70224',
      effectiveHourlyUsd: '0.70224',
      // 0.70224 × 730 h = 512.6352 → $512.64
      monthlyUsd: '512.64',
      sourceId: 'aws-offer-ec2-20250912225308',
    });
    const shown = await runCli(['price', ...args], { catalogPath: cat.path });
    // Hourly as published; Effective/h as rates are shown (4 decimals).
    expect(shown.stdout).toMatch(/on-demand\s+\$0\.70224\s+\$0\.7022\s+\$512\.64/);
    // Shared tenancy is untouched: Windows BYOL is not sold shared.
    const shared = await price('r7i.2xlarge', '--region', 'eu-central-1', '--os', 'windows-byol');
    expect(shared.options.find((o) => o.model === 'on-demand')!.hourlyUsd).toBeNull();
  });

  it('refuses a tenancy or OS it does not know, naming the choices', async () => {
    const r = await runCli(['price', 'm5.large', '--region', 'us-east-1', '--tenancy', 'dedi'], {
      catalogPath: cat.path,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tenancy must be one of shared, dedicated or host; got dedi');
    const os = await runCli(['price', 'm5.large', '--region', 'us-east-1', '--os', 'bsd'], {
      catalogPath: cat.path,
    });
    expect(os.code).toBe(2);
    expect(os.stderr).toContain('windows-sql-web');
    // Every region's listing is of shared tenancy: another tenancy is refused there, not ignored.
    const all = await runCli(['price', 'm5.large', '--region', 'all', '--tenancy', 'dedicated'], {
      catalogPath: cat.path,
    });
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('--tenancy dedicated applies to one region at a time');
  });
});

describe('a Dedicated Host and the per-Region Dedicated fee (offer JSON)', () => {
  const run = () =>
    importPriceFile({ file: fixture('AmazonEC2-dedicated-host-excerpt.json'), catalogPath: cat.path });

  it('stores the i2 host of US East (Ohio) per host-hour with what it holds, and the São Paulo fee', async () => {
    const s = await run();
    expect(s).toMatchObject({ kind: 'ec2', rows: 2, hostRows: 1, dedicatedFees: 1, skippedScopes: [] });
    expect(query(cat.path, 'SELECT * FROM host_prices')).toEqual([
      {
        region: 'us-east-2',
        family: 'i2',
        model: 'on-demand',
        term_years: 0,
        payment_option: '',
        upfront_usd: '0',
        hourly_usd: '7.502',
        effective_hourly_usd: '7.502',
        source_id: 'aws-offer-ec2-20161213014831',
      },
    ]);
    const [capacity] = query<{ instances_per_size: string }>(cat.path, 'SELECT * FROM host_capacity');
    expect(capacity).toMatchObject({ region: 'us-east-2', family: 'i2', vcpu: 32, physical_cores: 20 });
    expect(JSON.parse(capacity!.instances_per_size)).toEqual({
      xlarge: 8,
      '2xlarge': 4,
      '4xlarge': 2,
      '8xlarge': 1,
      '16xlarge': 1,
    });
    expect(query(cat.path, 'SELECT * FROM dedicated_fees')).toEqual([
      { region: 'sa-east-1', hourly_usd: '2', source_id: 'aws-offer-ec2-20161213014831' },
    ]);
    expect(
      query(
        cat.path,
        "SELECT region, model, os, tenancy, as_of, rows FROM scope_dates WHERE source_id = 'aws-offer-ec2-20161213014831' ORDER BY region",
      ),
    ).toEqual([
      { region: 'sa-east-1', model: 'on-demand', os: '', tenancy: 'dedicated', as_of: '2016-12-13', rows: 1 },
      { region: 'us-east-2', model: 'on-demand', os: '', tenancy: 'host', as_of: '2016-12-13', rows: 1 },
    ]);
    const meta = await runCli(['catalog', 'meta'], { catalogPath: cat.path });
    expect(meta.stdout).toMatch(
      /us-east-2\s+Dedicated Host On-Demand\s+aws-offer-ec2-20161213014831\s+2016-12-13\s+1/,
    );
    expect(meta.stdout).toMatch(/sa-east-1\s+Dedicated Instance per-Region fee/);
  });

  it('`price --tenancy host` shows the host per host-hour and how many of the size it holds', async () => {
    const before = await price('i2.4xlarge', '--region', 'us-east-2', '--tenancy', 'host');
    expect(before.host).toMatchObject({ family: 'i2', onDemandHourlyUsd: null, instancesOfThisSize: null });
    expect(before.host!.note).toMatch(/import AWS's price files/);
    await run();
    const after = await price('i2.4xlarge', '--region', 'us-east-2', '--tenancy', 'host');
    expect(after.host).toEqual({
      family: 'i2',
      onDemandHourlyUsd: '7.502',
      onDemandSourceId: 'aws-offer-ec2-20161213014831',
      reservations: [],
      instancesOfThisSize: 2,
      vcpu: 32,
      physicalCores: 20,
      note: null,
    });
    // The per-instance charge on the host was not in this file: n/a, never 0.
    expect(after.options.find((o) => o.model === 'on-demand')!.hourlyUsd).toBeNull();
    const table = await runCli(['price', 'i2.4xlarge', '--region', 'us-east-2', '--tenancy', 'host'], {
      catalogPath: cat.path,
    });
    expect(table.stdout).toContain(
      'Dedicated Host i2: one host holds 2 × 4xlarge, 32 vCPU, 20 physical cores',
    );
    expect(table.stdout).toMatch(/on-demand\s+\$7\.502\s+\$7\.502\s+2016-12-13/);
    // Instance RIs, Savings Plans and spot do not price instances on a host: the table leaves them out.
    expect(table.stdout).not.toMatch(/^(reserved|savings-plan|spot) /m);
    expect(table.stdout).toContain('the host is bought On-Demand or by Dedicated Host Reservation');
  });
});

describe('the price book of dedicated and host lines', () => {
  const scenario = () =>
    parseScenario({
      name: 'tenancies',
      lines: [
        {
          id: 'byol',
          instanceType: 'r7i.2xlarge',
          region: 'eu-central-1',
          os: 'windows-byol',
          tenancy: 'dedicated',
          usage: { pattern: 'constant', count: 1 },
        },
        {
          id: 'graviton-host',
          instanceType: 'c6g.4xlarge',
          region: 'us-west-2',
          tenancy: 'host',
          usage: { pattern: 'constant', count: 1 },
        },
        {
          id: 'i2-host',
          instanceType: 'i2.xlarge',
          region: 'us-east-2',
          tenancy: 'host',
          usage: { pattern: 'constant', count: 1 },
        },
        {
          id: 'sao-paulo',
          instanceType: 'm5.large',
          region: 'sa-east-1',
          tenancy: 'dedicated',
          usage: { pattern: 'constant', count: 1 },
        },
      ],
    });

  it('is null or absent before an import, and filled from the catalog after', async () => {
    const before = realPricing(cat.path);
    try {
      const book = before.book(scenario());
      const byol = book.instances[priceKey('eu-central-1', 'windows-byol', 'r7i.2xlarge', 'dedicated')]!;
      expect(byol).toMatchObject({
        tenancy: 'dedicated',
        known: true,
        onDemandHourlyUsd: null,
        reserved: [],
      });
      expect(book.instances[priceKey('us-west-2', 'linux', 'c6g.4xlarge', 'host')]).toMatchObject({
        tenancy: 'host',
        onDemandHourlyUsd: null,
      });
      expect(book.hosts).toBeUndefined();
      expect(book.dedicatedFees).toBeUndefined();
    } finally {
      before.close();
    }

    await importPriceFile({ file: sampleWithoutCutTerm(), catalogPath: cat.path });
    await importPriceFile({ file: fixture('AmazonEC2-dedicated-host-excerpt.json'), catalogPath: cat.path });
    const after = realPricing(cat.path);
    try {
      const book = after.book(scenario());
      expect(
        book.instances[priceKey('eu-central-1', 'windows-byol', 'r7i.2xlarge', 'dedicated')],
      ).toMatchObject({
        tenancy: 'dedicated',
        onDemandHourlyUsd: '0.70224',
        onDemandSourceId: 'aws-offer-ec2-20250912225308',
      });
      // A real $0 per-instance charge on the host (Linux), kept as 0, not null.
      expect(book.instances[priceKey('us-west-2', 'linux', 'c6g.4xlarge', 'host')]).toMatchObject({
        tenancy: 'host',
        family: 'c6g',
        onDemandHourlyUsd: '0',
      });
      // The c6g host itself is not in these files: absent.
      expect(book.hosts).toEqual({
        [hostKey('us-east-2', 'i2')]: {
          region: 'us-east-2',
          family: 'i2',
          onDemandHourlyUsd: '7.502',
          onDemandSourceId: 'aws-offer-ec2-20161213014831',
          reservations: [],
          instancesPerHost: { xlarge: 8, '2xlarge': 4, '4xlarge': 2, '8xlarge': 1, '16xlarge': 1 },
          vcpu: 32,
          physicalCores: 20,
        },
      });
      // São Paulo's fee; Frankfurt's is not in these files.
      expect(book.dedicatedFees).toEqual({
        'sa-east-1': { hourlyUsd: '2', sourceId: 'aws-offer-ec2-20161213014831' },
      });
      // The shared line keys are what they were: no tenancy suffix.
      expect(priceKey('sa-east-1', 'linux', 'm5.large')).toBe('sa-east-1|linux|m5.large');
      expect(Object.keys(book.instances)).toContain('sa-east-1|linux|m5.large|dedicated');
    } finally {
      after.close();
    }
  });
});
