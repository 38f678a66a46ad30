import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { benchMixScenario } from '../bench/mix';
import { useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'));
const page = () => served.page();

describe('Export dialog on a long report, in Chromium against serve', () => {
  it('shows what the export is doing and cancels it', async () => {
    // 2,000 lines as a PDF: pricing takes about a second and printing in Chromium several more, so the
    // export is still printing when Cancel is pressed (an XLSX is written in about 3 s: too close to call).
    await served.openScenario(benchMixScenario(2000), 'compare');
    await expect
      .poll(() => page().getByTestId('strategy-row').count(), { timeout: 120_000 })
      .toBeGreaterThan(5);
    await page().getByTestId('export-button').click();
    await page().getByTestId('export-format').selectOption('pdf');
    await page().getByTestId('export-submit').click();
    const status = page().getByTestId('export-status');
    await status.getByText(/Printing PDF…/).waitFor({ timeout: 60_000 });
    await page().getByTestId('export-cancel').click();
    await status.getByText('Export cancelled; nothing was saved.').waitFor({ timeout: 30_000 });
    // The dialog is usable again, and the server still answers.
    expect(await page().getByTestId('export-submit').isEnabled()).toBe(true);
    expect(await served.api<{ asOf: string }>('catalog.meta')).toHaveProperty('asOf');
  }, 240_000);
});
