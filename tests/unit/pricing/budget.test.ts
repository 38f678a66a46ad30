import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkBudget, monthRanges } from '@shared/pricing/budget';
import { Decimal } from '@shared/money';
import { scenarioSchema, type ScenarioInput } from '@shared/scenario/schema';
import { parseScenario, realPricing } from '../../support/real-pricing';

/**
 * Budget crossings on the real catalog, worked by hand. web-and-batch (us-east-1 Linux) on On-Demand:
 *   web   4 × m5.large × 730 h × $0.096 = $280.32, 4 × 100 GiB gp3 × $0.08 = $32
 *   batch 2 × c5.xlarge, 50 h a week = 100 instance-hours × 730/168 = 434.5238 h × $0.17 = $73.87,
 *         2 × 50 GiB gp3 × $0.08 = $8
 *   total $394.19 a month.
 * Standard RIs 3-year all upfront: the web tier's 4 steady m5.large are covered for 4 × $949 = $3,796
 * upfront; the batch stays On-Demand ($73.87) and EBS is $40: $113.87 a month, amortized
 * $113.869 + $3,796 / 36 ($105.444) = $219.31.
 */
const EXAMPLE = resolve(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'web-and-batch.json');
const pricing = realPricing(inject('catalogPath'));
afterAll(() => pricing.close());

const withBudget = (budget: ScenarioInput['budget']) =>
  parseScenario({ ...(JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput), budget });

describe('budget crossings (web-and-batch)', () => {
  it('$400: 80 % actual crossed at 98.5 % (around day 25), 100 % forecasted not', () => {
    const b = pricing.estimate(withBudget({ monthlyUsd: '400' })).budget!;
    expect(new Decimal(b.monthlyUsd).toDecimalPlaces(2).toFixed(2)).toBe('394.19');
    expect(b.usedPct).toBe('98.5');
    const [actual, forecast] = b.thresholds;
    // 80 % of $400 = $320 < $394.19 every month; accrued $394.19 × d / 30.4167 passes $320 on day
    // 320 / 394.19 × 30.4167 = 24.69 → day 25.
    expect(actual).toMatchObject({
      pct: 80,
      basis: 'actual',
      amountUsd: '320',
      crossed: true,
      steadyDay: 25,
    });
    expect(actual!.months).toHaveLength(36);
    expect(new Decimal(actual!.headroomUsd).toDecimalPlaces(2).toFixed(2)).toBe('-74.19');
    expect(forecast).toMatchObject({ pct: 100, basis: 'forecasted', crossed: false, months: [] });
    expect(new Decimal(forecast!.headroomUsd).toDecimalPlaces(2).toFixed(2)).toBe('5.81');
    expect(b.within).toBe(false);
    expect(b.summary).toContain('80 % actual ($320.00): crossed in months 1–36, around day 25 of each month');
  });

  it('$300: both thresholds crossed every month', () => {
    const b = pricing.estimate(withBudget({ monthlyUsd: '300' })).budget!;
    expect(b.thresholds.map((t) => [t.crossed, monthRanges(t.months)])).toEqual([
      [true, '1–36'],
      [true, '1–36'],
    ]);
    expect(b.usedPct).toBe('131.4');
  });

  it('$500: within budget, said with the share used', () => {
    const b = pricing.estimate(withBudget({ monthlyUsd: '500' })).budget!;
    expect(b.within).toBe(true);
    expect(b.summary).toBe('Within budget: $394.19 of $500.00 (78.8 %)');
  });

  it('a 3-year all-upfront RI strategy crosses in month 1 on cash only; the amortized month does not', () => {
    const rows = pricing.compare(withBudget({ monthlyUsd: '400' }));
    const ri = rows.find((r) => r.id === 'reserved-standard-3y-all-upfront')!;
    expect(ri.upfrontUsd).toBe('3796');
    const b = ri.budget!;
    // Month 1: $3,796 + $113.87 = $3,909.87 > $320 and > $400; months 2..36: $113.87.
    expect(new Decimal(b.monthCashUsd[0]!).toDecimalPlaces(2).toFixed(2)).toBe('3909.87');
    expect(new Decimal(b.amortizedMonthlyUsd).toDecimalPlaces(2).toFixed(2)).toBe('219.31');
    for (const t of b.thresholds)
      expect(t).toMatchObject({ crossed: true, months: [1], steadyCrosses: false, amortizedCrosses: false });
    expect(b.thresholds[0]!.words).toBe(
      '80 % actual ($320.00): crossed in month 1, on the day the upfront is billed (upfront cash only; the amortized monthly does not)',
    );
    // The On-Demand row keeps its own check.
    expect(rows.find((r) => r.id === 'on-demand')!.budget!.thresholds[0]!.months).toHaveLength(36);
  });

  it('a 1-year all-upfront RI strategy crosses in months 1, 13 and 25 (the renewals)', () => {
    const ri = pricing
      .compare(withBudget({ monthlyUsd: '400' }))
      .find((r) => r.id === 'reserved-standard-1y-all-upfront')!;
    // 4 × $494 = $1,976 at the start of months 1, 13 and 25.
    expect(ri.upfrontUsd).toBe('1976');
    expect(ri.budget!.thresholds.map((t) => monthRanges(t.months))).toEqual(['1, 13, 25', '1, 13, 25']);
  });

  it('no budget, no check', () => {
    const s = parseScenario(JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ScenarioInput);
    expect(pricing.estimate(s).budget).toBeUndefined();
    expect(pricing.compare(s).every((r) => r.budget === undefined)).toBe(true);
  });
});

describe('checkBudget', () => {
  it('names upfront months and a crossing on the amortized monthly alone', () => {
    const schedule = Array.from({ length: 37 }, (_, m) => new Decimal(m === 0 ? 1200 : 0));
    // $50 a month, $1,200 upfront for 1 year: amortized $150; budget $120: 100 % = $120.
    const b = checkBudget(
      { monthlyUsd: '120', thresholds: [{ pct: 100, basis: 'forecasted' }] },
      {
        monthlyUsd: '50',
        amortizedMonthlyUsd: '150',
        upfrontSchedule: schedule,
        hoursPerMonth: 730,
        complete: true,
      },
    );
    expect(b.thresholds[0]).toMatchObject({
      months: [1],
      steadyCrosses: false,
      amortizedCrosses: true,
      headroomUsd: '70',
    });
    expect(b.within).toBe(false);
  });

  it('compresses month lists into ranges', () => {
    expect(monthRanges([1, 2, 3, 13, 25, 26])).toBe('1–3, 13, 25–26');
    expect(monthRanges([])).toBe('');
  });
});

describe('budget schema', () => {
  const base = { name: 'b', lines: [] };
  it('gives 80 % actual and 100 % forecasted when only the amount is given', () => {
    expect(scenarioSchema.parse({ ...base, budget: { monthlyUsd: '10' } }).budget?.thresholds).toEqual([
      { pct: 80, basis: 'actual' },
      { pct: 100, basis: 'forecasted' },
    ]);
  });
  it.each([
    [{ monthlyUsd: '0' }, 'must be more than 0'],
    [{ monthlyUsd: '-5' }, 'must be a decimal number of USD'],
    [{ monthlyUsd: '10', thresholds: [{ pct: 0, basis: 'actual' }] }, 'Threshold'],
    [{ monthlyUsd: '10', thresholds: [{ pct: 80, basis: 'later' }] }, 'Alert on'],
  ])('refuses %j', (budget, words) => {
    const r = scenarioSchema.safeParse({ ...base, budget });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(words.startsWith('must') ? words : 'budget');
  });
});

describe('actual alerts in months that pay an upfront', () => {
  it('say day 1 for the months whose upfront alone goes over the amount', () => {
    // $300 a month, $1,000 upfront at months 0, 12, 24 (1-year renewals); budget $250, 80 % = $200:
    // every month's $300 crosses on day 200 / 300 × 30.4167 = 20.3 → 21; the upfront months on day 1.
    const schedule = Array.from({ length: 37 }, (_, m) => new Decimal([0, 12, 24].includes(m) ? 1000 : 0));
    const b = checkBudget(
      { monthlyUsd: '250', thresholds: [{ pct: 80, basis: 'actual' }] },
      {
        monthlyUsd: '300',
        amortizedMonthlyUsd: '383.33',
        upfrontSchedule: schedule,
        hoursPerMonth: 730,
        complete: true,
      },
    );
    expect(b.thresholds[0]!.words).toBe(
      '80 % actual ($200.00): crossed in months 1–36, around day 21 of each month (day 1 in months 1, 13, 25, as the upfront is billed)',
    );
  });
});
