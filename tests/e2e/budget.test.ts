import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Scenario, ScenarioInput } from '@shared/scenario/schema';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

/**
 * A scenario's budget in Chromium against serve: entered in Workloads, checked by the estimate,
 * named per strategy in Compare and drawn on its cumulative chart. web-and-batch on On-Demand is
 * $394.19 a month: a $400 budget's 80 % actual threshold ($320) is crossed every month, its 100 %
 * forecasted one is not; a 3-year all-upfront RI ($3,796 upfront + $113.87) crosses both in month 1 only.
 */
const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1100,
});
const page = () => served.page();
const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json');

describe('budgets, in Chromium against serve', () => {
  it('takes a monthly budget in Workloads and names the crossings there and in Compare', async () => {
    page().setDefaultTimeout(10_000);
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput;
    const id = await served.openScenario({ ...doc, name: 'E2E budget' }, 'workloads');
    await expect.poll(() => page().getByTestId('line-card').count(), { timeout: 10_000 }).toBe(2);
    expect(await page().getByTestId('estimate-budget').count()).toBe(0);

    const panel = page().getByTestId('budget-panel');
    await panel.locator('summary').click();
    const amount = panel.getByTestId('budget-monthly');
    // A bad amount is flagged under the field, by the schema's plain words.
    await amount.fill('0');
    await expect.poll(() => panel.locator('.field-error').first().textContent()).toBe('must be more than 0');
    await amount.fill('500');
    await expect
      .poll(() => page().getByTestId('estimate-budget-summary').textContent(), { timeout: 10_000 })
      .toBe('Within budget: $394.19 of $500.00 (78.8 %)');
    await amount.fill('400');
    await expect
      .poll(() => page().getByTestId('estimate-budget-summary').textContent(), { timeout: 10_000 })
      .toBe('Budget: $394.19 of $400.00 (98.5 %) a month');
    const crossings = page().getByTestId('estimate-budget-crossings').locator('li');
    expect(await crossings.allTextContents()).toEqual([
      '80 % actual ($320.00): crossed in months 1–36, around day 25 of each month',
      '100 % forecasted ($400.00): not crossed',
    ]);
    // The default thresholds are shown and editable.
    expect(await panel.getByTestId('budget-threshold-pct-0').inputValue()).toBe('80');
    expect(await panel.getByTestId('budget-threshold-basis-1').inputValue()).toBe('forecasted');
    await expect
      .poll(() => page().getByTestId('save-status').textContent(), { timeout: 10_000 })
      .toContain('Saved');
    const stored = await served.api<{ document: Scenario }>('scenarios.get', { id: id });
    expect(stored.document.budget).toEqual({
      monthlyUsd: '400',
      thresholds: [
        { pct: 80, basis: 'actual' },
        { pct: 100, basis: 'forecasted' },
      ],
    });
    await page().getByTestId('estimate-budget').scrollIntoViewIfNeeded();
    await page().screenshot({ path: join(ARTIFACTS, 'budget-workloads.png') });

    await page().goto(`${served.url()}#compare`);
    const row = (id: string) => page().locator(`[data-testid="strategy-row"][data-strategy-id="${id}"]`);
    await expect
      .poll(() => row('reserved-standard-3y-all-upfront').getByTestId('strategy-budget').textContent(), {
        timeout: 15_000,
      })
      .toBe('Budget: 80 % actual: month 1; 100 % forecasted: month 1');
    expect(await row('on-demand').getByTestId('strategy-budget').textContent()).toBe(
      'Budget: 80 % actual: months 1–36; 100 % forecasted: no',
    );
    expect(await row('reserved-standard-3y-no-upfront').getByTestId('strategy-budget').textContent()).toBe(
      'Within budget (58.4 %)',
    );
    // The cumulative chart draws the budget line and names it in the legend.
    const chart = page().getByTestId('cumulative-chart');
    expect(await chart.locator('.budget-line').count()).toBe(1);
    expect(await chart.textContent()).toContain('Budget $400.00/month');
    await page().screenshot({ path: join(ARTIFACTS, 'budget-compare.png'), fullPage: true });
  }, 90_000);
});
