import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';

const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json');
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface EstimateOut {
  lines: Record<string, unknown>[];
  totals: Record<string, unknown>;
}

describe('estimate and compare from the CLI on the worked example', () => {
  it('estimates the web tier and the business-hours batch line', async () => {
    const r = await cli('estimate', EXAMPLE, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as EstimateOut;
    // web: 4 x 730 h = 2,920 instance-hours x $0.096 = $280.32; storage 4 x 100 GiB x $0.08 = $32
    expect(out.lines[0]).toMatchObject({
      id: 'web',
      instanceHours: 2920,
      computeMonthlyUsd: '280.32',
      storageMonthlyUsd: '32',
      upfrontUsd: '0',
      monthlyUsd: '312.32',
      amortizedMonthlyUsd: '312.32',
    });
    // batch: mon-fri 08-18 = 50 h/week x 2 instances = 100 h/week x 730/168 = 434.5238... h
    // x c5.xlarge $0.17 = $73.869...; storage 2 (peak) x 50 GiB x $0.08 = $8
    const batch = out.lines[1]!;
    expect(Number(batch.instanceHours)).toBeCloseTo(434.5238, 3);
    expect(Number(batch.computeMonthlyUsd)).toBeCloseTo(73.869, 3);
    expect(batch.storageMonthlyUsd).toBe('8');
    // totals: 312.32 + 81.869... = 394.189...; 1 year = 12 x monthly; 3 years = 36 x monthly
    expect(Number(out.totals.monthlyUsd)).toBeCloseTo(394.189, 3);
    expect(Number(out.totals.oneYearUsd)).toBeCloseTo(394.18905 * 12, 2);
    expect(Number(out.totals.threeYearUsd)).toBeCloseTo(394.18905 * 36, 2);
    expect(out.totals).toMatchObject({ upfrontUsd: '0', complete: true });
  });

  it('compares strategies: 1-year standard all-upfront RIs break even in month 8', async () => {
    const r = await cli('compare', EXAMPLE, '--format', 'json');
    const rows = JSON.parse(r.stdout) as {
      id: string;
      upfrontUsd: string | null;
      breakEvenMonth: number | null;
      monthlyUsd: string | null;
    }[];
    const ri = rows.find(
      (x) =>
        x.upfrontUsd !== null &&
        x.id.includes('standard') &&
        x.id.includes('1y') &&
        x.id.includes('all-upfront'),
    )!;
    // 4 RIs for the web line's steady 4 instances: 4 x $494 (AWS's whole-dollar fee) = $1,976 upfront;
    // the web line's on-demand $280.32/month is saved: 1,976 / 280.32 = 7.05 -> month 8
    expect(ri.upfrontUsd).toBe('1976');
    expect(ri.breakEvenMonth).toBe(8);
    // batch has no steady usage (0 instances at night), so it stays on-demand: 73.869 + storage 40 = $113.87
    expect(Number(ri.monthlyUsd)).toBeCloseTo(113.869, 3);
    // Savings Plans rates are not in the snapshot: listed with n/a, never invented.
    const sp = rows.filter((x) => x.id.includes('savings') || x.id.includes('sp-'));
    expect(sp.length).toBe(12);
    expect(sp.every((x) => x.monthlyUsd === null)).toBe(true);
  });

  it('writes RFC 4180 CSV with one row per line', async () => {
    const r = await cli('estimate', EXAMPLE, '--format', 'csv');
    const parsed = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((d) => d.id)).toEqual(['web', 'batch']);
    expect(parsed.data[0]).toMatchObject({ computeMonthlyUsd: '280.32', storageMonthlyUsd: '32' });
  });

  it('exits 2 naming the field of an invalid scenario file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        name: 'x',
        lines: [
          {
            id: 'a',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 'four' },
          },
        ],
      }),
    );
    const r = await cli('estimate', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `estimate: ${bad}: Line 1 (a) › Instances: must be a whole number from 0 to 100,000\n`,
    );
  });

  it('exits 2 for a missing file and for a file that is not JSON', async () => {
    expect((await cli('estimate', join(dir, 'nope.json'))).stderr).toContain('cannot read');
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{"name":');
    const r = await cli('compare', notJson);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not valid JSON');
  });
});
