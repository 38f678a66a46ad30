import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 950,
});
const page = () => served.page();

/** Every test starts from a fresh browser: it opens the catalog and sets the filters it relies on. */
async function openM5SortedByOnDemand() {
  await page().goto(served.url());
  await page().getByTestId('region-select').selectOption('us-east-1');
  await page().getByTestId('os-select').selectOption('linux');
  await page().getByTestId('family-select').selectOption('m5');
  const sort = page().getByTestId('sort-onDemandHourlyUsd');
  await sort.click();
  if ((await sort.getAttribute('aria-sort')) !== 'ascending') await sort.click();
  await expect.poll(() => sort.getAttribute('aria-sort')).toBe('ascending');
  const first = page().getByTestId('instance-row').first();
  await expect.poll(() => first.getAttribute('data-instance-type')).toBe('m5.large');
  return first;
}

describe('Catalog screen in Chromium against serve', () => {
  it('shows the catalog with its as-of date', async () => {
    await page().goto(served.url());
    await expect.poll(() => page().getByTestId('as-of').textContent()).toContain('2026-07-20');
    await page().getByTestId('region-select').selectOption('us-east-1');
    await page().getByTestId('os-select').selectOption('linux');
    await expect.poll(() => page().getByTestId('instance-row').count()).toBeGreaterThan(10);
  });

  it('filters to one family and sorts by on-demand price', async () => {
    const first = await openM5SortedByOnDemand();
    // AWS's published on-demand Linux price for m5.large in us-east-1: $0.096/h.
    expect(await first.getByTestId('cell-onDemand').textContent()).toContain('0.096');
    const types = await page()
      .getByTestId('instance-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-instance-type')));
    // m5 has more than one size in us-east-1, and every row shown is an m5.
    expect(types.length).toBeGreaterThan(5);
    expect(types.every((t) => t?.startsWith('m5.'))).toBe(true);
    expect(await page().getByTestId('instance-count').textContent()).toMatch(/\d+ instance types/);
  });

  it('opens a row’s purchase options with upfront, hourly, effective and monthly cost', async () => {
    const first = await openM5SortedByOnDemand();
    await first.click();
    const panel = page().getByTestId('price-options');
    await expect.poll(() => panel.getByTestId('price-option').count()).toBe(26);
    const od = panel.locator('[data-testid="price-option"][data-model="on-demand"]');
    expect(await od.textContent()).toContain('70.08'); // 0.096 x 730
    const ri = panel.locator(
      '[data-testid="price-option"][data-model="reserved"][data-term="1"][data-payment="all-upfront"]',
    );
    expect(await ri.first().textContent()).toContain('494'); // AWS publishes a $494 upfront fee
    const sp = panel.locator('[data-testid="price-option"][data-model="savings-plan"]').first();
    expect(await sp.textContent()).toContain('n/a');
    await expect.poll(() => page().getByTestId('options-chart').locator('svg').count()).toBeGreaterThan(0);
    await page().screenshot({ path: join(ARTIFACTS, 'catalog-m5-options.png') });
  });

  it('keeps the filters across a reload', async () => {
    await openM5SortedByOnDemand();
    await page().reload();
    await expect.poll(() => page().getByTestId('family-select').inputValue()).toBe('m5');
    await expect
      .poll(() => page().getByTestId('instance-row').first().getAttribute('data-instance-type'))
      .toBe('m5.large');
    await page().screenshot({ path: join(ARTIFACTS, 'catalog-m5.png') });
  });

  it('switches price unit to per month', async () => {
    await openM5SortedByOnDemand();
    await page().getByTestId('price-unit-select').selectOption('month');
    await expect
      .poll(() => page().getByTestId('instance-row').first().getByTestId('cell-onDemand').textContent())
      .toContain('70.08');
  });
});
