import { afterAll, describe, expect, inject, it } from 'vitest';
import { Decimal } from '@shared/money';
import { optimizePlan } from '@shared/optimizer/optimize';
import {
  DEFAULT_CONSTRAINTS,
  type OptimizeConstraints,
  type PurchasePlan,
  type ReservedPurchase,
} from '@shared/optimizer/types';
import { estimateScenario } from '@shared/pricing/estimate';
import type { PriceBook } from '@shared/pricing/price-book';
import type { ScenarioInput } from '@shared/scenario/schema';
import { parseScenario, realPricing } from '../../support/real-pricing';

/**
 * Hand-worked plans on the real catalog (us-east-1 Linux, the shipped snapshot):
 *   m5.large   On-Demand 0.096/h; Standard RIs 3-year all upfront 949 (949 ÷ 26,280 h = 0.036111/h),
 *              3-year no upfront 0.041/h, 1-year all upfront 494 (0.056393/h), 1-year no upfront 0.06/h;
 *              Convertible 3-year no upfront 0.049/h, 1-year no upfront 0.071/h; spot 0.04366/h.
 *   m5.xlarge  On-Demand 0.192/h; Standard 3-year all upfront 1,897 (0.072184/h).
 *   m5.2xlarge On-Demand 0.384/h; Standard 3-year all upfront 3,794; spot 0.18746/h.
 * Normalization factors: large 4, xlarge 8, 2xlarge 16 (the m5 pool is size-flexible). The shipped
 * catalog has no Savings Plans rates (savings-plans.test.ts imports AWS's real file for those).
 * A month is 730 h, so an RI's amortized month is its upfront ÷ 36 (3-year) or ÷ 12 (1-year) plus its
 * hourly fee × 730.
 */
const pricing = realPricing(inject('catalogPath'));
afterAll(() => pricing.close());

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[];

function plan(input: ScenarioInput, constraints: Partial<OptimizeConstraints> = {}, book?: PriceBook) {
  const scenario = parseScenario(input);
  return optimizePlan(scenario, book ?? pricing.book(scenario), { ...DEFAULT_CONSTRAINTS, ...constraints });
}

const reserved = (p: PurchasePlan) => p.purchases.filter((x): x is ReservedPurchase => x.kind === 'reserved');
const cents = (v: string | null) => (v === null ? null : new Decimal(v).toDecimalPlaces(2).toFixed(2));

/** The plan's totals are the estimate's for its own scenario, and the figures around it agree. */
function expectConsistent(p: PurchasePlan, book: PriceBook) {
  const again = estimateScenario(p.scenario, book);
  expect(p.amortizedMonthlyUsd).toBe(again.totals.amortizedMonthlyUsd);
  expect(p.threeYearUsd).toBe(again.totals.threeYearUsd);
  const zero = p.sensitivity.find((s) => s.usageChangePct === 0)!;
  expect(cents(zero.planMonthlyUsd)).toBe(cents(p.amortizedMonthlyUsd));
  for (const c of p.curves) {
    const at = c.points.find((pt) => pt.level === c.optimumLevel)!;
    expect(cents(at.monthlyUsd)).toBe(cents(p.amortizedMonthlyUsd));
    // The optimum is the curve's lowest point.
    for (const pt of c.points)
      expect(new Decimal(pt.monthlyUsd).gte(new Decimal(at.monthlyUsd).minus('0.000001'))).toBe(true);
  }
}

describe('optimizePlan: hand-worked plans on the real catalog', () => {
  it('commits all of a constant line: 4 m5.large, 3-year all upfront', () => {
    // Each RI: 949 ÷ 36 = 26.361111 a month against 0.096 × 730 = 70.08 On-Demand: every hour is used,
    // so each of the 4 is worth buying and a 5th would cover nothing. 3-year all upfront is the cheapest
    // per hour (0.036111 < 0.041 < 0.049 < 0.056393 < 0.06 < 0.071).
    const scenario: ScenarioInput = {
      name: 'constant',
      lines: [
        { id: 'db', instanceType: 'm5.large', region: 'us-east-1', usage: { pattern: 'constant', count: 4 } },
      ],
    };
    const p = plan(scenario);
    expect(reserved(p)).toMatchObject([
      {
        instanceType: 'm5.large',
        count: 4,
        offeringClass: 'standard',
        termYears: 3,
        paymentOption: 'all-upfront',
      },
    ]);
    // 4 × 949 = 3,796 upfront; 3,796 ÷ 36 = 105.444444 a month; On-Demand 4 × 70.08 = 280.32.
    expect(p.upfrontUsd).toBe('3796');
    expect(cents(p.amortizedMonthlyUsd)).toBe('105.44');
    expect(p.onDemandMonthlyUsd).toBe('280.32');
    // 3 years: 3,796 against 36 × 280.32 = 10,091.52: (10,091.52 − 3,796) ÷ 10,091.52 = 62.4 %.
    expect(p.threeYearUsd).toBe('3796');
    expect(p.savingsVsOnDemandPct).toBe('62.4');
    expect([p.coveragePct, p.utilizationPct]).toEqual(['100.0', '100.0']);
    // 949 upfront against 70.08 a month On-Demand: 13 × 70.08 = 911.04 < 949 ≤ 14 × 70.08 = 981.12.
    expect(p.purchases[0]!.breakEvenMonth).toBe(14);
    expect(p.lines[0]).toMatchObject({ reservedPct: '100.0', onDemandPct: '0.0' });
    expect(p.method[0]).toMatch(/^Exact: each RI pool's usage-duration curve/);
    expectConsistent(p, pricing.book(parseScenario(scenario)));
  });

  it('commits a constant line with 1-year RIs when the term is capped at 1 year', () => {
    // 1-year all upfront 494 ÷ 12 = 41.166667 a month < 0.06 × 730 = 43.80 (no upfront).
    const p = plan(
      {
        name: 'constant 1y',
        lines: [
          {
            id: 'db',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 4 },
          },
        ],
      },
      { maxTermYears: 1 },
    );
    expect(reserved(p)).toMatchObject([{ count: 4, termYears: 1, paymentOption: 'all-upfront' }]);
    expect(p.purchases.every((x) => x.termYears === 1)).toBe(true);
    expect(cents(p.amortizedMonthlyUsd)).toBe('164.67');
  });

  describe('a week of 10 instances for 40 business hours and 2 otherwise commits to exactly 2', () => {
    // Usage is above 2 in 40 of 168 hours (23.8 %): a third RI would be used 23.8 % of the time, and
    // every RI here costs more than that share of On-Demand: 0.036111 ÷ 0.096 = 37.6 %, 0.041 ÷ 0.096 =
    // 42.7 %, 0.049 ÷ 0.096 = 51.0 %, 0.056393 ÷ 0.096 = 58.7 %, 0.06 ÷ 0.096 = 62.5 %, 0.071 ÷ 0.096 =
    // 74.0 %. The first two are used every hour (100 % > every ratio): exactly 2, whatever the product.
    const week: ScenarioInput = {
      name: 'business week',
      lines: [
        {
          id: 'app',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: {
            pattern: 'business-hours',
            count: 10,
            offHoursCount: 2,
            days: WEEKDAYS,
            startHour: 9,
            endHour: 17,
          },
        },
      ],
    };
    const base = pricing.book(parseScenario(week));
    const variants = base.instances['us-east-1|linux|m5.large']!.reserved;
    it('has the six real m5.large RI variants to try', () => {
      expect(variants.map((r) => `${r.offeringClass} ${r.termYears} ${r.paymentOption}`).sort()).toEqual([
        'convertible 1 no-upfront',
        'convertible 3 no-upfront',
        'standard 1 all-upfront',
        'standard 1 no-upfront',
        'standard 3 all-upfront',
        'standard 3 no-upfront',
      ]);
    });
    for (const only of variants) {
      it(`with only ${only.offeringClass} ${only.termYears}-year ${only.paymentOption} RIs in the book`, () => {
        const book: PriceBook = {
          ...base,
          instances: {
            ...base.instances,
            'us-east-1|linux|m5.large': { ...base.instances['us-east-1|linux|m5.large']!, reserved: [only] },
          },
        };
        const p = plan(week, {}, book);
        expect(reserved(p)).toMatchObject([
          {
            count: 2,
            offeringClass: only.offeringClass,
            termYears: only.termYears,
            paymentOption: only.paymentOption,
          },
        ]);
        expectConsistent(p, book);
      });
    }
    it('and its cost curve is lowest at 2', () => {
      const p = plan(week);
      const curve = p.curves[0]!;
      expect(curve).toMatchObject({ unit: 'RIs', optimumLevel: 2 });
      expect(curve.points.map((x) => x.level)).toEqual([0, 1, 2, 3, 4]);
      // Each RI 26.361111 a month. 0 RIs: all On-Demand, (10 × 40 + 2 × 128) × 0.096 × 730 ÷ 168 = 273.6457;
      // each of the first two saves 70.08 − 26.36 = 43.72; a third saves 40/168 × 70.08 − 26.36 = −9.67.
      const m = curve.points.map((x) => Number(x.monthlyUsd).toFixed(2));
      expect(m).toEqual(['273.65', '229.93', '186.21', '195.88', '205.56']);
    });
  });

  it('shares size-flexible RIs between two lines of one family, in the size cheapest per unit', () => {
    // m5.large: 4 instances in business hours (4 × 4 = 16 units), none otherwise; m5.2xlarge: 1 instance
    // (16 units) outside business hours, none in them. Each line alone is busy 40 or 128 of 168 hours,
    // but the m5 pool holds 16 units every hour: 16 units of RIs cover both, always used. AWS's fees
    // are not quite proportional: one m5.2xlarge (3,794) costs $2 less than 4 m5.large (4 × 949 = 3,796).
    const scenario: ScenarioInput = {
      name: 'flex',
      lines: [
        {
          id: 'day',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: {
            pattern: 'business-hours',
            count: 4,
            offHoursCount: 0,
            days: WEEKDAYS,
            startHour: 9,
            endHour: 17,
          },
        },
        {
          id: 'night',
          instanceType: 'm5.2xlarge',
          region: 'us-east-1',
          usage: {
            pattern: 'weekly',
            counts: Array.from({ length: 168 }, (_, h) => (h < 120 && h % 24 >= 9 && h % 24 < 17 ? 0 : 1)),
          },
        },
      ],
    };
    const p = plan(scenario);
    expect(reserved(p)).toMatchObject([{ instanceType: 'm5.2xlarge', count: 1, sizeFlexible: true }]);
    expect(p.utilizationPct).toBe('100.0');
    expect(p.lines.map((l) => l.reservedPct)).toEqual(['100.0', '100.0']);
    // 3,794 ÷ 36 = 105.39 a month for both lines (On-Demand: 4 × 0.096 × 40 h + 0.384 × 128 h = 64.512
    // a week, × 730 ÷ 168 = 280.32).
    expect(cents(p.amortizedMonthlyUsd)).toBe('105.39');
    expect(p.onDemandMonthlyUsd).toBe('280.32');
    // The pool is drawn in m5.large (its smallest size): the RI's 16 units are 4 of them.
    expect(p.pools[0]).toMatchObject({ unitType: 'm5.large', layers: [{ upTo: 4 }] });
    expect(p.pools[0]!.weekUsage.every((u) => u === 4)).toBe(true);
    expectConsistent(p, pricing.book(parseScenario(scenario)));
  });

  it('commits the steady tier and leaves the business-hours tier On-Demand', () => {
    // steady: 3 m5.xlarge always; tier: 6 more m5.xlarge for 40 business hours. Above 3 the usage is
    // there 40/168 = 23.8 % of the hours, below 0.072184 ÷ 0.192 = 37.6 %: 3 m5.xlarge RIs, no more.
    const scenario: ScenarioInput = {
      name: 'tiers',
      lines: [
        {
          id: 'steady',
          instanceType: 'm5.xlarge',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 3 },
        },
        {
          id: 'tier',
          instanceType: 'm5.xlarge',
          region: 'us-east-1',
          usage: {
            pattern: 'business-hours',
            count: 6,
            offHoursCount: 0,
            days: WEEKDAYS,
            startHour: 9,
            endHour: 17,
          },
        },
      ],
    };
    const p = plan(scenario);
    expect(reserved(p)).toMatchObject([
      { instanceType: 'm5.xlarge', count: 3, termYears: 3, paymentOption: 'all-upfront' },
    ]);
    expect(p.lines.map((l) => [l.lineId, l.reservedPct, l.onDemandPct])).toEqual([
      ['steady', '100.0', '0.0'],
      ['tier', '0.0', '100.0'],
    ]);
    // 3 × 1,897 ÷ 36 = 158.083333 + tier 6 × 0.192 × 40 × 730 ÷ 168 = 200.228571 → 358.31.
    expect(cents(p.amortizedMonthlyUsd)).toBe('358.31');
    expect(p.pools[0]!.layers).toEqual([
      { label: expect.stringMatching(/^Standard RIs, 3-year, all upfront/), upTo: 3 },
    ]);
    expectConsistent(p, pricing.book(parseScenario(scenario)));
  });

  it('puts an interruption-tolerant business-hours tier on spot, and keeps a steady one committed', () => {
    // batch: 2 m5.2xlarge for 40 h a week, tolerant: On-Demand 2 × 0.384 × 40 × 730 ÷ 168 = 133.49;
    // spot 2 × 0.18746 × 40 × 730 ÷ 168 = 65.164667; no RI pays for 40/168 of the hours → spot.
    // web: 4 m5.large always, tolerant too: spot 0.04366/h is dearer than the RI's 0.036111/h → RIs, as
    // one m5.2xlarge RI (3,794 ÷ 36 = 105.388889 a month; 4 m5.large would cost 3,796).
    const scenario: ScenarioInput = {
      name: 'spot',
      lines: [
        {
          id: 'batch',
          instanceType: 'm5.2xlarge',
          region: 'us-east-1',
          interruptionTolerant: true,
          usage: {
            pattern: 'business-hours',
            count: 2,
            offHoursCount: 0,
            days: WEEKDAYS,
            startHour: 9,
            endHour: 17,
          },
        },
        {
          id: 'web',
          instanceType: 'm5.large',
          region: 'us-east-1',
          interruptionTolerant: true,
          usage: { pattern: 'constant', count: 4 },
        },
      ],
    };
    const p = plan(scenario);
    expect(p.lines.map((l) => [l.lineId, l.spotPct, l.reservedPct])).toEqual([
      ['batch', '100.0', '0.0'],
      ['web', '0.0', '100.0'],
    ]);
    expect(p.scenario.lines.find((l) => l.id === 'batch')!.purchase).toEqual({ model: 'spot' });
    // 105.388889 (RI) + 65.164667 (spot) = 170.553556.
    expect(cents(p.amortizedMonthlyUsd)).toBe('170.55');
    expect(
      p.method.some((m) => m.startsWith('Spot: all 4 choices of the 2 interruption-tolerant lines')),
    ).toBe(true);
    // Without spot allowed the batch line runs On-Demand and nothing else changes: 105.39 + 133.49.
    const noSpot = plan(scenario, { allow: ['ri'] });
    expect(noSpot.lines.map((l) => l.spotPct)).toEqual(['0.0', '0.0']);
    expect(cents(noSpot.amortizedMonthlyUsd)).toBe('238.87');
  });
});

describe('optimizePlan: constraints', () => {
  const ten: ScenarioInput = {
    name: 'ten',
    lines: [
      { id: 'db', instanceType: 'm5.large', region: 'us-east-1', usage: { pattern: 'constant', count: 10 } },
    ],
  };

  it('keeps the upfront under the cap, filling the rest with no-upfront RIs, and ladders the rest', () => {
    // Uncapped: 10 × 3-year all upfront (9,490 upfront, 263.61 a month). Cap 3,000: 3 all upfront (2,847)
    // and 7 × 3-year no upfront (0.041 × 730 = 29.93 each): 79.08 + 209.51 = 288.59 a month. A fourth
    // all upfront would need 3,796.
    const p = plan(ten, { maxUpfrontUsd: '3000' });
    expect(new Decimal(p.upfrontUsd!).lte(3000)).toBe(true);
    expect(
      reserved(p)
        .map((r) => `${r.count} ${r.termYears} ${r.paymentOption}`)
        .sort(),
    ).toEqual(['3 3 all-upfront', '7 3 no-upfront']);
    expect(cents(p.amortizedMonthlyUsd)).toBe('288.59');
    expect(p.method[0]).toMatch(/^Exact: Kelley cutting planes over 2 commitment levels/);
    expect(p.method[0]).toMatch(/bounds met to \$0\.0000\d\d\/month/);
    // The cap binds and more all-upfront RIs later would be cheaper: a ladder, a cap's worth at a time.
    expect(p.ladder?.[0]?.month).toBe(0);
    expect(p.ladder?.[1]).toMatchObject({ month: 12, upfrontUsd: '2847' });
  });

  it('with growth, commits for the 36 months’ average and ladders today’s usage up at months 12 and 24', () => {
    // 4 m5.large growing 2 % a month, whole instances rounded up: month m runs ceil(4 × 1.02^m): 4 in
    // month 0, 5 in months 1–11, 6 in 12–20, 7 in 21–28, 8 in 29–35. An RI level k pays when the share
    // of months with usage ≥ k beats 0.036111 ÷ 0.096 = 37.6 %: 7 (15/36 = 41.7 %) does, 8 (7/36 = 19.4 %)
    // does not — 7 RIs.
    const p = plan(
      {
        name: 'growing',
        lines: [
          {
            id: 'db',
            instanceType: 'm5.large',
            region: 'us-east-1',
            usage: { pattern: 'constant', count: 4 },
          },
        ],
      },
      { growthPctPerMonth: 2 },
    );
    expect(reserved(p)).toMatchObject([{ instanceType: 'm5.large', count: 7 }]);
    // Ladder: today's 4 now; month 12 runs ceil(4 × 1.02^12 = 5.07) = 6: 2 more; month 24 runs
    // ceil(4 × 1.02^24 = 6.43) = 7: 1 more.
    expect(p.ladder?.map((s) => [s.month, s.purchases.map((x) => (x as ReservedPurchase).count)])).toEqual([
      [0, [4]],
      [12, [2]],
      [24, [1]],
    ]);
    // The worst month is the first with 8 running, month 30: 7 × 949 ÷ 36 + 70.08 On-Demand = 254.61.
    expect(p.worstMonth?.month).toBe(30);
    expect(cents(p.worstMonth?.monthlyUsd ?? null)).toBe('254.61');
    expect(p.method.some((m) => m.startsWith('Growth 2% a month'))).toBe(true);
  });

  it('never buys a term above the maximum', () => {
    const p = plan(ten, { maxTermYears: 1 });
    expect(p.purchases.length).toBeGreaterThan(0);
    expect(p.purchases.every((x) => x.termYears === 1)).toBe(true);
  });

  it('buys nothing the allow list leaves out', () => {
    expect(plan(ten, { allow: [] }).purchases).toEqual([]);
    const spotOnly = plan(
      { ...ten, lines: [{ ...ten.lines[0]!, interruptionTolerant: true }] },
      { allow: ['spot'] },
    );
    expect(spotOnly.purchases).toEqual([]);
    expect(spotOnly.lines[0]!.spotPct).toBe('100.0');
  });
});

describe('optimizePlan: bad input', () => {
  it('prices nothing it has no price for: n/a totals with the missing prices listed, never 0', () => {
    const p = plan({
      name: 'unknown',
      lines: [
        {
          id: 'known',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 2 },
        },
        {
          id: 'ghost',
          instanceType: 'm5.large',
          region: 'xx-nowhere-9',
          usage: { pattern: 'constant', count: 2 },
        },
      ],
    });
    for (const v of [p.monthlyUsd, p.upfrontUsd, p.amortizedMonthlyUsd, p.threeYearUsd, p.onDemandMonthlyUsd])
      expect(v).toBeNull();
    expect(p.savingsVsOnDemandPct).toBeNull();
    expect(p.missingPrices.map((m) => m.family)).toContain('region');
    // The line it can price is still planned.
    expect(reserved(p)).toMatchObject([{ instanceType: 'm5.large', count: 2 }]);
  });

  it('plans an empty scenario as nothing to buy', () => {
    const p = plan({ name: 'empty', lines: [] });
    expect(p.purchases).toEqual([]);
    expect(p.monthlyUsd).toBe('0');
  });
});
