import { describe, expect, it } from 'vitest';
import { compareStrategies } from '@shared/pricing/compare';
import { line, scenario, testBook } from './test-book';

const book = testBook();
const oneConstant = () => scenario([line('db', { usage: { pattern: 'constant', count: 1 } })]);
const byId = (id: string) => compareStrategies(oneConstant(), book).find((s) => s.id === id)!;

describe('compareStrategies', () => {
  it('lists on-demand, 12 RI, 12 Savings Plan and the spot strategy, each once', () => {
    // 1 + 2 classes × 2 terms × 3 payments + 2 plan types × 2 terms × 3 payments + 1 = 26
    const ids = compareStrategies(oneConstant(), book).map((s) => s.id);
    expect(ids).toHaveLength(26);
    expect(new Set(ids).size).toBe(26);
    expect(ids).toContain('reserved-standard-1y-all-upfront');
    expect(ids).toContain('savings-plan-ec2-instance-3y-partial-upfront');
  });

  it('finds the month a 1-year all-upfront RI breaks even with on-demand', () => {
    // On-demand: 70.08 a month (730 × 0.096). RI: 494 at month 0, nothing monthly.
    // 7 × 70.08 = 490.56 < 494; 8 × 70.08 = 560.64 ≥ 494 → month 8.
    expect(byId('reserved-standard-1y-all-upfront').breakEvenMonth).toBe(8);
  });

  it('gives the on-demand reference no break-even month of its own', () => {
    expect(byId('on-demand')).toMatchObject({ breakEvenMonth: null, savingsVsOnDemandPct: '0.0' });
  });

  it('compares 3-year totals with the 1-year upfront paid three times', () => {
    // On-demand 36 × 70.08 = 2,522.88; RI 3 × 494 = 1,482; saving (2,522.88 − 1,482) / 2,522.88
    // = 1,040.88 / 2,522.88 = 41.2576…% → "41.3"
    const ri = byId('reserved-standard-1y-all-upfront');
    expect(ri.threeYearUsd).toBe('1482');
    expect(byId('on-demand').threeYearUsd).toBe('2522.88');
    expect(ri.savingsVsOnDemandPct).toBe('41.3');
  });

  it('charts cumulative cash for months 0..36 with renewals at months 12 and 24', () => {
    // 494 at 0; +494 at 12 → 988; +494 at 24 → 1,482
    const points = byId('reserved-standard-1y-all-upfront').cumulativeUsd!;
    expect(points).toHaveLength(37);
    expect([points[0], points[11], points[12], points[24], points[36]]).toEqual([
      '494',
      '494',
      '988',
      '1482',
      '1482',
    ]);
  });

  it('gives break-even month 0 to a no-upfront strategy cheaper from the first month', () => {
    // RI 1y no-upfront: 0.06 × 730 = 43.8 a month < 70.08
    const ri = byId('reserved-standard-1y-no-upfront');
    expect(ri.monthlyUsd).toBe('43.8');
    expect(ri.breakEvenMonth).toBe(0);
  });

  it('sizes each line’s Savings Plan to its steady usage', () => {
    // 1 instance × made-up compute rate 0.066 = 0.066/h × 730 = 48.18 a month
    expect(byId('savings-plan-compute-1y-no-upfront').monthlyUsd).toBe('48.18');
  });

  it('lists a strategy without prices with null figures and a warning, never invented', () => {
    // The test book has no convertible RI prices.
    const s = byId('reserved-convertible-1y-no-upfront');
    expect(s.complete).toBe(false);
    expect(s.monthlyUsd).toBeNull();
    expect(s.threeYearUsd).toBeNull();
    expect(s.savingsVsOnDemandPct).toBeNull();
    expect(s.breakEvenMonth).toBeNull();
    expect(s.cumulativeUsd).toBeNull();
    expect(s.warnings[0]?.code).toBe('strategy-unavailable');
    // The missing price is named by its family, once; the line's own warning is not repeated.
    expect(s.warnings[0]?.message).toBe(
      'Convertible RIs, 1-year, no upfront cannot be fully priced: 1 line(s) lack a price (No upfront Convertible Reserved Instance prices are not in this catalog)',
    );
    expect(s.warnings.some((w) => w.missing)).toBe(false);
    expect(s.missingPrices).toEqual([
      {
        family: 'reserved-no-upfront',
        lines: ['db'],
        scopes: [{ region: 'us-east-1', os: 'linux' }],
        options: ['Convertible RIs, 1-year, no upfront'],
        qualifiers: ['Convertible'],
      },
    ]);
  });

  it('puts only interruption-tolerant lines on spot in "Spot where allowed"', () => {
    // Tolerant: 1 × 730 × 0.0366 = 26.718; the other on-demand 730 × 0.096 = 70.08; total 96.798
    const s = compareStrategies(
      scenario([
        line('batch', { usage: { pattern: 'constant', count: 1 }, interruptionTolerant: true }),
        line('db', { usage: { pattern: 'constant', count: 1 } }),
      ]),
      book,
    ).find((x) => x.id === 'spot-where-allowed')!;
    expect(s.monthlyUsd).toBe('96.798');
  });
});

describe('compareStrategies: lines with no steady usage', () => {
  it('needs no commitment price for a line whose steady usage is 0', () => {
    // c5.large has no RI or 3-year SP prices in the test book, but business hours with nothing running
    // at night buy 0 RIs: the line stays on-demand, 2 × 10 h × 5 days = 100 h a week,
    // 100 × 730 / 168 × 0.085 = 6,205 / 168 = 36.934523…, and every strategy is complete.
    const results = compareStrategies(
      scenario([
        line('office', {
          instanceType: 'c5.large',
          usage: {
            pattern: 'business-hours',
            count: 2,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            startHour: 8,
            endHour: 18,
          },
        }),
      ]),
      book,
    );
    const ri = results.find((s) => s.id === 'reserved-standard-3y-all-upfront')!;
    const sp = results.find((s) => s.id === 'savings-plan-compute-3y-no-upfront')!;
    expect(ri.complete).toBe(true);
    expect(sp.complete).toBe(true);
    expect(ri.monthlyUsd?.startsWith('36.9345238')).toBe(true);
  });
});
