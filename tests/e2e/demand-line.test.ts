import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Scenario } from '@shared/scenario/schema';
import { savedOn } from '../support/save-status';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

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

/** A scenario with one m5.xlarge line in us-east-1 running 1 instance, open in Workloads. */
async function oneLine(usage: Record<string, unknown> = { pattern: 'constant', count: 1 }): Promise<string> {
  const created = await served.api<{ id: string }>('scenarios.create', {
    document: {
      name: 'E2E demand',
      lines: [{ id: 'app', name: 'App tier', instanceType: 'm5.xlarge', region: 'us-east-1', usage }],
    },
  });
  await served.chooseScenario(created.id);
  await page().goto(`${served.url()}#workloads`);
  return created.id;
}

const saved = () => savedOn(page());

describe('a line sized from demand, in Chromium against serve', () => {
  it('sizes 100 vCPU over 3 AZs surviving one to 39 m5.xlarge, draws demand against capacity, checks the quota', async () => {
    const id = await oneLine();
    const card = page().getByTestId('line-card').first();
    await expect.poll(() => card.getByTestId('line-instance').inputValue()).toBe('m5.xlarge');

    await card.getByTestId('line-pattern').selectOption('demand');
    await expect
      .poll(() => card.getByTestId('demand-capacity').textContent())
      .toBe('One m5.xlarge: 4 vCPU, 16 GiB.');
    await setNumber(card, 'demand-vcpu', '100');
    await setNumber(card, 'demand-zones', '3');
    await card.getByTestId('demand-survive').check();

    // 100 vCPU carried by the 2 AZs left: 50 each, 50 / 4 = 12.5 → 13 per AZ, 39 in all;
    // 39 × $0.192 × 730 = $5,466.24
    const row = page().locator('[data-testid="estimate-line"][data-line-id="app"]');
    await expect.poll(() => row.getAttribute('data-monthly-usd')).toBe('5466.24');
    await expect
      .poll(() => row.getByTestId('estimate-line-demand').textContent())
      .toBe('39 instances at the peak (13 per AZ × 3 AZs, surviving the loss of one)');

    const preview = card.getByTestId('demand-preview');
    expect(await preview.getAttribute('data-peak-instances')).toBe('39');
    expect(await preview.getAttribute('data-peak-demand')).toBe('100');
    expect(await preview.getAttribute('data-peak-provided')).toBe('156'); // 39 × 4 vCPU
    expect(await preview.getAttribute('data-unit')).toBe('vCPU');
    const cell = preview.locator('g > g').nth(9); // Monday 09:00
    expect(await cell.locator('title').textContent()).toBe(
      'Mon 09:00 — demand 100 vCPU, provisioned 156 vCPU (39 instances)',
    );
    await expect
      .poll(() => preview.getByTestId('demand-preview-caption').textContent())
      .toContain('peak demand 100 vCPU, provisioned 156 vCPU (39 instances at the peak, 13 per AZ × 3)');

    // 156 Standard vCPUs against AWS's new-account default of 5, then against an entered 200
    const quota = page().locator('[data-testid="quota-row"][data-key="standard"]');
    await expect.poll(() => quota.getAttribute('data-peak')).toBe('156');
    expect(await quota.getAttribute('data-status')).toBe('exceeds');
    await page().getByTestId('quotas-panel').locator('summary').click();
    await setNumber(page().getByTestId('quotas-panel'), 'quota-standard', '200');
    await expect.poll(() => quota.getAttribute('data-status')).toBe('within');
    await saved();

    const stored = await served.api<{ document: Scenario }>('scenarios.get', { id });
    expect(stored.document.quotas).toEqual({ standard: 200 });
    expect(stored.document.lines[0]!.usage).toEqual({
      pattern: 'demand',
      vcpu: 100,
      targetUtilizationPct: 100,
      minInstances: 0,
      zones: 3,
      surviveZoneLoss: true,
    });
    await card.scrollIntoViewIfNeeded();
    await page().screenshot({ path: join(ARTIFACTS, 'demand-line.png'), fullPage: true });
  });

  it('shows the hours a maximum leaves short, in red and as a warning', async () => {
    // Business-hours shape: 100 vCPU Mon–Fri 08–18 (25 instances), 25 vCPU outside (7); a maximum of 20
    // leaves the 50 business hours short.
    await oneLine({
      pattern: 'demand',
      vcpu: 100,
      maxInstances: 20,
      follows: {
        pattern: 'business-hours',
        count: 4,
        offHoursCount: 1,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        startHour: 8,
        endHour: 18,
      },
    });
    const card = page().getByTestId('line-card').first();
    const preview = card.getByTestId('demand-preview');
    await expect.poll(() => preview.getAttribute('data-short-hours')).toBe('50');
    expect(await preview.getAttribute('data-peak-instances')).toBe('20');
    expect(await preview.locator('rect[data-short]').count()).toBe(50);
    expect(await card.getByTestId('demand-shape').inputValue()).toBe('pattern');
    expect(await card.getByTestId('demand-shape-pattern').inputValue()).toBe('business-hours');
    await expect
      .poll(() => page().getByTestId('estimate-warnings').textContent())
      .toContain(
        'under-provisioned: the demand needs up to 25 instances but the maximum is 20, so 50 of 168 hours a week (from Mon 08:00) run short of the demand',
      );
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(ARTIFACTS, 'demand-line-short.png') });
  });

  it('flags in Compare the strategy whose spot lines exceed the spot quota', async () => {
    // web 4 × m5.large (8 vCPU) always; batch 2 × c5.xlarge (8 vCPU) in business hours, tolerant.
    // All on-demand: Standard peaks at 16 = the quota of 16. Spot where allowed: batch on spot, 8 spot
    // vCPUs against a spot quota of 4.
    const created = await served.api<{ id: string }>('scenarios.create', {
      document: {
        name: 'E2E quotas',
        quotas: { standard: 16, 'spot-standard': 4 },
        lines: [
          {
            id: 'web',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 4 },
          },
          {
            id: 'batch',
            instanceType: 'c5.xlarge',
            region: 'us-east-1',
            interruptionTolerant: true,
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
    await page().goto(`${served.url()}#compare`);
    const row = (id: string) => page().locator(`[data-testid="strategy-row"][data-strategy-id="${id}"]`);
    await expect
      .poll(() => row('spot-where-allowed').getByTestId('strategy-quota').textContent())
      .toBe('Over quota: spot Standard in us-east-1 (8 vCPUs, quota 4)');
    expect(await row('on-demand').getByTestId('strategy-quota').count()).toBe(0);
    await row('spot-where-allowed').screenshot({ path: join(ARTIFACTS, 'compare-quota.png') });
  });
});
