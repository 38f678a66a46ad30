import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../main/cli';
import { reportHtml } from '../../main/reports/html';
import { Decimal, toUsdString } from '@shared/money';
import { reportSchema, type Report } from '@shared/reports/model';

/** Reports of web-and-batch with Business Support (On-Demand 394.19 USD a month: the 100 USD minimum). */
const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json');
const cli = (args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });
let dir: string;
let supported: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-support-report-'));
  supported = join(dir, 'business.json');
  const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  writeFileSync(supported, JSON.stringify({ ...doc, support: 'business' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(ext: string, file = supported): Promise<string> {
  const out = join(dir, `${ext}-${Math.random().toString(36).slice(2)}.${ext}`);
  const r = await cli(['report', file, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('reports carry the AWS Support plan', () => {
  it('JSON and HTML: the fee with its arithmetic, the totals with it, each strategy on its own charges', async () => {
    const rep: Report = reportSchema.parse(JSON.parse(readFileSync(await report('json'), 'utf8')));
    expect(rep.support).toMatchObject({
      plan: 'business',
      supportMonthlyUsd: '100',
      threeYearUsd: '3600',
      asOf: '2026-11-29',
    });
    expect(rep.support!.threeYearWithSupportUsd).toBe(
      toUsdString(new Decimal(rep.totals.threeYearUsd).plus(3600)),
    );
    expect(rep.support!.arithmetic).toContain('greater of 100 USD minimum and 10% × 394.189048');
    const od = rep.comparison.strategies.find((s) => s.id === 'on-demand');
    expect(od?.support).toMatch(/^Business Support \$100\.00 a month; 3 years with support \$17,790\.81$/);
    expect(rep.assumptions.notes.some((n) => n.startsWith('Business Support: $100.00 a month'))).toBe(true);
    expect(
      rep.assumptions.notes.some((n) =>
        n.includes('excludes tax, data transfer and discounts; the AWS Support plan is beside the totals'),
      ),
    ).toBe(true);
    const html = reportHtml(rep);
    expect(html).toContain('Business Support: $100.00 a month');
    expect(html).toContain('EC2 and EBS part');
  });

  it('CSV: the TOTAL row names the plan and its monthly fee; a scenario without one leaves them empty', async () => {
    const parse = (text: string) =>
      Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const rows = parse(readFileSync(await report('csv'), 'utf8'));
    const total = rows.find((r) => r.lineId === 'TOTAL')!;
    expect(total.supportPlan).toBe('business');
    expect(total.supportFeePerMonth).toBe('100');
    expect(rows.find((r) => r.lineId === 'web')?.supportPlan).toBe('');
    const plain = parse(readFileSync(await report('csv', EXAMPLE), 'utf8'));
    expect(plain.find((r) => r.lineId === 'TOTAL')?.supportPlan).toBe('');
  });
});
