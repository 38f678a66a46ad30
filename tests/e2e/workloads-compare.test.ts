import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { Decimal } from '@shared/money';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1100,
});
const page = () => served.page();

async function setInstance(card: Locator, type: string) {
  const input = card.getByTestId('line-instance');
  await input.fill(type);
  await input.press('Enter');
}
async function setNumber(card: Locator, testId: string, value: string) {
  const input = card.getByTestId(testId);
  await input.fill(value);
  await input.press('Tab');
}
const usd = (l: Locator, attr = 'data-usd') => l.getAttribute(attr);

/**
 * The two-line mix the first test builds by hand, saved through the API so that each later test
 * starts from it without depending on the first: web 4 x m5.large (100 GiB gp3 each), bought as
 * `webPurchase`, and a business-hours batch tier of 2 x c5.xlarge.
 */
async function savedMix(webPurchase: Record<string, unknown> = { model: 'on-demand' }): Promise<string> {
  const created = await served.api<{ id: string }>('scenarios.create', {
    document: {
      name: 'E2E mix',
      lines: [
        {
          id: 'web',
          name: 'Web tier',
          instanceType: 'm5.large',
          region: 'us-east-1',
          os: 'linux',
          usage: { pattern: 'constant', count: 4 },
          purchase: webPurchase,
          volumes: [{ volumeType: 'gp3', sizeGiB: 100, count: 1 }],
        },
        {
          id: 'batch',
          name: 'Business-hours batch',
          instanceType: 'c5.xlarge',
          region: 'us-east-1',
          os: 'linux',
          usage: {
            pattern: 'business-hours',
            count: 2,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            startHour: 8,
            endHour: 18,
          },
          purchase: { model: 'on-demand' },
          volumes: [],
        },
      ],
    },
  });
  await served.chooseScenario(created.id);
  return created.id;
}
const FOUR_STANDARD_1Y_ALL_UPFRONT = {
  model: 'reserved',
  termYears: 1,
  paymentOption: 'all-upfront',
  offeringClass: 'standard',
  count: 4,
};

describe('Workloads and Compare screens in Chromium against serve', () => {
  it('builds a two-line mix and shows its estimate', async () => {
    await page().goto(`${served.url()}#workloads`);
    await page().getByTestId('scenario-new').click();
    await page().getByTestId('scenario-name').fill('E2E mix');

    await page().getByTestId('add-line').click();
    const web = page().getByTestId('line-card').nth(0);
    await web.getByTestId('line-region').selectOption('us-east-1');
    await setInstance(web, 'm5.large');
    await web.getByTestId('line-pattern').selectOption('constant');
    await setNumber(web, 'line-count', '4');
    await web.getByTestId('add-volume').click();
    const vol = web.getByTestId('volume-row').first();
    await vol.getByTestId('volume-type').selectOption('gp3');
    await setNumber(vol, 'volume-size', '100');

    await page().getByTestId('add-line').click();
    const batch = page().getByTestId('line-card').nth(1);
    await batch.getByTestId('line-region').selectOption('us-east-1');
    await setInstance(batch, 'c5.xlarge');
    await batch.getByTestId('line-pattern').selectOption('business-hours');
    await setNumber(batch, 'line-count', '2');
    await setNumber(batch, 'line-start-hour', '8');
    await setNumber(batch, 'line-end-hour', '18');

    // web: 4 x 0.096 x 730 = 280.32 compute + 4 x 100 GiB x 0.08 = 32 storage = 312.32
    const webId = await web.getAttribute('data-line-id');
    const webRow = page().locator(`[data-testid="estimate-line"][data-line-id="${webId}"]`);
    await expect.poll(() => webRow.getAttribute('data-monthly-usd')).toBe('312.32');
    // the total is the sum of the lines
    await expect
      .poll(async () => {
        const rows = await page()
          .getByTestId('estimate-line')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-monthly-usd')));
        const sum = rows.reduce((acc, v) => acc.plus(v ?? '0'), new Decimal(0));
        const total = await usd(page().getByTestId('estimate-total-monthly'));
        return rows.length === 2 && total !== null && new Decimal(total).eq(sum) && sum.gt('312.32');
      })
      .toBe(true);
    await expect
      .poll(() => page().getByTestId('save-status').textContent(), { timeout: 10_000 })
      .toContain('Saved');
    await page().screenshot({ path: join(ARTIFACTS, 'workloads.png'), fullPage: true });
  });

  it('switches the web line to 1-year all-upfront RIs and shows the upfront', async () => {
    await savedMix();
    await page().goto(`${served.url()}#workloads`);
    const web = page().getByTestId('line-card').nth(0);
    await expect.poll(() => web.getByTestId('line-instance').inputValue()).toBe('m5.large');
    await web.getByTestId('line-purchase-model').selectOption('reserved');
    await web.getByTestId('line-term').selectOption('1');
    await web.getByTestId('line-payment').selectOption('all-upfront');
    await web.getByTestId('line-offering-class').selectOption('standard');
    await setNumber(web, 'line-ri-count', '4');
    // 4 RIs x $494 (AWS's whole-dollar fee; 0.056393 x 8,760 = 494.00268 rounded to the dollar) = 1,976 upfront
    await expect.poll(() => usd(page().getByTestId('estimate-total-upfront'))).toBe('1976');
    await expect
      .poll(() => page().getByTestId('save-status').textContent(), { timeout: 10_000 })
      .toContain('Saved');
  });

  it('flags a volume’s IOPS or throughput out of its type’s range at the field, and neither prices nor saves it', async () => {
    const created = await served.api<{ id: string }>('scenarios.create', {
      document: {
        name: 'Volume limits',
        lines: [
          {
            id: 'web',
            name: 'Web tier',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 1 },
            volumes: [{ volumeType: 'gp3', sizeGiB: 100, count: 1 }],
          },
        ],
      },
    });
    await served.chooseScenario(created.id);
    await page().goto(`${served.url()}#workloads`);
    const total = page().getByTestId('estimate-total-monthly');
    // 0.096 × 730 = 70.08 compute + 100 GiB × 0.08 = 8 storage
    await expect.poll(() => usd(total), { timeout: 10_000 }).toBe('78.08');
    const status = page().getByTestId('save-status');
    const vol = page().getByTestId('volume-row').first();
    const iops = vol.getByTestId('volume-iops');

    await setNumber(vol, 'volume-iops', '0');
    await expect.poll(() => iops.getAttribute('aria-invalid')).toBe('true');
    // What is allowed, at the field: gp3 takes 3,000 to 500 per GiB.
    expect(await vol.getByTestId('volume-iops-hint').textContent()).toBe(
      'Allowed: 3,000–50,000 IOPS at 100 GiB (gp3: at most 500 IOPS per GiB)',
    );
    expect(await vol.getByTestId('volume-iops-hint').isVisible()).toBe(true);
    expect(await vol.locator('.field-error').textContent()).toContain('3000');
    await expect.poll(() => status.textContent()).toContain('Not saved: fix the highlighted fields');
    expect(await status.textContent()).not.toContain('Saved ');
    expect(await page().getByTestId('estimate-stale').textContent()).toBe(
      'Last valid estimate — fix the highlighted field to update.',
    );
    expect(await page().getByTestId('estimate-error').count()).toBe(0);
    expect(await usd(total)).toBe('78.08');

    await setNumber(vol, 'volume-iops', '100000');
    await expect.poll(() => vol.locator('.field-error').textContent()).toMatch(/at most/);
    await page()
      .getByTestId('line-card')
      .first()
      .screenshot({ path: join(ARTIFACTS, 'volume-limits.png') });
    await page()
      .getByTestId('estimate-stale')
      .screenshot({ path: join(ARTIFACTS, 'volume-limits-stale.png') });
    await page().screenshot({ path: join(ARTIFACTS, 'volume-limits-page.png') });

    // Leaving the screen saves what is valid and unsaved; this draft is not, so the store keeps the last valid one.
    await page().goto(`${served.url()}#compare`);
    await expect
      .poll(() => page().getByTestId('strategy-row').count(), { timeout: 10_000 })
      .toBeGreaterThan(1);
    const stored = await served.api<{ document: { lines: { volumes: { iops?: number }[] }[] } }>(
      'scenarios.get',
      { id: created.id },
    );
    expect(stored.document.lines[0]!.volumes[0]!.iops).toBeUndefined();

    // Throughput above 0.25 MiB/s per IOPS is flagged too; fixed, the estimate and the save resume.
    await page().goto(`${served.url()}#workloads`);
    await expect.poll(() => usd(total), { timeout: 10_000 }).toBe('78.08');
    await setNumber(vol, 'volume-throughput', '1000');
    await expect.poll(() => vol.getByTestId('volume-throughput').getAttribute('aria-invalid')).toBe('true');
    expect(await vol.getByTestId('volume-throughput-hint').textContent()).toBe(
      'Allowed: 125–750 MiB/s at 3,000 IOPS (at most 0.25 MiB/s per IOPS)',
    );
    await setNumber(vol, 'volume-iops', '4000');
    await expect.poll(() => vol.getByTestId('volume-throughput').getAttribute('aria-invalid')).toBe('false');
    // 1,000 IOPS × 0.005 + 875 MiB/s × 0.04 above the baseline: 5 + 35 = 40 more a month.
    await expect.poll(() => usd(total), { timeout: 10_000 }).toBe('118.08');
    expect(await page().getByTestId('estimate-stale').count()).toBe(0);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Saved');
  });

  it('names lines by their names in the estimate table and both cost-by-line charts, ids only where unnamed', async () => {
    const created = await served.api<{ id: string }>('scenarios.create', {
      document: {
        name: 'Named lines',
        lines: [
          {
            id: 'web',
            name: 'Web tier',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 2 },
          },
          {
            id: 'cache',
            instanceType: 'r5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 1 },
          },
        ],
      },
    });
    await served.chooseScenario(created.id);
    await page().goto(`${served.url()}#workloads`);
    const names = page().getByTestId('estimate-line-name');
    await expect.poll(() => names.allTextContents(), { timeout: 10_000 }).toEqual(['Web tier', 'cache']);
    const ticks = (chart: Locator) =>
      chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    await expect
      .poll(() => ticks(page().getByTestId('workload-cost-chart')))
      .toEqual(['Web tier (m5.large)', 'cache (r5.large)']);
    await page()
      .getByTestId('estimate-line')
      .first()
      .screenshot({ path: join(ARTIFACTS, 'estimate-names.png') });

    await page().goto(`${served.url()}#compare`);
    await expect
      .poll(() => ticks(page().getByTestId('workload-cost-chart')), { timeout: 10_000 })
      .toEqual(['Web tier (m5.large)', 'cache (r5.large)']);
  });

  it('compares every strategy with totals, savings and break-even', async () => {
    await savedMix(FOUR_STANDARD_1Y_ALL_UPFRONT);
    await page().goto(`${served.url()}#compare`);
    const rows = page().getByTestId('strategy-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(10);
    const od = page().locator('[data-testid="strategy-row"][data-strategy-id="on-demand"]');
    const ri = page().locator(
      '[data-testid="strategy-row"][data-strategy-id="reserved-standard-1y-all-upfront"]',
    );
    const odThree = new Decimal((await od.getAttribute('data-three-year-usd')) ?? 'NaN');
    const riThree = new Decimal((await ri.getAttribute('data-three-year-usd')) ?? 'NaN');
    // The web line's 4 RIs: 3 x 1,976 upfront over 3 years against 36 x 280.32 = 10,091.52 on-demand.
    expect(riThree.lt(odThree)).toBe(true);
    expect(odThree.minus(riThree).toNumber()).toBeCloseTo(36 * 280.32 - 3 * 1976, 1);
    expect(await ri.getAttribute('data-break-even')).toBe('8');
    // The words every report uses too (shared/pricing/break-even.ts).
    const breakEven = (id: string) =>
      page()
        .locator(`[data-testid="strategy-row"][data-strategy-id="${id}"]`)
        .getByTestId('strategy-break-even')
        .textContent();
    expect(await breakEven('reserved-standard-1y-all-upfront')).toBe('pays back in month 8');
    expect(await breakEven('reserved-standard-1y-no-upfront')).toBe('from the first month');
    // No line tolerates interruptions: spot where allowed is on-demand, with nothing to pay back.
    expect(await breakEven('spot-where-allowed')).toBe('no saving');
    expect(await breakEven('on-demand')).toBe('reference');
    await expect
      .poll(() => page().getByTestId('cumulative-chart').locator('svg path').count())
      .toBeGreaterThan(1);
    await page().screenshot({ path: join(ARTIFACTS, 'compare.png'), fullPage: true });
  });

  it('exports the compared scenario as CSV and PDF downloads', async () => {
    await savedMix(FOUR_STANDARD_1Y_ALL_UPFRONT);
    await page().goto(`${served.url()}#compare`);
    await expect
      .poll(() => page().getByTestId('strategy-row').count(), { timeout: 10_000 })
      .toBeGreaterThan(10);
    await page().getByTestId('export-button').click();
    await page().getByTestId('export-format').selectOption('csv');
    const [csv] = await Promise.all([
      page().waitForEvent('download'),
      page().getByTestId('export-submit').click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    // Two lines and a TOTAL row; the lines add up to it.
    expect(rows.map((r) => r.lineId)).toHaveLength(3);
    const total = rows.find((r) => r.lineId === 'TOTAL')!;
    const sum = rows
      .filter((r) => r.lineId !== 'TOTAL')
      .reduce((a, r) => a.plus(r.monthlyUsd!), new Decimal(0));
    expect(sum.eq(total.monthlyUsd!)).toBe(true);

    await page().getByTestId('export-format').selectOption('pdf');
    const [pdf] = await Promise.all([
      page().waitForEvent('download', { timeout: 60_000 }),
      page().getByTestId('export-submit').click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
