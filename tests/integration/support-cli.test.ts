import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { Decimal, toUsdString } from '@shared/money';
import type { ScenarioEstimate, StrategyResult } from '@shared/pricing/estimate-types';

const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json');
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-support-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--support on estimate and compare (AWS Support plans)', () => {
  it('prices Developer on the worked example: 3% of 394.19 USD is 11.83, so the 29 USD minimum', async () => {
    const r = await cli('estimate', EXAMPLE, '--support', 'developer', '--format', 'json');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as ScenarioEstimate;
    expect(Number(e.totals.monthlyUsd).toFixed(2)).toBe('394.19');
    expect(e.support).toMatchObject({ plan: 'developer', supportMonthlyUsd: '29', firstMonthUsd: '29' });
    expect(e.support!.monthly).toMatchObject({ rule: 'minimum', chargesUsd: e.totals.monthlyUsd });
    // Totals stay EC2 and EBS; the figures with support add 29 a month, 36 x 29 = 1,044 over 3 years.
    expect(e.support!.monthlyWithSupportUsd).toBe(toUsdString(new Decimal(e.totals.monthlyUsd).plus(29)));
    expect(e.support!.threeYearUsd).toBe('1044');
    const table = await cli('estimate', EXAMPLE, '--support', 'developer');
    expect(table.stdout).toContain('Developer Support: $29.00/month');
    expect(table.stdout).toContain('the $29.00 minimum (3% × 394.189048 = 11.825671 USD is less)');
  });

  it('takes the plan from the scenario file, the flag replacing it', async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    const file = join(dir, 'enterprise.json');
    writeFileSync(file, JSON.stringify({ ...doc, $schema: undefined, support: 'enterprise' }));
    const own = JSON.parse((await cli('estimate', file, '--format', 'json')).stdout) as ScenarioEstimate;
    expect(own.support).toMatchObject({ plan: 'enterprise', supportMonthlyUsd: '15000' });
    const flagged = await cli('estimate', file, '--support', 'business', '--format', 'json');
    expect((JSON.parse(flagged.stdout) as ScenarioEstimate).support?.supportMonthlyUsd).toBe('100');
    const none = JSON.parse((await cli('estimate', EXAMPLE, '--format', 'json')).stdout) as ScenarioEstimate;
    expect(none.support).toBeUndefined();
  });

  it('prices each Compare strategy on its own charges', async () => {
    const r = await cli('compare', EXAMPLE, '--support', 'developer', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as StrategyResult[];
    const priced = rows.filter((s) => s.complete);
    expect(priced.length).toBeGreaterThan(1);
    for (const s of priced) {
      const fee = Math.max(29, Number(s.monthlyUsd) * 0.03);
      expect(Number(s.support!.supportMonthlyUsd)).toBeCloseTo(fee, 9);
      expect(s.support!.monthly!.chargesUsd).toBe(s.monthlyUsd);
    }
    // 1-year All Upfront RIs: support is charged on the upfront in the months it is paid (0, 12, 24):
    // 3% of (113.87… + 1,976) there, the 29 USD minimum in the 33 other months.
    const ri = priced.find((x) => x.id === 'reserved-standard-1y-all-upfront')!;
    const withUpfront = new Decimal(ri.monthlyUsd!).plus(ri.upfrontUsd!).times('0.03');
    expect(ri.support!.firstMonthUsd).toBe(toUsdString(withUpfront));
    expect(ri.support!.supportMonthlyUsd).toBe('29');
    expect(ri.support!.threeYearUsd).toBe(toUsdString(withUpfront.times(3).plus(33 * 29)));
    const table = await cli('compare', EXAMPLE, '--support', 'developer');
    expect(table.stdout).toContain('Support/mo');
  });

  it('refuses a plan AWS does not sell, naming the flag and the plans (exit 2)', async () => {
    const r = await cli('estimate', EXAMPLE, '--support', 'gold');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--support');
    expect(r.stderr).toContain('one of developer, business, enterprise-on-ramp or enterprise');
  });
});
