import type { PurchasePlan } from '@shared/optimizer/types';
import { pctWords, usdWords } from './plan-words';

interface Figure {
  id: string;
  label: string;
  value: string;
  /** The engine's own string, for tests and copy; absent for figures that are not one number. */
  raw?: string | null;
  note?: string;
}

/** The plan's totals (the estimate engine's figures for the scenario with the plan applied). */
export function PlanTotals({ plan }: { plan: PurchasePlan }) {
  const figures: Figure[] = [
    money('monthly', 'Monthly', plan.monthlyUsd, 'recurring cash a month'),
    money('upfront', 'Upfront', plan.upfrontUsd, 'paid at purchase'),
    money('amortized', 'Amortized / month', plan.amortizedMonthlyUsd, 'upfront spread over the term'),
    money('one-year', '1 year', plan.oneYearUsd),
    money('three-year', '3 years', plan.threeYearUsd),
    money('on-demand-three-year', 'All On-Demand, 3 years', plan.onDemandThreeYearUsd),
    pct('savings', 'Saving vs On-Demand', plan.savingsVsOnDemandPct, 'on 3-year totals'),
    pct('coverage', 'Coverage', plan.coveragePct, 'non-spot hours covered'),
    pct('utilization', 'Utilization', plan.utilizationPct, 'commitments used'),
  ];
  if (plan.worstMonth) {
    figures.push({
      id: 'worst-month',
      label: 'Worst month',
      value: usdWords(plan.worstMonth.monthlyUsd),
      raw: plan.worstMonth.monthlyUsd,
      note: `month ${plan.worstMonth.month}`,
    });
  }
  return (
    <dl className="plan-totals" data-testid="plan-totals">
      {figures.map((f) => (
        <div key={f.id} className="plan-total" data-testid={`plan-total-${f.id}`} data-value={f.raw ?? ''}>
          <dt>{f.label}</dt>
          <dd>
            <span className="plan-total-value">{f.value}</span>
            {f.note && <span className="muted small">{f.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function money(id: string, label: string, usd: string | null, note?: string): Figure {
  return { id, label, value: usdWords(usd), raw: usd, ...(note ? { note } : {}) };
}

function pct(id: string, label: string, value: string | null, note: string): Figure {
  return { id, label, value: pctWords(value), raw: value, note };
}
