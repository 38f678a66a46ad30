import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { COLUMN_IDS } from '../../renderer/src/screens/catalog/columns';
import { useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 950,
});
const page = () => served.page();

/** Opens the catalog of us-east-1 on Linux with every column, every generation and prices per `unit`. */
async function openAllColumns(unit: 'hour' | 'month' | 'year') {
  const stored = {
    region: 'us-east-1',
    os: 'linux',
    unit,
    columns: [...COLUMN_IDS],
    filters: { generation: 'all' },
  };
  await page().addInitScript((s) => localStorage.setItem('planner.catalog.v1', s), JSON.stringify(stored));
  await page().goto(served.url());
  await expect.poll(() => page().getByTestId('instance-row').count()).toBeGreaterThan(10);
  await expect.poll(() => page().getByTestId('sort-onDemandHourlyUsd').isVisible()).toBe(true);
}

/** Scrolls through every row; for each cell drawn: clipped or not, and whether its text fits its box. */
function cellsThroughout() {
  return page().evaluate(async () => {
    const scroll = document.querySelector('.table-scroll')!;
    const seen = new Set<Element>();
    const cells: { id: string; text: string; clipped: boolean; fits: boolean }[] = [];
    for (let top = 0; top < scroll.scrollHeight; top += 500) {
      scroll.scrollTop = top;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      for (const td of document.querySelectorAll<HTMLElement>('[data-testid="instance-row"] td')) {
        if (seen.has(td)) continue;
        seen.add(td);
        const range = document.createRange();
        range.selectNodeContents(td);
        const padding =
          parseFloat(getComputedStyle(td).paddingLeft) + parseFloat(getComputedStyle(td).paddingRight);
        cells.push({
          id: td.dataset.testid ?? '',
          text: td.textContent ?? '',
          clipped: td.classList.contains('clip'),
          fits: range.getBoundingClientRect().width <= td.clientWidth - padding + 0.5,
        });
      }
    }
    return cells;
  });
}

describe('Catalog cells', () => {
  it.each(['hour', 'month'] as const)(
    'per %s, every cell not clipped shows its whole text; only cells that may not fit are clipped',
    async (unit) => {
      await openAllColumns(unit);
      const cells = await cellsThroughout();
      expect(cells.length).toBeGreaterThan(800 * COLUMN_IDS.length);
      const spilling = cells.filter((c) => !c.clipped && !c.fits);
      expect(spilling.map((c) => `${c.id} ${c.text}`)).toEqual([]);
      // Clipping is the exception: far fewer than one cell in three.
      const clipped = cells.filter((c) => c.clipped);
      expect(clipped.length).toBeGreaterThan(0);
      expect(clipped.length).toBeLessThan(cells.length / 3);
    },
  );

  it('a cell cut short shows its whole text as a tooltip on hover', async () => {
    await openAllColumns('hour');
    await page().getByTestId('search-input').fill('p5.48xlarge');
    const cell = page().getByTestId('instance-row').first().getByTestId('cell-gpus');
    await expect.poll(() => cell.textContent()).toBe('8 × NVIDIA H100');
    expect(await cell.getAttribute('class')).toContain('clip');
    await cell.hover();
    await expect.poll(() => cell.getAttribute('title')).toBe('8 × NVIDIA H100');
  });

  it('keeps a search typed just before the page is left', async () => {
    await page().goto(served.url());
    await page().getByTestId('region-select').selectOption('us-east-1');
    const search = page().getByTestId('search-input');
    await search.pressSequentially('m7g');
    await page().reload();
    await expect.poll(() => page().getByTestId('search-input').inputValue()).toBe('m7g');
  });
});
