import { Decimal, toUsdString } from '../money';
import { breakEvenMonthOf, breakEvenOf, breakEvenWords } from '../pricing/break-even';
import { compareStrategies, cumulativeCash, strategies } from '../pricing/compare';
import { estimateScenario, type EstimateOptions } from '../pricing/estimate';
import type { EstimateWarning, ScenarioEstimate, StrategyResult } from '../pricing/estimate-types';
import { strategyExplanation } from '../pricing/explain';
import { warningsBesideNotices } from '../pricing/missing-prices';
import { savingsPct } from '../pricing/percent';
import type { PriceBook } from '../pricing/price-book';
import type { Scenario } from '../scenario/schema';
import { optimizePlan } from './optimize';
import { DEFAULT_CONSTRAINTS, type PurchasePlan } from './types';

/**
 * The optimized plan as a row of Compare (and of every report's comparison), before the fixed
 * strategies: its figures are the estimate of the scenario with the plan applied (plan.estimate), its
 * cumulative cash and break-even against all On-Demand worked exactly as compare.ts works them for
 * the others (cumulativeCash, breakEvenOf). Its id is no strategy's, so strategyModel() calls it
 * on-demand: whoever looks for the all On-Demand reference looks it up by its id.
 */

export const PLAN_STRATEGY_ID = 'optimized-plan';
export const PLAN_STRATEGY_LABEL = 'Optimized plan (cheapest mix)';
/** The all On-Demand strategy's id: the reference every other row is measured against. */
export const ON_DEMAND_STRATEGY_ID = strategies().find((s) => s.model === 'on-demand')!.id;

/** What the row says beside the missing-price notices: that it is incomplete, and the estimate's own warnings once each. */
function planWarnings(estimate: ScenarioEstimate): EstimateWarning[] {
  const incomplete: EstimateWarning[] = estimate.totals.complete
    ? []
    : [
        {
          code: 'strategy-unavailable',
          message: `${PLAN_STRATEGY_LABEL} cannot be fully priced: ${estimate.totals.incompleteLineIds.length} line(s) lack a price`,
          lineId: null,
        },
      ];
  const seen = new Set<string>();
  const own = warningsBesideNotices(estimate.warnings).filter((w) => {
    const key = `${w.code}|${w.lineId ?? ''}|${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...incomplete, ...own];
}

/**
 * The plan as a StrategyResult, measured against the all On-Demand row of the same comparison.
 * `explained`: the plan's scenario estimated with its arithmetic, when the comparison was asked for it.
 */
export function planStrategy(
  plan: PurchasePlan,
  onDemand: StrategyResult,
  explained?: ScenarioEstimate,
): StrategyResult {
  const estimate = plan.estimate;
  const t = estimate.totals;
  const complete = t.complete;
  const cumulative = complete ? cumulativeCash(estimate) : null;
  const base = onDemand.cumulativeUsd ? onDemand.cumulativeUsd.map((v) => new Decimal(v)) : null;
  const comparable = complete && base !== null && onDemand.threeYearUsd !== null;
  const breakEven = breakEvenOf(comparable ? cumulative : null, base, false);
  const explanation = explained?.explanation;
  return {
    id: PLAN_STRATEGY_ID,
    label: PLAN_STRATEGY_LABEL,
    monthlyUsd: complete ? t.monthlyUsd : null,
    upfrontUsd: complete ? t.upfrontUsd : null,
    amortizedMonthlyUsd: complete ? t.amortizedMonthlyUsd : null,
    oneYearUsd: complete ? t.oneYearUsd : null,
    threeYearUsd: complete ? t.threeYearUsd : null,
    savingsVsOnDemandPct: comparable
      ? savingsPct(new Decimal(onDemand.threeYearUsd!), new Decimal(t.threeYearUsd))
      : null,
    breakEvenMonth: breakEvenMonthOf(breakEven),
    breakEven: breakEvenWords(breakEven),
    spotBands: null,
    cumulativeUsd: cumulative ? cumulative.map(toUsdString) : null,
    complete,
    warnings: planWarnings(estimate),
    missingPrices: estimate.missingPrices,
    ...(explanation ? { explanation: strategyExplanation(explanation.totals) } : {}),
    sourceIds: estimate.sourceIds,
    pricesAsOf: estimate.pricesAsOf,
    quotas: estimate.quotas,
  };
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
  const onDemand = rows.find((r) => r.id === ON_DEMAND_STRATEGY_ID);
  if (!onDemand) throw new Error('compareStrategies returned no all On-Demand row');
  const plan = optimizePlan(scenario, book, {
    ...DEFAULT_CONSTRAINTS,
    allow: [...DEFAULT_CONSTRAINTS.allow],
  });
  const explained = options.explain ? estimateScenario(plan.scenario, book, options) : undefined;
  return [planStrategy(plan, onDemand, explained), ...rows];
}
