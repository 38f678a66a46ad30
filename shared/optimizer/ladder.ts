import { Decimal, toUsdString } from '../money';
import type { PlannedPurchase } from './apply-plan';
import { solveCommitments, type CommitmentSolution, type Layout } from './commitments';
import { modelPurchases, plannedPurchases } from './plan-purchases';
import { SP_STEPS_PER_USD, type PlanModel } from './model-types';
import type { LadderStep, OptimizeConstraints } from './types';

/**
 * A laddered plan, when the constraints ask for one:
 * - usage growing (growth > 0): commit for today's usage now, and at months 12 and 24 buy what the
 *   optimum for that month's usage (profile × (1 + g)^m) adds to what is held;
 * - an upfront cap that binds while the uncapped optimum is cheaper: the capped plan now, and at
 *   months 12 and 24 what the optimum under twice and three times the cap adds (a cap's worth of
 *   upfront at each step).
 * Each step lists only what it adds; 1-year terms are renewed at months 12 and 24 as Compare assumes.
 * Steps are priced from the catalog's rates and the optimizer's pass at that step's usage.
 */
const STEP_MONTHS = [0, 12, 24] as const;

export function ladderOf(
  model: PlanModel,
  layout: Layout,
  solution: CommitmentSolution,
  constraints: OptimizeConstraints,
  capUsd: number | null,
  purchases: readonly PlannedPurchase[],
): LadderStep[] | null {
  const g = constraints.growthPctPerMonth;
  if (g > 0) {
    return steps(
      model,
      STEP_MONTHS.map((m) =>
        solveCommitments(model, layout, solution.onSpot, capUsd, {
          months: 1,
          factorOf: () => (1 + g / 100) ** m,
        }),
      ),
    );
  }
  if (capUsd === null || purchases.length === 0) return null;
  const upfront = purchases.reduce(
    (sum, p) =>
      sum +
      (p.product.kind === 'ri'
        ? p.product.upfront.toNumber() * p.amount
        : (p.product.upfrontPerUsdHour.toNumber() * p.amount) / SP_STEPS_PER_USD),
    0,
  );
  const uncapped = solveCommitments(model, layout, solution.onSpot, null);
  const binds =
    upfront >= capUsd - Math.max(1, capUsd * 1e-3) ||
    uncapped.committedMonthly < solution.committedMonthly - 1e-6;
  if (!binds || uncapped.committedMonthly >= solution.committedMonthly - 1e-6) return null;
  return steps(model, [
    solution,
    ...[2, 3].map((k) => solveCommitments(model, layout, solution.onSpot, capUsd * k)),
  ]);
}

function steps(model: PlanModel, solutions: CommitmentSolution[]): LadderStep[] {
  const held = new Map<string, number>();
  const out: LadderStep[] = [];
  solutions.forEach((s, k) => {
    const planned = plannedPurchases(s);
    const adds = planned.map((p) => Math.max(0, p.amount - (held.get(p.product.id) ?? 0)));
    planned.forEach((p) => held.set(p.product.id, Math.max(held.get(p.product.id) ?? 0, p.amount)));
    const keep = planned.flatMap((p, i) => ((adds[i] as number) > 0 ? [i] : []));
    if (k > 0 && keep.length === 0) return;
    const priced = modelPurchases(model, s, planned, adds).filter((_, i) => keep.includes(i));
    out.push({
      month: STEP_MONTHS[k] as number,
      purchases: priced,
      upfrontUsd: toUsdString(priced.reduce((sum, p) => sum.plus(p.upfrontUsd), new Decimal(0))),
    });
  });
  return out;
}
