import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Scenario } from '@shared/scenario/schema';
import { savedOn } from '../support/save-status';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1100,
});
const page = () => served.page();
const saved = () => savedOn(page());

describe('the AWS Support plan in Workloads and Compare, in Chromium against serve', () => {
  it('prices Business Support on 100 m5.xlarge by tier, saves it, shows it per strategy, and None removes it', async () => {
    const id = await served.openScenario(
      {
        name: 'E2E support',
        lines: [
          {
            id: 'app',
            instanceType: 'm5.xlarge',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 100 },
          },
        ],
      },
      'workloads',
    );
    const select = page().getByTestId('scenario-support');
    await expect.poll(() => select.inputValue(), { timeout: 10_000 }).toBe('');
    await expect.poll(() => page().getByTestId('estimate-support').count()).toBe(0);

    // 100 × 0.192 USD/h × 730 h = 14,016 USD a month; Business: 10% × 10,000 + 7% × 4,016 = 1,281.12 USD.
    await select.selectOption('business');
    const fee = page().getByTestId('estimate-support');
    await expect.poll(() => fee.getAttribute('data-usd'), { timeout: 10_000 }).toBe('1281.12');
    expect(await page().getByTestId('estimate-support-arithmetic').textContent()).toContain(
      '10% × 10,000 + 7% × 4,016 = 1,000 + 281.12 = 1,281.12 USD',
    );
    expect(await page().getByTestId('estimate-support-totals').textContent()).toContain('monthly $15,297.12');
    await saved();
    const stored = await served.api<{ document: Scenario }>('scenarios.get', { id: id });
    expect(stored.document.support).toBe('business');
    await fee.screenshot({ path: join(ARTIFACTS, 'support-plan.png') });

    await page().goto(`${served.url()}#compare`);
    const od = page().locator('[data-testid="strategy-row"][data-strategy-id="on-demand"]');
    await expect
      .poll(() => od.getByTestId('strategy-support').getAttribute('data-usd'), { timeout: 10_000 })
      .toBe('1281.12');

    await page().goto(`${served.url()}#workloads`);
    await expect.poll(() => select.inputValue(), { timeout: 10_000 }).toBe('business');
    await select.selectOption('');
    await expect.poll(() => page().getByTestId('estimate-support').count(), { timeout: 10_000 }).toBe(0);
    await saved();
    const cleared = await served.api<{ document: Scenario }>('scenarios.get', { id: id });
    expect(cleared.document.support).toBeUndefined();
  });
});
