import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Scenario } from '@shared/scenario/schema';
import { savedOn } from '../support/save-status';
import { useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1100,
});
const page = () => served.page();

async function setNumber(card: Locator, testId: string, value: string) {
  const input = card.getByTestId(testId);
  await input.fill(value);
  await input.press('Tab');
}

describe('a jobs line, in Chromium against serve', () => {
  it('bills 100 runs a day of 30 s on c5.large Linux at the 60-second minimum: $4.31 a month', async () => {
    const created = await served.api<{ id: string }>('scenarios.create', {
      document: {
        name: 'E2E jobs',
        lines: [
          {
            id: 'batch',
            instanceType: 'c5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 1 },
          },
        ],
      },
    });
    await served.chooseScenario(created.id);
    await page().goto(`${served.url()}#workloads`);
    const card = page().getByTestId('line-card').first();
    await expect.poll(() => card.getByTestId('line-instance').inputValue()).toBe('c5.large');

    await card.getByTestId('line-pattern').selectOption('jobs');
    await setNumber(card, 'line-runs-per-day', '100');
    await setNumber(card, 'line-duration-seconds', '30');
    await expect
      .poll(() => card.getByTestId('line-jobs-billing').textContent())
      .toBe('Billed per second, at least 60 s a run: 60 s each.');
    // 100 × 60 s = 1.6667 h a day, spread over 24 hours on 7 days: 0.07 instance-hours each hour.
    await expect
      .poll(() => card.getByTestId('profile-preview').locator('figcaption').textContent())
      .toContain('0.07 instances all week');

    // 100 × 60 s = 6,000 s = 1.6667 h a day × 7 × 730 / 168 = 50.694 h × $0.085 = $4.31
    const row = page().locator('[data-testid="estimate-line"][data-line-id="batch"]');
    await expect
      .poll(async () => Number(await row.getAttribute('data-monthly-usd')))
      .toBeCloseTo(4.3090277778, 9);
    expect(await row.textContent()).toContain('4.31');
    await savedOn(page());

    const stored = await served.api<{ document: Scenario }>('scenarios.get', { id: created.id });
    expect(stored.document.lines[0]?.usage).toEqual({
      pattern: 'jobs',
      runsPerDay: 100,
      durationSeconds: 30,
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      startHour: 0,
      endHour: 24,
    });
  });
});
