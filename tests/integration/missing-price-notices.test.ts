import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { reportHtml } from '../../main/reports/html';
import { createServices, type Services } from '../../main/services';
import { dispatch } from '../../main/transport/dispatch';
import type { StrategyResult } from '@shared/pricing/estimate-types';
import { reportSchema } from '@shared/reports/model';
import { scenarioSchema } from '@shared/scenario/schema';
import type { ScenarioInput } from '@shared/scenario/schema';

// The shipped catalog holds no Savings Plans rates (and no Partial Upfront RIs): a report of the example
// scenario used to say "no Savings Plans rate for …" 24 times, one per strategy and line; now each
// missing family is one notice with its way out, naming its lines once.
const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'docs', 'examples', 'web-and-batch.json');
const SP_TITLE = 'Savings Plans rates are not in this catalog';
const SP_WAY_OUT = 'Update from AWS, or import the Savings Plans file';

let dir: string;
let services: Services;
const out = (name: string) => join(dir, name);
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
const count = (text: string, what: string) => text.split(what).length - 1;
/** Text flowed onto one line (a PDF breaks lines anywhere). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The example with its web line buying a Compute Savings Plan: the estimate itself lacks a price. */
function spScenario(): string {
  const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput;
  doc.lines[0]!.purchase = {
    model: 'savings-plan',
    planType: 'compute',
    termYears: 1,
    paymentOption: 'no-upfront',
  };
  const path = out('sp.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-notices-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: out('user.sqlite') });
  for (const ext of ['pdf', 'xlsx', 'csv', 'json']) {
    const r = await cli('report', EXAMPLE, '--out', out(`example.${ext}`));
    expect(r.code, r.stderr).toBe(0);
  }
  for (const ext of ['csv', 'json']) {
    const r = await cli('report', spScenario(), '--out', out(`sp.${ext}`));
    expect(r.code, r.stderr).toBe(0);
  }
}, 120_000);

afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('missing prices: one notice per family, with the way out', () => {
  it('gives every Savings Plan strategy the family, not a warning per line and option', async () => {
    const r = await dispatch(services.handlers, 'pricing.compare', {
      document: JSON.parse(readFileSync(EXAMPLE, 'utf8')) as unknown,
    });
    if (!r.ok) throw new Error(r.error.message);
    const plans = (r.value as StrategyResult[]).filter((s) => s.id.startsWith('savings-plan-'));
    expect(plans).toHaveLength(12);
    for (const s of plans) {
      expect(s.complete).toBe(false);
      // The web line (4 steady instances) commits; the batch line's steady usage is 0, so it buys none.
      expect(s.missingPrices).toEqual([
        {
          family: 'savings-plan',
          lines: ['web'],
          scopes: [{ region: 'us-east-1', os: 'linux' }],
          options: [s.label],
          qualifiers: [],
        },
      ]);
      expect(s.warnings.map((w) => w.message)).toEqual([
        `${s.label} cannot be fully priced: 1 line(s) lack a price (${SP_TITLE})`,
      ]);
    }
  });

  it('says the Savings Plans notice once in the PDF, naming the web line once', () => {
    const text = flat(pdftotext(out('example.pdf')));
    expect(count(text, 'no Savings Plans rate')).toBe(0); // was 24
    expect(count(text, SP_TITLE)).toBe(1);
    const notice = text.slice(text.indexOf(SP_TITLE), text.indexOf('Warnings', text.indexOf(SP_TITLE)));
    expect(notice).toContain(`${SP_WAY_OUT} (on the app's Data screen)`);
    expect(count(notice, 'Lines: Web tier.')).toBe(1);
    expect(count(notice, 'Web tier')).toBe(1);
    expect(count(notice, 'Savings Plan, ')).toBe(12); // the 12 plans it leaves n/a, each named once
    // The other families are their own notices, once each.
    expect(
      count(
        text,
        'Partial upfront Standard and Convertible Reserved Instance prices are not in this catalog',
      ),
    ).toBe(1);
    expect(count(text, 'cannot be fully priced')).toBe(0);
  }, 30_000);

  it('says it once in the HTML, the XLSX and the JSON model', async () => {
    const doc = scenarioSchema.parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    const html = flat(reportHtml(services.reports.build(doc)));
    expect(count(html, SP_TITLE)).toBe(1);
    expect(count(html, 'no Savings Plans rate')).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('example.xlsx'));
    const cells: string[] = [];
    wb.getWorksheet('Summary')!.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string') cells.push(c.value);
      }),
    );
    expect(cells.filter((c) => c.includes(SP_TITLE))).toHaveLength(2); // the row's label and its text
    expect(cells.filter((c) => c.includes('no Savings Plans rate'))).toHaveLength(0);

    const report = reportSchema.parse(JSON.parse(readFileSync(out('example.json'), 'utf8')));
    const sp = report.missingPrices.filter((m) => m.family === 'savings-plan');
    expect(sp).toHaveLength(1);
    expect(sp[0]).toMatchObject({
      title: SP_TITLE,
      wayOut: SP_WAY_OUT,
      scopes: 'us-east-1 Linux',
      lineIds: ['web'],
      lineNames: ['Web tier'],
      estimateLineIds: [],
    });
    expect(sp[0]!.strategies).toHaveLength(12);
    expect(report.warnings.filter((w) => /Savings Plans? rate/.test(w.message))).toEqual([]);
  });

  it('notes it in the CSV: the line that lacks it, and the way out once on the TOTAL row', () => {
    const csv = Papa.parse<Record<string, string>>(readFileSync(out('sp.csv'), 'utf8'), { header: true });
    const rows = csv.data.filter((r) => r.lineId);
    expect(rows.find((r) => r.lineId === 'web')!.missingPrices).toBe(SP_TITLE);
    expect(rows.find((r) => r.lineId === 'batch')!.missingPrices).toBe('');
    expect(rows.find((r) => r.lineId === 'TOTAL')!.missingPrices).toBe(`${SP_TITLE} — ${SP_WAY_OUT}`);
    const report = reportSchema.parse(JSON.parse(readFileSync(out('sp.json'), 'utf8')));
    expect(report.missingPrices.find((m) => m.family === 'savings-plan')!.estimateLineIds).toEqual(['web']);
    // The example as planned (all On-Demand) lacks nothing: its CSV notes nothing.
    const plain = Papa.parse<Record<string, string>>(readFileSync(out('example.csv'), 'utf8'), {
      header: true,
    });
    expect(plain.data.filter((r) => r.lineId).every((r) => r.missingPrices === '')).toBe(true);
  });

  it('says it once under the CLI estimate and compare tables', async () => {
    const estimate = await cli('estimate', spScenario());
    expect(count(estimate.stdout, SP_TITLE)).toBe(1);
    expect(estimate.stdout).toContain(`${SP_TITLE} (us-east-1 Linux) — ${SP_WAY_OUT}. Lines: Web tier.`);
    expect(count(estimate.stdout, 'no Savings Plans rate')).toBe(0);
    const compare = await cli('compare', EXAMPLE);
    expect(count(compare.stdout, SP_TITLE)).toBe(1);
  });
});
