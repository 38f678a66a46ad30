import { Decimal } from '../money';
import { BREAK_EVEN_HORIZON_MONTHS } from '../pricing/break-even';
import { CHART_INK } from './palette';

/**
 * The budget as the charts draw it, in the app and in the report: on the cumulative-cash chart a line
 * rising by the monthly budget each month (budget × month, months 0..36), on a monthly chart a
 * horizontal line at the budget. Dotted in the strong ink so it reads as a limit, not a strategy.
 */
export const BUDGET_LINE = { color: CHART_INK.strong, width: 1.5, dash: '2 3' } as const;

/** "Budget $400.00/month" — the line's legend and label. */
export const budgetLineLabel = (budgetText: string): string => `Budget ${budgetText}/month`;

/** The cumulative budget at months 0..36: budget × month. */
export function cumulativeBudgetPoints(budgetUsd: string): number[] {
  const b = new Decimal(budgetUsd);
  return Array.from({ length: BREAK_EVEN_HORIZON_MONTHS + 1 }, (_, m) => b.times(m).toNumber());
}
