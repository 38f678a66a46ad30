import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { Decimal } from '@shared/money';
import { estimateScenario } from '@shared/pricing/estimate';
import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { scenarioSchema, type ScenarioInput } from '@shared/scenario/schema';
import { validate, withLabel } from '@shared/validation';
import { parseScenario, realPricing } from '../../support/real-pricing';
import { line, scenario, testBook } from './test-book';

/**
 * Two accounts of one organization, on the real catalog (us-east-1 Linux m5.large: On-Demand
 * $0.096/h). A buys 2 Standard 1-year No Upfront RIs on its line, which runs 1 m5.large all month;
 * B runs 1 m5.large all month.
 * - sharing on (AWS's default): A's first RI covers A's own instance, its second B's: utilization
 *   100 %, B pays no On-Demand.
 * - sharing off for A or for B: A's second RI has no usage it may cover (50 % utilization) and B pays
 *   On-Demand: 730 h × $0.096 = $70.08.
 */
const pricing = realPricing(inject('catalogPath'));
afterAll(() => pricing.close());

const riNoUpfront = {
  model: 'reserved',
  termYears: 1,
  paymentOption: 'no-upfront',
  offeringClass: 'standard',
} as const;
const constant = { pattern: 'constant', count: 1 } as const;

function twoAccounts(sharingA: boolean, sharingB: boolean, extra: Partial<ScenarioInput> = {}) {
  return parseScenario({
    name: 'org',
    accounts: [
      { id: 'a', name: 'Platform', sharing: sharingA },
      { id: 'b', sharing: sharingB },
    ],
    lines: [
      {
        id: 'a-web',
        instanceType: 'm5.large',
        region: 'us-east-1',
        usage: constant,
        purchase: { ...riNoUpfront, count: 2 },
      },
      { id: 'b-web', instanceType: 'm5.large', region: 'us-east-1', usage: constant, account: 'b' },
    ],
    ...extra,
  });
}

const cents = (v: string | null) => (v === null ? null : new Decimal(v).toDecimalPlaces(2).toFixed(2));

/** Each account's totals add up to the scenario's, to the cent (and exactly). */
function expectAccountsAddUp(e: ScenarioEstimate) {
  const keys = ['monthlyUsd', 'upfrontUsd', 'amortizedMonthlyUsd', 'oneYearUsd', 'threeYearUsd'] as const;
  for (const k of keys) {
    const sum = (e.accounts ?? []).reduce((s, a) => s.plus(a.totals[k]), new Decimal(0));
    expect(sum.toString(), k).toBe(new Decimal(e.totals[k]).toString());
  }
}

describe('accounts: Reserved Instances shared or not (real catalog)', () => {
  it('sharing on: A’s second RI covers B’s hours (100 % utilization, B pays no On-Demand)', () => {
    const e = pricing.estimate(twoAccounts(true, true));
    const [a, b] = e.lines;
    expect(a!.commitment?.utilizationPct).toBe('100.0');
    expect(b!.compute.onDemandUsd).toBe('0');
    expect(b!.coverage.reservedHours).toBe(730);
    expect(e.accounts?.map((x) => [x.id, x.name, x.sharing, x.lineIds])).toEqual([
      ['a', 'Platform', true, ['a-web']],
      ['b', null, true, ['b-web']],
    ]);
    // B's cost: nothing (its instance runs on A's RI; the RI's fee sits on A's line).
    expect(e.accounts?.[1]?.totals.monthlyUsd).toBe('0');
    expectAccountsAddUp(e);
  });

  for (const [label, sharingA, sharingB] of [
    ['off for A', false, true],
    ['off for B', true, false],
  ] as const) {
    it(`sharing ${label}: A’s second RI goes unused (50 %) and B pays On-Demand, $70.08`, () => {
      const e = pricing.estimate(twoAccounts(sharingA, sharingB));
      const [a, b] = e.lines;
      expect(a!.commitment?.utilizationPct).toBe('50.0');
      expect(a!.coverage.reservedHours).toBe(730);
      expect(b!.coverage.reservedHours).toBe(0);
      expect(b!.compute.onDemandUsd).toBe('70.08');
      expect(e.accounts?.[1]?.totals.monthlyUsd).toBe('70.08');
      // A pays both RIs every hour: 2 × 730 × its hourly rate, the same figure as with sharing on.
      const shared = pricing.estimate(twoAccounts(true, true));
      expect(e.accounts?.[0]?.totals.monthlyUsd).toBe(shared.accounts?.[0]?.totals.monthlyUsd);
      expect(cents(e.totals.monthlyUsd)).toBe(
        cents(new Decimal(shared.totals.monthlyUsd).plus('70.08').toString()),
      );
      expectAccountsAddUp(e);
    });
  }

  it('a scenario without accounts prices as before and has no per-account figures', () => {
    const input = twoAccounts(true, true);
    const plain = pricing.estimate(
      parseScenario({ name: 'org', lines: input.lines.map(({ account: _a, ...l }) => l) }),
    );
    expect(plain.accounts).toBeUndefined();
    expect(plain.totals).toEqual(pricing.estimate(input).totals);
  });
});

describe('accounts: the buying account’s usage first (hand-set test rates)', () => {
  const book = testBook();
  // B's line comes first; A buys 1 RI (0.06/h) and runs 1 m5.large; B runs 1.
  const lines = [
    line('b-web', { usage: constant, account: 'b' }),
    line('a-web', {
      usage: constant,
      account: 'a',
      purchase: { model: 'reserved', termYears: 1, paymentOption: 'no-upfront', count: 1 },
    }),
  ];
  it('A’s RI covers A’s own instance, not B’s listed before it', () => {
    const e = estimateScenario(scenario(lines, { accounts: [{ id: 'a' }, { id: 'b' }] }), book);
    expect(e.lines[1]!.coverage.reservedHours).toBe(730);
    expect(e.lines[0]!.compute.onDemandUsd).toBe('70.08');
    // Without accounts the RI serves the lines in AWS's size order, then as listed: B's first.
    const plain = estimateScenario(scenario(lines.map(({ account: _a, ...l }) => l)), book);
    expect(plain.lines[0]!.coverage.reservedHours).toBe(730);
  });

  it('a Compute Savings Plan of $0.132/h: shared, it pays for both instances; not shared, half is unused', () => {
    // Compute SP rate for m5.large 0.066/h (MADE UP in test-book): 0.132 / 0.066 = 2 instances an hour.
    const sp = {
      model: 'savings-plan',
      planType: 'compute',
      termYears: 1,
      paymentOption: 'no-upfront',
      commitmentHourlyUsd: '0.132',
    } as const;
    const org = (sharing: boolean) =>
      scenario(
        [line('a-web', { usage: constant, purchase: sp }), line('b-web', { usage: constant, account: 'b' })],
        { accounts: [{ id: 'a' }, { id: 'b', sharing }] },
      );
    const on = estimateScenario(org(true), book);
    expect(on.lines[0]!.commitment?.utilizationPct).toBe('100.0');
    expect(on.lines[1]!.compute.onDemandUsd).toBe('0');
    const off = estimateScenario(org(false), book);
    expect(off.lines[0]!.commitment?.utilizationPct).toBe('50.0');
    expect(off.lines[1]!.compute.onDemandUsd).toBe('70.08');
    // A pays its commitment every hour: 0.132 × 730 = 96.36, whoever uses it.
    expect(off.accounts?.[0]?.totals.monthlyUsd).toBe('96.36');
    expect(off.accounts?.[1]?.totals.monthlyUsd).toBe('70.08');
    expectAccountsAddUp(off);
    expectAccountsAddUp(on);
  });
});

describe('accounts: the arithmetic says why sharing off leaves a line On-Demand', () => {
  const book = testBook();
  const org = (sharingA: boolean, sharingB: boolean) =>
    scenario(
      [
        line('a-web', {
          usage: constant,
          purchase: { model: 'reserved', termYears: 1, paymentOption: 'no-upfront', count: 2 },
        }),
        line('b-web', { usage: constant, account: 'b' }),
      ],
      {
        accounts: [
          { id: 'a', sharing: sharingA },
          { id: 'b', sharing: sharingB },
        ],
      },
    );
  it('names the account whose sharing is off', () => {
    const offA = JSON.stringify(estimateScenario(org(false, true), book, { explain: true }).explanation);
    expect(offA).toContain(
      'the b-web line is in another account than these, bought in account a whose RI and Savings Plans sharing is off: they cover its own lines only (it ran On-Demand)',
    );
    const offB = JSON.stringify(estimateScenario(org(true, false), book, { explain: true }).explanation);
    expect(offB).toContain(
      "the b-web line is in account b, whose RI and Savings Plans sharing is off: it gets no other account's discounts (it ran On-Demand)",
    );
  });
});

describe('accounts: bad input', () => {
  it('a line naming an unknown account is refused, naming the field', () => {
    const r = validate(scenarioSchema, {
      name: 'org',
      accounts: [{ id: 'a' }],
      lines: [{ id: 'web', instanceType: 'm5.large', region: 'us-east-1', usage: constant, account: 'x' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(withLabel)).toEqual([
      'Line 1 (web) › Account: "x" is not one of the scenario\'s accounts (a)',
    ]);
  });

  it('two accounts with one id are refused', () => {
    const r = scenarioSchema.safeParse({ name: 'org', accounts: [{ id: 'a' }, { id: 'a' }], lines: [] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]?.message).toContain('already the id of another account');
  });
});
