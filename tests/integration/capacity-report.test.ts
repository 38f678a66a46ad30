/**
 * The capacity parts of the cost report (JSON model, HTML, XLSX): a line sized from demand and the
 * quota check, on the real catalog.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportSchema } from '@shared/reports/model';
import { scenarioSchema, type ScenarioInput } from '@shared/scenario/schema';
import { reportHtml } from '../../main/reports/html';
import { createServices, type Services } from '../../main/services';

const EXAMPLES = resolve(import.meta.dirname, '..', '..', 'docs', 'examples');
const example = (name: string) =>
  scenarioSchema.parse(JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as ScenarioInput);

let dir: string;
let services: Services;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-capacity-report-'));
  services = createServices({ catalogPath: inject('catalogPath'), userDbPath: join(dir, 'user.sqlite') });
});
afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the report of docs/examples/capacity-az.json', () => {
  it('carries the sizing and the quota check, valid against the report schema', () => {
    const report = services.reports.build(example('capacity-az.json'));
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.lines[0]!.demand).toMatchObject({
      peakInstances: 39,
      instancesPerZoneAtPeak: 13,
      zones: 3,
      surviveZoneLoss: true,
      summary: '39 instances at the peak (13 per AZ × 3 AZs, surviving the loss of one)',
    });
    expect(report.lines[0]!.monthlyUsd).toBe('5466.24');
    expect(report.quotas.verdict).toBe('1 of 1 quota exceeded');
    expect(report.quotas.uses[0]).toMatchObject({ key: 'standard', peakVcpus: 156, quotaVcpus: 5 });

    const html = reportHtml(report);
    expect(html).toContain('<h2>Capacity</h2>');
    expect(html).toContain('39 instances at the peak (13 per AZ × 3 AZs, surviving the loss of one)');
    expect(html).toMatch(
      /Running On-Demand Standard \(A, C, D, H, I, M, R, T, Z\) instances<\/td><td class="nowrap">us-east-1<\/td><td class="num">156/,
    );
  });
});

describe('the report of a mix whose spot strategy exceeds the spot quota', () => {
  it('says so under the strategies, beyond what the all On-Demand reference exceeds', async () => {
    const doc = example('web-and-batch.json');
    doc.quotas = { standard: 16, 'spot-standard': 4 };
    doc.lines[1] = { ...doc.lines[1]!, interruptionTolerant: true };
    const report = services.reports.build(doc);
    const flagged = report.comparison.strategies.filter((s) => s.quotaExceeded !== null);
    // All on-demand: Standard 16 within 16. Spot where allowed: the batch line's 2 × 4 vCPU on spot;
    // the optimized plan puts it on spot too (cheapest), and says the same.
    expect(flagged.map((s) => [s.id, s.quotaExceeded])).toEqual([
      ['optimized-plan', 'Over quota: spot Standard in us-east-1 (8 vCPUs, quota 4)'],
      ['spot-where-allowed', 'Over quota: spot Standard in us-east-1 (8 vCPUs, quota 4)'],
    ]);
    expect(reportHtml(report)).toContain(
      '<li class="status-exceeds-maximum">Spot where allowed: Over quota: spot Standard in us-east-1 (8 vCPUs, quota 4)</li>',
    );

    const file = await services.reports.file(doc, { format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet('Summary')!.eachRow((row) =>
      rows.push([String(row.getCell(1).value), String(row.getCell(2).value)]),
    );
    expect(rows).toContainEqual(['Quota check', 'within every quota (1 checked)']);
    expect(rows).toContainEqual([
      'Spot where allowed',
      'Over quota: spot Standard in us-east-1 (8 vCPUs, quota 4)',
    ]);
  });
});
