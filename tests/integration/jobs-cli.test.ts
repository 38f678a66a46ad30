import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { runCli } from '../../main/cli';

/**
 * A jobs line from the CLI (real catalog, us-east-1 c5.large Linux On-Demand $0.085/h): 100 runs a day
 * of 90 s, billed per second = 9,000 s = 2.5 instance-hours a day; × 7 × 730 / 168 = 76.041666… h a
 * month; × $0.085 = $6.4635… → $6.46. Runs of 30 s are billed the 60-second minimum: 100 minutes a
 * day, 50.694444… h a month, $4.309… → $4.31.
 */
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
let dir: string;
const file = (name: string, doc: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
};
const scenario = (usage: object) => ({
  name: 'jobs',
  lines: [{ id: 'batch', instanceType: 'c5.large', region: 'us-east-1', usage }],
});
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-jobs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jobs usage from the CLI', () => {
  it('estimate: 100 runs a day of 90 s cost $6.46 a month; of 30 s, $4.31', async () => {
    const r = await cli(
      'estimate',
      file('jobs90.json', scenario({ pattern: 'jobs', runsPerDay: 100, durationSeconds: 90 })),
      '--format',
      'json',
    );
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as ScenarioEstimate;
    expect(Number(e.totals.monthlyUsd)).toBeCloseTo(6.4635416667, 9);
    expect(e.lines[0]?.instanceHours).toBeCloseTo(76.0416667, 6);

    const short = await cli(
      'estimate',
      file('jobs30.json', scenario({ pattern: 'jobs', runsPerDay: 100, durationSeconds: 30 })),
      '--format',
      'json',
    );
    expect(short.code, short.stderr).toBe(0);
    expect(Number((JSON.parse(short.stdout) as ScenarioEstimate).totals.monthlyUsd)).toBeCloseTo(
      4.3090277778,
      9,
    );

    const table = await cli(
      'estimate',
      file('jobs30.json', scenario({ pattern: 'jobs', runsPerDay: 100, durationSeconds: 30 })),
      '--explain',
    );
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('4.31');
    expect(table.stdout).toContain('100 runs a day × 60 billed seconds (runs of 30 s;');
    expect(table.stdout).toContain('= 6,000 s = 1.666667 instance-hours a day');
  });

  it('refuses a file with 0 runs a day, naming the field', async () => {
    const r = await cli(
      'estimate',
      file('bad.json', scenario({ pattern: 'jobs', runsPerDay: 0, durationSeconds: 90 })),
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Runs per day');
  });
});
