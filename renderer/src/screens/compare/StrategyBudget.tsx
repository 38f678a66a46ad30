import { crossingsText } from '@shared/pricing/budget';
import type { StrategyResult } from '@shared/pricing/estimate-types';

/**
 * A strategy's budget badge: "Within budget (72.3 %)", or the thresholds its cash crosses with the
 * months ("Budget: 80 % actual: month 1; 100 % forecasted: month 1"); nothing without a budget.
 */
export function StrategyBudget({ strategy: s }: { strategy: StrategyResult }) {
  const b = s.budget;
  if (!b) return null;
  return (
    <span
      className={b.within ? 'small strategy-budget is-within' : 'small strategy-budget is-over'}
      data-testid="strategy-budget"
      data-within={b.within}
      title={b.thresholds.map((t) => t.words).join('\n')}
    >
      {b.within ? `Within budget (${b.usedPct} %)` : `Budget: ${crossingsText(b)}`}
    </span>
  );
}
