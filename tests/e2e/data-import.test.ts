import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { generateOffer, loadCatalogShape } from '../fixtures/generate-offer';
import { ARTIFACTS, useServedPage } from '../support/serve-process';
import { formatDateRange } from '@shared/catalog-scopes';
import type { CatalogMeta } from '@shared/catalog-types';

// This test imports into a catalog, so it serves a private copy of the run's catalog.
const dir = mkdtempSync(join(tmpdir(), 'planner-e2e-import-'));
const catalog = join(dir, 'catalog.sqlite');
const offer = join(dir, 'AmazonEC2-offer.json');
beforeAll(() => {
  // No price mirror listens here: "Update from AWS" must fail as offline (serve inherits this env).
  process.env.PLANNER_PRICING_BASE_URL = 'http://127.0.0.1:9';
  copyFileSync(inject('catalogPath'), catalog);
  // A small offer file published after the shipped snapshot's 2026-07-20, in AWS's exact layout.
  generateOffer({
    jsonPath: offer,
    targetBytes: 300_000,
    shape: loadCatalogShape(catalog),
    publicationDate: '2026-11-20T10:00:00Z',
  });
});
afterAll(() => {
  delete process.env.PLANNER_PRICING_BASE_URL;
  rmSync(dir, { recursive: true, force: true });
});
const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => catalog);
const page = () => served.page();

/** The catalog's price dates (oldest … newest) as the server reports them, for tests that must leave them unchanged. */
async function catalogAsOf(): Promise<string> {
  const meta = await served.api<CatalogMeta>('catalog.meta');
  return formatDateRange(meta.pricesAsOf);
}

describe('Data screen in Chromium against serve', () => {
  it('the header shows the range of the price dates and opens the Data screen, which dates every scope', async () => {
    await page().goto(served.url());
    const badge = page().getByTestId('as-of');
    // The shipped snapshot: 2024-04-04 (the oldest spot averages) … 2026-07-20 (us-east-1 On-Demand).
    await expect.poll(() => badge.textContent()).toBe('Prices as of 2024-04-04 … 2026-07-20');
    await badge.click();
    await expect.poll(() => page().evaluate(() => location.hash)).toBe('#data');
    await expect.poll(() => page().getByTestId('data-as-of').textContent()).toBe('2024-04-04 … 2026-07-20');
    const row = page().locator(
      '[data-testid="scope-date"][data-region="us-east-1"][data-scope="Linux On-Demand"]',
    );
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-source-id')).toBe('karpenter-od-2026-07');
    expect(await row.locator('td').allTextContents()).toEqual([
      'us-east-1',
      'Linux On-Demand',
      'karpenter-od-2026-07',
      '2026-07-20',
      '1,345',
    ]);
    // One region at a time: eu-west-1's scopes only, its EBS dated 2024-07-18.
    await page().getByTestId('scope-region').selectOption('eu-west-1');
    const regions = await page()
      .getByTestId('scope-date')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region')));
    expect(new Set(regions)).toEqual(new Set(['eu-west-1']));
    expect(await page().locator('[data-testid="scope-date"][data-scope="EBS"] td').allTextContents()).toEqual(
      ['eu-west-1', 'EBS', 'aws-ebs-2024-07', '2024-07-18', '18'],
    );
    await page().screenshot({ path: join(ARTIFACTS, 'data-scope-dates.png'), fullPage: true });
  });

  it('shows the catalog, its sources and their dates', async () => {
    await page().goto(`${served.url()}#data`);
    // The shipped snapshot's dates, or up to the imported file's once the import test has run.
    await expect
      .poll(() => page().getByTestId('data-as-of').textContent())
      .toMatch(/^2024-04-04 … 2026-(07|11)-20$/);
    expect(await page().getByTestId('data-as-of').textContent()).toBe(await catalogAsOf());
    expect(await page().getByTestId('data-source').count()).toBeGreaterThan(5);
  });

  it('imports a price file through the screen and shows the new as-of date everywhere', async () => {
    await page().goto(`${served.url()}#data`);
    await page().getByTestId('import-file').setInputFiles(offer);
    await page().getByTestId('import-submit').click();
    await expect
      .poll(() => page().getByTestId('import-progress').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('done');
    expect(await page().getByTestId('import-summary').textContent()).toContain('published 2026-11-20');
    await expect.poll(() => page().getByTestId('data-as-of').textContent()).toBe('2024-04-04 … 2026-11-20');
    // The header badge (shown on every screen) follows the new catalog too.
    await expect.poll(() => page().getByTestId('as-of').textContent()).toContain('2026-11-20');
    await page().screenshot({ path: join(ARTIFACTS, 'data-import.png'), fullPage: true });
  });

  it('says why a bad file fails and keeps the catalog as it was', async () => {
    await page().goto(`${served.url()}#data`);
    const before = await catalogAsOf();
    await expect.poll(() => page().getByTestId('data-as-of').textContent()).toBe(before);
    const bad = join(dir, 'not-an-offer.json');
    copyFileSync(join(import.meta.dirname, '..', '..', 'package.json'), bad);
    await page().getByTestId('import-file').setInputFiles(bad);
    await page().getByTestId('import-submit').click();
    await expect
      .poll(() => page().getByTestId('import-progress').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('failed');
    expect((await page().getByTestId('import-error').textContent())?.length).toBeGreaterThan(10);
    expect(await page().getByTestId('data-as-of').textContent()).toBe(before);
    expect(await catalogAsOf()).toBe(before);
  });

  it('fails "Update from AWS" gracefully when offline', async () => {
    await page().goto(`${served.url()}#data`);
    const before = await catalogAsOf();
    await expect.poll(() => page().getByTestId('data-as-of').textContent()).toBe(before);
    await page().getByTestId('aws-update').click();
    // Any earlier job stays on screen until the update's own job replaces it.
    await expect.poll(() => page().getByTestId('import-progress').textContent()).toContain('Update from AWS');
    await expect
      .poll(() => page().getByTestId('import-progress').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('failed');
    expect(await page().getByTestId('import-error').textContent()).toContain('you appear to be offline');
    expect(await page().getByTestId('data-as-of').textContent()).toBe(before);
    expect(await catalogAsOf()).toBe(before);
  });
});
