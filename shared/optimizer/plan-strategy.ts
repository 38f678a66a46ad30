import { Decimal } from '../money';
import { compareStrategies, strategies, strategyResult, type CompareReference } from '../pricing/compare';
import { estimateScenario, type EstimateOptions } from '../pricing/estimate';
import type { ScenarioEstimate, StrategyResult } from '../pricing/estimate-types';
import type { PriceBook } from '../pricing/price-book';
import type { Scenario } from '../scenario/schema';
import { optimizePlan } from './optimize';
import { DEFAULT_CONSTRAINTS, type PurchasePlan } from './types';

/**
 * The optimized plan as a row of Compare (and of every report's comparison), before the fixed
 * strategies: its figures are the estimate of the scenario with the plan applied (plan.estimate), its
 * cumulative cash and break-even against all On-Demand worked exactly as compare.ts works them for
 * the others (strategyResult). Its id is no strategy's, so strategyModel() calls it
 * on-demand: whoever looks for the all On-Demand reference looks it up by its id.
 */

export const PLAN_STRATEGY_ID = 'optimized-plan';
export const PLAN_STRATEGY_LABEL = 'Optimized plan (cheapest mix)';
/** The all On-Demand strategy's id: the reference every other row is measured against. */
export const ON_DEMAND_STRATEGY_ID = strategies().find((s) => s.model === 'on-demand')!.id;

/**
 * The plan as a StrategyResult, measured against all On-Demand's estimate of the same comparison
 * (compare.ts's own row builder: the same saving, break-even, warnings and spot bands).
 * `explained`: the plan's scenario estimated with its arithmetic, when the comparison was asked for it.
 */
export function planStrategy(
  plan: PurchasePlan,
  reference: CompareReference | null,
  book: PriceBook,
  explained?: ScenarioEstimate,
): StrategyResult {
  const estimate = explained ?? plan.estimate;
  const spot = estimate.lines.some((l) => l.model === 'spot');
  return strategyResult(
    { id: PLAN_STRATEGY_ID, label: PLAN_STRATEGY_LABEL, spot },
    estimate,
    reference,
    book,
  );
}

/**
 * Compare's rows: the optimized plan (default constraints: every product, no upfront cap, terms up
 * to 3 years, no growth) first, then every fixed strategy (compareStrategies).
 */
export function compareWithPlan(
  scenario: Scenario,
  book: PriceBook,
  options: EstimateOptions = {},
): StrategyResult[] {
  const rows = compareStrategies(scenario, book, options);
  const plan = optimizePlan(scenario, book, {
    ...DEFAULT_CONSTRAINTS,
    allow: [...DEFAULT_CONSTRAINTS.allow],
  });
  const onDemand = rows.find((r) => r.id === ON_DEMAND_STRATEGY_ID);
  const reference =
    onDemand?.cumulativeUsd && onDemand.threeYearUsd !== null
      ? {
          cumulative: onDemand.cumulativeUsd.map((v) => new Decimal(v)),
          threeYear: new Decimal(onDemand.threeYearUsd),
        }
      : null;
  const explained = options.explain ? estimateScenario(plan.scenario, book, options) : undefined;
  return [planStrategy(plan, reference, book, explained), ...rows];
}
