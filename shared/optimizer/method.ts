import { formatUsd, Decimal } from '../money';
import type { ScenarioEstimate } from '../pricing/estimate-types';
import type { PlannedPurchase } from './apply-plan';
import type { UsageScale } from './commitments';
import type { PlanModel } from './model-types';
import { tolerance } from './solve';
import type { SpotChoice } from './spot-choice';
import type { OptimizeConstraints } from './types';

/** How the optimum was found and what it assumed, in sentences shown under the plan. */
export function methodSentences(args: {
  model: PlanModel;
  choice: SpotChoice;
  purchases: readonly PlannedPurchase[];
  constraints: OptimizeConstraints;
  estimate: ScenarioEstimate;
  horizon: UsageScale;
}): string[] {
  const { model, choice, constraints, estimate, horizon } = args;
  const s = choice.solution;
  const out: string[] = [];
  const gap = Math.max(0, s.committedMonthly - s.lowerBound);
  const n = (v: number) => v.toLocaleString('en-US');
  const rows = s.blocks.reduce((a, b) => a + b.plan.rows.rows, 0);
  const T = s.blocks[0]?.plan.rows.timelineHours ?? 0;
  if (s.vars.length === 0) {
    out.push(
      'Nothing to optimize: no commitment product is allowed and priced for the usage, so the plan is On-Demand (and spot where chosen).',
    );
  } else if (s.methods.has('cutting-planes')) {
    out.push(
      `Exact: Kelley cutting planes over ${n(s.vars.length)} commitment level${s.vars.length === 1 ? '' : 's'} (RI counts, Savings Plan commitments in $0.00001/h steps), ${n(s.iterations)} iterations, ${n(s.passes)} passes over the hours; ` +
        (gap <= tolerance(s.committedMonthly)
          ? `bounds met to $${gap.toFixed(6)}/month.`
          : `the lower bound stays $${gap.toFixed(6)}/month below the cost found: in some hours AWS's order is not the best allocation (the bound is the best allocation's), so the best point was then improved by exact moves around it until none lowered the cost.`),
    );
  } else {
    out.push(
      `Exact: each RI pool's usage-duration curve, every whole count priced in one sweep over its hours (${n(s.vars.length)} pools with an RI to buy); the optimum is where the share of hours with usage above the level meets the RI's effective rate ÷ On-Demand.`,
    );
  }
  out.push(
    `Hours: ${n(T)} hours of the timeline${horizon.months > 1 ? ` × ${horizon.months} months` : ''}, ${n(rows)} distinct across ${n(s.blocks.length)} independent block(s) of pools; each hour applies RIs (smallest size first), then EC2 Instance Savings Plans, then Compute Savings Plans (highest savings first), as the estimate does.`,
  );
  out.push(
    `Considered: ${n(model.ri.length)} Reserved Instance product(s) in ${n(model.pools.length)} pool(s) and ${n(model.sp.length)} Savings Plan product(s)` +
      (constraints.allow.includes('sp') && model.sp.length === 0
        ? '; no Savings Plans: the catalog has no Savings Plans rates for these lines (import AWS\u2019s Savings Plans files).'
        : '.'),
  );
  if (choice.how === 'exhaustive')
    out.push(
      `Spot: all ${n(2 ** choice.candidates)} choices of the ${n(choice.candidates)} interruption-tolerant lines solved; the cheapest kept.`,
    );
  else if (choice.how === 'fixed-point')
    out.push(
      `Spot: ${n(choice.candidates)} interruption-tolerant lines moved one side or the other while it lowered the cost at the plan's commitments, re-solved each round (${n(choice.rounds)} rounds, to a fixed point).`,
    );
  else if (constraints.allow.includes('spot'))
    out.push('Spot: no interruption-tolerant line has a spot price below its On-Demand cost.');
  if (horizon.months > 1)
    out.push(
      `Growth ${constraints.growthPctPerMonth}% a month: the commitments are chosen for the average of ${horizon.months} months (month m = the profile × (1 + g)^m, whole instances rounded up); the totals are the estimate of today's profile.`,
    );
  const limits = [
    `no term above ${constraints.maxTermYears} year${constraints.maxTermYears === 1 ? '' : 's'}`,
  ];
  if (constraints.maxUpfrontUsd !== null)
    limits.push(`upfront at most ${formatUsd(new Decimal(constraints.maxUpfrontUsd))}`);
  out.push(`Constraints: ${limits.join('; ')}.`);
  out.push(...model.notes);
  const ebs = estimate.lines.reduce(
    (a, l) => a + Number(l.storageMonthlyUsd ?? 0) + Number(l.snapshotMonthlyUsd ?? 0),
    0,
  );
  if (estimate.totals.complete && horizon.months === 1)
    out.push(
      `Totals: the estimate engine's figures for the scenario with the plan applied (as Compare's); the optimizer's own model gives ${formatUsd(new Decimal(choice.total + ebs))} a month amortized.`,
    );
  return out;
}
