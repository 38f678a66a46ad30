import {
  BUDGET_BASES,
  DEFAULT_BUDGET_THRESHOLDS,
  type Budget,
  type BudgetBasis,
} from '@shared/scenario/schema';
import { NumberField } from './NumberField';

const BASIS_LABEL: Record<BudgetBasis, string> = { actual: 'Actual', forecasted: 'Forecasted' };
const MAX_THRESHOLDS = 10;

/**
 * The scenario's monthly budget and its alert thresholds, as AWS Budgets sets them: a percentage of
 * the budget on the cost spent (actual) or forecast (forecasted). An empty amount removes the budget.
 */
export function BudgetPanel({
  budget,
  errors,
  onChange,
}: {
  budget: Budget | undefined;
  /** Messages keyed by their path under the budget ("monthlyUsd", "thresholds.0.pct"). */
  errors: Record<string, string>;
  onChange: (budget: Budget | undefined) => void;
}) {
  const thresholds = budget?.thresholds ?? DEFAULT_BUDGET_THRESHOLDS.map((t) => ({ ...t }));
  const setThresholds = (next: Budget['thresholds']) => budget && onChange({ ...budget, thresholds: next });
  return (
    <details
      className="quotas-panel line-section"
      data-testid="budget-panel"
      open={budget !== undefined || undefined}
    >
      <summary className="line-section-title">
        Budget{' '}
        <span className="muted small">
          ({budget ? `$${budget.monthlyUsd} a month, ${thresholds.length} alert threshold(s)` : 'none'})
        </span>
      </summary>
      <p className="muted small">
        A monthly cost budget with alerts as AWS Budgets defines them: “actual” alerts when the month’s
        accrued cost goes over the percentage, “forecasted” when the month’s forecast does (here, the
        estimated month). Upfront payments fall in month 1 (and 13 and 25 for 1-year terms).
      </p>
      <div className="quota-fields">
        <label className="field" data-invalid={errors.monthlyUsd !== undefined || undefined}>
          <span className="field-label">Monthly budget ($)</span>
          <input
            className="text-input"
            data-testid="budget-monthly"
            inputMode="decimal"
            placeholder="none"
            value={budget?.monthlyUsd ?? ''}
            aria-invalid={errors.monthlyUsd !== undefined}
            onChange={(e) => {
              const text = e.target.value.trim();
              onChange(text === '' ? undefined : { monthlyUsd: text, thresholds });
            }}
          />
          {errors.monthlyUsd && <span className="field-error">{errors.monthlyUsd}</span>}
        </label>
      </div>
      {budget && (
        <fieldset className="quota-group">
          <legend className="small">Alert thresholds (% of the budget)</legend>
          {thresholds.map((t, i) => (
            <div className="quota-fields" key={i} data-testid={`budget-threshold-${i}`}>
              <NumberField
                label="Threshold (%)"
                testId={`budget-threshold-pct-${i}`}
                min={1}
                max={1000}
                value={t.pct}
                error={errors[`thresholds.${i}.pct`]}
                onChange={(pct) =>
                  setThresholds(thresholds.map((x, j) => (j === i ? { ...x, pct: pct ?? 0 } : x)))
                }
              />
              <label className="field">
                <span className="field-label">Alert on</span>
                <select
                  data-testid={`budget-threshold-basis-${i}`}
                  value={t.basis}
                  onChange={(e) =>
                    setThresholds(
                      thresholds.map((x, j) =>
                        j === i ? { ...x, basis: e.target.value as BudgetBasis } : x,
                      ),
                    )
                  }
                >
                  {BUDGET_BASES.map((b) => (
                    <option key={b} value={b}>
                      {BASIS_LABEL[b]}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button-secondary small-button"
                data-testid={`budget-threshold-remove-${i}`}
                onClick={() => setThresholds(thresholds.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          {thresholds.length < MAX_THRESHOLDS && (
            <button
              type="button"
              className="button-secondary small-button"
              data-testid="budget-threshold-add"
              onClick={() => setThresholds([...thresholds, { pct: 100, basis: 'actual' }])}
            >
              Add threshold
            </button>
          )}
          {errors.thresholds && <span className="field-error">{errors.thresholds}</span>}
        </fieldset>
      )}
    </details>
  );
}
