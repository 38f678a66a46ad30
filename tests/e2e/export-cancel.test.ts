import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { benchMixScenario } from '../bench/mix';
import { useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'));
const page = () => served.page();

describe('Export dialog on a long report, in Chromium against serve', () => {
  it('shows what the export is doing and cancels it', async () => {
    // 2,000 lines: pricing and building the workbook take seconds, so the export is still running when
    // Cancel is pressed.
    const created = await served.api<{ id: string }>('scenarios.create', {
      document: benchMixScenario(2000),
    });
    await served.chooseScenario(created.id);
    await page().goto(`${served.url()}#compare`);
    await expect
      .poll(() => page().getByTestId('strategy-row').count(), { timeout: 120_000 })
      .toBeGreaterThan(5);
    await page().getByTestId('export-button').click();
    await page().getByTestId('export-format').selectOption('xlsx');
    await page().getByTestId('export-submit').click();
    const status = page().getByTestId('export-status');
    // Pricing 2,000 lines now takes about a second, so the dialog may already be building the workbook
    // (seconds more) by its first poll: any phase of a running export will do.
    await status
      .getByText(/Waiting for another calculation|Pricing every line…|Building workbook…/)
      .waitFor({ timeout: 60_000 });
    await page().getByTestId('export-cancel').click();
    await status.getByText('Export cancelled; nothing was saved.').waitFor({ timeout: 30_000 });
    // The dialog is usable again, and the server still answers.
    expect(await page().getByTestId('export-submit').isEnabled()).toBe(true);
    expect(await served.api<{ asOf: string }>('catalog.meta')).toHaveProperty('asOf');
  }, 240_000);
});
