import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { tierArithmetic } from '@shared/pricing/support-plan';
import { formatMoney } from '../../format';

/** The support plan's fee under the totals: the month's fee with its tier arithmetic, the totals with it. */
export function SupportSection({ estimate }: { estimate: ScenarioEstimate }) {
  const s = estimate.support;
  if (!s) return null;
  const fee = s.monthly;
  return (
    <div className="support-fee" data-testid="estimate-support" data-usd={s.supportMonthlyUsd ?? ''}>
      <p>
        <strong>
          {s.label} Support: {formatMoney(s.supportMonthlyUsd)} / month
        </strong>
        {fee && (
          <span data-testid="estimate-support-arithmetic">
            {' '}
            — greater of the {formatMoney(fee.minimumUsd)} minimum and {tierArithmetic(fee)} on{' '}
            {formatMoney(fee.chargesUsd)} of monthly charges:{' '}
            {fee.rule === 'minimum' ? 'the minimum' : 'the percentages'}
            {s.firstMonthUsd !== s.supportMonthlyUsd &&
              `; ${formatMoney(s.firstMonthUsd)} in a month that pays upfront fees`}
            .
          </span>
        )}
      </p>
      {fee && (
        <p data-testid="estimate-support-totals">
          With support: monthly {formatMoney(s.monthlyWithSupportUsd)}, amortized{' '}
          {formatMoney(s.amortizedMonthlyWithSupportUsd)} / month, 1 year{' '}
          {formatMoney(s.oneYearWithSupportUsd)}, 3 years {formatMoney(s.threeYearWithSupportUsd)}.
        </p>
      )}
      <p className="muted small">
        {s.note} Rules: {s.source}, as of {s.asOf}.
      </p>
    </div>
  );
}
