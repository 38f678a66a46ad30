import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import type { PlanLine, PlanPurchase, PurchasePlan, ReservedPurchase } from '@shared/optimizer/types';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import type { ScenarioInput } from '@shared/scenario/schema';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'docs', 'examples', 'web-and-batch.json');
const USAGE_CSV = join(ROOT, 'tests', 'fixtures', 'usage-hourly.csv');
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput;

interface OptimizeOut {
  purchases: PlanPurchase[];
  monthlyUsd: string | null;
  upfrontUsd: string | null;
  threeYearUsd: string | null;
  savingsVsOnDemandPct: string | null;
  coveragePct: string | null;
  utilizationPct: string | null;
  lines: PlanLine[];
  usageCsv?: { file: string; replacedLineIds: string[]; droppedLineIds: string[]; addedLineIds: string[] };
}

let dir: string;
let services: Services;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-optimize-cli-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: join(dir, 'user.sqlite') });
});
afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(services.handlers, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

async function optimizeJson(...args: string[]): Promise<OptimizeOut> {
  const r = await cli('optimize', ...args, '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as OptimizeOut;
}

const reserved = (out: { purchases: PlanPurchase[] }) =>
  out.purchases.filter((p): p is ReservedPurchase => p.kind === 'reserved');
/** RIs of a family in m5.large-sized units (normalization factors: large 4, xlarge 8, 2xlarge 16). */
const FACTOR: Record<string, number> = { large: 4, xlarge: 8, '2xlarge': 16 };
const unitsOf = (ris: ReservedPurchase[], family: string) =>
  ris
    .filter((p) => p.instanceType.startsWith(`${family}.`))
    .reduce((n, p) => n + (p.count * FACTOR[p.instanceType.split('.')[1]!]!) / 4, 0);

describe('optimize SCENARIO.json', () => {
  it('prints the purchases and totals of the worked example, the same as pricing.optimize and the estimate', async () => {
    const out = await optimizeJson(EXAMPLE);
    expect(Object.keys(out).slice(0, 7)).toEqual([
      'purchases',
      'monthlyUsd',
      'upfrontUsd',
      'threeYearUsd',
      'savingsVsOnDemandPct',
      'coveragePct',
      'utilizationPct',
    ]);
    // The web tier runs 4 × m5.large all month: commit all of it. The batch line runs 50 of 168 hours,
    // below every Reserved rate's share of On-Demand, and does not tolerate interruptions: On-Demand.
    const ris = reserved(out);
    expect(unitsOf(ris, 'm5')).toBe(4);
    expect(unitsOf(ris, 'c5')).toBe(0);
    for (const p of ris) {
      expect(p).toMatchObject({ region: 'us-east-1', os: 'linux' });
      expect(['standard', 'convertible']).toContain(p.offeringClass);
      expect([1, 3]).toContain(p.termYears);
      expect(['no-upfront', 'partial-upfront', 'all-upfront']).toContain(p.paymentOption);
    }
    const batch = out.lines.find((l) => l.lineId === 'batch')!;
    expect(batch).toMatchObject({ onDemandPct: '100.0', spotPct: '0.0' });
    expect(out.lines.find((l) => l.lineId === 'web')!.reservedPct).toBe('100.0');

    const plan = await call<PurchasePlan>('pricing.optimize', { document: example() });
    expect(out.purchases).toEqual(plan.purchases);
    expect(out.threeYearUsd).toBe(plan.threeYearUsd);
    // The plan's totals are the estimate engine's for the scenario with the plan applied.
    const estimate = await call<ScenarioEstimate>('pricing.estimate', { document: plan.scenario });
    expect(out.monthlyUsd).toBe(estimate.totals.monthlyUsd);
    expect(out.upfrontUsd).toBe(estimate.totals.upfrontUsd);
    expect(out.threeYearUsd).toBe(estimate.totals.threeYearUsd);
    // Cheaper than all On-Demand over 3 years, and no fixed strategy of Compare beats it.
    expect(Number(out.savingsVsOnDemandPct)).toBeGreaterThan(0);
    const compare = await cli('compare', EXAMPLE, '--format', 'json');
    const rows = JSON.parse(compare.stdout) as { id: string; threeYearUsd: string | null }[];
    expect(rows[0]).toMatchObject({ id: 'optimized-plan', threeYearUsd: out.threeYearUsd });
    for (const r of rows.filter((x) => x.threeYearUsd !== null)) {
      expect(Number(out.threeYearUsd)).toBeLessThanOrEqual(Number(r.threeYearUsd) + 0.005);
    }
  });

  it('keeps to the constraints: 1-year terms, no upfront, no commitments at all', async () => {
    const oneYear = await optimizeJson(EXAMPLE, '--max-term-years', '1');
    expect(reserved(oneYear).length).toBeGreaterThan(0);
    for (const p of oneYear.purchases) expect(p.termYears).toBe(1);

    const noUpfront = await optimizeJson(EXAMPLE, '--max-upfront-usd', '0');
    expect(noUpfront.upfrontUsd).toBe('0');
    for (const p of noUpfront.purchases) expect(p.upfrontUsd).toBe('0');

    // On-Demand only (an empty list), and spot only where no line tolerates interruptions.
    for (const allow of ['--allow=', '--allow=spot']) {
      const none = await optimizeJson(EXAMPLE, allow);
      expect(none.purchases).toEqual([]);
      expect(none.savingsVsOnDemandPct).toBe('0.0');
      for (const l of none.lines) expect(l.onDemandPct).toBe('100.0');
    }
  });

  it('puts an interruption-tolerant line on spot when spot is allowed and cheapest', async () => {
    const doc = example();
    doc.lines[1] = { ...doc.lines[1]!, interruptionTolerant: true };
    const path = join(dir, 'tolerant.json');
    writeFileSync(path, JSON.stringify(doc));
    const out = await optimizeJson(path);
    expect(out.lines.find((l) => l.lineId === 'batch')!.spotPct).toBe('100.0');
    const without = await optimizeJson(path, '--allow', 'ri,sp');
    expect(without.lines.find((l) => l.lineId === 'batch')!.spotPct).toBe('0.0');
    expect(Number(out.monthlyUsd)).toBeLessThan(Number(without.monthlyUsd));
  });

  it('prints a table: what to buy, each line, the totals against all On-Demand', async () => {
    const r = await cli('optimize', EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Web tier and nightly batch — the cheapest mix/);
    expect(r.stdout).toMatch(/RIs m5\.large \(size-flexible\)\s+us-east-1 linux\s+4 /);
    expect(r.stdout).toContain('Business-hours batch');
    expect(r.stdout).toMatch(/\nPlan: monthly \$[\d,.]+, upfront \$[\d,.]+/);
    expect(r.stdout).toMatch(/\nAll On-Demand: monthly \$[\d,.]+, 3 years \$[\d,.]+/);
  });

  it.each([
    [['--max-term-years', '2'], '--max-term-years must be 1 or 3; got 2'],
    [['--allow', 'ri,od'], '--allow must be one of ri, sp or spot; got od'],
    [
      ['--max-upfront-usd', 'lots'],
      '--max-upfront-usd: must be a decimal number of USD, such as 5000 or 1250.50 — Max upfront (USD); got "lots"',
    ],
    [
      ['--growth-pct-per-month=80'],
      '--growth-pct-per-month: must be a number from -50 to 50% — Growth per month (%); got "80"',
    ],
  ])('refuses %j naming the flag', async (flags, message) => {
    const r = await cli('optimize', EXAMPLE, ...flags);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`optimize: ${message}`);
  });
});

/** The fixture's usage, written out: a week from Monday 2024-03-04 00:00 UTC. */
function fixtureWeek(): { m5: number[]; c5: number[] } {
  const hours = Array.from({ length: 168 }, (_, h) => ({ day: Math.floor(h / 24), hour: h % 24 }));
  return {
    // 2 + 1 instances every hour, plus 2.5 more (rounded up: 3) on weekdays 09:00–17:00.
    m5: hours.map(({ day, hour }) => (day < 5 && hour >= 9 && hour < 17 ? 6 : 3)),
    // 2 instances Monday to Saturday; Sunday has no rows, so 0.
    c5: hours.map(({ day }) => (day < 6 ? 2 : 0)),
  };
}

describe('optimize --usage-csv', () => {
  it('replaces the web line’s usage and adds a line for a type the scenario lacks', async () => {
    const out = await optimizeJson(EXAMPLE, '--usage-csv', USAGE_CSV);
    expect(out.usageCsv).toEqual({
      file: 'usage-hourly.csv',
      replacedLineIds: ['web'],
      droppedLineIds: [],
      addedLineIds: ['csv-c5.large-us-east-1'],
    });
    const week = fixtureWeek();
    const perMonth = (counts: number[]) => (counts.reduce((a, b) => a + b, 0) / counts.length) * 730;
    const line = (id: string) => out.lines.find((l) => l.lineId === id)!;
    expect(line('web').instanceHoursPerMonth).toBeCloseTo(perMonth(week.m5), 6);
    expect(line('csv-c5.large-us-east-1').instanceHoursPerMonth).toBeCloseTo(perMonth(week.c5), 6);
    // m5: 3 instances every hour, 6 in 40 of 168 hours — commit to the 3.
    expect(unitsOf(reserved(out), 'm5')).toBe(3);

    // The same plan as pricing.optimize on the scenario written out by hand.
    const doc = example();
    doc.lines[0] = { ...doc.lines[0]!, usage: { pattern: 'hourly', counts: week.m5 } };
    doc.lines.push({
      id: 'csv-c5.large-us-east-1',
      name: 'c5.large in us-east-1 (usage-hourly.csv)',
      instanceType: 'c5.large',
      region: 'us-east-1',
      usage: { pattern: 'hourly', counts: week.c5 },
    });
    const plan = await call<PurchasePlan>('pricing.optimize', { document: doc });
    expect(out.purchases).toEqual(plan.purchases);
    expect(out.monthlyUsd).toBe(plan.monthlyUsd);
    expect(out.threeYearUsd).toBe(plan.threeYearUsd);
  });

  it('drops the other lines of a type and region the CSV counts, and says so in the table', async () => {
    const doc = example();
    doc.lines.push({ ...doc.lines[0]!, id: 'web-2', name: 'More web' });
    const path = join(dir, 'two-web.json');
    writeFileSync(path, JSON.stringify(doc));
    const out = await optimizeJson(path, '--usage-csv', USAGE_CSV);
    expect(out.usageCsv).toMatchObject({ replacedLineIds: ['web'], droppedLineIds: ['web-2'] });
    expect(out.lines.map((l) => l.lineId)).toEqual(['web', 'batch', 'csv-c5.large-us-east-1']);
    const table = await cli('optimize', path, '--usage-csv', USAGE_CSV);
    expect(table.stdout).toContain(
      'Usage from usage-hourly.csv: replaced the usage of web; dropped web-2; added csv-c5.large-us-east-1',
    );
  });

  const HEADER = 'timestamp,instance type,region,count';
  const rowsOf = (n: number) =>
    Array.from(
      { length: n },
      (_, h) => `2024-03-04T${String(h).padStart(2, '0')}:00:00Z,m5.large,us-east-1,1`,
    );
  it.each([
    [
      'a missing column',
      'timestamp,instance type,region\n2024-03-04T00:00:00Z,m5.large,us-east-1\n',
      ': no count column (the header has: timestamp, instance type, region; accepted: count,',
    ],
    [
      'a negative count in row 14',
      [HEADER, ...rowsOf(12), '2024-03-04T12:00:00Z,m5.large,us-east-1,-1'].join('\n'),
      ' row 14: count: must be a number of instances from 0 to 100,000; got "-1"',
    ],
    [
      'a date that does not exist',
      [HEADER, '2024-02-30T00:00:00Z,m5.large,us-east-1,1'].join('\n'),
      ' row 2: timestamp: must be a date and time such as 2024-03-01T13:00:00Z; got "2024-02-30T00:00:00Z"',
    ],
    [
      'a region name',
      [HEADER, '2024-03-04T00:00:00Z,m5.large,US East (N. Virginia),1'].join('\n'),
      ' row 2: region: must be a region code such as us-east-1; got "US East (N. Virginia)"',
    ],
    [
      'an instance type missing',
      [HEADER, '2024-03-04T00:00:00Z,,us-east-1,1'].join('\n'),
      ' row 2: instance type: must be an instance type such as m5.large; got ""',
    ],
    [
      'more than a year',
      [HEADER, '2024-01-01T00:00:00Z,m5.large,us-east-1,1', '2025-03-01T00:00:00Z,m5.large,us-east-1,1'].join(
        '\n',
      ),
      ' row 3: timestamp: the rows span more than 8,784 hours (a leap year); keep one year at most',
    ],
    ['nothing', '', ': is empty: it needs a header (timestamp, instance type, region, count) and rows'],
  ])('refuses %s, naming the flag, the file, the row and the field', async (_what, text, message) => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, text);
    const r = await cli('optimize', EXAMPLE, '--usage-csv', path, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]!.startsWith(`optimize: --usage-csv ${path}${message}`)).toBe(true);
  });

  it('accepts Cost and Usage Report headers and timestamps with a zone', async () => {
    const path = join(dir, 'cur.csv');
    writeFileSync(
      path,
      [
        'lineItem/UsageStartDate,product/instanceType,product/region,lineItem/UsageAmount',
        // 02:00 at UTC+2 is midnight UTC: the same hour as the next row, so they add up to 4.
        '2024-03-04T02:00:00+02:00,m5.large,us-east-1,1.5',
        '2024-03-04 00:00:00.000,m5.large,us-east-1,2.5',
        '2024-03-04T01:00:00Z,m5.large,us-east-1,1',
      ].join('\n'),
    );
    const out = await optimizeJson(EXAMPLE, '--usage-csv', path);
    // Hours 4 and 1: 2.5 instances a month-hour on average.
    expect(out.lines.find((l) => l.lineId === 'web')!.instanceHoursPerMonth).toBeCloseTo(2.5 * 730, 6);
  });

  it('refuses a file it cannot read, and a scenario that is not valid, naming each', async () => {
    const missing = await cli('optimize', EXAMPLE, '--usage-csv', join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`optimize: --usage-csv: cannot read ${join(dir, 'nope.csv')}: ENOENT\n`);
    const folder = join(dir, 'folder.csv');
    mkdirSync(folder);
    const notFile = await cli('optimize', EXAMPLE, '--usage-csv', folder);
    expect(notFile.stderr).toBe(
      `optimize: --usage-csv: cannot read ${folder}: it is a folder, not a CSV file\n`,
    );

    const bad = join(dir, 'bad-scenario.json');
    writeFileSync(bad, JSON.stringify({ ...example(), hoursPerMonth: 0 }));
    const r = await cli('optimize', bad, '--usage-csv', USAGE_CSV);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^optimize: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Hours per month: `),
    );
  });
});
