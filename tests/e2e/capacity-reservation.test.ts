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

describe('capacity reservation in Workloads, in Chromium against serve', () => {
  it('reserves 4 m5.large in us-east-1a for a line running 2: $280.32 a month, the unused $140.16', async () => {
    const id = await served.openScenario(
      {
        name: 'E2E capacity reservation',
        lines: [
          {
            id: 'web',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 2 },
          },
        ],
      },
      'workloads',
    );
    const row = page().locator('[data-testid="estimate-line"][data-line-id="web"]');
    // 2 × 0.096 × 730 before the reservation.
    await expect.poll(() => row.getAttribute('data-monthly-usd'), { timeout: 10_000 }).toBe('140.16');

    await page().getByTestId('capacity-reservation-on').check();
    const count = page().getByTestId('capacity-reservation-count');
    await count.fill('4');
    expect(await page().getByTestId('capacity-reservation-zone').inputValue()).toBe('us-east-1a');
    // 4 × 0.096 × 730 = 280.32, of which 2 unused: 2 × 0.096 × 730 = 140.16.
    await expect.poll(() => row.getAttribute('data-monthly-usd'), { timeout: 10_000 }).toBe('280.32');
    await expect
      .poll(() => page().getByTestId('capacity-reservation-summary').textContent(), { timeout: 10_000 })
      .toBe(
        'Reserved 2,920 instance-hours a month in us-east-1a, 1,460 unused; the unused cost $140.16 a month after Reserved Instances and Savings Plans.',
      );
    expect(await row.getByTestId('estimate-line-reservation').textContent()).toContain(
      'the unused cost $140.16',
    );
    await saved();
    const stored = await served.api<{ document: Scenario }>('scenarios.get', { id: id });
    expect(stored.document.lines[0]?.capacityReservation).toEqual({
      count: 4,
      availabilityZone: 'us-east-1a',
    });
    await page()
      .getByTestId('capacity-reservation')
      .screenshot({ path: join(ARTIFACTS, 'capacity-reservation.png') });

    // A zone of another region is flagged on the field, in words.
    await page().getByTestId('capacity-reservation-zone').fill('eu-west-1a');
    await expect
      .poll(() => page().getByTestId('capacity-reservation').locator('.field-error').textContent(), {
        timeout: 10_000,
      })
      .toContain("eu-west-1a is not an Availability Zone of the line's region us-east-1");

    // Changing the line's region moves the zone with it.
    await page().getByTestId('capacity-reservation-zone').fill('us-east-1b');
    await page().getByTestId('line-region').selectOption('eu-west-1');
    expect(await page().getByTestId('capacity-reservation-zone').inputValue()).toBe('eu-west-1b');
    await page().getByTestId('line-region').selectOption('us-east-1');
    expect(await page().getByTestId('capacity-reservation-zone').inputValue()).toBe('us-east-1b');

    // Turning it off removes the reservation: back to 140.16.
    await page().getByTestId('capacity-reservation-on').uncheck();
    await expect.poll(() => row.getAttribute('data-monthly-usd'), { timeout: 10_000 }).toBe('140.16');
    await saved();
    const after = await served.api<{ document: Scenario }>('scenarios.get', { id: id });
    expect(after.document.lines[0]?.capacityReservation).toBeUndefined();
  });
});
