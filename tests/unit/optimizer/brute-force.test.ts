import { afterAll, describe, expect, inject, it } from 'vitest';
import { Decimal } from '@shared/money';
import { optimizePlan } from '@shared/optimizer/optimize';
import type { PurchasePlan } from '@shared/optimizer/types';
import { estimateScenario } from '@shared/pricing/estimate';
import type { PriceBook } from '@shared/pricing/price-book';
import type { Purchase, ScenarioLine } from '@shared/scenario/schema';
import { bruteForce } from '../../support/optimizer-brute-force';
import { generateCase, withTestSavingsPlanRates, type OptimizerCase } from '../../support/optimizer-cases';
import { realPricing } from '../../support/real-pricing';

/**
 * The optimizer is exact: on hundreds of small random cases (seeded: a failure names its seed) its
 * plan costs no more than the cheapest candidate of a brute force that prices every way to buy with
 * the estimate engine (tests/support/optimizer-brute-force.ts), its totals are the estimate engine's own
 * figures for the scenario it writes, and it keeps to the constraints.
 */
const CASES = 300;
const SEEDS = Array.from({ length: CASES }, (_, i) => i + 1);
const CENT = new Decimal('0.01');
const HALF_CENT = new Decimal('0.005');
const TOTALS = ['monthlyUsd', 'upfrontUsd', 'amortizedMonthlyUsd', 'oneYearUsd', 'threeYearUsd'] as const;

const pricing = realPricing(inject('catalogPath'));
const tally = { atMost: 0, sameToTheCent: 0, cheaper: [] as string[], candidates: 0, coarse: 0, smallest: 0 };
afterAll(() => pricing.close());

function bookFor(c: OptimizerCase): PriceBook {
  const book = pricing.book(c.scenario);
  return c.kind === 'savings-plans' ? withTestSavingsPlanRates(book) : book;
}

/** A purchase as a comparable key: what it buys, its term, payment and quantity. */
function purchaseKey(p: Purchase, line: ScenarioLine | null): string | null {
  if (p.model === 'reserved')
    return `ri|${line?.instanceType}|${line?.os}|${p.offeringClass}|${p.termYears}|${p.paymentOption}|${p.count}`;
  if (p.model === 'savings-plan')
    return `sp|${p.planType}|${p.termYears}|${p.paymentOption}|${new Decimal(p.commitmentHourlyUsd ?? 'NaN').toFixed()}`;
  return null;
}

/** What the plan does that the constraints or the applied scenario's rules forbid (empty = none). */
function violations(c: OptimizerCase, plan: PurchasePlan, book: PriceBook): string[] {
  const { allow, maxTermYears, maxUpfrontUsd } = c.constraints;
  const out: string[] = [];
  const upfront = plan.purchases.reduce((u, p) => u.plus(p.upfrontUsd), new Decimal(0));
  if (maxUpfrontUsd !== null && upfront.gt(maxUpfrontUsd)) out.push(`purchases' upfront ${upfront} > cap`);
  if (maxUpfrontUsd !== null && new Decimal(plan.upfrontUsd ?? 'NaN').gt(maxUpfrontUsd))
    out.push(`plan upfront ${plan.upfrontUsd} > cap`);
  for (const p of plan.purchases) {
    if (p.termYears > maxTermYears) out.push(`${p.kind} for ${p.termYears} years`);
    if (!allow.includes(p.kind === 'reserved' ? 'ri' : 'sp')) out.push(`${p.kind} not allowed`);
  }
  const byId = new Map(plan.scenario.lines.map((l) => [l.id, l]));
  for (const line of c.scenario.lines) {
    const applied = byId.get(line.id);
    if (!applied) {
      out.push(`line ${line.id} missing`);
      continue;
    }
    if (JSON.stringify({ ...line, purchase: null }) !== JSON.stringify({ ...applied, purchase: null }))
      out.push(`line ${line.id} changed`);
    if (applied.purchase.model === 'spot' && !(allow.includes('spot') && line.interruptionTolerant))
      out.push(`line ${line.id} on spot`);
  }
  const added = plan.scenario.lines.filter((l) => !c.scenario.lines.some((o) => o.id === l.id));
  const estimate = estimateScenario(plan.scenario, book);
  for (const l of added)
    if (estimate.lines.find((e) => e.id === l.id)?.instanceHours !== 0) out.push(`added line ${l.id} runs`);
  // The scenario holds exactly the plan's purchases.
  const written = plan.scenario.lines.flatMap((l) => purchaseKey(l.purchase, l) ?? []).sort();
  const listed = plan.purchases
    .map((p) =>
      p.kind === 'reserved'
        ? `ri|${p.instanceType}|${p.os}|${p.offeringClass}|${p.termYears}|${p.paymentOption}|${p.count}`
        : `sp|${p.planType}|${p.termYears}|${p.paymentOption}|${new Decimal(p.commitmentHourlyUsd).toFixed()}`,
    )
    .sort();
  if (JSON.stringify(written) !== JSON.stringify(listed))
    out.push(`scenario holds ${written.join(', ')} but the plan lists ${listed.join(', ')}`);
  return out;
}

describe(`optimizer against brute force, ${CASES} seeded random cases`, () => {
  it.each(SEEDS)('case %i', (seed) => {
    const c = generateCase(seed);
    const book = bookFor(c);
    const plan = optimizePlan(c.scenario, book, c.constraints);
    const best = bruteForce(c, book);
    tally.candidates += best.candidatesPriced;
    if (best.spGridDivisor === 0) tally.coarse++;
    if (best.smallestTypeOnly) tally.smallest++;

    // The brute force's best, priced whole, is what its parts added up to.
    expect(best.wholeAmortizedMonthlyUsd.minus(best.amortizedMonthlyUsd).abs().lt(HALF_CENT)).toBe(true);

    // The plan's totals are the estimate engine's figures for the scenario it writes.
    const totals = estimateScenario(plan.scenario, book).totals;
    for (const k of TOTALS) {
      expect(plan[k], `${k} of case ${seed}`).not.toBeNull();
      expect(
        new Decimal(plan[k] as string).minus(totals[k]).abs().lt(HALF_CENT),
        `${k} of case ${seed}`,
      ).toBe(true);
    }
    expect(violations(c, plan, book), `case ${seed}`).toEqual([]);

    const planUsd = new Decimal(plan.amortizedMonthlyUsd as string);
    const detail = `case ${seed} (${c.kind}, ${JSON.stringify(c.constraints)}): optimizer $${planUsd.toFixed(4)}/month, brute force $${best.amortizedMonthlyUsd.toFixed(4)}/month`;
    expect(planUsd.lte(best.amortizedMonthlyUsd.plus(CENT)), detail).toBe(true);
    tally.atMost++;
    if (planUsd.minus(best.amortizedMonthlyUsd).abs().lt(CENT)) tally.sameToTheCent++;
    else tally.cheaper.push(`${seed}: $${best.amortizedMonthlyUsd.minus(planUsd).toFixed(2)}`);
  });

  it(`all ${CASES} cases: optimizer ≤ brute force`, () => {
    console.log(
      `${tally.atMost}/${CASES} cases: optimizer ≤ brute force + $0.01/month ` +
        `(${tally.sameToTheCent} equal to the cent; cheaper than the brute force's grid in ${tally.cheaper.length}` +
        `${tally.cheaper.length ? `: ${tally.cheaper.join(', ')}` : ''}); ` +
        `${tally.candidates} candidates priced by the estimate engine; ` +
        `${tally.coarse} cases with Savings Plans levels at sums of whole instances × rate only (no finer grid), ` +
        `${tally.smallest} with RIs enumerated in the pool's smallest type only`,
    );
    expect(tally.atMost).toBe(CASES);
  });
});
