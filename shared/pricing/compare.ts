import type { PurchaseModel } from '../catalog-types';
import { Decimal, toUsdString } from '../money';
import type { Purchase, Scenario, ScenarioLine } from '../scenario/schema';
import { BREAK_EVEN_HORIZON_MONTHS, breakEvenMonthOf, breakEvenOf, breakEvenWords } from './break-even';
import { estimateWithProfiles, upfrontSchedule, type EstimateOptions } from './estimate';
import type { EstimateWarning, ScenarioEstimate, SpotBandSummary, StrategyResult } from './estimate-types';
import { strategyExplanation } from './explain';
import { missingPriceTitle } from './missing-price-words';
import { warningsBesideNotices } from './missing-prices';
import { savingsPct } from './percent';
import { setUpMix } from './line-setup';
import { priceKey, type PriceBook } from './price-book';
import { bandRangeText, type SpotAdvisorBand } from './spot-interruption';
import { PURCHASE_OPTIONS, byProduct, type PurchaseOption } from './purchase-options';
import { sizeLines } from '../capacity/line-sizing';

export { BREAK_EVEN_HORIZON_MONTHS, breakEvenMonth } from './break-even';

/**
 * Prices the whole mix under every purchase strategy, each line's purchase replaced by the strategy's:
 * all on-demand; every RI offering class × term × payment option (each line buys RIs for its steady
 * usage, the rest on-demand, RIs pooled as in the estimate); every Savings Plan type × term × payment
 * option (each line commits its steady usage at the plan's rate); and spot where the line tolerates
 * interruptions. EBS is the same in every strategy and included, so totals match the estimate's.
 *
 * Cumulative cash at month m (0..36): every upfront at month 0, 1-year terms renewed (their upfront
 * paid again) at months 12 and 24, plus m × monthly. So point 36 is the 3-year total, and point 12
 * already includes the first renewal. Break-even is the first month 1..36 at which the strategy's
 * cumulative cash is at or below all on-demand's; 0 when the strategy pays nothing upfront and is
 * already at or below on-demand after month 1; null when never or when either side is incomplete.
 * break-even.ts classifies it (no saving, from the first month, in month m, never) and words it.
 */
export interface Strategy {
  id: string;
  label: string;
  /** The purchase model the strategy buys (spot where allowed counts as spot). */
  model: PurchaseModel;
  purchase: (line: ScenarioLine) => Purchase;
}

function strategyOf(o: PurchaseOption): Strategy {
  if (o.model === 'spot')
    return {
      id: 'spot-where-allowed',
      label: 'Spot where allowed',
      model: o.model,
      // A spot line keeps what it says an interruption costs; other tolerant lines go to plain spot.
      purchase: (line) =>
        line.interruptionTolerant
          ? line.purchase.model === 'spot'
            ? line.purchase
            : { model: 'spot' }
          : { model: 'on-demand' },
    };
  return {
    id: o.key,
    label: o.model === 'on-demand' ? 'All on-demand' : o.label,
    model: o.model,
    purchase: () => ({ ...o.purchase }),
  };
}

/** One strategy per purchase option, each product's variants together (see byProduct). */
export function strategies(): Strategy[] {
  return [...PURCHASE_OPTIONS].sort(byProduct).map(strategyOf);
}

const MODEL_OF_STRATEGY = new Map(strategies().map((s) => [s.id, s.model]));

/** The purchase model of a strategy id; an id no strategy has counts as on-demand. */
export function strategyModel(id: string): PurchaseModel {
  return MODEL_OF_STRATEGY.get(id) ?? 'on-demand';
}

/** Cumulative cash at months 0..36. */
export function cumulativeCash(estimate: ScenarioEstimate): Decimal[] {
  const schedule = upfrontSchedule(estimate);
  const monthly = new Decimal(estimate.totals.monthlyUsd);
  const points: Decimal[] = [];
  let sum = new Decimal(0);
  for (let m = 0; m <= BREAK_EVEN_HORIZON_MONTHS; m++) {
    if (m > 0) sum = sum.plus(monthly);
    sum = sum.plus(schedule[m] as Decimal);
    points.push(sum);
  }
  return points;
}

function strategyWarnings(label: string, estimate: ScenarioEstimate): EstimateWarning[] {
  const seen = new Set<string>();
  const warnings: EstimateWarning[] = [];
  if (!estimate.totals.complete) {
    // Missing prices by family (said in full once, in the notices); other causes by their first warning.
    const families = estimate.missingPrices.map(missingPriceTitle);
    const first = families.length
      ? families.join('; ')
      : estimate.warnings.find((w) => w.code === 'missing-price' || w.code.startsWith('unknown'))?.message;
    warnings.push({
      code: 'strategy-unavailable',
      message: `${label} cannot be fully priced: ${estimate.totals.incompleteLineIds.length} line(s) lack a price${first ? ` (${first})` : ''}`,
      lineId: null,
    });
  }
  for (const w of warningsBesideNotices(estimate.warnings)) {
    const key = `${w.code}|${w.lineId ?? ''}|${w.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    warnings.push(w);
  }
  return warnings;
}

/** The bands of the lines a strategy prices on spot (a line that is not interruption-tolerant is not). */
function spotBandsOf(estimate: ScenarioEstimate, book: PriceBook): SpotBandSummary {
  const spot = estimate.lines.filter((l) => l.model === 'spot');
  const bands = spot
    .map((l) => book.instances[priceKey(l.region, l.os, l.instanceType, l.tenancy)]?.spotAdvisor ?? null)
    .filter((b): b is SpotAdvisorBand => b !== null);
  const dates = bands.map((b) => b.asOf).sort();
  return {
    range: bandRangeText(bands),
    asOf: dates[dates.length - 1] ?? null,
    lines: spot.length,
    linesWithoutBand: spot.length - bands.length,
  };
}

export function compareStrategies(
  scenario: Scenario,
  book: PriceBook,
  options: EstimateOptions = {},
): StrategyResult[] {
  // Strategies change only the purchases: the lines' set-up and alike allocations are shared.
  const sized = sizeLines(scenario, book);
  const mix = setUpMix(scenario, book, sized);
  const runs = strategies().map((strategy) => ({
    strategy,
    estimate: estimateWithProfiles(
      { ...scenario, lines: scenario.lines.map((line) => ({ ...line, purchase: strategy.purchase(line) })) },
      book,
      sized,
      options,
      mix,
    ),
  }));
  const base = runs[0] as (typeof runs)[number];
  const reference = referenceOf(base.estimate);
  return runs.map(({ strategy, estimate }) =>
    strategyResult(
      { id: strategy.id, label: strategy.label, spot: strategy.model === 'spot' },
      estimate,
      reference,
      book,
    ),
  );
}

/** What every row is measured against: all On-Demand's cumulative cash and 3-year total (null when incomplete). */
export interface CompareReference {
  cumulative: Decimal[];
  threeYear: Decimal;
}

export function referenceOf(onDemand: ScenarioEstimate): CompareReference | null {
  return onDemand.totals.complete
    ? { cumulative: cumulativeCash(onDemand), threeYear: new Decimal(onDemand.totals.threeYearUsd) }
    : null;
}

/**
 * One row of Compare from the estimate of the mix bought one way: its totals, saving and break-even
 * against the reference (the on-demand row itself has nothing to break even against), spot bands when
 * it puts lines on spot.
 */
export function strategyResult(
  row: { id: string; label: string; spot: boolean },
  estimate: ScenarioEstimate,
  reference: CompareReference | null,
  book: PriceBook,
): StrategyResult {
  const t = estimate.totals;
  const complete = t.complete;
  const cumulative = complete ? cumulativeCash(estimate) : null;
  const comparable = complete && reference !== null;
  const breakEven = breakEvenOf(
    comparable ? cumulative : null,
    reference?.cumulative ?? null,
    row.id === 'on-demand',
  );
  return {
    id: row.id,
    label: row.label,
    monthlyUsd: complete ? t.monthlyUsd : null,
    upfrontUsd: complete ? t.upfrontUsd : null,
    amortizedMonthlyUsd: complete ? t.amortizedMonthlyUsd : null,
    oneYearUsd: complete ? t.oneYearUsd : null,
    threeYearUsd: complete ? t.threeYearUsd : null,
    savingsVsOnDemandPct: comparable ? savingsPct(reference.threeYear, new Decimal(t.threeYearUsd)) : null,
    breakEvenMonth: breakEvenMonthOf(breakEven),
    breakEven: breakEvenWords(breakEven),
    spotBands: row.spot ? spotBandsOf(estimate, book) : null,
    cumulativeUsd: cumulative ? cumulative.map(toUsdString) : null,
    complete,
    warnings: strategyWarnings(row.label, estimate),
    missingPrices: estimate.missingPrices,
    ...(estimate.explanation ? { explanation: strategyExplanation(estimate.explanation.totals) } : {}),
    sourceIds: estimate.sourceIds,
    pricesAsOf: estimate.pricesAsOf,
    quotas: estimate.quotas,
    ...(complete && estimate.budget ? { budget: estimate.budget } : {}),
    ...(estimate.support ? { support: estimate.support } : {}),
  };
}
