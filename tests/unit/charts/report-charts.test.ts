import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../../main/cli';
import { costByLineChart, cumulativeChart, cumulativeSeries } from '../../../main/reports/svg-charts';
import { COST_PART_COLORS, REFERENCE_SERIES_COLOR, STRATEGY_SERIES_COLORS } from '@shared/charts/palette';
import { Decimal, formatUsd } from '@shared/money';
import { reportSchema, type Report } from '@shared/reports/model';

/** The report's SVG charts draw what the app's charts draw: the shared series, colours and ticks. */

const EXAMPLE = resolve(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'web-and-batch.json');
let dir: string;

async function reportOf(scenarioPath: string): Promise<Report> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const r = await runCli(['report', scenarioPath, '--out', out], { catalogPath: inject('catalogPath') });
  expect(r.code, r.stderr).toBe(0);
  return reportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-report-charts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report charts', () => {
  it('draws cumulative cash with on-demand dashed grey, the RI line in the first series colour, ticks to $15k', async () => {
    const report = await reportOf(EXAMPLE);
    const series = cumulativeSeries(report);
    expect(series.map((s) => [s.id, s.color, s.reference])).toEqual([
      ['on-demand', REFERENCE_SERIES_COLOR, true],
      ['reserved-standard-3y-all-upfront', STRATEGY_SERIES_COLORS[0], false],
    ]);
    const svg = cumulativeChart(report);
    expect(svg).toContain(`stroke="${REFERENCE_SERIES_COLOR}" stroke-width="2" stroke-dasharray="6 4"`);
    expect(svg).toContain(`stroke="${STRATEGY_SERIES_COLORS[0]}" stroke-width="1.75"/>`);
    // On-demand reaches $14,190.81 at month 36: steps of $5k up to $15k, labelled short.
    const ticks = [...svg.matchAll(/text-anchor="end" fill="[^"]+">([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['$0', '$5k', '$10k', '$15k']);
    // The 3-year all-upfront RIs catch up with on-demand in month 14: one dot, one label.
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).toContain('>pays back in month 14<');
  });

  it('stacks the upfront spread over its term and labels each bar with the amortized monthly cost', async () => {
    const scenario = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    scenario.lines[0].purchase = {
      model: 'reserved',
      termYears: 1,
      paymentOption: 'all-upfront',
      offeringClass: 'standard',
      count: 4,
    };
    const path = join(dir, 'upfront.json');
    writeFileSync(path, JSON.stringify(scenario));
    const report = await reportOf(path);
    const web = report.lines.find((l) => l.id === 'web')!;
    expect(new Decimal(web.amortizedMonthlyUsd!).gt(web.monthlyUsd!)).toBe(true);

    const svg = costByLineChart(report);
    expect(svg).toContain(`fill="${COST_PART_COLORS.upfront}"`);
    expect(svg).toContain('>Upfront (amortized)<');
    expect(svg).toContain(`>${formatUsd(new Decimal(web.amortizedMonthlyUsd!))}<`);
    expect(svg).toContain('>Web tier (m5.large)<'); // the line's name, as in the app
    // The web bar's upfront part is (amortized − monthly) of the axis span (720 − 150 − 80 px).
    const ticks = [...svg.matchAll(/text-anchor="middle" fill="[^"]+">\$([^<]+)</g)].map((m) => m[1]);
    const axisMax = Number(ticks[ticks.length - 1]);
    const upfrontPx =
      new Decimal(web.amortizedMonthlyUsd!).minus(web.monthlyUsd!).toNumber() * (490 / axisMax);
    const rect = new RegExp(`width="([\\d.]+)" height="13" fill="${COST_PART_COLORS.upfront}"`).exec(svg)!;
    expect(Number(rect[1])).toBeCloseTo(upfrontPx, 0);
  });
});
