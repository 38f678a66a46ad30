import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { reportHtml } from '../../main/reports/html';
import { createServices, type Services } from '../../main/services';
import { reportSchema } from '@shared/reports/model';
import { scenarioSchema, type Scenario, type ScenarioInput } from '@shared/scenario/schema';
import type { StrategyResult } from '@shared/pricing/estimate-types';

/**
 * Every report format says a strategy's break-even in the same words as the Compare screen
 * (shared/pricing/break-even.ts): the JSON report, the XLSX Comparison sheet, the HTML the PDF is
 * printed from, the PDF's own text and the CLI's compare. The report CSV lists line items only (one
 * row per line and a TOTAL), so it carries no strategies and no break-even.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'docs', 'examples', 'web-and-batch.json');

/** One m5.large for only 100 hours a month: all-upfront RIs (paid for 8,760 hours) never pay back. */
const PART_TIME: ScenarioInput = {
  name: 'Part-time web',
  hoursPerMonth: 100,
  lines: [
    {
      id: 'web',
      name: 'Web tier',
      instanceType: 'm5.large',
      region: 'us-east-1',
      usage: { pattern: 'constant', count: 1 },
    },
  ],
};

let dir: string;
let services: Services;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-break-even-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: join(dir, 'user.sqlite') });
});

afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Break-even words by strategy label, from the XLSX Comparison sheet. */
async function xlsxWords(scenario: Scenario): Promise<Map<string, string>> {
  const file = await services.reports.file(scenario, { format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Comparison')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  const col = header.indexOf('Break-even') + 1;
  expect(col).toBeGreaterThan(0);
  const words = new Map<string, string>();
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const label = String(row.getCell(1).value).replace(/ \(cheapest\)$/, '');
    words.set(label, String(row.getCell(col).value));
  });
  return words;
}

/** Break-even words by strategy label, from the comparison table of the report's HTML. */
function htmlWords(html: string): Map<string, string> {
  const table = /<table class="comparison">([\s\S]*?)<\/table>/.exec(html)![1]!;
  const words = new Map<string, string>();
  for (const row of table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cells = [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) =>
      c[1]!.replace(/<[^>]+>/g, ''),
    );
    if (cells.length === 0) continue;
    words.set(cells[0]!.replace(/ \(cheapest\)$/, ''), cells.at(-1)!);
  }
  return words;
}

async function cliCompare(path: string): Promise<StrategyResult[]> {
  const r = await runCli(['compare', path, '--format', 'json'], { catalogPath: inject('catalogPath') });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as StrategyResult[];
}

describe.each([
  {
    title: 'the worked example (730 h a month)',
    input: () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput,
    expected: {
      'All on-demand': 'reference',
      // The plan: 4 × 949 (3-year all upfront) = 3,796 against 4 × 70.08 = 280.32 a month saved:
      // 13 months 3,644.16 < 3,796; 14 months 3,924.48.
      'Optimized plan (cheapest mix)': 'pays back in month 14',
      // 4 × 494 upfront against 4 × 70.08 a month: 7 months 1,962.24 < 1,976; 8 months 2,242.56.
      'Standard RIs, 1-year, all upfront': 'pays back in month 8',
      'Standard RIs, 1-year, no upfront': 'from the first month',
      // Neither line tolerates interruptions: spot where allowed is all on-demand.
      'Spot where allowed': 'no saving',
    },
  },
  {
    title: 'one instance 100 hours a month',
    input: () => PART_TIME,
    expected: {
      'All on-demand': 'reference',
      // The plan: a 3-year no upfront RI, 100 h × 0.041 = 4.10 against 9.60 a month.
      'Optimized plan (cheapest mix)': 'from the first month',
      // 494 upfront a year against 100 h × 0.096 = 9.60 a month.
      'Standard RIs, 1-year, all upfront': 'never pays back',
      'Standard RIs, 1-year, no upfront': 'from the first month',
      'Spot where allowed': 'no saving',
    },
  },
])('break-even words in $title', ({ input, expected }) => {
  const scenario = () => scenarioSchema.parse(input());

  it('the JSON report and the engine say the words the Compare screen shows', async () => {
    const file = await services.reports.file(scenario(), { format: 'json' });
    const report = reportSchema.parse(JSON.parse(file.bytes.toString('utf8')));
    const words = new Map(report.comparison.strategies.map((s) => [s.label, s.breakEven]));
    for (const [label, w] of Object.entries(expected)) expect(words.get(label), label).toBe(w);
    // Nothing says "month 0" or "from the start" any more.
    for (const w of words.values()) expect(w).not.toMatch(/month 0|from the start/);
  });

  it('the XLSX, the HTML, the PDF and the CLI use the same words for every strategy', async () => {
    const s = scenario();
    const report = services.reports.build(s);
    const fromModel = new Map(report.comparison.strategies.map((x) => [x.label, x.breakEven]));
    // The optimized plan, then the 26 fixed strategies.
    expect(fromModel.size).toBe(27);

    expect(await xlsxWords(s)).toEqual(fromModel);
    expect(htmlWords(reportHtml(report))).toEqual(fromModel);

    const path = join(dir, `${s.name}.json`);
    writeFileSync(path, JSON.stringify(s));
    const cli = await cliCompare(path);
    expect(new Map(cli.map((x) => [x.label, x.breakEven]))).toEqual(fromModel);

    const pdf = join(dir, `${s.name}.pdf`);
    writeFileSync(pdf, (await services.reports.file(s, { format: 'pdf' })).bytes);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const [label, w] of Object.entries(expected)) {
      // The comparison table's row (the charts' legends name strategies too, without figures).
      const row = text.split('\n').find((l) => l.trimStart().startsWith(label) && l.includes('%'));
      expect(row, label).toContain(w);
    }
  }, 60_000);
});
