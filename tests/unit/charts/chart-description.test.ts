import { describe, expect, it } from 'vitest';
import { MONTH_TICKS, moneyTick, niceTicks, tickDomain } from '@shared/charts/axis';
import {
  COST_PARTS,
  costPartsUsd,
  lineLabel,
  longestBar,
  partsShown,
  type CostLine,
} from '@shared/charts/cost-by-line';
import { marksBreakEven, seriesStroke, strategyColors } from '@shared/charts/cumulative-cost';
import {
  COST_PART_COLORS,
  EBS_STATUS_COLORS,
  PURCHASE_MODEL_COLORS,
  REFERENCE_SERIES_COLOR,
  STRATEGY_SERIES_COLORS,
  VOLUME_TYPE_COLORS,
} from '@shared/charts/palette';
import { PURCHASE_MODELS, VOLUME_TYPES } from '@shared/catalog-types';
import { ebsFitStatusSchema } from '@shared/reports/schema';

const HEX = /^#[0-9a-f]{6}$/;

describe('chart palette', () => {
  it('has a colour for every purchase model, volume type, EBS fit status and cost part', () => {
    for (const m of PURCHASE_MODELS) expect(PURCHASE_MODEL_COLORS[m]).toMatch(HEX);
    for (const t of VOLUME_TYPES) expect(VOLUME_TYPE_COLORS[t]).toMatch(HEX);
    for (const s of ebsFitStatusSchema.options) expect(EBS_STATUS_COLORS[s]).toMatch(HEX);
    for (const p of COST_PARTS) expect(p.color).toBe(COST_PART_COLORS[p.key]);
  });

  it('tells apart what shares a chart: volume types, strategy series, cost parts, purchase models', () => {
    const distinct = (colors: string[]) => expect(new Set(colors).size).toBe(colors.length);
    distinct(Object.values(VOLUME_TYPE_COLORS));
    distinct([REFERENCE_SERIES_COLOR, ...STRATEGY_SERIES_COLORS]);
    distinct(Object.values(COST_PART_COLORS));
    distinct(Object.values(PURCHASE_MODEL_COLORS));
  });
});

describe('money axis', () => {
  it('ticks from $0 in steps of 1, 2 or 5 × 10^k, at most five intervals, ending at or above the maximum', () => {
    // 14,190.81 / 5 = 2,838.16 → step 5,000; 2.84 steps → 3.
    expect(niceTicks(14190.81)).toEqual([0, 5000, 10000, 15000]);
    // 312.32 / 5 = 62.46 → step 100; 3.12 steps → 4.
    expect(niceTicks(312.32)).toEqual([0, 100, 200, 300, 400]);
    // A maximum on a step ends there: 20,000 / 5 = 4,000 → step 5,000, 4 steps.
    expect(niceTicks(20000)).toEqual([0, 5000, 10000, 15000, 20000]);
    // 1,000 / 5 = 200, itself a nice step.
    expect(niceTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    // 0.37 / 5 = 0.074 → step 0.1, without float noise (0.1 × 3 is 0.30000000000000004).
    expect(niceTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    // Nothing to draw still gives an axis.
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(tickDomain(niceTicks(312.32))).toEqual([0, 400]);
  });

  it('labels ticks short: dollars, thousands as k, millions as M, at most two decimals', () => {
    expect([0, 250, 2500, 15000, 1_250_000, 0.1, 1234].map(moneyTick)).toEqual([
      '$0',
      '$250',
      '$2.5k',
      '$15k',
      '$1.25M',
      '$0.1',
      '$1.23k',
    ]);
    expect(MONTH_TICKS).toEqual([0, 6, 12, 18, 24, 30, 36]);
  });
});

describe('cost by line', () => {
  const line = (over: Partial<CostLine>): CostLine => ({
    id: 'web',
    name: null,
    instanceType: 'm5.large',
    computeMonthlyUsd: '0',
    storageMonthlyUsd: '32',
    snapshotMonthlyUsd: '0',
    monthlyUsd: '32',
    amortizedMonthlyUsd: '32',
    ...over,
  });

  it('stacks the upfront spread over its term: amortized monthly less monthly cash', () => {
    // A $1,976.01 upfront over a 1-year term: / 12 = $164.6675 a month on top of $32 storage.
    const parts = costPartsUsd(line({ amortizedMonthlyUsd: '196.6675' }));
    expect(parts).toEqual({ compute: '0', storage: '32', snapshots: '0', upfront: '164.6675' });
    expect(longestBar([parts])).toBeCloseTo(196.6675, 9);
    // Named by the line's name; the id only stands in for a line without one.
    expect(lineLabel(line({ name: 'Web tier' }))).toBe('Web tier (m5.large)');
    expect(lineLabel(line({}))).toBe('web (m5.large)');
    expect(lineLabel(line({ name: '  ' }))).toBe('web (m5.large)');
  });

  it('leaves n/a parts undrawn and lists only the parts some line has', () => {
    const priced = costPartsUsd(
      line({ computeMonthlyUsd: '280.32', monthlyUsd: '312.32', amortizedMonthlyUsd: '312.32' }),
    );
    const unpriced = costPartsUsd(
      line({ computeMonthlyUsd: null, monthlyUsd: null, amortizedMonthlyUsd: null }),
    );
    expect(unpriced.upfront).toBeNull();
    expect(partsShown([priced, unpriced]).map((p) => p.key)).toEqual(['compute', 'storage']);
    expect(longestBar([priced, unpriced])).toBeCloseTo(312.32, 9);
  });
});

describe('cumulative cost series', () => {
  it('gives the reference grey and the others the series colours in the order charted', () => {
    const colors = strategyColors(['reserved-a', 'on-demand', 'savings-b'], 'on-demand');
    expect(colors.get('on-demand')).toBe(REFERENCE_SERIES_COLOR);
    expect(colors.get('reserved-a')).toBe(STRATEGY_SERIES_COLORS[0]);
    expect(colors.get('savings-b')).toBe(STRATEGY_SERIES_COLORS[1]);
    // The eleventh strategy takes the first colour again.
    const many = strategyColors(
      Array.from({ length: 11 }, (_, i) => `s${i}`),
      null,
    );
    expect(many.get('s10')).toBe(STRATEGY_SERIES_COLORS[0]);
  });

  it('marks a break-even after month 0 on every line but the reference, which is dashed', () => {
    expect(marksBreakEven({ breakEvenMonth: 14 })).toBe(true);
    expect(marksBreakEven({ breakEvenMonth: 0 })).toBe(false);
    expect(marksBreakEven({ breakEvenMonth: null })).toBe(false);
    expect(marksBreakEven({ breakEvenMonth: 14, reference: true })).toBe(false);
    expect(seriesStroke({ reference: true }).dash).toBe('6 4');
    expect(seriesStroke({}).dash).toBeNull();
  });
});
