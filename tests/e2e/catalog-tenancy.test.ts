import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { OPERATING_SYSTEMS } from '@shared/catalog-types';
import { OS_LABELS } from '@shared/operating-systems';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1000,
});
const page = () => served.page();

describe('licence OSes and tenancies in the Catalog, in Chromium against serve', () => {
  it('lists the 9 OSes by their labels; the shipped catalog lacks SQL Server and BYOL prices: n/a, never 0', async () => {
    await page().goto(served.url());
    await page().getByTestId('region-select').selectOption('us-east-1');
    const os = page().getByTestId('os-select');
    await expect
      .poll(() => os.locator('option').allTextContents())
      .toEqual(
        OPERATING_SYSTEMS.map((o) =>
          o === 'windows-byol' ? `${OS_LABELS[o]} (dedicated only)` : OS_LABELS[o],
        ),
      );
    await os.selectOption('windows-sql-ent');
    await page().getByTestId('family-select').selectOption('m5');
    const m5 = page().locator('[data-testid="instance-row"][data-instance-type="m5.large"]');
    await expect.poll(() => m5.getByTestId('cell-onDemand').textContent(), { timeout: 10_000 }).toBe('n/a');
    expect(await m5.getByTestId('cell-best1y').textContent()).toBe('n/a');
    expect(await page().getByTestId('os-dedicated-only').count()).toBe(0);

    // Windows BYOL: not sold on shared hardware, and the filter bar says so.
    await os.selectOption('windows-byol');
    await expect
      .poll(() => page().getByTestId('os-dedicated-only').textContent())
      .toContain('Not sold on shared hardware');
    await expect.poll(() => m5.getByTestId('cell-onDemand').textContent(), { timeout: 10_000 }).toBe('n/a');

    // Its detail pane opens on Dedicated Instance (shared greyed out), with the per-Region fee n/a.
    await m5.click();
    const panel = page().getByTestId('detail-panel');
    const tenancy = panel.getByTestId('detail-tenancy');
    await expect.poll(() => tenancy.inputValue()).toBe('dedicated');
    expect(await tenancy.locator('option[value="shared"]').isDisabled()).toBe(true);
    await expect
      .poll(() => panel.getByTestId('detail-dedicated-fee').textContent(), { timeout: 10_000 })
      .toContain('n/a — not in this catalog');
    const od = panel.locator('[data-testid="price-option"][data-model="on-demand"]');
    await expect.poll(() => od.textContent()).toContain('n/a');
    expect(await panel.locator('.detail-header p').textContent()).toContain(
      'Windows, bring your own licence · Dedicated Instance',
    );

    // On a Dedicated Host: the host's family and what it holds, n/a until AWS's price files are imported.
    await tenancy.selectOption('host');
    await expect
      .poll(() => panel.getByTestId('detail-host').textContent(), { timeout: 10_000 })
      .toContain('Dedicated Host family m5, billed per host-hour');
    expect(await panel.getByTestId('detail-host-capacity').textContent()).toBe('n/a m5.large');
    expect(await panel.getByTestId('detail-host-note').textContent()).toContain("import AWS's price files");
    expect(
      await panel.locator('[data-testid="host-option"][data-model="on-demand"]').textContent(),
    ).toContain('n/a');
    expect(await panel.getByTestId('price-option').count()).toBe(1);
    await panel.screenshot({ path: join(ARTIFACTS, 'catalog-detail-host.png') });

    // Back to Linux: shared again offered, its real price shown.
    await os.selectOption('linux');
    await tenancy.selectOption('shared');
    await expect
      .poll(() => panel.locator('[data-testid="price-option"][data-model="on-demand"]').textContent(), {
        timeout: 10_000,
      })
      .toContain('0.096');
  });
});
