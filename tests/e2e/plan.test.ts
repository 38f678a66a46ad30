import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { OptimizeConstraints, PlanPurchase, PurchasePlan } from '@shared/optimizer/types';
import type { SavedScenario } from '@shared/scenario/types';
import { ARTIFACTS, useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'), {
  width: 1500,
  height: 1000,
});
const page = () => served.page();

const DOCUMENT = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '..', '..', 'docs', 'examples', 'web-and-batch.json'), 'utf8'),
) as Record<string, unknown>;

const ALL_PRODUCTS: OptimizeConstraints = {
  allow: ['ri', 'sp', 'spot'],
  maxUpfrontUsd: null,
  maxTermYears: 3,
  growthPctPerMonth: 0,
};

/** A purchase as the table's row carries it (data attributes), to compare with the call's answer. */
function rowOf(p: PlanPurchase) {
  return {
    kind: p.kind,
    term: String(p.termYears),
    payment: p.paymentOption,
    amount: p.kind === 'reserved' ? String(p.count) : p.commitmentHourlyUsd,
    upfront: p.upfrontUsd,
    amortized: p.amortizedMonthlyUsd,
  };
}

async function shownPurchases() {
  return page()
    .getByTestId('plan-purchase')
    .evaluateAll((rows) =>
      rows.map((r) => ({
        kind: r.getAttribute('data-kind'),
        term: r.getAttribute('data-term-years'),
        payment: r.getAttribute('data-payment'),
        amount: r.getAttribute('data-amount'),
        upfront: r.getAttribute('data-upfront-usd'),
        amortized: r.getAttribute('data-amortized-usd'),
      })),
    );
}

const total = (id: string) => page().getByTestId(`plan-total-${id}`).getAttribute('data-value');

/** The totals the screen shows, beside the same figures from the call. */
async function shownTotals() {
  const ids = ['monthly', 'upfront', 'three-year', 'savings', 'coverage', 'utilization'];
  return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await total(id)] as const)));
}
const totalsOf = (plan: PurchasePlan) => ({
  monthly: plan.monthlyUsd ?? '',
  upfront: plan.upfrontUsd ?? '',
  'three-year': plan.threeYearUsd ?? '',
  savings: plan.savingsVsOnDemandPct ?? '',
  coverage: plan.coveragePct ?? '',
  utilization: plan.utilizationPct ?? '',
});

/** Everything on the screen at once, for a screenshot: the plan body scrolls inside the window. */
async function screenshotWhole(name: string, width = 1500) {
  await page().setViewportSize({ width, height: 1000 });
  const height = await page()
    .getByTestId('plan-body')
    .evaluate((el) => el.scrollHeight + el.getBoundingClientRect().top + 24);
  await page().setViewportSize({ width, height: Math.ceil(height) });
  await page().screenshot({ path: join(ARTIFACTS, name) });
  await page().setViewportSize({ width: 1500, height: 1000 });
}

async function setNumber(input: Locator, value: string) {
  await input.fill(value);
  await input.press('Tab');
}

describe('Plan screen in Chromium against serve', () => {
  it('asks for a scenario when none is chosen', async () => {
    await page().goto(`${served.url()}#plan`);
    await expect
      .poll(() => page().getByTestId('plan-no-scenario').textContent())
      .toContain('No scenario chosen');
  });

  it('shows the plan for web-and-batch as the call gives it, follows the constraints, applies and undoes', async () => {
    const created = await served.api<SavedScenario>('scenarios.create', { document: DOCUMENT });
    await served.chooseScenario(created.id);
    const plan3 = await served.api<PurchasePlan>('pricing.optimize', {
      document: created.document,
      constraints: ALL_PRODUCTS,
    });
    const plan1 = await served.api<PurchasePlan>('pricing.optimize', {
      document: created.document,
      constraints: { ...ALL_PRODUCTS, maxTermYears: 1 },
    });
    // The web tier runs all month: with 3-year terms allowed, the plan commits for 3 years.
    expect(plan3.purchases.some((p) => p.termYears === 3)).toBe(true);
    expect(plan1.purchases.length).toBeGreaterThan(0);
    expect(plan1.purchases.every((p) => p.termYears === 1)).toBe(true);

    await page().goto(`${served.url()}#plan`);
    await expect.poll(() => shownPurchases(), { timeout: 15_000 }).toEqual(plan3.purchases.map(rowOf));
    await expect.poll(() => shownTotals()).toEqual(totalsOf(plan3));
    expect(await page().getByTestId('plan-line').count()).toBe(plan3.lines.length);
    expect(await page().getByTestId('plan-duration-chart').count()).toBe(plan3.pools.length);
    expect(await page().getByTestId('plan-week-map').count()).toBe(plan3.pools.length);
    expect(await page().getByTestId('plan-week-cell').count()).toBe(plan3.pools.length * 168);
    expect(await page().getByTestId('plan-curve-chart').count()).toBe(plan3.curves.length);
    expect(await page().getByTestId('plan-sensitivity-chart').count()).toBe(1);
    expect(await page().getByTestId('plan-prices-as-of').textContent()).toMatch(
      /Prices as of \d{4}-\d{2}-\d{2}/,
    );
    expect(await page().getByTestId('plan-method').locator('li').count()).toBe(plan3.method.length);
    await screenshotWhole('plan.png');
    // The app window's smallest width: nothing may spill out of its panel.
    await screenshotWhole('plan-narrow.png', 960);
    // Charts size themselves to their panel after the resize (ResizeObserver): poll until they settle.
    const spilling = () =>
      page()
        .locator('.plan-body > section')
        .evaluateAll((panels) =>
          panels
            .filter((p) => p.scrollWidth > p.clientWidth + 1)
            .map((p) => `${p.className}: ${p.scrollWidth} > ${p.clientWidth}`),
        );
    await expect.poll(spilling).toEqual([]);
    // At their real size, to read the labels.
    for (const id of [
      'plan-purchases',
      'plan-totals',
      'plan-duration-chart',
      'plan-week-map',
      'plan-curve-chart',
    ]) {
      await page()
        .getByTestId(id)
        .last()
        .screenshot({ path: join(ARTIFACTS, `${id}.png`) });
    }

    // A growth outside the schema's range is flagged at its field, in words, and no plan is asked for.
    const growth = page().getByTestId('plan-growth');
    await setNumber(growth, '-80');
    await expect.poll(() => growth.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page().locator('.plan-constraints .field-error').textContent())
      .toBe('must be a number from -50 to 50%');
    expect(await page().getByTestId('plan-apply-button').isDisabled()).toBe(true);
    await page()
      .getByTestId('plan-constraints')
      .screenshot({ path: join(ARTIFACTS, 'plan-constraint-error.png') });
    await setNumber(growth, '0');
    await expect.poll(() => growth.getAttribute('aria-invalid')).toBe('false');

    // At most 1-year terms: the table follows the call with the same constraint.
    await page().getByTestId('plan-max-term').selectOption('1');
    await expect.poll(() => shownPurchases(), { timeout: 15_000 }).toEqual(plan1.purchases.map(rowOf));
    await expect.poll(() => shownTotals()).toEqual(totalsOf(plan1));

    // Apply: a new revision holding the 1-year plan's purchases, with what changed said.
    await expect.poll(() => page().getByTestId('plan-apply-button').isEnabled()).toBe(true);
    await page().getByTestId('plan-apply-button').click();
    const result = page().getByTestId('plan-apply-result');
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('Applied to');
    const applied = await served.api<SavedScenario>('scenarios.get', { id: created.id });
    expect(applied.revision).toBe(created.revision + 1);
    expect(applied.document).toEqual(plan1.scenario);
    expect(await result.textContent()).toContain(`revision ${applied.revision}`);
    expect(await result.textContent()).toMatch(/purchases changed on \d+ lines?/);
    // Planned again from the applied revision, the scenario already buys the plan.
    await expect
      .poll(() => page().getByTestId('plan-apply-preview').textContent(), { timeout: 15_000 })
      .toBe('The scenario already buys this plan.');
    await screenshotWhole('plan-applied.png');

    // Undo: one more revision, holding the document from before.
    await page().getByTestId('plan-undo').click();
    await expect.poll(() => result.getAttribute('data-kind'), { timeout: 10_000 }).toBe('undone');
    const undone = await served.api<SavedScenario>('scenarios.get', { id: created.id });
    expect(undone.revision).toBe(applied.revision + 1);
    expect(undone.document).toEqual(created.document);
    expect(await result.textContent()).toContain(`revision ${created.revision}`);
    await expect
      .poll(() => page().getByTestId('plan-apply-button').isEnabled(), { timeout: 15_000 })
      .toBe(true);
  });
});
