import { Decimal, formatUsd, toUsdString, type UsdString } from '../money';
import type { Budget, BudgetBasis } from '../scenario/schema';
import { BREAK_EVEN_HORIZON_MONTHS } from './break-even';
import { percentText } from './percent';

/**
 * A scenario's monthly budget and its alert thresholds checked against an estimate's cash, month by
 * month over the 36 months Compare charts, as AWS Budgets alerts on a monthly cost budget.
 *
 * AWS Budgets (docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Notification.html,
 * read 2026-11-29): a notification is for "how much you have spent (ACTUAL) or for how much that you're
 * forecasted to spend (FORECASTED)"; thresholds are a percentage of the budgeted amount, and AWS's own
 * example (GREATER_THAN 80 on a $200 budget) notifies "when you go over 160 dollars". So a threshold
 * is crossed when a month's cost goes over pct % of the budget:
 * - actual: the month's accrued cost goes over it (for a steady spend, some day of the month: the
 *   day is given; an upfront payment is billed on the month's first day);
 * - forecasted: the month's forecast goes over it; here the forecast is the estimate's full month, so
 *   a forecasted alert fires at the start of the month whose cash crosses.
 * Both therefore name the same months; they differ in when in the month AWS would alert.
 *
 * Month m (1..36) carries the recurring monthly cash plus any upfront paid as it starts: every upfront
 * in month 1, 1-year terms' renewals in months 13 and 25 (estimate-totals.ts upfrontSchedule, the same
 * schedule as Compare's cumulative cash). The amortized monthly (upfronts spread over their terms, as
 * an amortized-cost budget would count them) is checked too, without naming months: it is the same
 * every month.
 */

export { DEFAULT_BUDGET_THRESHOLDS } from '../scenario/schema';

export interface BudgetThresholdCheck {
  pct: number;
  basis: BudgetBasis;
  /** pct % of the monthly budget. */
  amountUsd: UsdString;
  /** Some month 1..36 goes over the amount on a cash basis. */
  crossed: boolean;
  /** The months 1..36 whose cash goes over the amount. */
  months: number[];
  /** The recurring monthly cash (a month without upfront) goes over it. */
  steadyCrosses: boolean;
  /** The amortized monthly goes over it. */
  amortizedCrosses: boolean;
  /** The amount minus the recurring monthly cash: negative when the steady month is over it. */
  headroomUsd: UsdString;
  /** Actual alerts: the day of a steady month the accrued cost goes over the amount; null when it never does. */
  steadyDay: number | null;
  /** "80 % actual ($320.00): crossed in months 1–36, around day 25 of each month". */
  words: string;
}

export interface BudgetCheck {
  budgetUsd: UsdString;
  /** The recurring monthly cash and its share of the budget (percent with one decimal). */
  monthlyUsd: UsdString;
  usedPct: string;
  amortizedMonthlyUsd: UsdString;
  /** The cash of months 1..36 (index 0 = month 1). */
  monthCashUsd: UsdString[];
  thresholds: BudgetThresholdCheck[];
  /** No threshold crossed in any month, on cash or amortized. */
  within: boolean;
  /** False when the estimate lacks some price: the figures are what could be priced, a lower bound. */
  complete: boolean;
  /** "Within budget: $394.19 of $400.00 (98.5 %)" or "Over budget thresholds: …". */
  summary: string;
}

/** "1", "1, 13, 25", "1–36", "1, 13–36". */
export function monthRanges(months: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < months.length) {
    let j = i;
    while (j + 1 < months.length && (months[j + 1] as number) === (months[j] as number) + 1) j++;
    parts.push(j === i ? String(months[i]) : `${months[i]}–${months[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export const thresholdLabel = (t: { pct: number; basis: BudgetBasis }): string => `${t.pct} % ${t.basis}`;

/** The cash of months 1..36: the recurring monthly plus the upfront paid as the month starts. */
export function monthCash(monthlyUsd: Decimal, upfrontSchedule: readonly Decimal[]): Decimal[] {
  return Array.from({ length: BREAK_EVEN_HORIZON_MONTHS }, (_, i) =>
    monthlyUsd.plus(upfrontSchedule[i] ?? 0),
  );
}

function thresholdCheck(
  t: { pct: number; basis: BudgetBasis },
  budget: Decimal,
  cash: Decimal[],
  monthly: Decimal,
  amortized: Decimal,
  daysPerMonth: number,
): BudgetThresholdCheck {
  const amount = budget.times(t.pct).div(100);
  const months = cash.flatMap((c, i) => (c.gt(amount) ? [i + 1] : []));
  const steadyCrosses = monthly.gt(amount);
  // Accrued cost of a steady month after d days: monthly × d / daysPerMonth; over the amount from the
  // day in which that happens (the first whole day after amount / monthly of the month).
  const steadyDay =
    t.basis === 'actual' && steadyCrosses
      ? Math.min(
          Math.ceil(amount.div(monthly).times(daysPerMonth).toNumber() + Number.EPSILON),
          Math.ceil(daysPerMonth),
        )
      : null;
  const amountText = formatUsd(amount);
  let words: string;
  if (months.length === 0) words = `${thresholdLabel(t)} (${amountText}): not crossed`;
  else {
    // Months whose upfront alone goes over the amount: an actual alert on their first day.
    const dayOne = months.filter((m) => (cash[m - 1] as Decimal).minus(monthly).gt(amount));
    const when =
      t.basis === 'actual'
        ? steadyDay !== null
          ? `, around day ${steadyDay} of each month${dayOne.length ? ` (day 1 in month${dayOne.length > 1 ? 's' : ''} ${monthRanges(dayOne)}, as the upfront is billed)` : ''}`
          : ', on the day the upfront is billed'
        : ', forecast from the start of the month';
    words = `${thresholdLabel(t)} (${amountText}): crossed in month${months.length > 1 ? 's' : ''} ${monthRanges(months)}${when}`;
    if (!steadyCrosses)
      words += ` (upfront cash only${amortized.gt(amount) ? '; the amortized monthly crosses too' : '; the amortized monthly does not'})`;
  }
  return {
    pct: t.pct,
    basis: t.basis,
    amountUsd: toUsdString(amount),
    crossed: months.length > 0,
    months,
    steadyCrosses,
    amortizedCrosses: amortized.gt(amount),
    headroomUsd: toUsdString(amount.minus(monthly)),
    steadyDay,
    words,
  };
}

/**
 * The budget against an estimate's monthly cash, amortized monthly and upfront schedule (37 points,
 * months 0..36, as upfrontSchedule gives them). hoursPerMonth / 24 is the month's days.
 */
export function checkBudget(
  budget: Budget,
  figures: {
    monthlyUsd: UsdString;
    amortizedMonthlyUsd: UsdString;
    upfrontSchedule: readonly Decimal[];
    hoursPerMonth: number;
    complete: boolean;
  },
): BudgetCheck {
  const budgetUsd = new Decimal(budget.monthlyUsd);
  const monthly = new Decimal(figures.monthlyUsd);
  const amortized = new Decimal(figures.amortizedMonthlyUsd);
  const cash = monthCash(monthly, figures.upfrontSchedule);
  const thresholds = budget.thresholds.map((t) =>
    thresholdCheck(t, budgetUsd, cash, monthly, amortized, figures.hoursPerMonth / 24),
  );
  const within = thresholds.every((t) => !t.crossed && !t.amortizedCrosses);
  const usedPct = percentText(monthly.div(budgetUsd));
  const ofBudget = `${formatUsd(monthly)} of ${formatUsd(budgetUsd)} (${usedPct} %)`;
  const crossed = thresholds.filter((t) => t.crossed);
  const summary = within
    ? `Within budget: ${ofBudget}`
    : crossed.length
      ? `Over budget thresholds: ${crossed.map((t) => t.words).join('; ')}; ${ofBudget} a month`
      : `Over budget thresholds on the amortized monthly only: ${thresholds
          .filter((t) => t.amortizedCrosses)
          .map(thresholdLabel)
          .join(', ')}; ${ofBudget} a month`;
  return {
    budgetUsd: toUsdString(budgetUsd),
    monthlyUsd: toUsdString(monthly),
    usedPct,
    amortizedMonthlyUsd: toUsdString(amortized),
    monthCashUsd: cash.map(toUsdString),
    thresholds,
    within,
    complete: figures.complete,
    summary: figures.complete ? summary : `${summary} (at least: some prices are missing)`,
  };
}

/** A strategy's crossings in one cell: "80 % actual: months 1–36; 100 % forecasted: no", or "within (72.3 %)". */
export function crossingsText(b: BudgetCheck): string {
  if (b.within) return `within (${b.usedPct} %)`;
  return b.thresholds
    .map((t) =>
      t.crossed
        ? `${thresholdLabel(t)}: month${t.months.length > 1 ? 's' : ''} ${monthRanges(t.months)}`
        : t.amortizedCrosses
          ? `${thresholdLabel(t)}: amortized only`
          : `${thresholdLabel(t)}: no`,
    )
    .join('; ');
}
