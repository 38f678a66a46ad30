import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { importPriceFile } from '../../main/import/import-service';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { reportSchema } from '@shared/reports/model';
import { fixture, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';

/**
 * docs/examples/dedicated-and-hosts.json through the CLI: 2 × r7i.2xlarge Windows BYOL on Dedicated
 * Instances in eu-central-1, 10 × i2.xlarge on Dedicated Hosts in us-east-2. The shipped catalog has no
 * dedicated prices: n/a with the way out. After importing AWS's real rows (the CSV sample's r7i.2xlarge
 * BYOL Dedicated $0.70224/h; the 2016 price list's i2 host in us-east-2, $7.502/h holding 8 xlarge):
 * the instances 2 × 0.70224 × 730 = $1,025.27 and 2 hosts × 7.502 × 730 = $10,952.92; the fee and the
 * i2.xlarge's own per-instance row are in neither file, so they stay n/a.
 */
const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'dedicated-and-hosts.json');

describe('the shipped catalog (no dedicated prices)', () => {
  const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });

  it('estimate: each line’s tenancy, n/a with "import AWS\'s price files", the missing families once', async () => {
    const r = await cli('estimate', EXAMPLE);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n');
    expect(rows.find((l) => l.startsWith('byol'))).toMatch(
      /eu-central-1\s+Dedicated Instance\s+on-demand\s+1460\s+n\/a/,
    );
    expect(rows.find((l) => l.startsWith('hosts'))).toMatch(
      /us-east-2\s+Dedicated Host\s+on-demand\s+7300\s+n\/a/,
    );
    expect(r.stdout).toContain("Dedicated tenancy (within each line's compute):");
    expect(r.stdout).toContain(
      "  - Line i2 storage nodes on Dedicated Hosts (Dedicated Host): i2 Dedicated Host, On-Demand: n/a — import AWS's price files",
    );
    expect(r.stdout).toMatch(
      /Windows BYOL app servers \(Dedicated Instance\): Dedicated per-Region fee \(eu-central-1\): .* = 730 h; rate n\/a — import AWS's price files/,
    );
    expect(r.stdout).toContain('Dedicated Host prices are not in this catalog (us-east-2)');
    expect(r.stdout).toContain('The Dedicated per-Region fee is not in this catalog (eu-central-1)');
  });

  it('compare: the missing dedicated-host and dedicated-fee families among its notices', async () => {
    const r = await cli('compare', EXAMPLE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Dedicated Host prices are not in this catalog \(us-east-2\) .* Lines: hosts\./);
    expect(r.stdout).toMatch(
      /The Dedicated per-Region fee is not in this catalog \(eu-central-1\) .* Lines: byol\./,
    );
  });

  it('--format json passes the estimate through; --format csv has each line’s tenancy', async () => {
    const json = JSON.parse((await cli('estimate', EXAMPLE, '--format', 'json')).stdout) as ScenarioEstimate;
    expect(json.lines.map((l) => [l.tenancy, l.os, l.monthlyUsd])).toEqual([
      ['dedicated', 'windows-byol', null],
      ['host', 'linux', null],
    ]);
    expect(json.lines[0]!.dedicatedFee).toMatchObject({
      billedHours: 730,
      hourlyUsd: null,
      monthlyUsd: null,
    });
    expect(json.lines[1]!.dedicatedHost).toMatchObject({ family: 'i2', hosts: null, monthlyUsd: null });
    expect(json.missingPrices.map((m) => m.family)).toEqual(
      expect.arrayContaining(['dedicated-host', 'dedicated-fee']),
    );
    const csv = (await cli('estimate', EXAMPLE, '--format', 'csv')).stdout;
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((x) => [x.id, x.tenancy])).toEqual([
      ['byol', 'dedicated'],
      ['hosts', 'host'],
    ]);
  });
});

describe('after importing AWS’s dedicated and host rows', () => {
  let cat: TempCatalog;
  beforeAll(async () => {
    cat = tempCatalog(inject('catalogPath'));
    // The CSV sample without its last line, cut mid-term by its author (import-tenancy.test.ts).
    const lines = readFileSync(fixture('AmazonEC2-offer-sample.csv'), 'utf8').trimEnd().split('\n');
    const sample = join(cat.dir, 'sample-whole-terms.csv');
    writeFileSync(sample, lines.slice(0, 49).join('\n') + '\n');
    await importPriceFile({ file: sample, catalogPath: cat.path });
    await importPriceFile({ file: fixture('AmazonEC2-dedicated-host-excerpt.json'), catalogPath: cat.path });
  }, 60_000);
  afterAll(() => cat.cleanup());
  const cli = (...args: string[]) => runCli(args, { catalogPath: cat.path });

  it('estimate: the hosts priced with their working; the BYOL instances in the totals, the fee still n/a', async () => {
    const r = await cli('estimate', EXAMPLE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'i2 Dedicated Host, On-Demand: ceil(10 i2.xlarge ÷ 8 per host) = 2 hosts; 2 × $7.502/h × 730 h = $10,952.92/month',
    );
    // 1,025.2704 + 10,952.92 priced; the fee is n/a.
    expect(r.stdout).toContain('Totals: monthly $11,978.19');
    expect(r.stdout).toContain("rate n/a — import AWS's price files");
  });

  it('report --out .json: the line’s hosts in the model, valid against the schema', async () => {
    const out = join(cat.dir, 'dedicated.json');
    const r = await cli('report', EXAMPLE, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.lines[1]!.dedicatedHost).toMatchObject({
      hosts: 2,
      hostHourlyUsd: '7.502',
      monthlyUsd: '10952.92',
    });
    expect(report.lines[0]!.dedicatedFee).toMatchObject({ monthlyUsd: null });
    expect(report.assumptions.tenancies).toEqual(['dedicated', 'host']);
  });
});
