import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { expandListing, type CatalogListing } from '@shared/catalog-listing';
import { filterRows, sortRows } from '../../renderer/src/screens/catalog/filter-sort';
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

  it('shows the Spot Advisor band of m5.large in us-east-1 in its column and in the spot purchase option', async () => {
    const first = await openM5SortedByOnDemand();
    // spot-advisor-data.json (2025-06-28): us-east-1 › Linux › m5.large = { s: 66, r: 3 }, ranges[3] = "15-20%".
    expect(await page().getByTestId('sort-spotInterruption').textContent()).toContain('Spot interruption');
    expect(await first.getByTestId('cell-spotInterruption').textContent()).toBe(
      '15-20% · saves 66% · 2025-06-28',
    );
    await first.click();
    const spot = page()
      .getByTestId('price-options')
      .locator('[data-testid="price-option"][data-model="spot"]');
    await expect
      .poll(() => spot.getByTestId('option-spot-band').textContent(), { timeout: 10_000 })
      .toBe('Interruption 15-20% · saves 66% · 2025-06-28');
    // Windows has its own band: >20%.
    await page().getByTestId('os-select').selectOption('windows');
    await expect
      .poll(() =>
        page()
          .locator('[data-testid="instance-row"][data-instance-type="m5.large"]')
          .getByTestId('cell-spotInterruption')
          .textContent(),
      )
      .toBe('>20% · saves 46% · 2025-06-28');
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
    // AWS publishes a $494 fee; the snapshot's 0.056393/h x 8,760 = 494.00268, rounded to whole dollars = 494.
    expect(await ri.first().getByTestId('option-upfront').textContent()).toBe('$494.00 derived');
    expect(await ri.first().getByTestId('upfront-derived').getAttribute('title')).toContain(
      'rounded to the nearest dollar',
    );
    const sp = panel.locator('[data-testid="price-option"][data-model="savings-plan"]').first();
    expect(await sp.textContent()).toContain('n/a');
    await expect.poll(() => page().getByTestId('options-chart').locator('svg').count()).toBeGreaterThan(0);
    // The name read part by part (AWS's naming conventions): m, 5, large.
    expect(await page().getByTestId('name-part').allTextContents()).toEqual([
      'mGeneral purpose',
      '5Generation 5',
      'largeSize large',
    ]);
    await page().screenshot({ path: join(ARTIFACTS, 'catalog-m5-options.png') });
  });

  it('shows the details beside the table at 1440 × 900, prices still readable, in a pane resized by drag or keyboard and remembered', async () => {
    await page().setViewportSize({ width: 1440, height: 900 });
    const first = await openM5SortedByOnDemand();
    await first.click();
    await expect
      .poll(() => page().getByTestId('price-options').getByTestId('price-option').count(), {
        timeout: 10_000,
      })
      .toBe(26);
    const pane = page().getByTestId('detail-pane');
    const scroll = page().locator('.table-scroll');
    const selected = page().locator('[data-testid="instance-row"][aria-selected="true"]');
    expect(await selected.getAttribute('data-instance-type')).toBe('m5.large');
    const onDemand = selected.getByTestId('cell-onDemand');
    expect(await onDemand.textContent()).toContain('0.096');

    /** The selected row's price cells lie wholly inside the table's visible area, left of the pane. */
    const pricesBesidePane = async () => {
      const p = (await pane.boundingBox())!;
      const t = (await scroll.boundingBox())!;
      for (const id of ['onDemand', 'best1y', 'best3y', 'spot']) {
        const c = (await selected.getByTestId(`cell-${id}`).boundingBox())!;
        expect(c.x + c.width, id).toBeLessThanOrEqual(p.x);
        expect(c.x, id).toBeGreaterThanOrEqual(t.x);
        expect(c.x + c.width, id).toBeLessThanOrEqual(t.x + t.width);
      }
      // The cell on top at the On-Demand cell's centre is that cell: nothing covers it.
      const c = (await onDemand.boundingBox())!;
      const top = await page().evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('data-testid') ?? null,
        [c.x + c.width / 2, c.y + c.height / 2],
      );
      expect(top).toBe('cell-onDemand');
      return p.width;
    };
    await pricesBesidePane();
    await page().screenshot({ path: join(ARTIFACTS, 'catalog-detail-1440.png') });

    // Keyboard: the handle is a focusable splitter whose value is the pane's width.
    const handle = page().getByTestId('detail-resizer');
    expect(await handle.getAttribute('role')).toBe('separator');
    const width = async () => Number(await handle.getAttribute('aria-valuenow'));
    const before = await width();
    await handle.focus();
    await handle.press('ArrowLeft');
    await handle.press('ArrowLeft');
    await expect.poll(width).toBe(before + 48);
    expect(Math.round((await pane.boundingBox())!.width)).toBe(before + 48);
    await handle.press('End'); // the widest the pane gets still leaves the prices whole
    await expect.poll(width).toBeGreaterThan(before + 48);
    const widest = await width();
    expect(Math.round(await pricesBesidePane())).toBe(widest);
    await handle.press('Home');
    await expect.poll(width).toBe(360);

    // Drag: 100 px to the left widens the pane by 100 px.
    const h = (await handle.boundingBox())!;
    await page().mouse.move(h.x + h.width / 2, h.y + 40);
    await page().mouse.down();
    await page().mouse.move(h.x + h.width / 2 - 100, h.y + 40, { steps: 5 });
    await page().mouse.up();
    await expect.poll(width).toBe(460);
    await pricesBesidePane();

    // The width is remembered.
    await page().reload();
    await page().getByTestId('instance-row').first().click();
    await expect.poll(() => width()).toBe(460);
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

describe('Catalog filtered in the page, by keyboard and over every region', () => {
  /** The listing the screen loads, as catalog.listing gives it, expanded into rows. */
  const listingRows = async (region: string) =>
    expandListing(await served.api<CatalogListing>('catalog.listing', { region, os: 'linux' }));

  async function openRegion(region: string) {
    await page().goto(served.url());
    await page().getByTestId('os-select').selectOption('linux');
    await page().getByTestId('region-select').selectOption(region);
    await expect.poll(() => page().getByTestId('instance-row').count()).toBeGreaterThan(10);
  }
  const n = (v: number) => v.toLocaleString('en-US');
  const shownTypes = () =>
    page()
      .getByTestId('instance-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-instance-type') ?? ''));

  it('finds Graviton types by typing "graviton", and only those', async () => {
    await openRegion('us-east-1');
    const rows = await listingRows('us-east-1');
    const graviton = rows.filter(
      (r) => r.processor === 'AWS' && r.arch === 'arm64' && r.generation === 'current',
    );
    await page().getByTestId('search-input').pressSequentially('graviton');
    await expect
      .poll(() => page().getByTestId('instance-count').textContent())
      .toBe(`${graviton.length} of ${n(rows.length)} instance types`);
    const shown = await shownTypes();
    expect(shown.length).toBeGreaterThan(10);
    const names = new Set(graviton.map((r) => r.instanceType));
    expect(shown.every((t) => names.has(t))).toBe(true);
    const arch = await page()
      .getByTestId('instance-row')
      .evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-testid="cell-arch"]')?.textContent));
    expect(new Set(arch)).toEqual(new Set(['arm64']));
    expect(shown).toContain('c6g.large');
    await page().screenshot({ path: join(ARTIFACTS, 'catalog-graviton.png') });
  });

  it('moves the focused row with the arrow keys and opens it with Enter', async () => {
    await openRegion('us-east-1');
    await page().getByTestId('family-select').selectOption('m5');
    await expect.poll(async () => (await shownTypes()).every((t) => t.startsWith('m5.'))).toBe(true);
    const [first, second, third] = await shownTypes();
    const focused = () => page().evaluate(() => document.activeElement?.getAttribute('data-instance-type'));
    // Arrow Down in the search box goes on to the first row.
    await page().getByTestId('search-input').focus();
    await page().keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(first);
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(third);
    expect(await page().getByTestId('detail-pane').count()).toBe(0);
    await page().keyboard.press('Enter');
    await expect.poll(() => page().getByTestId('detail-panel').locator('h2').textContent()).toBe(third);
    const selected = page().locator('[data-testid="instance-row"][aria-selected="true"]');
    expect(await selected.getAttribute('data-instance-type')).toBe(third);
    // Arrow Up goes back; End reaches the last row.
    await page().keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(second);
    await page().keyboard.press('End');
    await expect.poll(focused).toBe((await shownTypes()).at(-1));
    // Over a region's every type, End and Page Up reach rows the table had not drawn yet.
    await page().getByTestId('close-detail').click();
    await page().getByTestId('family-select').selectOption('');
    const all = sortRows(filterRows(await listingRows('us-east-1'), {}), 'instanceType', 'asc');
    await expect.poll(async () => (await shownTypes()).length).toBeLessThan(60);
    await page().getByTestId('instance-row').first().focus();
    await page().keyboard.press('End');
    await expect.poll(focused).toBe(all.at(-1)!.instanceType);
    await page().keyboard.press('PageUp');
    const focusedIndex = async () =>
      Number(await page().evaluate(() => document.activeElement?.getAttribute('data-index')));
    await expect.poll(focusedIndex).toBeLessThan(all.length - 10);
    expect(await focused()).toBe(all[await focusedIndex()]!.instanceType);
    await page().screenshot({ path: join(ARTIFACTS, 'catalog-keyboard.png') });
  });

  it('lists every region’s rows, one per type and region, and sorts them by price', async () => {
    await openRegion('all');
    const rows = await listingRows('all');
    const current = rows.filter((r) => r.generation === 'current');
    await expect
      .poll(() => page().getByTestId('instance-count').textContent())
      .toBe(`${n(current.length)} of ${n(rows.length)} rows (instance type × region)`);
    await page().getByTestId('search-input').pressSequentially('m7g.xlarge');
    const m7g = current.filter((r) => r.instanceType === 'm7g.xlarge');
    expect(m7g.length).toBeGreaterThan(10);
    await expect
      .poll(() => page().getByTestId('instance-count').textContent())
      .toBe(`${m7g.length} of ${n(rows.length)} rows (instance type × region)`);
    expect(new Set(await shownTypes())).toEqual(new Set(['m7g.xlarge']));
    const sort = page().getByTestId('sort-onDemandHourlyUsd');
    await sort.click();
    await expect.poll(() => sort.getAttribute('aria-sort')).toBe('ascending');
    const cheapest = m7g
      .filter((r) => r.onDemandHourlyUsd !== null)
      .sort(
        (a, b) =>
          Number(a.onDemandHourlyUsd) - Number(b.onDemandHourlyUsd) || a.region.localeCompare(b.region),
      )[0]!;
    const first = page().getByTestId('instance-row').first();
    await expect.poll(() => first.getAttribute('data-region')).toBe(cheapest.region);
    expect(await first.getByTestId('cell-region').textContent()).toBe(cheapest.region);
    // Its details are that region's.
    await first.click();
    await expect
      .poll(() => page().getByTestId('detail-panel').locator('p.muted').first().textContent())
      .toContain(cheapest.region);
    await page().screenshot({ path: join(ARTIFACTS, 'catalog-all-regions.png') });
  });
});
