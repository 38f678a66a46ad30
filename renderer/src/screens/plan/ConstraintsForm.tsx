import type { TermYears } from '@shared/catalog-types';
import { MAX_GROWTH_PCT_PER_MONTH } from '@shared/optimizer/constraints-schema';
import { OPTIMIZER_PRODUCT_LABELS, OPTIMIZER_PRODUCTS } from '@shared/optimizer/types';
import { TERM_YEARS } from '@shared/pricing/purchase-options';
import { NumberField } from '../workloads/NumberField';
import type { ConstraintsDraft } from './constraints-draft';

export interface ConstraintsFormProps {
  draft: ConstraintsDraft;
  onChange: (draft: ConstraintsDraft) => void;
  /** Each field's problem, keyed by the constraint's name. */
  errors: Record<string, string>;
}

/** What the plan may buy: products, the most upfront cash, the longest term, and usage growth. */
export function ConstraintsForm({ draft, onChange, errors }: ConstraintsFormProps) {
  const set = (patch: Partial<ConstraintsDraft>) => onChange({ ...draft, ...patch });
  return (
    <form
      className="field-row plan-constraints"
      data-testid="plan-constraints"
      aria-label="Constraints"
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset className="field" aria-invalid={errors.allow !== undefined}>
        <legend className="field-label">Products allowed</legend>
        <div className="plan-products">
          {OPTIMIZER_PRODUCTS.map((p) => (
            <label key={p} className="plan-product">
              <input
                type="checkbox"
                data-testid={`plan-allow-${p}`}
                checked={draft.allow.includes(p)}
                onChange={(e) =>
                  set({ allow: e.target.checked ? [...draft.allow, p] : draft.allow.filter((x) => x !== p) })
                }
              />
              {OPTIMIZER_PRODUCT_LABELS[p]}
            </label>
          ))}
        </div>
        {draft.allow.length === 0 && (
          <span className="field-hint">None ticked: the plan is all On-Demand.</span>
        )}
        {errors.allow !== undefined && <span className="field-error">{errors.allow}</span>}
      </fieldset>
      <NumberField
        label="Max upfront (USD)"
        value={draft.maxUpfrontUsd}
        optional
        min={0}
        step={100}
        placeholder="no limit"
        testId="plan-max-upfront"
        error={errors.maxUpfrontUsd}
        onChange={(v) => set({ maxUpfrontUsd: v })}
      />
      <label className="field">
        <span className="field-label">Max term</span>
        <select
          className="plan-select"
          data-testid="plan-max-term"
          value={draft.maxTermYears}
          onChange={(e) => set({ maxTermYears: Number(e.target.value) as TermYears })}
        >
          {TERM_YEARS.map((t) => (
            <option key={t} value={t}>
              {t === 1 ? '1 year' : `${t} years`}
            </option>
          ))}
        </select>
        {errors.maxTermYears !== undefined && <span className="field-error">{errors.maxTermYears}</span>}
      </label>
      <NumberField
        label="Growth per month (%)"
        value={draft.growthPctPerMonth}
        optional
        min={-MAX_GROWTH_PCT_PER_MONTH}
        max={MAX_GROWTH_PCT_PER_MONTH}
        step={0.5}
        placeholder="0"
        testId="plan-growth"
        error={errors.growthPctPerMonth}
        hint="Negative for a decline; compounded monthly over the term."
        onChange={(v) => set({ growthPctPerMonth: v })}
      />
    </form>
  );
}
