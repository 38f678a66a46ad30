import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1100,
});
const page = () => served.page();

const fill = async (testId: string, value: string) => {
  const input = page().getByTestId(testId);
  await input.fill('');
  await input.fill(value);
};

/** 500 GiB, 12,000 IOPS of 16 KiB random I/O, 250 MiB/s in us-east-1 (each test starts from a fresh browser). */
async function sizeSmallRandomNeed() {
  await page().goto(`${served.url()}#ebs`);
  await page().getByTestId('ebs-region').selectOption('us-east-1');
  await fill('ebs-capacity', '500');
  await fill('ebs-iops', '12000');
  await fill('ebs-throughput', '250');
  await fill('ebs-io-size', '16');
  await page().getByTestId('ebs-pattern').selectOption('random');
}

describe('EBS Sizing screen in Chromium against serve', () => {
  it('fills the sizing form and shows the cheapest layout first', async () => {
    await sizeSmallRandomNeed();
    const top = page().getByTestId('ebs-option').first();
    // gp3: 500 x 0.08 + 9,000 x 0.005 + 125 x 0.04 = 40 + 45 + 5 = $90.00
    await expect.poll(() => top.getAttribute('data-monthly-usd')).toBe('90');
    expect(await top.getAttribute('data-volume-type')).toBe('gp3');
    expect(await top.textContent()).toContain('$90.00');
    expect(await top.getByTestId('ebs-binding').textContent()).toMatch(/iops/i);
    // st1/sc1 cannot do 12,000 small random IOPS
    await expect.poll(() => page().getByTestId('ebs-infeasible-row').count()).toBe(2);
    expect(await page().getByTestId('ebs-prices-as-of').textContent()).toContain('2024-07-18');
  });

  it('draws the fit chart and the cost curve', async () => {
    await sizeSmallRandomNeed();
    // The screenshot shows this need's answer, not the defaults': wait for it and for the charts.
    await expect
      .poll(() => page().getByTestId('ebs-option').first().getAttribute('data-monthly-usd'))
      .toBe('90');
    await expect.poll(() => page().getByTestId('ebs-loading').count()).toBe(0);
    await expect
      .poll(() => page().getByTestId('ebs-fit-chart').locator('svg path').count())
      .toBeGreaterThan(4);
    await expect
      .poll(() => page().getByTestId('ebs-cost-chart').locator('svg path').count())
      .toBeGreaterThan(2);
    await page().screenshot({ path: join(ARTIFACTS, 'ebs-sizing.png'), fullPage: true });
  });

  it('caps the layout by the chosen instance', async () => {
    await sizeSmallRandomNeed();
    await expect.poll(() => page().getByTestId('ebs-option').count()).toBeGreaterThan(0);
    await fill('ebs-instance', 'm5.large');
    await page().getByTestId('ebs-instance').press('Enter');
    // m5.large sustains 3,600 IOPS (baseline): 12,000 sustained IOPS fits no layout.
    await expect.poll(() => page().getByTestId('ebs-option').count()).toBe(0);
    await expect.poll(() => page().getByTestId('ebs-infeasible').textContent()).toContain('m5.large');
  });
});
