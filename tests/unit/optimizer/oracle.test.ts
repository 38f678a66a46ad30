import loadHighs from 'highs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Decimal } from '@shared/money';
import { optimizePlan } from '@shared/optimizer/optimize';
import type { OptimizeConstraints } from '@shared/optimizer/types';
import { estimateScenario } from '@shared/pricing/estimate';
import { priceKey, type PriceBook } from '@shared/pricing/price-book';
import { usageProfile } from '@shared/pricing/usage-profile';
import { HOURS_PER_WEEK, scenarioSchema, type Scenario, type ScenarioLine } from '@shared/scenario/schema';
import {
  FAMILIES,
  int,
  pick,
  seededRng,
  weeklyUsage,
  withTestSavingsPlanRates,
  type LineInput,
} from '../../support/optimizer-cases';
import { realPricing } from '../../support/real-pricing';

/**
 * An LP oracle for medium cases the brute force cannot walk: 168-hour weekly profiles over 3–5 RI
 * pools (one instance type each, 1–2 lines) with a Compute Savings Plan (TEST rates: see
 * withTestSavingsPlanRates; EC2 Instance plans removed). The continuous relaxation, solved by HiGHS:
 *   minimize  Σp a_p x_p + hpm·y + (hpm/168) Σt Σp od_p (r_pt − s_pt)
 *   s.t.      r_pt ≥ u_pt − x_p,  0 ≤ s_pt ≤ r_pt,  Σp c_p s_pt ≤ y   (x, y, r ≥ 0)
 * with x_p the pool's RIs (a_p: the cheapest allowed RI's amortized month), y the Compute commitment
 * (c_p: its rate for the pool's type), r_pt the usage RIs leave, s_pt what the plan covers. For given
 * x and y it is the estimate's cost (RIs cover min(x, u); a single Compute plan covering highest
 * savings first is the best use of y each hour), so its optimum is a lower bound on every plan, and
 * the LP solution with RIs rounded up (priced by the estimate engine) is a plan the optimizer must
 * match: LP ≤ optimizer ≤ rounded LP plan.
 */
const CASES = 24;
const CENT = new Decimal('0.01');
const pricing = realPricing(inject('catalogPath'));
let highs: Awaited<ReturnType<typeof loadHighs>>;
beforeAll(async () => {
  highs = await loadHighs();
});
afterAll(() => pricing.close());
const tally = { within: 0, gaps: [] as number[] };

function oracleCase(seed: number): { scenario: Scenario; constraints: OptimizeConstraints } {
  const r = seededRng(seed * 7919);
  const families = Object.keys(FAMILIES)
    .sort(() => r() - 0.5)
    .slice(0, int(r, 3, 5));
  const lines: LineInput[] = families.flatMap((family, p) => {
    const instanceType = pick(r, FAMILIES[family] as string[]);
    return Array.from({ length: int(r, 1, 2) }, (_, k) => ({
      id: `pool-${p + 1}-line-${k + 1}`,
      instanceType,
      region: 'us-east-1',
      usage: weeklyUsage(r, 6),
    }));
  });
  return {
    scenario: scenarioSchema.parse({ name: `oracle case ${seed}`, lines }),
    constraints: {
      allow: ['ri', 'sp'],
      maxUpfrontUsd: null,
      maxTermYears: r() < 0.5 ? 1 : 3,
      growthPctPerMonth: 0,
    },
  };
}

/** The book with TEST Compute Savings Plans rates only. */
function computeOnly(book: PriceBook): PriceBook {
  const withRates = withTestSavingsPlanRates(book);
  const instances = Object.fromEntries(
    Object.entries(withRates.instances).map(([k, p]) => [
      k,
      { ...p, savingsPlans: p.savingsPlans.filter((s) => s.planType === 'compute') },
    ]),
  );
  return { ...withRates, instances };
}

describe(`optimizer against an LP relaxation (HiGHS), ${CASES} medium cases`, () => {
  it.each(Array.from({ length: CASES }, (_, i) => i + 1))('case %i', (seed) => {
    const { scenario, constraints } = oracleCase(seed);
    const book = computeOnly(pricing.book(scenario));
    const hpm = new Decimal(scenario.hoursPerMonth);
    const types = [...new Set(scenario.lines.map((l) => l.instanceType))];
    const pools = types.map((type) => {
      const prices = book.instances[priceKey('us-east-1', 'linux', type)]!;
      const ri = prices.reserved
        .filter((v) => v.termYears <= constraints.maxTermYears)
        .map((v) => ({
          v,
          amortized: new Decimal(v.hourlyUsd)
            .times(hpm)
            .plus(new Decimal(v.upfrontUsd).div(v.termYears * 12)),
        }))
        .sort((a, b) => a.amortized.comparedTo(b.amortized))[0]!;
      const usage = Array.from({ length: HOURS_PER_WEEK }, () => 0);
      for (const l of scenario.lines.filter((x) => x.instanceType === type))
        usageProfile(l.usage).counts.forEach((c, t) => (usage[t] = (usage[t] as number) + c));
      return { type, od: new Decimal(prices.onDemandHourlyUsd!), ri, usage };
    });
    const plans = book.instances[priceKey('us-east-1', 'linux', types[0]!)]!.savingsPlans.filter(
      (s) => s.termYears <= constraints.maxTermYears,
    );
    const plan0 = plans.sort((a, b) => new Decimal(a.hourlyUsd).comparedTo(b.hourlyUsd))[0]!;
    const rate = (type: string) =>
      new Decimal(
        book.instances[priceKey('us-east-1', 'linux', type)]!.savingsPlans.find(
          (s) => s.termYears === plan0.termYears && s.paymentOption === plan0.paymentOption,
        )!.hourlyUsd,
      );

    // Hours with the same usage in every pool are one row, weighted by how often they occur.
    const hours = new Map<string, { usage: number[]; weight: number }>();
    for (let t = 0; t < HOURS_PER_WEEK; t++) {
      const usage = pools.map((p) => p.usage[t] as number);
      const row = hours.get(usage.join(','));
      if (row) row.weight++;
      else hours.set(usage.join(','), { usage, weight: 1 });
    }
    const perHour = hpm.div(HOURS_PER_WEEK);
    const terms = [...pools.map((p, i) => `${p.ri.amortized.toFixed(10)} x${i}`), `${hpm.toFixed(10)} y`];
    const rows: string[] = [];
    [...hours.values()].forEach(({ usage, weight }, h) => {
      const cover: string[] = [];
      pools.forEach((p, i) => {
        const od = p.od.times(perHour).times(weight).toFixed(10);
        terms.push(`${od} r${i}_${h}`, `- ${od} s${i}_${h}`);
        rows.push(`r${i}_${h} + x${i} >= ${usage[i]}`, `s${i}_${h} - r${i}_${h} <= 0`);
        cover.push(`${rate(p.type).toFixed(10)} s${i}_${h}`);
      });
      rows.push(`${cover.join(' + ')} - y <= 0`);
    });
    const lp = `Minimize\n obj: ${terms.join(' + ').replace(/\+ -/g, '-')}\nSubject To\n${rows.map((row, k) => ` c${k}: ${row}`).join('\n')}\nEnd`;
    const solution = highs.solve(lp, { output_flag: false });
    if (solution.Status !== 'Optimal') throw new Error(`case ${seed}: the LP ended ${solution.Status}`);
    const lower = new Decimal(solution.ObjectiveValue);

    // The LP's plan with RIs rounded up, priced by the estimate engine.
    const holder = (id: string, instanceType: string, purchase: ScenarioLine['purchase']): ScenarioLine => ({
      id,
      instanceType,
      purchase,
      region: 'us-east-1',
      os: 'linux',
      tenancy: 'shared',
      usage: { pattern: 'constant', count: 0 },
      interruptionTolerant: false,
      volumeLifetime: 'instance',
      volumes: [],
    });
    const rounded: Scenario = {
      ...scenario,
      lines: [
        ...scenario.lines,
        ...pools.map((p, i) =>
          holder(`oracle-ri-${i}`, p.type, {
            ...p.ri.v,
            model: 'reserved',
            count: Math.ceil(solution.Columns[`x${i}`]!.Primal - 1e-9),
          }),
        ),
        holder('oracle-sp', types[0]!, {
          model: 'savings-plan',
          planType: 'compute',
          termYears: plan0.termYears,
          paymentOption: plan0.paymentOption,
          commitmentHourlyUsd: new Decimal(solution.Columns.y?.Primal ?? 0)
            .toDecimalPlaces(5, Decimal.ROUND_CEIL)
            .toFixed(),
        }),
      ],
    };
    const upper = new Decimal(estimateScenario(rounded, book).totals.amortizedMonthlyUsd);
    const optimizer = new Decimal(optimizePlan(scenario, book, constraints).amortizedMonthlyUsd as string);
    const detail = `case ${seed}: LP $${lower.toFixed(4)}, optimizer $${optimizer.toFixed(4)}, LP rounded up $${upper.toFixed(4)}`;
    expect(lower.lte(upper.plus(CENT)), detail).toBe(true);
    expect(lower.lte(optimizer.plus(CENT)), detail).toBe(true);
    expect(optimizer.lte(upper.plus(CENT)), detail).toBe(true);
    tally.within++;
    tally.gaps.push(optimizer.minus(lower).toNumber());
  });

  it(`all ${CASES} cases: LP ≤ optimizer ≤ the LP's plan rounded up`, () => {
    const gaps = tally.gaps.map((g) => `$${g.toFixed(2)}`).join(', ');
    console.log(
      `${tally.within}/${CASES} medium cases: LP ≤ optimizer ≤ LP rounded up; optimizer − LP per month: ${gaps}`,
    );
    expect(tally.within).toBe(CASES);
  });
});
