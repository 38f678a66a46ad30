import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money';
import {
  BREAK_EVEN_HORIZON_MONTHS,
  breakEvenMonthOf,
  breakEvenOf,
  breakEvenWords,
} from '@shared/pricing/break-even';
import { compareStrategies } from '@shared/pricing/compare';
import { line, scenario, testBook } from './test-book';

/** Cumulative cash at months 0..36: `upfront` at month 0, then `monthly` each month. */
const cash = (upfront: number, monthly: number): Decimal[] =>
  Array.from({ length: BREAK_EVEN_HORIZON_MONTHS + 1 }, (_, m) => new Decimal(upfront).plus(monthly * m));

const onDemand = cash(0, 100);
const words = (strategy: Decimal[] | null, od: Decimal[] | null = onDemand, reference = false) =>
  breakEvenWords(breakEvenOf(strategy, od, reference));

describe('break-even in words', () => {
  it('says "never pays back" for a strategy above on-demand at every month', () => {
    // 500 upfront, then 90 a month: 500 + 90 m > 100 m until m = 50, past the 36-month horizon.
    expect(words(cash(500, 90))).toBe('never pays back');
    expect(breakEvenMonthOf(breakEvenOf(cash(500, 90), onDemand, false))).toBeNull();
  });

  it('says "from the first month" for a strategy with nothing upfront, cheaper after month 1', () => {
    expect(words(cash(0, 60))).toBe('from the first month');
    expect(breakEvenMonthOf(breakEvenOf(cash(0, 60), onDemand, false))).toBe(0);
  });

  it('says "pays back in month m" for the first month at or below on-demand', () => {
    // 494 + 0 m ≤ 100 m from m = 4.94, so month 5.
    expect(words(cash(494, 0))).toBe('pays back in month 5');
    expect(breakEvenMonthOf(breakEvenOf(cash(494, 0), onDemand, false))).toBe(5);
    // Caught up already at the end of the first month: 50 + 40 ≤ 100.
    expect(words(cash(50, 40))).toBe('pays back in month 1');
  });

  it('says "no saving" for a strategy whose cash is on-demand’s at every month', () => {
    expect(words(cash(0, 100))).toBe('no saving');
    expect(breakEvenMonthOf(breakEvenOf(cash(0, 100), onDemand, false))).toBeNull();
  });

  it('calls on-demand itself the reference, and a strategy either side cannot price n/a', () => {
    expect(words(onDemand, onDemand, true)).toBe('reference');
    expect(words(null)).toBe('n/a');
    expect(words(cash(0, 60), null)).toBe('n/a');
  });
});

describe('compareStrategies words each strategy’s break-even', () => {
  const book = testBook();
  const results = compareStrategies(
    scenario([line('db', { usage: { pattern: 'constant', count: 1 } })]),
    book,
  );
  const byId = (id: string) => results.find((s) => s.id === id)!;

  it('gives the words with the month', () => {
    // 494 upfront against 70.08 a month: 7 × 70.08 = 490.56 < 494, 8 × 70.08 = 560.64 → month 8.
    expect(byId('reserved-standard-1y-all-upfront')).toMatchObject({
      breakEvenMonth: 8,
      breakEven: 'pays back in month 8',
    });
    // 43.8 a month, nothing upfront, against 70.08.
    expect(byId('reserved-standard-1y-no-upfront')).toMatchObject({
      breakEvenMonth: 0,
      breakEven: 'from the first month',
    });
    expect(byId('on-demand')).toMatchObject({ breakEvenMonth: null, breakEven: 'reference' });
    // The test book has no convertible RI prices.
    expect(byId('reserved-convertible-1y-no-upfront').breakEven).toBe('n/a');
  });

  it('says "no saving" for spot where no line tolerates interruptions: it is all on-demand', () => {
    expect(byId('spot-where-allowed')).toMatchObject({
      savingsVsOnDemandPct: '0.0',
      upfrontUsd: '0',
      breakEvenMonth: null,
      breakEven: 'no saving',
    });
  });
});
