import type { BudgetCheck } from '@shared/pricing/budget';
import { formatMoney } from '../../format';

/**
 * The estimate against the scenario's budget: "Within budget: $X of $Y (Z %)", or each threshold with
 * the months whose cash crosses it (upfronts in month 1, 1-year renewals in 13 and 25).
 */
export function BudgetSummary({ budget }: { budget: BudgetCheck | undefined }) {
  if (!budget) return null;
  return (
    <div
      className={budget.within ? 'budget-summary' : 'budget-summary field-warning'}
      data-testid="estimate-budget"
      data-within={budget.within}
    >
      <p>
        <strong data-testid="estimate-budget-summary">
          {budget.within
            ? budget.summary
            : `Budget: ${formatMoney(budget.monthlyUsd)} of ${formatMoney(budget.budgetUsd)} (${budget.usedPct} %) a month`}
        </strong>
      </p>
      {!budget.within && (
        <ul className="warnings" data-testid="estimate-budget-crossings">
          {budget.thresholds.map((t) => (
            <li key={`${t.pct}-${t.basis}`} data-crossed={t.crossed || t.amortizedCrosses}>
              {t.words}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
