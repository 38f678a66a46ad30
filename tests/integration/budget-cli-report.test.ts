import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { cumulativeChart } from '../../main/reports/svg-charts';
import { reportHtml } from '../../main/reports/html';
import type { ScenarioEstimate, StrategyResult } from '@shared/pricing/estimate-types';
import { reportSchema, type Report } from '@shared/reports/model';

/**
 * The budget through the CLI (--budget-usd) and in every report format, on web-and-batch
 * (On-Demand $394.19 a month; see tests/unit/pricing/budget.test.ts for the arithmetic).
 */
const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json');
const catalogPath = inject('catalogPath');
let dir: string;
let budgeted: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-budget-'));
  budgeted = join(dir, 'budgeted.json');
  const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  writeFileSync(budgeted, JSON.stringify({ ...doc, budget: { monthlyUsd: '400' } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(args, { catalogPath });

describe('CLI --budget-usd', () => {
  it('estimate: sets the budget with the default thresholds and says what crosses', async () => {
    const r = await cli(['estimate', EXAMPLE, '--budget-usd', '400']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Budget: $394.19 of $400.00 (98.5 %) a month');
    expect(r.stdout).toContain('80 % actual ($320.00): crossed in months 1–36, around day 25 of each month');
    expect(r.stdout).toContain('100 % forecasted ($400.00): not crossed');
    const json = await cli(['estimate', EXAMPLE, '--budget-usd', '300', '--format', 'json']);
    const e = JSON.parse(json.stdout) as ScenarioEstimate;
    expect(e.budget?.thresholds.map((t) => t.crossed)).toEqual([true, true]);
  });

  it('replaces the amount of a scenario that has a budget, keeping its thresholds', async () => {
    const own = join(dir, 'own.json');
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      own,
      JSON.stringify({ ...doc, budget: { monthlyUsd: '1', thresholds: [{ pct: 50, basis: 'forecasted' }] } }),
    );
    const e = JSON.parse(
      (await cli(['estimate', own, '--budget-usd', '1000', '--format', 'json'])).stdout,
    ) as ScenarioEstimate;
    // 50 % of $1,000 = $500 > $394.19: within.
    expect(e.budget).toMatchObject({
      budgetUsd: '1000',
      within: true,
      thresholds: [{ pct: 50, basis: 'forecasted' }],
    });
  });

  it("compare: a column naming each strategy's crossings", async () => {
    const r = await cli(['compare', EXAMPLE, '--budget-usd', '400']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Budget thresholds crossed');
    const ri3 = r.stdout.split('\n').find((l) => l.startsWith('Standard RIs, 3-year, all upfront'))!;
    expect(ri3).toContain('80 % actual: month 1; 100 % forecasted: month 1');
    const ri1 = r.stdout.split('\n').find((l) => l.startsWith('Standard RIs, 1-year, all upfront'))!;
    expect(ri1).toContain('80 % actual: months 1, 13, 25');
    const rows = JSON.parse(
      (await cli(['compare', EXAMPLE, '--budget-usd', '400', '--format', 'json'])).stdout,
    ) as StrategyResult[];
    expect(rows.find((s) => s.id === 'reserved-standard-3y-no-upfront')?.budget?.within).toBe(true);
  });

  it.each([
    ['0', 'must be more than 0'],
    ['abc', 'must be a decimal number'],
    ['1e3', 'must be a decimal number'],
  ])('refuses --budget-usd %s with exit 2, naming the flag', async (value, words) => {
    const r = await cli(['compare', EXAMPLE, `--budget-usd=${value}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--budget-usd: ${words}`);
    expect(r.stderr).toContain('Monthly budget ($)');
    expect(r.stdout).toBe('');
  });

  it('a bad budget inside the file is refused by its label', async () => {
    const bad = join(dir, 'bad.json');
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      bad,
      JSON.stringify({ ...doc, budget: { monthlyUsd: '400', thresholds: [{ pct: 2000, basis: 'actual' }] } }),
    );
    const r = await cli(['estimate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Threshold');
  });
});

describe('reports carry the budget', () => {
  async function report(ext: string): Promise<string> {
    const out = join(dir, `report.${ext}`);
    const r = await cli(['report', budgeted, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    return out;
  }

  it("JSON: the budget, its thresholds and each strategy's crossings", async () => {
    const rep: Report = reportSchema.parse(JSON.parse(readFileSync(await report('json'), 'utf8')));
    expect(rep.budget).toMatchObject({ budgetUsd: '400', usedPct: '98.5', within: false });
    expect(rep.budget?.thresholds.map((t) => [t.pct, t.basis, t.crossed, t.months.length])).toEqual([
      [80, 'actual', true, 36],
      [100, 'forecasted', false, 0],
    ]);
    expect(rep.comparison.strategies.find((s) => s.id === 'reserved-standard-3y-all-upfront')?.budget).toBe(
      '80 % actual: month 1; 100 % forecasted: month 1',
    );
    // HTML (the PDF's source): the section and the budget line on the cumulative chart, 400 × 36 at month 36.
    const html = reportHtml(rep);
    expect(html).toContain('<h2>Budget</h2>');
    expect(html).toContain('Budget thresholds crossed');
    const svg = cumulativeChart(rep);
    expect(svg).toContain('data-budget-line');
    expect(svg).toContain('Budget $400.00/month');
  });

  it('CSV: the TOTAL row names the budget and the thresholds crossed', async () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(await report('csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const total = rows.find((r) => r.lineId === 'TOTAL')!;
    expect(total.budgetUsdPerMonth).toBe('400');
    expect(total.budgetThresholdsCrossed).toBe(
      '80 % actual ($320.00): crossed in months 1–36, around day 25 of each month',
    );
    expect(rows.find((r) => r.lineId === 'web')?.budgetUsdPerMonth).toBe('');
  });

  it('XLSX: the Summary rows and the Comparison column', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await report('xlsx'));
    const summary = wb.getWorksheet('Summary')!;
    const cells: string[] = [];
    summary.eachRow((row) => cells.push(row.values ? JSON.stringify(row.values) : ''));
    expect(cells.some((c) => c.includes('Monthly budget') && c.includes('400'))).toBe(true);
    expect(cells.some((c) => c.includes('100 % forecasted ($400.00): not crossed'))).toBe(true);
    const cmp = wb.getWorksheet('Comparison')!;
    expect(cmp.getRow(1).getCell(11).value).toBe('Budget thresholds crossed');
    const ri3 = [...Array(cmp.rowCount).keys()]
      .map((i) => cmp.getRow(i + 1))
      .find((r) => String(r.getCell(1).value).startsWith('Standard RIs, 3-year, all upfront'))!;
    expect(ri3.getCell(11).value).toBe('80 % actual: month 1; 100 % forecasted: month 1');
  });

  it('PDF: the budget section is in the printed text', async () => {
    const text = execFileSync('pdftotext', [await report('pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('100 % forecasted ($400.00): not crossed');
    expect(text).toContain('Budget $400.00/month');
    expect(text).toContain('Budget thresholds');
  }, 60_000);
});
