import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, useServedPage } from '../support/serve-process';
import { fixture } from '../fixtures/import-test-support';
import type { CatalogMeta, PriceOptions } from '@shared/catalog-types';

// Dedicated Host Reservation offerings (`aws ec2 describe-host-reservation-offerings` output, which names
// no region) imported through the Data screen: it asks for the region before it starts. This test
// imports into a catalog, so it serves a private copy of the run's catalog. The output names no date
// either: it is dated by the chosen file's date (File.lastModified, sent with the upload), not the
// day serve saved the upload.
const dir = mkdtempSync(join(tmpdir(), 'planner-e2e-host-res-'));
const catalog = join(dir, 'catalog.sqlite');
const offerings = join(dir, 'host-reservation-offerings.json');
beforeAll(() => {
  copyFileSync(inject('catalogPath'), catalog);
  copyFileSync(fixture('describe-host-reservation-offerings-m4.json'), offerings);
  const fileDate = new Date('2025-03-14T00:00:00Z');
  utimesSync(offerings, fileDate, fileDate);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => catalog);
const page = () => served.page();

const m4Host = async (region: string) =>
  (
    await served.api<PriceOptions>('catalog.priceOptions', {
      instanceType: 'm4.xlarge',
      region,
      tenancy: 'host',
    })
  ).host!;

describe('Data screen: Dedicated Host Reservation offerings, in Chromium against serve', () => {
  it('asks for the region the output was read in, imports it there, and the catalog shows the host reservations', async () => {
    expect((await m4Host('eu-west-2')).reservations).toEqual([]);
    await page().goto(`${served.url()}#data`);
    const question = page().getByTestId('import-region-question');
    const submit = page().getByTestId('import-submit');
    const kind = page().getByTestId('import-kind');
    expect(await kind.locator('option').allTextContents()).toEqual([
      'Detect',
      'EC2 offer file',
      'Savings Plans offer file',
      'Spot price history',
      'Spot Advisor (interruption bands)',
      'Dedicated Host Reservation offerings',
    ]);
    // Chosen as that kind (for a path typed on this machine), the screen asks; back on Detect, it does not.
    await kind.selectOption('host-reservations');
    await expect.poll(() => question.count()).toBe(1);
    await kind.selectOption('auto');
    await expect.poll(() => question.count()).toBe(0);

    // A chosen file recognised as describe-host-reservation-offerings output: asked before it can start.
    // Chromium gives a file chosen from disk its modification time as File.lastModified.
    await page().getByTestId('import-file').setInputFiles(offerings);
    await expect.poll(() => question.count()).toBe(1);
    expect(await question.textContent()).toContain('names no region');
    expect(await submit.isDisabled()).toBe(true);
    const region = page().getByTestId('import-region');
    await expect.poll(() => region.locator('option[value="eu-west-2"]').count()).toBe(1);
    expect(await region.locator('option[value="eu-west-2"]').textContent()).toBe('eu-west-2 — EU (London)');
    await page()
      .locator('.import-form')
      .screenshot({ path: join(ARTIFACTS, 'data-import-host-region.png') });

    await region.selectOption('eu-west-2');
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
    await expect
      .poll(() => page().getByTestId('import-progress').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('done');
    const line = page().getByTestId('import-host-reservations');
    expect(await line.getAttribute('data-region')).toBe('eu-west-2');
    expect(await line.textContent()).toContain('6 host reservation rows imported for eu-west-2, family m4');
    await page().screenshot({ path: join(ARTIFACTS, 'data-import-host-done.png'), fullPage: true });

    // In the catalog: m4.xlarge in eu-west-2 on a Dedicated Host lists the host's reservations.
    await page().goto(served.url());
    await page().getByTestId('region-select').selectOption('eu-west-2');
    await page().getByTestId('generation-select').selectOption('all');
    await expect
      .poll(() => page().locator('[data-testid="family-select"] option[value="m4"]').count())
      .toBe(1);
    await page().getByTestId('family-select').selectOption('m4');
    const row = page().locator('[data-testid="instance-row"][data-instance-type="m4.xlarge"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.click();
    const panel = page().getByTestId('detail-panel');
    await panel.getByTestId('detail-tenancy').selectOption('host');
    const noUpfront1y = panel.locator(
      '[data-testid="host-option"][data-model="reserved"][data-term="1"][data-payment="no-upfront"]',
    );
    await expect.poll(() => noUpfront1y.textContent(), { timeout: 10_000 }).toContain('1.499');
    expect(await panel.locator('[data-testid="host-option"][data-model="reserved"]').count()).toBe(6);
    await panel.screenshot({ path: join(ARTIFACTS, 'data-import-host-catalog.png') });

    const host = await m4Host('eu-west-2');
    expect(host.reservations).toContainEqual(
      expect.objectContaining({
        termYears: 1,
        paymentOption: 'no-upfront',
        hourlyUsd: '1.499',
        sourceId: 'aws-host-reservations-eu-west-2-2025-03-14',
      }),
    );
    // Dated by the file's date, not today (the day the upload was saved).
    const sources = (await served.api<CatalogMeta>('catalog.meta', {})).sources;
    expect(sources.find((s) => s.id === 'aws-host-reservations-eu-west-2-2025-03-14')?.asOf).toBe(
      '2025-03-14',
    );
    expect((await m4Host('us-east-1')).reservations).toEqual([]);
  });
});
