import { afterAll, describe, expect, inject, it } from 'vitest';
import { Decimal } from '@shared/money';
import { optimizePlan } from '@shared/optimizer/optimize';
import { compareWithPlan } from '@shared/optimizer/plan-strategy';
import { DEFAULT_CONSTRAINTS, type ReservedPurchase } from '@shared/optimizer/types';
import { estimateScenario } from '@shared/pricing/estimate';
import type { ScenarioInput } from '@shared/scenario/schema';
import { parseScenario, realPricing } from '../../support/real-pricing';

/**
 * The optimizer plans for what the estimate bills: an account whose RI and Savings Plans sharing is
 * off keeps its commitments to itself, and a line holding a capacity reservation is billed
 * max(running, reserved) each hour. Real catalog, us-east-1 Linux m5.large: On-Demand 0.096/h,
 * Standard RIs 3-year all upfront 949 (26.361111 a month amortized).
 */
const pricing = realPricing(inject('catalogPath'));
afterAll(() => pricing.close());

const line = (id: string, count: number, extra: Partial<ScenarioInput['lines'][number]> = {}) => ({
  id,
  instanceType: 'm5.large',
  region: 'us-east-1',
  usage: { pattern: 'constant' as const, count },
  purchase: { model: 'on-demand' as const },
  ...extra,
});

function planOf(input: ScenarioInput) {
  const scenario = parseScenario(input);
  const book = pricing.book(scenario);
  const plan = optimizePlan(scenario, book, DEFAULT_CONSTRAINTS);
  const rows = compareWithPlan(scenario, book);
  return { plan, rows, book };
}

/** No fixed strategy costs less over 3 years than the plan (the plan is Compare's first row). */
function expectCheapest(rows: ReturnType<typeof compareWithPlan>) {
  const plan = new Decimal(rows[0]!.threeYearUsd!);
  for (const r of rows.slice(1))
    if (r.threeYearUsd !== null) expect(plan.lte(new Decimal(r.threeYearUsd))).toBe(true);
}

const count = (p: { purchases: { kind: string }[] }) =>
  p.purchases.filter((x): x is ReservedPurchase => x.kind === 'reserved').reduce((s, x) => s + x.count, 0);

describe('optimizePlan with accounts and capacity reservations', () => {
  it('buys in each account that does not share, on a line of that account', () => {
    // A runs 1 m5.large, B runs 1; B's sharing is off: an RI bought in A never covers B, so each
    // account needs its own RI: 2 RIs, one per account, 2 × 26.361111 = 52.72 a month (all used).
    const { plan, rows, book } = planOf({
      name: 'two accounts, B not sharing',
      accounts: [
        { id: 'a', name: 'A', sharing: true },
        { id: 'b', name: 'B', sharing: false },
      ],
      lines: [line('web-a', 1, { account: 'a' }), line('web-b', 1, { account: 'b' })],
    });
    expect(count(plan)).toBe(2);
    const holders = plan.scenario.lines.filter((l) => l.purchase.model === 'reserved');
    expect(holders.map((l) => l.account ?? 'a').sort()).toEqual(['a', 'b']);
    expect(new Decimal(plan.amortizedMonthlyUsd!).toFixed(2)).toBe('52.72');
    expect(plan.utilizationPct).toBe('100.0');
    expect(estimateScenario(plan.scenario, book).totals.threeYearUsd).toBe(plan.threeYearUsd);
    expectCheapest(rows);
  });

  it('commits to the reserved capacity a line is billed for, not only what it runs', () => {
    // 4 reserved in us-east-1a, 2 running: billed 4 every hour (2 of them unused), so 4 RIs are all
    // used: 4 × 26.361111 = 105.44 a month, against 4 × 0.096 × 730 = 280.32 On-Demand.
    const { plan, rows } = planOf({
      name: 'reservation of 4, 2 running',
      lines: [line('db', 2, { capacityReservation: { count: 4, availabilityZone: 'us-east-1a' } })],
    });
    expect(count(plan)).toBe(4);
    expect(new Decimal(plan.amortizedMonthlyUsd!).toFixed(2)).toBe('105.44');
    expect(new Decimal(plan.onDemandMonthlyUsd!).toFixed(2)).toBe('280.32');
    expectCheapest(rows);
  });

  it('keeps a line that holds a capacity reservation off spot, and commits to what it is billed', () => {
    // A tolerant batch tier running 2 for 50 of the week's 168 hours would go to spot; holding a
    // reservation of 2 it is billed 2 every hour at On-Demand (spot or not), so 2 RIs cover it all:
    // 2 × 26.361111 = 52.72 a month against 2 × 0.096 × 730 = 140.16 On-Demand.
    const { plan, rows } = planOf({
      name: 'tolerant batch with a reservation',
      lines: [
        line('batch', 2, {
          usage: {
            pattern: 'business-hours',
            count: 2,
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            startHour: 8,
            endHour: 18,
          },
          interruptionTolerant: true,
          capacityReservation: { count: 2, availabilityZone: 'us-east-1b' },
        }),
      ],
    });
    expect(plan.scenario.lines[0]!.purchase.model).not.toBe('spot');
    expect(count(plan)).toBe(2);
    expect(new Decimal(plan.amortizedMonthlyUsd!).toFixed(2)).toBe('52.72');
    expectCheapest(rows);
  });
});
