import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { importPriceFile } from '../../main/import/import-service';
import { fixture, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

/**
 * docs/examples/dedicated-and-hosts.json on a catalog that imported AWS's real rows (as
 * tests/integration/tenancy-cli.test.ts does): the CSV sample's r7i.2xlarge Windows BYOL Dedicated
 * eu-central-1 $0.70224/h and the 2016 price list's i2 Dedicated Host in us-east-2, $7.502/h holding 8
 * xlarge. 10 × i2.xlarge: ceil(10 ÷ 8) = 2 hosts × 7.502 × 730 = $10,952.92; the per-Region fee is in
 * neither file, so it stays n/a.
 */
const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'dedicated-and-hosts.json');
let cat: TempCatalog | undefined;

// Registered before useServedPage's hooks: the catalog is ready before serve opens it.
beforeAll(async () => {
  cat = tempCatalog(inject('catalogPath'));
  // The CSV sample without its last line, cut mid-term by its author (import-tenancy.test.ts).
  const lines = readFileSync(fixture('AmazonEC2-offer-sample.csv'), 'utf8').trimEnd().split('\n');
  const sample = join(cat.dir, 'sample-whole-terms.csv');
  writeFileSync(sample, lines.slice(0, 49).join('\n') + '\n');
  await importPriceFile({ file: sample, catalogPath: cat.path });
  await importPriceFile({ file: fixture('AmazonEC2-dedicated-host-excerpt.json'), catalogPath: cat.path });
}, 60_000);
afterAll(() => cat?.cleanup());

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => cat!.path, {
  width: 1500,
  height: 1200,
});
const page = () => served.page();

describe('Dedicated Hosts priced from imported AWS rows, in Chromium against serve', () => {
  it('shows 2 × i2 hosts at $7.502/h, $10,952.92 a month, with the working; the fee n/a', async () => {
    await served.openScenario(JSON.parse(readFileSync(EXAMPLE, 'utf8')), 'workloads');
    const hosts = page().locator('[data-testid="estimate-line-dedicated"][data-line-id="hosts"]');
    await expect
      .poll(() => hosts.getByTestId('estimate-line-hosts').textContent(), { timeout: 10_000 })
      .toBe('2 × i2 Dedicated Host (8 i2.xlarge per host), On-Demand, $7.502/h each — $10,952.92/month');
    // The engine's working is the tooltip (its wording is the engine's: only its arithmetic is checked).
    const working = await hosts.getByTestId('estimate-line-hosts').getAttribute('title');
    expect(working).toContain('ceil(10 i2.xlarge ÷ 8 per host) = 2 hosts');
    expect(working).toContain('2 × $7.502/h × 730 h');
    const byol = page().locator('[data-testid="estimate-line"][data-line-id="byol"]');
    // The BYOL instances are priced (2 × 0.70224 × 730 = 1,025.27), the fee is not: the line is n/a.
    expect(await byol.getAttribute('data-monthly-usd')).toBe('');
    expect(
      await page()
        .locator('[data-testid="estimate-line-dedicated"][data-line-id="byol"]')
        .getByTestId('estimate-line-dedicated-fee')
        .textContent(),
    ).toBe(
      'Dedicated per-Region fee, eu-central-1: 730 h × rate n/a, for the hours a Dedicated Instance of line Windows BYOL app servers runs',
    );
    await expect
      .poll(() => page().locator('[data-testid="missing-price-notice"][data-family="dedicated-fee"]').count())
      .toBe(1);
    expect(
      await page().locator('[data-testid="missing-price-notice"][data-family="dedicated-host"]').count(),
    ).toBe(0);
    await page()
      .getByRole('region', { name: 'Estimate' })
      .screenshot({ path: join(ARTIFACTS, 'tenancy-estimate-priced.png') });
  });

  it("shows the i2 host's price and what it holds in the catalog's detail pane", async () => {
    await page().goto(served.url());
    await page().getByTestId('region-select').selectOption('us-east-2');
    await page().getByTestId('os-select').selectOption('linux');
    // i2 is a previous generation, hidden by default.
    await page().getByTestId('generation-select').selectOption('all');
    await page().getByTestId('search-input').fill('i2.xlarge');
    const row = page().locator('[data-testid="instance-row"][data-instance-type="i2.xlarge"]');
    await row.click();
    const panel = page().getByTestId('detail-panel');
    await panel.getByTestId('detail-tenancy').selectOption('host');
    await expect
      .poll(() => panel.getByTestId('detail-host-capacity').textContent(), { timeout: 10_000 })
      .toBe('8 i2.xlarge');
    const od = panel.locator('[data-testid="host-option"][data-model="on-demand"]');
    expect(await od.textContent()).toContain('$7.502');
    // 7.502 × 730 = 5,476.46 a month per host.
    expect(await od.textContent()).toContain('$5,476.46');
    await panel.screenshot({ path: join(ARTIFACTS, 'catalog-detail-host-priced.png') });
  });
});
