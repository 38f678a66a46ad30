import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

// Issue 11, items 7 and 8 in the browser: one notice per missing price family with a link to the Data
// screen (never a warning per line and option), and a figure that opens to its arithmetic.
const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1000,
});
const page = () => served.page();

/** Web tier: 4 × m5.large with 100 GiB gp3 each, bought as `webPurchase`; a business-hours batch tier. */
async function savedMix(webPurchase: Record<string, unknown>): Promise<string> {
  const created = await served.api<{ id: string }>('scenarios.create', {
    document: {
      name: 'Explain mix',
      lines: [
        {
          id: 'web',
          name: 'Web tier',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 4 },
          purchase: webPurchase,
          volumes: [{ volumeType: 'gp3', sizeGiB: 100, count: 1 }],
        },
        {
          id: 'batch',
          name: 'Business-hours batch',
          instanceType: 'c5.xlarge',
          region: 'us-east-1',
          usage: {
            pattern: 'business-hours',
            count: 2,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            startHour: 8,
            endHour: 18,
          },
        },
      ],
    },
  });
  await served.chooseScenario(created.id);
  return created.id;
}

const SP_TITLE = 'Savings Plans rates are not in this catalog';

describe('missing prices and calculations in Chromium against serve', () => {
  it('says the missing Savings Plans rates once on Workloads, with a link to the Data screen', async () => {
    await savedMix({ model: 'savings-plan', planType: 'compute', termYears: 1, paymentOption: 'no-upfront' });
    await page().goto(`${served.url()}#workloads`);
    const notices = page().getByTestId('estimate-missing-prices').getByTestId('missing-price-notice');
    await expect.poll(() => notices.count(), { timeout: 15_000 }).toBe(1);
    const notice = notices.first();
    expect(await notice.getAttribute('data-family')).toBe('savings-plan');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(SP_TITLE);
    expect(text).toContain('Update from AWS, or import the Savings Plans file');
    expect(await notice.getByTestId('missing-price-lines').textContent()).toBe('Line: Web tier');
    // The warnings list does not repeat it.
    expect(await page().getByTestId('estimate-warnings').textContent()).not.toContain('Savings Plans rate');
    await notice.getByTestId('missing-price-data-link').click();
    await expect.poll(() => page().evaluate(() => location.hash)).toBe('#data');
  });

  it('says it once on Compare above the strategies, naming the web line once', async () => {
    await savedMix({ model: 'on-demand' });
    await page().goto(`${served.url()}#compare`);
    const box = page().getByTestId('compare-missing-prices');
    const sp = box.locator('[data-family="savings-plan"]');
    await expect.poll(() => sp.count(), { timeout: 15_000 }).toBe(1);
    const text = (await sp.textContent()) ?? '';
    expect(text.split(SP_TITLE)).toHaveLength(2);
    expect(text.split('Web tier')).toHaveLength(2);
    expect(await sp.getByTestId('missing-price-data-link').getAttribute('href')).toBe('#data');
    // One notice per family: no family twice, and each strategy row says only its own n/a.
    const families = await box
      .getByTestId('missing-price-notice')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-family')));
    expect(new Set(families).size).toBe(families.length);
    await page().screenshot({ path: join(ARTIFACTS, 'compare-missing-prices.png') });
  });

  it("opens the web line's monthly figure to its arithmetic and the catalog rows behind it", async () => {
    await savedMix({ model: 'on-demand' });
    await page().goto(`${served.url()}#workloads`);
    const row = page().locator('[data-testid="estimate-line"][data-line-id="web"]');
    await expect.poll(() => row.getAttribute('data-monthly-usd'), { timeout: 15_000 }).toBe('312.32');
    const figure = row.getByTestId('explain-line-monthly');
    expect(await figure.getAttribute('aria-label')).toBe('Show calculation: Monthly — Web tier');

    // Keyboard: focus the figure, Enter opens it, Escape closes it.
    await figure.focus();
    await page().keyboard.press('Enter');
    const panel = page().getByTestId('explain-panel');
    await expect
      .poll(() => panel.getByTestId('explain-formula').first().textContent())
      .toBe('280.32 + 32 + 0 = 312.32 USD');
    await page().keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);

    await figure.click();
    await expect.poll(() => panel.count()).toBe(1);
    const formulas = await panel.getByTestId('explain-formula').allTextContents();
    expect(formulas).toContain('4 × 0.096 USD/h × 730 h');
    expect(formulas).toContain('4 × 100 GiB × 0.08 USD/GiB-month');
    const rows = await panel.getByTestId('explain-row').allTextContents();
    expect(
      rows.some(
        (r) =>
          r.includes('m5.large us-east-1 Linux On-Demand') && r.includes('karpenter-od-2026-07, 2026-07-20'),
      ),
    ).toBe(true);
    expect(
      rows.some((r) => r.includes('gp3 storage in us-east-1') && r.includes('aws-ebs-2024-07, 2024-07-18')),
    ).toBe(true);
    await page().screenshot({ path: join(ARTIFACTS, 'workloads-show-calculation.png') });
  });

  it("opens a strategy's 3-year total on Compare", async () => {
    await savedMix({ model: 'on-demand' });
    await page().goto(`${served.url()}#compare`);
    const ri = page().locator(
      '[data-testid="strategy-row"][data-strategy-id="reserved-standard-1y-all-upfront"]',
    );
    await expect.poll(() => ri.getAttribute('data-three-year-usd'), { timeout: 15_000 }).toMatch(/^\d/);
    // 4 RIs × $494 for the web tier, renewed at months 12 and 24; monthly: its 4 × 100 GiB × 0.08 = 32
    // plus the batch tier's 0.17 × 100 × 730 / 168 = 73.869048 On-Demand.
    await ri.getByTestId('explain-strategy-threeYear').click();
    const formula = page().getByTestId('explain-panel').getByTestId('explain-formula').first();
    await expect
      .poll(() => formula.textContent())
      .toBe('3 × 1,976 USD upfront + 36 × 105.869048 USD = 9,739.285714 USD');
  });
});
