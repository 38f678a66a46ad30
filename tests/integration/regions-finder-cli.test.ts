/** The CLI's regions side by side (price TYPE --region all, regions SCENARIO.json) and instance finder (find). */
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import type { FinderRow } from '@shared/capacity/finder';
import type { RegionPriceRow } from '@shared/capacity/region-prices';
import type { ScenarioRegionEntry } from '@shared/capacity/scenario-regions';
import { Decimal } from '@shared/money';

const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json');
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
let db: Database.Database;
beforeAll(() => {
  db = new Database(inject('catalogPath'), { readonly: true });
});
afterAll(() => db.close());

describe('price TYPE --region all', () => {
  it('prints one JSON row per region, each price as the catalog holds it', async () => {
    const r = await cli('price', 'm7g.xlarge', '--region', 'all', '--format', 'json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const rows = JSON.parse(r.stdout) as RegionPriceRow[];
    expect(rows).toHaveLength(36);
    const od = db
      .prepare<[string], string>(
        `SELECT hourly_usd FROM ec2_prices WHERE region = ? AND instance_type = 'm7g.xlarge' AND os = 'linux' AND model = 'on-demand'`,
      )
      .pluck();
    for (const row of rows.filter((x) => x.offered))
      expect(row.onDemandHourlyUsd).toBe(od.get(row.region) ?? null);
    expect(rows.find((x) => x.region === 'us-east-1')!.onDemandHourlyUsd).toBe('0.1632');
  });

  it('prints a table with a row per region, the gaps marked and the dates', async () => {
    const r = await cli('price', 'm5.large', '--region', 'all');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('m5.large in every region (linux, shared tenancy; hourly rates, month = 730 h)');
    expect(lines[2]).toMatch(
      /^Region\s+On-Demand\/h\s+Best 1y\/h\s+Best 3y\/h\s+Spot avg\/h\s+Interruption\s+As of \/ note$/,
    );
    expect(r.stdout).toMatch(
      /^us-east-1\s+\$0\.096\s+\$0\.0564\s+\$0\.0361\s+\$0\.0437\s+\S+\s+OD \d{4}-\d{2}-\d{2}, 1y \d{4}-\d{2}-\d{2}, 3y \d{4}-\d{2}-\d{2}, spot \d{4}-\d{2}-\d{2}$/m,
    );
    expect(r.stdout).toMatch(/^mx-central-1\s+-\s+-\s+-\s+-\s+-\s+not offered in this region$/m);
    expect(r.stdout).toContain('n/a — price not in catalog');
  });

  it('sorts by a figure and refuses --sort without --region all', async () => {
    const r = await cli('price', 'm5.large', '--region', 'all', '--sort', 'spot', '--format', 'json');
    const spot = (JSON.parse(r.stdout) as RegionPriceRow[])
      .map((x) => x.spotHourlyUsd)
      .filter((x) => x !== null);
    expect(spot.map(Number)).toEqual(spot.map(Number).sort((a, b) => a - b));
    const refused = await cli('price', 'm5.large', '--region', 'us-east-1', '--sort', 'spot');
    expect(refused).toMatchObject({ code: 2, stderr: 'price: --sort applies with --region all only\n' });
    const one = await cli('price', 'm5.large', '--region', 'us-east-1', '--format', 'json');
    expect(JSON.parse(one.stdout)).toMatchObject({ region: 'us-east-1', instanceType: 'm5.large' });
  });

  it('names an unknown type by the argument', async () => {
    const r = await cli('price', 'zz9.huge', '--region', 'all');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^price: TYPE: zz9\.huge is not in the catalog — Instance type.*; got "zz9\.huge"\n$/,
    );
  });
});

describe('regions SCENARIO.json', () => {
  it('prints one JSON entry per region with its totals and missing types, cheapest first', async () => {
    const r = await cli('regions', EXAMPLE, '--format', 'json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const entries = JSON.parse(r.stdout) as ScenarioRegionEntry[];
    expect(entries).toHaveLength(36);
    const estimate = await cli('estimate', EXAMPLE, '--format', 'json');
    const totals = (JSON.parse(estimate.stdout) as { totals: { monthlyUsd: string; threeYearUsd: string } })
      .totals;
    expect(entries.find((e) => e.region === 'us-east-1')).toMatchObject({
      current: true,
      monthlyUsd: totals.monthlyUsd,
      threeYearUsd: totals.threeYearUsd,
      missingTypes: [],
    });
    const priced = entries.filter((e) => e.complete).map((e) => new Decimal(e.monthlyUsd!));
    expect(priced.every((x, i) => i === 0 || priced[i - 1]!.lte(x))).toBe(true);
    const lacking = db
      .prepare<[], string>(
        `SELECT code FROM regions WHERE code NOT IN
          (SELECT region FROM instance_regions WHERE instance_type = 'm5.large')`,
      )
      .pluck()
      .all();
    for (const code of lacking) {
      expect(entries.find((e) => e.region === code)!.missingTypes).toContain('m5.large');
    }
    expect(entries.slice(-lacking.length).every((e) => e.missingTypes.length > 0)).toBe(true);
  });

  it('prints the table with the scenario as it is first among equals and the regions lacking types last', async () => {
    const r = await cli('regions', EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Web tier and nightly batch in every region \(month = 730 h/);
    expect(r.stdout).toMatch(/^us-east-1\s+\$394\.19\s+\$0\.00\s+\$0\.00\s+\$14,190\.81\s+as it is$/m);
    expect(r.stdout).toMatch(/^mx-central-1\s+does not offer m5\.large, c5\.xlarge$/m);
  });
});

describe('find', () => {
  it('lists the cheapest types with ≥ 16 vCPU and ≥ 64 GiB in eu-west-1 as JSON, cheapest first', async () => {
    const r = await cli(
      'find',
      '--min-vcpu',
      '16',
      '--min-memory-gib',
      '64',
      '--region',
      'eu-west-1',
      '--format',
      'json',
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const rows = JSON.parse(r.stdout) as FinderRow[];
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ instanceType: 'm6g.4xlarge', region: 'eu-west-1', hourlyUsd: '0.688' });
    const rates = rows.map((x) => new Decimal(x.hourlyUsd));
    expect(rates.every((x, i) => i === 0 || rates[i - 1]!.lte(x))).toBe(true);
    expect(rows.every((x) => x.vcpu >= 16 && x.memoryGiB >= 64)).toBe(true);
  });

  it('across all regions with an architecture: each type once at its cheapest region', async () => {
    const r = await cli(
      'find',
      '--min-vcpu',
      '16',
      '--min-memory-gib',
      '64',
      '--region',
      'all',
      '--arch',
      'x86_64',
      '--format',
      'json',
    );
    const rows = JSON.parse(r.stdout) as FinderRow[];
    expect(rows[0]).toMatchObject({ instanceType: 'm5a.4xlarge', region: 'ap-south-1', hourlyUsd: '0.444' });
    expect(rows.every((x) => x.arch === 'x86_64')).toBe(true);
    expect(new Set(rows.map((x) => x.instanceType)).size).toBe(rows.length);
  });

  it('prints the ranking table with what a vCPU and a GiB cost', async () => {
    const r = await cli(
      'find',
      '--min-vcpu',
      '16',
      '--min-memory-gib',
      '64',
      '--region',
      'eu-west-1',
      '--limit',
      '3',
    );
    expect(r.stdout.split('\n')[0]).toBe('Cheapest in eu-west-1, by On-Demand (linux; month = 730 h)');
    expect(r.stdout).toMatch(
      /^1\s+m6g\.4xlarge\s+eu-west-1\s+16\s+64\s+arm64\s+\$0\.688\s+\$502\.24\s+\$0\.043\s+\$0\.0108\s+\d{4}-\d{2}-\d{2}$/m,
    );
    expect(r.stdout).toMatch(/\d+ instance types meet the requirements/);
  });

  it('refuses a bad region with the flag named', async () => {
    const r = await cli('find', '--region', 'mars');
    expect(r).toMatchObject({
      code: 2,
      stderr: 'find: --region: must be a region code such as us-east-1, or all — Region; got "mars"\n',
    });
  });
});
