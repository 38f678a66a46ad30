import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1000,
});
const page = () => served.page();

const typeRow = (region: string) =>
  page().locator(`[data-testid="type-region-row"][data-region="${region}"]`);
const cell = (region: string, figure: string) => typeRow(region).locator(`td[data-figure="${figure}"]`);
const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Two lines in us-east-1, saved through the API: 2 × m5.large (100 GiB gp3 each), 3 × c5.xlarge. */
async function savedTwoLines(): Promise<string> {
  const created = await served.api<{ id: string }>('scenarios.create', {
    document: {
      name: 'Two lines',
      lines: [
        {
          id: 'web',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 2 },
          volumes: [{ volumeType: 'gp3', sizeGiB: 100 }],
        },
        {
          id: 'app',
          instanceType: 'c5.xlarge',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 3 },
        },
      ],
    },
  });
  return created.id;
}

describe('Regions side by side in Chromium against serve', () => {
  it('opens from the catalog’s detail pane: m5.large in every region, dated, gaps said, sortable', async () => {
    await page().goto(served.url());
    await page().getByTestId('region-select').selectOption('us-east-1');
    await page().getByTestId('family-select').selectOption('m5');
    const m5 = page().locator('[data-testid="instance-row"][data-instance-type="m5.large"]');
    // The catalog's per-unit columns: $0.096 / 2 vCPU = $0.048; / 8 GiB = $0.012 an hour.
    await expect
      .poll(() => m5.getByTestId('cell-onDemandPerVcpu').textContent(), { timeout: 10_000 })
      .toBe('$0.048');
    expect(await m5.getByTestId('cell-onDemandPerGiB').textContent()).toBe('$0.012');
    await m5.click();
    await page().getByTestId('compare-regions').click();
    await expect.poll(() => page().url()).toContain('#regions?types=m5.large&os=linux');

    await expect.poll(() => page().getByTestId('type-region-row').count(), { timeout: 10_000 }).toBe(36);
    // AWS's On-Demand Linux list prices: $0.096/h in N. Virginia, $0.107/h in Ireland.
    expect(await text(cell('us-east-1', 'onDemand').locator('.region-price'))).toBe('$0.096');
    expect(await text(cell('eu-west-1', 'onDemand').locator('.region-price'))).toBe('$0.107');
    expect(await text(cell('us-east-1', 'onDemand').locator('.region-date'))).toMatch(
      /^as of \d{4}-\d{2}-\d{2}$/,
    );
    // A region without m5.large says so, rather than showing blanks.
    expect(await text(typeRow('mx-central-1').getByTestId('region-gap'))).toBe('not offered in this region');
    // The band as AWS's Spot Advisor gives it (2025-06-28): 15-20% in us-east-1.
    const band = await text(typeRow('us-east-1').getByTestId('region-band'));
    expect([band.startsWith('15-20%'), band.endsWith('as of 2025-06-28')]).toEqual([true, true]);

    // Sort by On-Demand: the $0.096 regions first, the regions without the type last.
    await page().getByTestId('region-sort-onDemand').click();
    const regions = () =>
      page()
        .getByTestId('type-region-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region')));
    await expect
      .poll(async () => (await regions()).slice(0, 3))
      .toEqual(['us-east-1', 'us-east-2', 'us-west-2']);
    expect((await regions()).slice(-5)).toContain('mx-central-1');
    await page().getByTestId('regions-unit').selectOption('month');
    // 0.096 × 730 = $70.08 a month
    await expect.poll(() => text(cell('us-east-1', 'onDemand').locator('.region-price'))).toBe('$70.08');
    await page().screenshot({ path: join(ARTIFACTS, 'regions-m5-large.png'), fullPage: false });
  });

  it('marks a price the catalog lacks apart from a type the region lacks', async () => {
    await page().goto(`${served.url()}#regions?types=m7g.xlarge`);
    await expect.poll(() => page().getByTestId('type-region-row').count(), { timeout: 10_000 }).toBe(36);
    // US GovCloud (West) offers m7g.xlarge; the snapshot has no spot observation there.
    expect(await text(cell('us-gov-west-1', 'spot'))).toBe('n/a — price not in catalog');
    expect(await text(cell('us-gov-west-1', 'onDemand').locator('.region-price'))).toMatch(/^\$0\.\d+$/);
  });

  it('prices a scenario in every region from Workloads, and copies it to another region as a what-if', async () => {
    const id = await savedTwoLines();
    await served.chooseScenario(id);
    await page().goto(`${served.url()}#workloads`);
    await page().getByTestId('scenario-regions').click();
    await expect.poll(() => page().url()).toContain(`#regions?scenario=${id}`);

    const rows = page().getByTestId('scenario-region-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(36);
    // (2 × $0.096 + 3 × $0.17) × 730 h + 2 × 100 GiB × $0.08 = $528.46 a month in us-east-1, the cheapest.
    const useast = page().locator('[data-testid="scenario-region-row"][data-region="us-east-1"]');
    expect(await text(useast.getByTestId('region-monthly'))).toBe('$528.46');
    expect(await rows.first().getAttribute('data-region')).toBe('us-east-1');
    const monthly = await rows.evaluateAll((rs) =>
      rs
        .map((r) => r.querySelector('[data-testid="region-monthly"]')?.textContent ?? null)
        .filter((t): t is string => t !== null)
        .map((t) => Number(t.replace(/[$,]/g, ''))),
    );
    expect(monthly).toEqual([...monthly].sort((a, b) => a - b));
    const mexico = page().locator('[data-testid="scenario-region-row"][data-region="mx-central-1"]');
    expect(await text(mexico.getByTestId('region-missing-types'))).toBe(
      'Not offered here: m5.large, c5.xlarge',
    );
    await page()
      .getByTestId('scenario-regions')
      .evaluate((el) => el.scrollIntoView());
    await page().screenshot({ path: join(ARTIFACTS, 'regions-scenario.png') });

    // What if it ran in Ireland: a new saved scenario, every line there; the original is untouched.
    const ireland = page().locator('[data-testid="scenario-region-row"][data-region="eu-west-1"]');
    const irelandMonthly = await text(ireland.getByTestId('region-monthly'));
    await ireland.getByTestId('copy-to-region').click();
    await expect.poll(() => text(page().getByTestId('regions-copied'))).toContain('every line in eu-west-1');
    const list = await served.api<{ id: string; name: string }[]>('scenarios.list');
    const copy = list.find((s) => s.name === 'Two lines — in eu-west-1')!;
    const saved = await served.api<{ document: { lines: { region: string }[] } }>('scenarios.get', {
      id: copy.id,
    });
    expect(saved.document.lines.map((l) => l.region)).toEqual(['eu-west-1', 'eu-west-1']);
    const original = await served.api<{ document: { lines: { region: string }[] } }>('scenarios.get', { id });
    expect(original.document.lines.map((l) => l.region)).toEqual(['us-east-1', 'us-east-1']);

    await page().getByTestId('regions-open-copy').click();
    await expect.poll(() => page().url()).toContain('#workloads');
    await expect
      .poll(() => page().getByTestId('estimate-total-monthly').textContent(), { timeout: 10_000 })
      .toContain(irelandMonthly);
  });
});

describe('Instance finder in Chromium against serve', () => {
  it('finds the cheapest type with ≥ 16 vCPU and ≥ 64 GiB in eu-west-1 and across all regions', async () => {
    await page().goto(`${served.url()}#finder`);
    await page().getByTestId('finder-minVcpu').fill('16');
    await page().getByTestId('finder-minMemoryGiB').fill('64');
    await page().getByTestId('finder-region').selectOption('eu-west-1');
    const first = page().getByTestId('finder-row').first();
    await expect.poll(() => first.getAttribute('data-type'), { timeout: 10_000 }).toBe('m6g.4xlarge');
    // $0.688/h × 730 = $502.24 a month; $0.688 / 16 vCPU = $0.043; / 64 GiB = $0.01075
    await expect.poll(() => text(first.getByTestId('finder-monthly'))).toBe('$502.24');
    expect(await text(first.getByTestId('finder-hourly').locator('.region-price'))).toBe('$0.688');
    expect(await text(first.getByTestId('finder-per-vcpu'))).toBe('$0.043');
    expect(await text(first.getByTestId('finder-per-gib'))).toBe('$0.0108');
    expect(await text(page().getByTestId('finder-summary'))).toMatch(
      /^\d+ instance types meet the requirements in eu-west-1/,
    );
    await page().screenshot({ path: join(ARTIFACTS, 'finder-eu-west-1.png') });

    await page().getByTestId('finder-region').selectOption('all');
    await expect
      .poll(async () => [await first.getAttribute('data-type'), await text(first.locator('td').nth(2))])
      .toEqual(['m6g.4xlarge', 'ap-south-1 +1']);
    expect(await text(first.getByTestId('finder-hourly').locator('.region-price'))).toBe('$0.4048');
    await page().screenshot({ path: join(ARTIFACTS, 'finder-all-regions.png') });

    // A bad figure is refused at its field, in plain words, and nothing is searched with it.
    await page().getByTestId('finder-minVcpu').fill('1.5');
    await expect.poll(() => page().getByTestId('finder-error-minVcpu').count()).toBe(1);
    expect(await text(page().getByTestId('finder-error-minVcpu'))).toMatch(/whole number/);
  });

  it(
    'from the EBS screen: names the smallest instances that carry a layout the chosen one cannot',
    { timeout: 60_000 },
    async () => {
      await page().goto(`${served.url()}#ebs`);
      await page().getByTestId('ebs-region').selectOption('us-east-1');
      const fill = async (id: string, v: string) => {
        await page().getByTestId(id).fill('');
        await page().getByTestId(id).fill(v);
      };
      await fill('ebs-capacity', '2000');
      await fill('ebs-iops', '16000');
      await fill('ebs-throughput', '500');
      await fill('ebs-instance', 'r6i.2xlarge');
      await page().getByTestId('ebs-instance').press('Enter');
      // r6i.2xlarge sustains 12,000 IOPS and 312.5 MB/s; r6i.4xlarge 20,000 IOPS and 625 MB/s.
      const carrying = page().getByTestId('ebs-carrying');
      await expect.poll(() => carrying.count(), { timeout: 10_000 }).toBe(1);
      const first = carrying.getByTestId('carrying-instance').first();
      await expect.poll(() => first.getAttribute('data-type'), { timeout: 10_000 }).toBe('r6i.4xlarge');
      expect(await text(carrying)).toContain(
        "r6i.2xlarge's EBS baseline (12,000 IOPS, 312.5 MB/s) is below the 16,000 IOPS and 524.288 MB/s needed",
      );
      await carrying.screenshot({ path: join(ARTIFACTS, 'ebs-carrying.png') });

      await first.getByTestId('carrying-use').click();
      await expect.poll(() => page().getByTestId('ebs-instance').inputValue()).toBe('r6i.4xlarge');
      await expect.poll(() => carrying.count(), { timeout: 10_000 }).toBe(0);
      await expect
        .poll(() => page().getByTestId('ebs-option').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);

      // "More in the instance finder" carries the requirement over.
      await page().goto(
        `${served.url()}#finder?region=us-east-1&minEbsBaselineIops=16000&minEbsBaselineThroughputMBps=524.288&family=r6i`,
      );
      await expect
        .poll(() => page().getByTestId('finder-row').first().getAttribute('data-type'), { timeout: 10_000 })
        .toBe('r6i.4xlarge');
    },
  );
});
