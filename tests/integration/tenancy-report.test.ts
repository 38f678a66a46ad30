import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithPlan } from '@shared/optimizer/plan-strategy';
import { Decimal } from '@shared/money';
import { estimateScenario } from '@shared/pricing/estimate';
import type { PriceBook } from '@shared/pricing/price-book';
import { buildReport, reportSchema, type Report } from '@shared/reports/model';
import { scenarioSchema, type Scenario } from '@shared/scenario/schema';
import { CSV_COLUMNS, CSV_TOTAL_ID, reportCsv } from '../../main/reports/csv';
import { reportHtml, footerTemplate } from '../../main/reports/html';
import { reportJson } from '../../main/reports/json';
import { renderPdfWithChromium } from '../../main/reports/pdf';
import { reportXlsx } from '../../main/reports/xlsx';
import { TENANCY_SHEET } from '../../main/reports/tenancy-xlsx';
import { tenancyBook } from '../unit/pricing/tenancy-book';

/**
 * Reports of docs/examples/dedicated-and-hosts.json priced in-process from tenancy-book.ts (real AWS
 * figures):
 * - byol: 2 × r7i.2xlarge Windows BYOL Dedicated eu-central-1, 2 × $0.70224 × 730 = $1,025.2704, plus the
 *   Dedicated per-Region fee 730 h × $2 = $1,460: line $2,485.2704.
 * - hosts: 10 × i2.xlarge on i2 hosts in us-east-2, On-Demand: ceil(10 ÷ 8) = 2 hosts × $7.502 × 730 =
 *   $10,952.92 (the instances on them pay $0 per hour).
 */
const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'dedicated-and-hosts.json');
const scenario: Scenario = scenarioSchema.parse(JSON.parse(readFileSync(EXAMPLE, 'utf8')));

function reportOf(s: Scenario, book: PriceBook): Report {
  const sources = Object.entries(book.sourceDates ?? {}).map(([id, asOf]) => ({ id, name: id, asOf }));
  return buildReport(
    s,
    estimateScenario(s, book),
    compareWithPlan(s, book),
    { source: 'tenancy book', asOf: '2026-11-29', sources },
    {},
    '2026-11-29T12:00:00.000Z',
  );
}

const report = reportOf(scenario, tenancyBook());

/** The workbook as a reader opens it: written to a file, read back. */
async function workbookOf(r: Report, name: string): Promise<ExcelJS.Workbook> {
  const file = join(dir, name);
  writeFileSync(file, await reportXlsx(r));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-tenancy-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report model of Dedicated Instances and Dedicated Hosts', () => {
  it('JSON: each line’s tenancy, its hosts and fee with the working, valid against the report schema', () => {
    const json = reportSchema.parse(JSON.parse(reportJson(report)));
    const [byol, hosts] = json.lines;
    expect(byol).toMatchObject({
      tenancy: 'dedicated',
      os: 'windows-byol',
      monthlyUsd: '2485.2704',
      dedicatedHost: null,
      dedicatedFee: { region: 'eu-central-1', billedHours: 730, hourlyUsd: '2', monthlyUsd: '1460' },
    });
    expect(hosts).toMatchObject({
      tenancy: 'host',
      purchase: 'Dedicated Hosts, On-Demand',
      monthlyUsd: '10952.92',
      dedicatedFee: null,
      dedicatedHost: {
        family: 'i2',
        instancesPerHost: 8,
        peakInstances: 10,
        hosts: 2,
        purchase: 'On-Demand',
        hostHourlyUsd: '7.502',
        upfrontUsd: '0',
        monthlyUsd: '10952.92',
      },
    });
    expect(hosts!.dedicatedHost!.working).toContain('ceil(10 i2.xlarge ÷ 8 per host) = 2 hosts');
    expect(json.totals.monthlyUsd).toBe('13438.1904');
    expect(json.assumptions).toMatchObject({
      tenancy: 'mixed',
      tenancies: ['dedicated', 'host'],
      operatingSystems: ['linux', 'windows-byol'],
    });
    expect(json.assumptions.notes[1]).toMatch(
      /^USD list prices, tenancy Dedicated Instance, Dedicated Host;/,
    );
    expect(json.assumptions.notes.some((n) => n.includes('Dedicated per-Region fee'))).toBe(true);
    expect(
      json.assumptions.notes.some((n) => n.includes('ceil(peak instances ÷ instances one host holds)')),
    ).toBe(true);
  });

  it('a scenario on shared tenancy says so, and has no dedicated parts', () => {
    const shared = scenarioSchema.parse({
      name: 'shared',
      lines: [
        {
          id: 'web',
          instanceType: 'i2.xlarge',
          region: 'us-east-2',
          usage: { pattern: 'constant', count: 1 },
        },
      ],
    });
    const r = reportSchema.parse(reportOf(shared, tenancyBook()));
    expect(r.assumptions).toMatchObject({ tenancy: 'shared', tenancies: ['shared'] });
    expect(r.assumptions.notes[1]).toMatch(/^USD list prices, shared tenancy;/);
    expect(r.lines[0]).toMatchObject({ tenancy: 'shared', dedicatedHost: null, dedicatedFee: null });
    expect(reportHtml(r)).not.toContain('Dedicated tenancy');
  });
});

describe('renderers', () => {
  it('HTML: the OS and tenancy by name, the host working and the fee', () => {
    const html = reportHtml(report);
    expect(html).toContain('<h2>Dedicated tenancy</h2>');
    expect(html).toContain('Windows BYOL<br>Dedicated Instance');
    expect(html).toContain('<tr><th>Tenancy</th><td>Dedicated Instance, Dedicated Host</td></tr>');
    expect(html).toContain('<tr><th>Operating systems</th><td>Linux, Windows BYOL</td></tr>');
    expect(html).toMatch(
      /data-host="hosts">.*<td>On-Demand<\/td><td class="num">8<\/td><td class="num">2<\/td><td class="num">\$7\.502\/h<\/td><td class="num">\$0\.00<\/td><td class="num">\$10,952\.92/,
    );
    expect(html).toContain(
      'i2 Dedicated Host, On-Demand: ceil(10 i2.xlarge ÷ 8 per host) = 2 hosts; 2 × $7.502/h × 730 h = $10,952.92/month',
    );
    expect(html).toMatch(
      /data-fee="byol"><td>Windows BYOL app servers<\/td><td class="nowrap">eu-central-1<\/td><td>—<\/td><td>byol<\/td><td class="num">730<\/td><td class="num">\$2\.00\/h<\/td><td class="num">\$1,460\.00/,
    );
    expect(html).toContain('730 h × $2/h = $1,460.00/month');
    expect(html).toContain('$2,485.27');
  });

  it('XLSX: the Lines sheet’s OS, tenancy and dedicated parts, and a Dedicated sheet with the working', async () => {
    const wb = await workbookOf(report, 'dedicated.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Lines', 'Comparison', TENANCY_SHEET]);
    const lines = wb.getWorksheet('Lines')!;
    const header = (lines.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => lines.getRow(row).getCell(header.indexOf(name) + 1);
    expect([2, 3].map((r) => [cell(r, 'OS').value, cell(r, 'Tenancy').value])).toEqual([
      ['Windows BYOL', 'Dedicated Instance'],
      ['Linux', 'Dedicated Host'],
    ]);
    expect(cell(2, 'Monthly').value).toBe(2485.2704);
    expect(cell(2, 'Dedicated fee monthly').value).toBe(1460);
    expect(cell(2, 'Dedicated Hosts monthly').value).toBe('');
    expect(cell(3, 'Dedicated Hosts monthly').value).toBe(10952.92);
    expect(cell(4, 'Dedicated Hosts monthly').formula).toMatch(/^SUM\(/);
    expect(cell(4, 'Dedicated fee monthly').result).toBe(1460);
    const sheet = wb.getWorksheet(TENANCY_SHEET)!;
    const cols = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (r: number) =>
      Object.fromEntries(cols.map((c, i) => [c, sheet.getRow(r).getCell(i + 1).value]));
    expect(row(3)).toMatchObject({
      Line: 'hosts',
      Part: 'Dedicated Host',
      'Host family': 'i2',
      'Instances per host': 8,
      'Peak instances': 10,
      Hosts: 2,
      Purchase: 'On-Demand',
      'Rate per hour': 7.502,
      Upfront: 0,
      Monthly: 10952.92,
    });
    expect(row(3).Working).toContain('ceil(10 i2.xlarge ÷ 8 per host) = 2 hosts');
    expect(row(2)).toMatchObject({
      Line: 'byol',
      Part: 'Dedicated per-Region fee',
      Region: 'eu-central-1',
      'Billed hours': 730,
      'Rate per hour': 2,
      Monthly: 1460,
    });
    const summary: Record<string, unknown> = {};
    wb.getWorksheet('Summary')!.eachRow((r) => (summary[String(r.getCell(1).value)] = r.getCell(2).value));
    expect(summary['Tenancy']).toBe('Dedicated Instance, Dedicated Host');
    expect(summary['Operating systems']).toBe('Linux, Windows BYOL');
  });

  it('CSV: tenancy and dedicated columns at the end, adding up to the TOTAL row', () => {
    const parsed = Papa.parse<Record<string, string>>(reportCsv(report), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(CSV_COLUMNS.slice(-6)).toEqual([
      'tenancy',
      'dedicatedHosts',
      'dedicatedHostUpfrontUsd',
      'dedicatedHostMonthlyUsd',
      'dedicatedFeeMonthlyUsd',
      'dedicatedWorking',
    ]);
    const pick = (r: Record<string, string>) => [
      r.lineId,
      r.tenancy,
      r.dedicatedHosts,
      r.dedicatedHostMonthlyUsd,
      r.dedicatedFeeMonthlyUsd,
      r.monthlyUsd,
    ];
    expect(parsed.data.map(pick)).toEqual([
      ['byol', 'dedicated', '', '0', '1460', '2485.2704'],
      ['hosts', 'host', '2', '10952.92', '0', '10952.92'],
      [CSV_TOTAL_ID, '', '2', '10952.92', '1460', '13438.1904'],
    ]);
    expect(parsed.data[0]!.dedicatedWorking).toContain('730 h × $2/h = $1,460.00/month');
    const total = parsed.data.at(-1)!;
    for (const col of CSV_COLUMNS.filter((c) => c.endsWith('Usd'))) {
      const sum = parsed.data.slice(0, -1).reduce((a, r) => a.plus(r[col]!), new Decimal(0));
      expect(sum.eq(total[col]!), col).toBe(true);
    }
  });

  it('n/a when the catalog lacks the host and fee prices, with the way out in the working', async () => {
    const r = reportOf(scenario, tenancyBook({ fees: false, hosts: false }));
    expect(
      r.lines.map((l) => [l.monthlyUsd, l.dedicatedHost?.monthlyUsd, l.dedicatedFee?.monthlyUsd]),
    ).toEqual([
      [null, undefined, null],
      [null, null, undefined],
    ]);
    expect(r.missingPrices.map((m) => m.family)).toEqual(
      expect.arrayContaining(['dedicated-host', 'dedicated-fee']),
    );
    const html = reportHtml(r);
    expect(html).toContain('i2 Dedicated Host, On-Demand: n/a — import AWS&#39;s price files');
    expect(html).toContain('rate n/a — import AWS&#39;s price files');
    const rows = Papa.parse<Record<string, string>>(reportCsv(r), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((x) => [x.dedicatedHosts, x.dedicatedHostMonthlyUsd, x.dedicatedFeeMonthlyUsd])).toEqual([
      ['', '0', 'n/a'],
      ['n/a', 'n/a', '0'],
      ['0', '0', '0'],
    ]);
    const wb = await workbookOf(r, 'dedicated-na.xlsx');
    const fee = wb.getWorksheet(TENANCY_SHEET)!.getRow(2);
    expect([fee.getCell(2).value, fee.getCell(13).value]).toEqual(['Dedicated per-Region fee', 'n/a']);
  });

  it('PDF: the Dedicated tenancy section prints with its working', async () => {
    const file = join(dir, 'dedicated.pdf');
    writeFileSync(file, await renderPdfWithChromium(reportHtml(report), 'a4', footerTemplate(report)));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Dedicated tenancy');
    expect(text).toMatch(/ceil\(10 i2\.xlarge ÷ 8 per host\) = 2 hosts/);
    expect(text).toContain('$10,952.92');
    expect(text).toContain('$2,485.27');
  }, 60_000);
});

describe('a Dedicated Host Reservation', () => {
  it('says its term and payment, its upfront for every host and the month it amortizes to', async () => {
    // m4 host in eu-west-2 (tenancy-book.ts: 11 xlarge per host; AWS CLI reference's 3-year Partial
    // Upfront 12,720 + 0.484/h): ceil(12 ÷ 11) = 2 hosts; upfront 2 × 12,720 = 25,440; monthly
    // 2 × 0.484 × 730 = 706.64; amortized 706.64 + 25,440 ÷ 36 = 1,413.306…
    const s = scenarioSchema.parse({
      name: 'm4 hosts',
      lines: [
        {
          id: 'm4',
          instanceType: 'm4.xlarge',
          region: 'eu-west-2',
          tenancy: 'host',
          usage: { pattern: 'constant', count: 12 },
          purchase: { model: 'reserved', termYears: 3, paymentOption: 'partial-upfront' },
        },
      ],
    });
    const r = reportSchema.parse(reportOf(s, tenancyBook()));
    expect(r.assumptions.tenancy).toBe('host');
    expect(r.lines[0]).toMatchObject({
      purchase: 'Dedicated Host Reservation, 3-year, partial upfront',
      upfrontUsd: '25440',
      dedicatedHost: {
        hosts: 2,
        purchaseKind: 'reservation',
        termYears: 3,
        paymentOption: 'partial-upfront',
        upfrontUsd: '25440',
        monthlyUsd: '706.64',
      },
    });
    expect(Number(r.lines[0]!.dedicatedHost!.amortizedMonthlyUsd)).toBeCloseTo(1413.3067, 4);
    const html = reportHtml(r);
    expect(html).toMatch(
      /data-host="m4">.*<td>Dedicated Host Reservation, 3-year, partial upfront<\/td>.*\$25,440\.00.*\$706\.64.*\$1,413\.31/,
    );
    const wb = await workbookOf(r, 'm4.xlsx');
    const row = wb.getWorksheet(TENANCY_SHEET)!.getRow(2);
    expect([row.getCell(8).value, row.getCell(12).value, row.getCell(13).value]).toEqual([2, 25440, 706.64]);
  });
});
