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

describe('accounts in Workloads, in Chromium against serve', () => {
  it('adds two accounts, moves a line to the second, turns its sharing off: it pays On-Demand, $70.08', async () => {
    // a-web buys 2 Standard 1-year No Upfront m5.large RIs ($0.06/h) and runs 1; b-web runs 1.
    const constant = { pattern: 'constant', count: 1 } as const;
    const id = await served.openScenario(
      {
        name: 'E2E accounts',
        lines: [
          {
            id: 'a-web',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: constant,
            purchase: { model: 'reserved', termYears: 1, paymentOption: 'no-upfront', count: 2 },
          },
          { id: 'b-web', instanceType: 'm5.large', region: 'us-east-1', usage: constant },
        ],
      },
      'workloads',
    );
    const panel = page().getByTestId('accounts-panel');
    await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(1);
    expect(await page().getByTestId('line-account').count()).toBe(0);
    await panel.locator('summary').click();
    await page().getByTestId('account-add').click();
    await page().getByTestId('account-add').click();
    await expect.poll(() => page().getByTestId('line-account').count(), { timeout: 10_000 }).toBe(2);

    // Sharing on: b-web runs on a-web's second RI, so account-2 pays nothing.
    const bLine = page().locator('[data-testid="line-card"][data-line-id="b-web"]');
    await bLine.getByTestId('line-account').selectOption('account-2');
    const row2 = page().locator('[data-testid="estimate-account-row"][data-account="account-2"]');
    await expect
      .poll(() => row2.getByTestId('estimate-account-monthly').textContent(), { timeout: 10_000 })
      .toBe('$0.00');

    // Sharing off for account-2: b-web pays 730 h × $0.096 = $70.08 On-Demand.
    await page().getByTestId('account-row').nth(1).getByTestId('account-sharing').uncheck();
    await expect
      .poll(() => row2.getByTestId('estimate-account-monthly').textContent(), { timeout: 10_000 })
      .toBe('$70.08');
    const row1 = page().locator('[data-testid="estimate-account-row"][data-account="account-1"]');
    expect(await row1.getByTestId('estimate-account-monthly').textContent()).toBe('$87.60');
    await saved();
    const stored = await served.api<{ document: Scenario }>('scenarios.get', { id: id });
    expect(stored.document.accounts).toEqual([
      { id: 'account-1', sharing: true },
      { id: 'account-2', sharing: false },
    ]);
    expect(stored.document.lines.map((l) => l.account)).toEqual([undefined, 'account-2']);
    await page()
      .getByTestId('estimate-accounts')
      .screenshot({ path: join(ARTIFACTS, 'accounts.png') });

    // Removing account-2 puts b-web back in the first account.
    await page().getByTestId('account-row').nth(1).getByTestId('account-remove').click();
    await expect.poll(() => page().getByTestId('estimate-account-row').count(), { timeout: 10_000 }).toBe(1);
    await saved();
    const after = await served.api<{ document: Scenario }>('scenarios.get', { id: id });
    expect(after.document.lines.map((l) => l.account)).toEqual([undefined, undefined]);
  });
});
