import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Decimal } from '@shared/money';
import { optimizePlan } from '@shared/optimizer/optimize';
import { DEFAULT_CONSTRAINTS, type SavingsPlanPurchase } from '@shared/optimizer/types';
import { estimateScenario } from '@shared/pricing/estimate';
import type { PriceBook, SpRate } from '@shared/pricing/price-book';
import type { ScenarioInput } from '@shared/scenario/schema';
import { importPriceFile } from '../../../main/import/import-service';
import { fixture, tempCatalog, type TempCatalog } from '../../fixtures/import-test-support';
import { parseScenario, realPricing } from '../../support/real-pricing';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[];
const plans = (p: { purchases: { kind: string }[] }) =>
  p.purchases.filter((x): x is SavingsPlanPurchase => x.kind === 'savings-plan');

describe('optimizePlan with AWS’s real Savings Plans file imported', () => {
  // AWS's ap-east-2 sample (tests/fixtures/price-list, version 20250911184447): the 3-year partial
  // upfront r7g EC2 Instance Savings Plan; r7g.2xlarge Linux (APE2-BoxUsage:r7g.2xlarge, RunInstances)
  // 0.1954/h against On-Demand 0.4651/h in the shipped catalog, which has no RIs in ap-east-2.
  let cat: TempCatalog;
  let pricing: ReturnType<typeof realPricing>;
  beforeAll(async () => {
    cat = tempCatalog(inject('catalogPath'));
    await importPriceFile({
      file: fixture('AWSComputeSavingsPlan-ap-east-2-sample.csv'),
      catalogPath: cat.path,
      force: true,
    });
    pricing = realPricing(cat.path);
  });
  afterAll(() => {
    pricing.close();
    cat.cleanup();
  });

  const week = (extra: ScenarioInput['lines'] = []): ScenarioInput => ({
    name: 'taipei',
    lines: [
      {
        id: 'app',
        instanceType: 'r7g.2xlarge',
        region: 'ap-east-2',
        usage: {
          pattern: 'business-hours',
          count: 10,
          offHoursCount: 2,
          days: WEEKDAYS,
          startHour: 9,
          endHour: 17,
        },
      },
      ...extra,
    ],
  });

  it('commits the 10/2 business week’s steady 2 instances with the plan: $0.3908/h', () => {
    // Above 2 instances usage runs 40/168 = 23.8 % of the hours, below 0.1954 ÷ 0.4651 = 42.0 %: cover 2,
    // i.e. 2 × 0.1954 = 0.3908 $/h (AWS takes up to five decimals).
    const scenario = parseScenario(week());
    const book = pricing.book(scenario);
    const p = optimizePlan(scenario, book, DEFAULT_CONSTRAINTS);
    expect(p.purchases).toHaveLength(1);
    expect(plans(p)[0]).toMatchObject({
      planType: 'ec2-instance',
      region: 'ap-east-2',
      family: 'r7g',
      termYears: 3,
      paymentOption: 'partial-upfront',
      commitmentHourlyUsd: '0.3908',
      // Half the term's commitment upfront: 0.3908 × 26,280 ÷ 2 = 5,135.112; the other half hourly:
      // 0.1954 × 730 = 142.642 a month; amortized 142.642 + 5,135.112 ÷ 36 = 285.284.
      upfrontUsd: '5135.112',
      recurringMonthlyUsd: '142.642',
    });
    expect(new Decimal(plans(p)[0]!.amortizedMonthlyUsd).toFixed(3)).toBe('285.284');
    expect(p.method[0]).toMatch(/^Exact: Kelley cutting planes over 1 commitment level\b/);
    expect(p.amortizedMonthlyUsd).toBe(estimateScenario(p.scenario, book).totals.amortizedMonthlyUsd);
    // The plan sits on the line it covers (no holder line needed).
    expect(p.scenario.lines).toHaveLength(1);
    expect(p.scenario.lines[0]!.purchase).toMatchObject({
      model: 'savings-plan',
      commitmentHourlyUsd: '0.3908',
    });
  });

  it('leaves the plan out when a type it would cover has no rate, and says so', () => {
    // The sample has no Linux rate for r7g.large: a plan bought for the family would cover its usage at
    // an unknown rate, which the estimate cannot price.
    const scenario = parseScenario(
      week([
        {
          id: 'small',
          instanceType: 'r7g.large',
          region: 'ap-east-2',
          usage: { pattern: 'constant', count: 1 },
        },
      ]),
    );
    const p = optimizePlan(scenario, pricing.book(scenario), DEFAULT_CONSTRAINTS);
    expect(p.purchases).toEqual([]);
    expect(p.method.join(' ')).toMatch(
      /EC2 Instance Savings Plan, 3-year, partial upfront for r7g in ap-east-2 not considered: the catalog has its rate for 1 of the 2 instance types/,
    );
    expect(p.amortizedMonthlyUsd).not.toBeNull();
  });
});

describe('optimizePlan layering a Compute Savings Plan over three families (hand-set TEST rates)', () => {
  // TEST RATES, not AWS's: a Compute Savings Plan, 3-year no upfront, at 62 % of each type's real
  // On-Demand rate, rounded to 4 decimals: m5.large 0.096 → 0.0595, c5.large 0.085 → 0.0527, r5.large
  // 0.126 → 0.0781. Real RIs stay in the book.
  const pricing = realPricing(inject('catalogPath'));
  afterAll(() => pricing.close());
  const testRate = (od: string): SpRate => ({
    planType: 'compute',
    termYears: 3,
    paymentOption: 'no-upfront',
    hourlyUsd: new Decimal(od).times('0.62').toDecimalPlaces(4).toString(),
    sourceId: 'test-rates',
  });
  // Each family runs 4 instances in its own third of the week (56 h) and none otherwise.
  const third = (k: number) => Array.from({ length: 168 }, (_, h) => (Math.floor(h / 56) === k ? 4 : 0));
  const scenario = parseScenario({
    name: 'thirds',
    lines: ['m5.large', 'c5.large', 'r5.large'].map((instanceType, k) => ({
      id: instanceType.split('.')[0]!,
      instanceType,
      region: 'us-east-1',
      usage: { pattern: 'weekly' as const, counts: third(k) },
    })),
  });
  const base = pricing.book(scenario);
  const book: PriceBook = {
    ...base,
    instances: Object.fromEntries(
      Object.entries(base.instances).map(([k, v]) => [
        k,
        { ...v, savingsPlans: [testRate(v.onDemandHourlyUsd!)] },
      ]),
    ),
  };

  it('commits the $/h that is busy in enough of the hours, and no RI', () => {
    // RIs: each family is busy 56/168 = 33.3 % of the hours, below its RI's ratio (m5 0.036111 ÷ 0.096
    // = 37.6 %, c5 0.031012 ÷ 0.085 = 36.5 %, r5 0.047374 ÷ 0.126 = 37.6 %): none pays.
    // The Compute plan covers whichever family runs: 4 instances need 4 × 0.0527 = 0.2108 $/h (c5),
    // 0.238 (m5) or 0.3124 (r5) at the plan's rates. A dollar of commitment is worth its 1 ÷ 0.62 in
    // On-Demand in the hours it is used: up to 0.2108 every hour (100 % > 62 %), up to 0.238 in two
    // thirds (66.7 % > 62 %), above that only in r5's third (33.3 % < 62 %): $0.238/h.
    const p = optimizePlan(scenario, book, DEFAULT_CONSTRAINTS);
    expect(p.purchases).toHaveLength(1);
    expect(plans(p)[0]).toMatchObject({
      planType: 'compute',
      region: null,
      family: null,
      commitmentHourlyUsd: '0.238',
    });
    expect(p.amortizedMonthlyUsd).toBe(estimateScenario(p.scenario, book).totals.amortizedMonthlyUsd);
    // Each dollar step either side costs more, priced by the estimate itself.
    const at = (usd: string) => {
      const s = structuredClone(p.scenario);
      const holder = s.lines.find((l) => l.purchase.model === 'savings-plan')!;
      holder.purchase = { ...holder.purchase, commitmentHourlyUsd: usd } as typeof holder.purchase;
      return new Decimal(estimateScenario(s, book).totals.amortizedMonthlyUsd);
    };
    const best = new Decimal(p.amortizedMonthlyUsd!);
    for (const usd of ['0.2', '0.237', '0.239', '0.3']) expect(at(usd).gt(best)).toBe(true);
  });
});
