import { explanation, sumExplanation, usdText, type Explanation } from '../explanation';
import { Decimal } from '../money';
import { lineName } from '../reports/describe';
import type { CommitmentPools } from './commitment-pools';
import type { PoolUtilization } from './coverage';
import type { LineState } from './estimate-state';
import { PURCHASES_IN_THREE_YEARS } from './estimate-totals';
import type { EstimateTotals } from './estimate-types';
import { explainAllocation } from './explain-allocation';
import { explainLine } from './explain-line';
import type { EstimateExplanation, LineExplanation, TotalsExplanation } from './explanation-types';
import type { PoolAllocation } from './pool-allocation';
import type { PriceBook } from './price-book';
import type { PricedLine } from './price-line';
import type { Ratio } from './ratio';

/**
 * Every money figure of an estimate as arithmetic, with the catalog rows behind it (shared/explanation.ts):
 * each line's compute, storage, snapshots, upfront, monthly and amortized figures, the totals, and the
 * allocation of commitments (which hours each RI pool and Savings Plan covered, and why the rest ran
 * On-Demand). Built only when the call asks (`explain: true`), from the engine's own working state.
 */
/** What estimate.ts has at hand once the lines are priced. */
export interface EstimateWorking {
  states: readonly LineState[];
  lines: readonly PricedLine[];
  totals: EstimateTotals;
  pools: CommitmentPools;
  allocation: PoolAllocation;
  utilization: PoolUtilization;
  hoursPerMonth: number;
  timelineToMonth: Ratio;
  book: PriceBook;
}

export function explainEstimate(w: EstimateWorking): EstimateExplanation {
  const allocation = explainAllocation(w.states, w.pools, w.allocation, w.hoursPerMonth);
  const lines = w.states.map((s, i) =>
    explainLine(s, w.lines[i] as PricedLine, {
      hoursPerMonth: w.hoursPerMonth,
      timelineToMonth: w.timelineToMonth,
      timelineUsageHours:
        s.allocationIndex >= 0 ? (w.allocation.result.usageHours[s.allocationIndex] as number) : 0,
      timelineUnusedOnDemandHours:
        s.allocationIndex >= 0 ? (w.allocation.result.unusedOnDemandHours[s.allocationIndex] as number) : 0,
      riUtilization: s.ri && s.ri.pool >= 0 ? (w.utilization.ri[s.ri.pool] as Ratio) : null,
      spUtilization: s.sp && s.sp.pool >= 0 ? (w.utilization.sp[s.sp.pool] as Ratio) : null,
      book: w.book,
      allocation: allocation.byLine[i] ?? [],
    }),
  );
  return { lines, totals: explainTotals(w.lines, lines, w.totals), allocation: allocation.pools };
}

/**
 * A line's share of a total: its figure when complete; when not, the parts that could be priced (the
 * totals add only those, and say so).
 */
function share(line: PricedLine, figure: Explanation, known: Decimal): Explanation {
  if (line.estimate.complete) return figure;
  return explanation(
    `${lineName(line.estimate)} (only what could be priced)`,
    `${usdText(known)}: the parts of this line the catalog has prices for`,
    known,
    { children: [figure] },
  );
}

export function explainTotals(
  priced: readonly PricedLine[],
  lines: readonly LineExplanation[],
  totals: EstimateTotals,
): TotalsExplanation {
  const parts = (pick: (l: LineExplanation) => Explanation, known: (p: PricedLine) => Decimal) =>
    priced.map((p, i) => share(p, pick(lines[i] as LineExplanation), known(p)));
  const note = totals.complete
    ? null
    : 'Some figures could not be priced: the totals add up only what could (see the notices).';
  const monthly = sumExplanation(
    'Monthly, all lines',
    parts(
      (l) => l.monthly,
      (p) => p.known.monthly,
    ),
    { note },
  );
  const upfront = sumExplanation(
    'Upfront, all lines',
    parts(
      (l) => l.upfront,
      (p) => p.known.upfront,
    ),
    { note },
  );
  const amortizedMonthly = sumExplanation(
    'Amortized monthly, all lines',
    parts(
      (l) => l.amortizedMonthly,
      (p) => p.known.amortized,
    ),
    { note },
  );
  const upfrontTotal = new Decimal(totals.upfrontUsd);
  const monthlyTotal = new Decimal(totals.monthlyUsd);
  const oneYear = explanation(
    '1 year',
    `${usdText(upfrontTotal)} upfront + 12 × ${usdText(monthlyTotal)} = ${usdText(totals.oneYearUsd)}`,
    totals.oneYearUsd,
    { children: [upfront, monthly], note },
  );
  const renewals = priced.flatMap((p) => {
    if (p.known.upfront.isZero()) return [];
    const times = p.termYears ? PURCHASES_IN_THREE_YEARS[p.termYears] : 1;
    const term =
      p.termYears === 1 ? '1-year term, renewed at months 12 and 24' : `${p.termYears ?? 3}-year term`;
    return [
      explanation(
        `Upfront over 3 years — ${lineName(p.estimate)}`,
        `${times} × ${usdText(p.known.upfront)} (${term})`,
        p.known.upfront.times(times),
      ),
    ];
  });
  const upfront3 = renewals.reduce((s, r) => s.plus(r.valueUsd ?? 0), new Decimal(0));
  const threeYear = explanation(
    '3 years',
    `${renewals.length ? renewals.map((r) => r.formula.replace(/ \(.*\)$/, '')).join(' + ') : '0 USD'} upfront + 36 × ${usdText(
      monthlyTotal,
    )} = ${usdText(upfront3.plus(monthlyTotal.times(36)))}`,
    totals.threeYearUsd,
    { children: [...renewals, monthly], note: note ?? '1-year terms are bought again at months 12 and 24.' },
  );
  return { monthly, upfront, amortizedMonthly, oneYear, threeYear };
}

/** Levels a strategy's explanation keeps: total → line → compute → its parts (On-Demand hours, RI fees). */
export const STRATEGY_EXPLANATION_DEPTH = 3;

/** A tree cut below `depth` levels (the nodes there keep their formula and rows, not their parts). */
export function pruneExplanation(e: Explanation, depth: number): Explanation {
  return { ...e, children: depth <= 0 ? [] : e.children.map((c) => pruneExplanation(c, depth - 1)) };
}

/**
 * A compared strategy's totals, cut to STRATEGY_EXPLANATION_DEPTH: 26 strategies carry every line's
 * tree, so the commitments' allocation and the volumes' parts stay in the estimate's own explanation.
 */
export function strategyExplanation(t: TotalsExplanation): TotalsExplanation {
  // Many lines: each line's figure only (or only the totals' sums); the estimate explains the rest.
  const lines = t.monthly.children.length;
  const depth = lines <= 50 ? STRATEGY_EXPLANATION_DEPTH : lines <= 500 ? 1 : 0;
  const cut = (e: Explanation, less = 0) => pruneExplanation(e, Math.max(depth - less, 0));
  // 1 and 3 years repeat the monthly tree: one level less there (each line's parts are under Monthly).
  return {
    monthly: cut(t.monthly),
    upfront: cut(t.upfront),
    amortizedMonthly: cut(t.amortizedMonthly),
    oneYear: cut(t.oneYear, 1),
    threeYear: cut(t.threeYear, 1),
  };
}
