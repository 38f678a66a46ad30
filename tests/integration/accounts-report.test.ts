import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { reportHtml } from '../../main/reports/html';
import { Decimal } from '@shared/money';
import { reportSchema, type Report } from '@shared/reports/model';

/**
 * Reports of two accounts (real catalog, us-east-1 Linux m5.large): A buys 2 Standard 1-year No
 * Upfront RIs ($0.06/h each) and runs 1 m5.large; B, sharing off, runs 1 on On-Demand at $0.096/h.
 * A: 2 × $0.06 × 730 = $87.60 a month; B: 730 × $0.096 = $70.08; together $157.68.
 */
const cli = (args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
const constant = { pattern: 'constant', count: 1 };
let dir: string;
let scenario: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-accounts-report-'));
  scenario = join(dir, 'org.json');
  writeFileSync(
    scenario,
    JSON.stringify({
      name: 'org',
      accounts: [
        { id: 'a', name: 'Platform' },
        { id: 'b', sharing: false },
      ],
      lines: [
        {
          id: 'a-web',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: constant,
          purchase: { model: 'reserved', termYears: 1, paymentOption: 'no-upfront', count: 2 },
        },
        { id: 'b-web', instanceType: 'm5.large', region: 'us-east-1', usage: constant, account: 'b' },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function reportFile(ext: string): Promise<string> {
  const out = join(dir, `report.${ext}`);
  const r = await cli(['report', scenario, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}
const report = async (ext: string) => readFileSync(await reportFile(ext), 'utf8');

describe('reports show cost per account', () => {
  it('JSON and HTML: each account’s totals, adding up to the report’s', async () => {
    const rep: Report = reportSchema.parse(JSON.parse(await report('json')));
    expect(rep.accounts?.map((a) => [a.id, a.sharing, a.lineIds, a.monthlyUsd])).toEqual([
      ['a', true, ['a-web'], '87.6'],
      ['b', false, ['b-web'], '70.08'],
    ]);
    const sum = rep.accounts!.reduce((s, a) => s.plus(a.threeYearUsd), new Decimal(0));
    expect(sum.toString()).toBe(new Decimal(rep.totals.threeYearUsd).toString());
    const html = reportHtml(rep);
    expect(html).toContain('<h2>Cost per account</h2>');
    expect(html).toMatch(/data-account="b"><td>b<\/td><td>off<\/td><td>b-web<\/td><td class="num">\$70\.08/);
  });

  it('CSV: each line’s account in the account column', async () => {
    const rows = Papa.parse<Record<string, string>>(await report('csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => [r.lineId, r.account])).toEqual([
      ['a-web', 'a'],
      ['b-web', 'b'],
      ['TOTAL', ''],
    ]);
  });

  it('XLSX: an Accounts sheet, one row per account with its money as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await reportFile('xlsx'));
    const ws = wb.getWorksheet('Accounts')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Account');
    expect([2, 3].map((r) => [1, 2, 3, 4].map((c) => ws.getRow(r).getCell(c).value))).toEqual([
      ['Platform (a)', 'on', 'a-web', 87.6],
      ['b', 'off', 'b-web', 70.08],
    ]);
  });
});
