import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { CSV_COLUMNS, CSV_TOTAL_ID } from '../../main/reports/csv';
import { writeFileAtomic } from '../../main/reports/write-atomic';
import { MONEY_FORMAT, PERCENT_FORMAT } from '../../main/reports/xlsx';
import { createServices, type Services } from '../../main/services';
import { REPORT_SCHEMA_PATH, reportJsonSchema } from '../../scripts/write-schemas';
import { dispatch } from '../../main/transport/dispatch';
import { Decimal } from '@shared/money';
import { reportSchema, type Report } from '@shared/reports/model';
import type { RenderedReport } from '@shared/reports/formats';
import type { ScenarioInput } from '@shared/scenario/schema';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'docs', 'examples', 'web-and-batch.json');
const PAGE_IMAGE = join(ROOT, 'tests', 'e2e', 'artifacts', 'report-page1');
const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
const pdftotext = (file: string, page?: number) =>
  execFileSync(
    'pdftotext',
    [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'],
    {
      encoding: 'utf8',
    },
  );
const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);

let dir: string;
let services: Services;
let asOf: string;
const out = (name: string) => join(dir, name);

function writeScenario(name: string, doc: ScenarioInput): string {
  const path = out(name);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

/** 60 always-on lines: enough rows for the lines table to run over several pages. */
function sixtyLines(): ScenarioInput {
  const types = ['m5.large', 'c5.xlarge', 'r5.large'];
  return {
    name: 'Sixty lines',
    lines: Array.from({ length: 60 }, (_, i) => ({
      id: `line-${String(i + 1).padStart(2, '0')}`,
      instanceType: types[i % 3]!,
      region: 'us-east-1',
      usage: { pattern: 'constant' as const, count: 1 + (i % 4) },
      volumes: [{ volumeType: 'gp3' as const, sizeGiB: 100 }],
    })),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-reports-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: out('user.sqlite') });
  asOf = (await services.handlers['catalog.meta']({})).asOf;
  for (const ext of ['pdf', 'xlsx', 'csv', 'json']) {
    const r = await cli('report', EXAMPLE, '--out', out(`web-and-batch.${ext}`));
    expect(r.code, r.stderr).toBe(0);
  }
}, 120_000);

afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('JSON report of the worked example', () => {
  it('validates against the report schema and carries the engine totals', () => {
    const report = reportSchema.parse(JSON.parse(readFileSync(out('web-and-batch.json'), 'utf8')));
    expect(report.reportVersion).toBe(1);
    expect(report.scenarioName).toBe('Web tier and nightly batch');
    expect(report.catalog.asOf).toBe(asOf);
    // web: 4 x 730 h x $0.096 = 280.32 + 4 x 100 GiB x $0.08 = 32 -> 312.32
    // batch: 50 h/week x 2 x 730/168 = 434.52 h x $0.17 = 73.869047...; + 2 x 50 GiB x $0.08 = 8 -> 81.869047...
    const monthly = new Decimal('312.32').plus(new Decimal(100).times(730).div(168).times('0.17')).plus(8);
    expect(new Decimal(report.totals.monthlyUsd).toDecimalPlaces(10).eq(monthly.toDecimalPlaces(10))).toBe(
      true,
    );
    expect(report.assumptions.usage[1]!.description).toBe(
      'Mon–Fri 08:00–18:00, 2 instances; stopped outside those hours',
    );
    // m5.large: one 125 MiB/s gp3 volume > the instance's 650 Mbps (81.25 MB/s = 77.5 MiB/s) baseline
    expect(report.lines[0]!.ebsCheck!.throughputMiBps.status).toBe('exceeds-baseline');
    expect(report.warnings.some((w) => w.scope === 'ebs' && w.lineId === 'web')).toBe(true);
  });

  it('publishes its schema in the repo exactly as the code validates it (run `npm run schema`)', () => {
    expect(readFileSync(REPORT_SCHEMA_PATH, 'utf8')).toBe(reportJsonSchema());
  });
});

describe('CSV report', () => {
  it('parses as RFC 4180 with stable columns, and the lines add up to the TOTAL row', () => {
    const text = readFileSync(out('web-and-batch.csv'), 'utf8');
    expect(text.split('\r\n').length).toBe(5); // header, 2 lines, total, trailing CRLF
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data.map((r) => r.lineId)).toEqual(['web', 'batch', CSV_TOTAL_ID]);
    const total = parsed.data.at(-1)!;
    for (const col of CSV_COLUMNS.filter((c) => c.endsWith('Usd'))) {
      const sum = parsed.data.slice(0, -1).reduce((a, r) => a.plus(r[col]!), new Decimal(0));
      expect(sum.eq(total[col]!), col).toBe(true);
    }
    expect(total.monthlyUsd).toBe('394.18904761904761905');
  });

  it('starts with a byte-order mark when asked, which CSV readers skip', async () => {
    const r = await cli('report', EXAMPLE, '--out', out('bom.csv'), '--bom');
    expect(r.code).toBe(0);
    const text = readFileSync(out('bom.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields![0]).toBe('lineId');
  });
});

describe('XLSX report', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('web-and-batch.xlsx'));
  });

  it('has Summary, Lines and Comparison sheets with frozen header rows', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Lines', 'Comparison']);
    for (const name of ['Lines', 'Comparison'])
      expect(wb.getWorksheet(name)!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('stores money as numbers in currency format and totals as SUM formulas', () => {
    const ws = wb.getWorksheet('Lines')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('Monthly') + 1;
    expect(ws.getRow(2).getCell(col).value).toBe(312.32);
    expect(ws.getRow(2).getCell(col).numFmt).toBe(MONEY_FORMAT);
    const total = ws.getRow(4).getCell(col);
    expect(total.formula).toMatch(/^SUM\([A-Z]+2:[A-Z]+3\)$/);
    expect(total.numFmt).toBe(MONEY_FORMAT);
    expect(total.result).toBeCloseTo(394.19, 2);
    expect(ws.autoFilter).toBeTruthy();
  });

  it('references the Lines totals from the Summary and formats savings as percent', () => {
    const summary = wb.getWorksheet('Summary')!;
    const formulas: string[] = [];
    summary.eachRow((row) => {
      const f = row.getCell(2).formula;
      if (f) formulas.push(f);
    });
    expect(formulas.some((f) => f.startsWith('Lines!'))).toBe(true);
    const cmp = wb.getWorksheet('Comparison')!;
    const ri = cmp.getRow(6); // after the optimized plan and all on-demand; saves 29.3%
    expect(ri.getCell(1).value).toContain('Standard RIs, 1-year, all upfront');
    expect(ri.getCell(7).numFmt).toBe(PERCENT_FORMAT);
    expect(ri.getCell(7).value).toBeCloseTo(0.293, 3);
    expect(ri.getCell(8).value).toBe('pays back in month 8');
  });
});

describe('PDF report', () => {
  it('shows the scenario, the monthly total and the as-of date, and saves a page image', () => {
    const file = out('web-and-batch.pdf');
    const text = pdftotext(file);
    expect(text).toContain('Web tier and nightly batch');
    expect(text).toContain('$394.19');
    expect(text).toContain(asOf);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(pages(file)).toBeGreaterThan(0);
    mkdirSync(join(ROOT, 'tests', 'e2e', 'artifacts'), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, PAGE_IMAGE]);
    expect(existsSync(PAGE_IMAGE + '.png')).toBe(true);
  });

  it('prints A4 and Letter, and repeats the lines table header on the next page', async () => {
    const scenario = writeScenario('sixty.json', sixtyLines());
    for (const [paper, size] of [
      ['a4', /Page size:.*\(A4\)/],
      ['letter', /Page size:\s+612 x 792 pts \(letter\)/],
    ] as const) {
      const file = out(`sixty-${paper}.pdf`);
      const r = await cli('report', scenario, '--out', file, '--paper', paper);
      expect(r.code, r.stderr).toBe(0);
      expect(pdfinfo(file)).toMatch(size);
      const n = pages(file);
      expect(n).toBeGreaterThan(2);
      const withRows = Array.from({ length: n }, (_, i) => pdftotext(file, i + 1)).filter((t) =>
        /line-\d\d\s+(m5|c5|r5)\.\S+\s+us-east-1/.test(t),
      );
      // The lines table runs over more than one page, and every such page starts with its header.
      expect(withRows.length).toBeGreaterThan(1);
      for (const t of withRows) expect(t).toContain('Instance-hours');
    }
  }, 60_000);
});

describe('bad input', () => {
  it('reports an empty scenario as a valid report saying there is nothing to price', async () => {
    const scenario = writeScenario('empty-scenario.json', { name: 'Nothing yet', lines: [] });
    expect((await cli('report', scenario, '--out', out('empty.json'))).code).toBe(0);
    const report: Report = reportSchema.parse(JSON.parse(readFileSync(out('empty.json'), 'utf8')));
    expect(report.lines).toEqual([]);
    expect(report.totals.monthlyUsd).toBe('0');
    expect((await cli('report', scenario, '--out', out('empty.pdf'))).code).toBe(0);
    expect(pdftotext(out('empty.pdf'))).toContain('no lines');
    expect((await cli('report', scenario, '--out', out('empty.xlsx'))).code).toBe(0);
  }, 30_000);

  it('shows n/a and a warning for a line whose price is missing', async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput;
    doc.lines.push({
      id: 'mystery',
      instanceType: 'zz9.huge',
      region: 'us-east-1',
      usage: { pattern: 'constant', count: 1 },
    });
    const scenario = writeScenario('missing-scenario.json', doc);
    for (const ext of ['json', 'csv', 'pdf'])
      expect((await cli('report', scenario, '--out', out(`missing.${ext}`))).code).toBe(0);
    const report = reportSchema.parse(JSON.parse(readFileSync(out('missing.json'), 'utf8')));
    expect(report.lines[2]!.computeMonthlyUsd).toBeNull();
    expect(report.totals.complete).toBe(false);
    // Said once, as a notice of its family with the way out, not as a warning of its own.
    expect(report.missingPrices).toContainEqual(
      expect.objectContaining({ family: 'instance-type', lineIds: ['mystery'], options: ['zz9.huge'] }),
    );
    expect(report.warnings.some((w) => w.message.includes('zz9.huge'))).toBe(false);
    const csv = Papa.parse<Record<string, string>>(readFileSync(out('missing.csv'), 'utf8'), {
      header: true,
    });
    expect(csv.data.find((r) => r.lineId === 'mystery')!.computeMonthlyUsd).toBe('n/a');
    const text = pdftotext(out('missing.pdf'));
    expect(text).toMatch(/mystery[\s\S]*n\/a/);
    expect(text).toContain('zz9.huge');
  }, 30_000);

  it('exits 2 for an unknown extension and writes nothing', async () => {
    const r = await cli('report', EXAMPLE, '--out', out('report.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown extension');
    expect(existsSync(out('report.txt'))).toBe(false);
  });

  it('exits 2 for an unwritable path and leaves no file behind', async () => {
    writeFileSync(out('plain-file'), 'x');
    for (const target of [out('no-such-folder/report.csv'), out('plain-file/report.csv')]) {
      const r = await cli('report', EXAMPLE, '--out', target);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('cannot write');
      expect(existsSync(target)).toBe(false);
    }
  });

  it('exits 2 for an invalid scenario, naming the field', async () => {
    const scenario = writeScenario('invalid.json', {
      name: 'Bad',
      lines: [
        { id: 'a', instanceType: 'm5.large', region: 'us-east-1', usage: { pattern: 'constant', count: -1 } },
      ],
    });
    const r = await cli('report', scenario, '--out', out('invalid.pdf'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'invalid.json: Line 1 (a) › Instances: must be a whole number from 0 to 100,000',
    );
    expect(existsSync(out('invalid.pdf'))).toBe(false);
  });

  it('leaves no temporary or partial file when the final rename fails', async () => {
    const target = out('is-a-folder.json');
    mkdirSync(target);
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('reports.render over the contract', () => {
  it('returns the file as base64 with its name and MIME type', async () => {
    const document = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as unknown;
    const r = await dispatch(services.handlers, 'reports.render', { document, format: 'xlsx' });
    expect(r.ok).toBe(true);
    const file = (r as { ok: true; value: RenderedReport }).value;
    expect(file.fileName).toMatch(/^web-tier-and-nightly-batch-cost-report-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(file.mimeType).toContain('spreadsheetml');
    writeFileSync(out('contract.xlsx'), Buffer.from(file.base64, 'base64'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('contract.xlsx'));
    expect(wb.worksheets.length).toBe(3);
  });

  it('rejects an unknown format by field', async () => {
    const r = await dispatch(services.handlers, 'reports.render', {
      document: { name: 'x', lines: [] },
      format: 'docx',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'format' } });
  });
});
