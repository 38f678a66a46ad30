import type { StrategyResult } from '@shared/pricing/estimate-types';
import { formatMoney } from '../../format';

/** A strategy's support fee on its own charges, and its totals with the fee (AWS Support plan). */
export function StrategySupport({ strategy: s }: { strategy: StrategyResult }) {
  const support = s.support;
  if (!support?.monthly) return null;
  return (
    <span
      className="muted small strategy-support"
      data-testid="strategy-support"
      data-usd={support.supportMonthlyUsd ?? ''}
      data-three-year-with-support-usd={support.threeYearWithSupportUsd ?? ''}
      title={`${support.note} Rules: ${support.source}, as of ${support.asOf}.`}
    >
      {support.label} Support {formatMoney(support.supportMonthlyUsd)} / mo (
      {support.monthly.rule === 'minimum' ? 'minimum' : 'percentages'}); with support: monthly{' '}
      {formatMoney(support.monthlyWithSupportUsd)}, 3 years {formatMoney(support.threeYearWithSupportUsd)}
    </span>
  );
}
