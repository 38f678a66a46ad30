import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Scenario } from '@shared/scenario/schema';
import { savedOn } from '../support/save-status';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1400,
});
const page = () => served.page();

/** The values and enabled state of a select's options, in order ("windows-byol:disabled"). */
const optionStates = (select: Locator) =>
  select
    .locator('option')
    .evaluateAll((options) =>
      options.map(
        (o) => `${(o as HTMLOptionElement).value}${(o as HTMLOptionElement).disabled ? ':disabled' : ''}`,
      ),
    );

async function addLine(choice: { region: string; tenancy: string; os: string; instanceType: string }) {
  await page().getByTestId('new-line-region').selectOption(choice.region);
  await page().getByTestId('new-line-tenancy').selectOption(choice.tenancy);
  await page().getByTestId('new-line-os').selectOption(choice.os);
  const instance = page().getByTestId('new-line-instance');
  await instance.fill(choice.instanceType);
  await instance.press('Enter');
  await page().getByTestId('add-line').click();
}

describe('Dedicated Instances and Dedicated Hosts in Workloads, in Chromium against serve', () => {
  it('adds a Windows BYOL Dedicated Instance line and a Dedicated Host line; the shipped catalog prices neither (n/a, import notice)', async () => {
    const id = await served.openScenario({ name: 'E2E tenancy', lines: [] }, 'workloads');
    const os = page().getByTestId('new-line-os');
    // Shared tenancy: all 9 OSes listed, Windows BYOL greyed out (AWS sells it only on dedicated hardware).
    await expect
      .poll(() => optionStates(os))
      .toEqual([
        'linux',
        'windows',
        'rhel',
        'sles',
        'ubuntu',
        'windows-sql-web',
        'windows-sql-std',
        'windows-sql-ent',
        'windows-byol:disabled',
      ]);
    expect(await os.locator('option[value="windows-byol"]').textContent()).toBe(
      'Windows BYOL (dedicated only)',
    );
    expect(await page().getByTestId('new-line-tenancy').locator('option').allTextContents()).toEqual([
      'Shared',
      'Dedicated Instance',
      'Dedicated Host',
    ]);

    await addLine({
      region: 'eu-central-1',
      tenancy: 'dedicated',
      os: 'windows-byol',
      instanceType: 'r7i.2xlarge',
    });
    const byol = page().locator('[data-testid="line-card"][data-line-id="r7i.2xlarge"]');
    await expect.poll(() => byol.getByTestId('line-os').inputValue()).toBe('windows-byol');
    expect(await byol.getByTestId('line-tenancy').inputValue()).toBe('dedicated');
    await byol.getByTestId('line-count').fill('2');
    await byol.getByTestId('line-count').press('Tab');

    await addLine({ region: 'us-east-2', tenancy: 'host', os: 'linux', instanceType: 'm5.xlarge' });
    const host = page().locator('[data-testid="line-card"][data-line-id="m5.xlarge"]');
    await expect.poll(() => host.getByTestId('line-tenancy').inputValue()).toBe('host');
    await host.getByTestId('line-count').fill('10');
    await host.getByTestId('line-count').press('Tab');
    // A host line buys hosts: On-Demand or a Dedicated Host Reservation, no class, no RI count, no spot.
    expect(await host.getByTestId('line-purchase-model').locator('option').allTextContents()).toEqual([
      'On-Demand hosts',
      'Dedicated Host Reservation',
    ]);
    await host.getByTestId('line-purchase-model').selectOption('reserved');
    await host.getByTestId('line-term').selectOption('3');
    await host.getByTestId('line-payment').selectOption('partial-upfront');
    await expect.poll(() => host.getByTestId('line-offering-class').count()).toBe(0);
    expect(await host.getByTestId('line-ri-count').count()).toBe(0);
    expect(await host.getByTestId('line-tolerant').count()).toBe(0);
    // No capacity reservation on a host, and the card says why.
    expect(await host.getByTestId('capacity-reservation-on').isDisabled()).toBe(true);
    expect(await host.getByTestId('capacity-reservation-host').textContent()).toBe(
      'Not available on Dedicated Hosts: the hosts are the capacity the line holds.',
    );

    // The estimate: the hosts and the per-Region fee read n/a (the shipped catalog has no dedicated
    // prices), and the import notices for both name the lines and link to the Data screen.
    const hostRow = page().locator('[data-testid="estimate-line"][data-line-id="m5.xlarge"]');
    const hostDetail = page().locator('[data-testid="estimate-line-dedicated"][data-line-id="m5.xlarge"]');
    await expect
      .poll(() => hostDetail.getByTestId('estimate-line-hosts').textContent(), { timeout: 10_000 })
      .toBe(
        'm5 Dedicated Hosts for a peak of 10 m5.xlarge, 3-year reservation, partial upfront: n/a (how many a host holds is not in this catalog)',
      );
    expect(await hostDetail.getByTestId('estimate-line-hosts').getAttribute('title')).toContain(
      'm5 Dedicated Host Reservation, 3-year, partial upfront: n/a',
    );
    expect(await hostRow.getAttribute('data-monthly-usd')).toBe('');
    expect(await hostRow.textContent()).toContain('m5.xlarge, Dedicated Host');
    const byolRow = page().locator('[data-testid="estimate-line"][data-line-id="r7i.2xlarge"]');
    const byolDetail = page().locator('[data-testid="estimate-line-dedicated"][data-line-id="r7i.2xlarge"]');
    await expect
      .poll(() => byolDetail.getByTestId('estimate-line-dedicated-fee').textContent(), { timeout: 10_000 })
      .toBe(
        'Dedicated per-Region fee, eu-central-1: 730 h × rate n/a, for the hours a Dedicated Instance of line r7i.2xlarge runs',
      );
    expect(await byolRow.textContent()).toContain('r7i.2xlarge, Dedicated Instance, on-demand');
    for (const family of ['dedicated-host', 'dedicated-fee']) {
      const notice = page().locator(`[data-testid="missing-price-notice"][data-family="${family}"]`);
      await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
      expect(await notice.getByTestId('missing-price-data-link').getAttribute('href')).toBe('#data');
    }
    await expect
      .poll(() =>
        page()
          .locator('[data-testid="missing-price-notice"][data-family="dedicated-host"]')
          .getByTestId('missing-price-lines')
          .textContent(),
      )
      .toBe('Line: m5.xlarge');
    await expect.poll(() => page().getByTestId('estimate-incomplete').count()).toBe(1);

    await savedOn(page());
    const stored = await served.api<{ document: Scenario }>('scenarios.get', { id });
    expect(stored.document.lines.map((l) => [l.id, l.region, l.tenancy, l.os, l.purchase])).toEqual([
      ['r7i.2xlarge', 'eu-central-1', 'dedicated', 'windows-byol', { model: 'on-demand' }],
      [
        'm5.xlarge',
        'us-east-2',
        'host',
        'linux',
        { model: 'reserved', termYears: 3, paymentOption: 'partial-upfront', offeringClass: 'standard' },
      ],
    ]);

    await page()
      .locator('.scenario-editor')
      .screenshot({ path: join(ARTIFACTS, 'tenancy-line-editor.png') });
    await page()
      .getByRole('region', { name: 'Estimate' })
      .screenshot({ path: join(ARTIFACTS, 'tenancy-estimate.png') });

    // Moving the BYOL line to shared hardware cannot keep BYOL: it becomes Windows (licence included), and says so.
    await byol.getByTestId('line-tenancy').selectOption('shared');
    await expect.poll(() => byol.getByTestId('line-os').inputValue()).toBe('windows');
    expect(await byol.getByTestId('line-tenancy-change').textContent()).toBe(
      'OS changed from Windows, bring your own licence to Windows: Windows, bring your own licence runs only as Dedicated Instance or Dedicated Host.',
    );
    expect(await optionStates(byol.getByTestId('line-os'))).toContain('windows-byol:disabled');
    await savedOn(page());
    await expect
      .poll(async () => {
        const doc = await served.api<{ document: Scenario }>('scenarios.get', { id });
        return [doc.document.lines[0]?.tenancy, doc.document.lines[0]?.os];
      })
      .toEqual(['shared', 'windows']);
  });

  it('moving a line with a capacity reservation and a Savings Plan to a Dedicated Host drops both, and says so', async () => {
    await served.openScenario(
      {
        name: 'E2E to host',
        lines: [
          {
            id: 'app',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 2 },
            purchase: {
              model: 'savings-plan',
              planType: 'compute',
              termYears: 1,
              paymentOption: 'no-upfront',
            },
            capacityReservation: { count: 2, availabilityZone: 'us-east-1a' },
          },
        ],
      },
      'workloads',
    );
    const card = page().locator('[data-testid="line-card"][data-line-id="app"]');
    await expect.poll(() => card.getByTestId('capacity-reservation-on').isChecked()).toBe(true);
    await card.getByTestId('line-tenancy').selectOption('host');
    await expect
      .poll(() => card.getByTestId('line-tenancy-change').allTextContents())
      .toEqual([
        'Capacity reservation removed: Capacity Reservations are not available on Dedicated Hosts.',
        'Purchase changed to On-Demand hosts: A Savings Plan does not buy Dedicated Hosts here.',
      ]);
    expect(await card.getByTestId('line-purchase-model').inputValue()).toBe('on-demand');
    expect(await card.getByTestId('capacity-reservation-on').isChecked()).toBe(false);
    await savedOn(page());
    await page()
      .getByTestId('line-card')
      .screenshot({ path: join(ARTIFACTS, 'tenancy-to-host.png') });
  });
});
