import {
  OFFERING_CLASSES,
  PAYMENT_OPTIONS,
  PLAN_TYPES,
  PURCHASE_MODELS,
  type OfferingClass,
  type PaymentOption,
  type PlanType,
  type PurchaseModel,
} from '@shared/catalog-types';
import {
  OFFERING_CLASS_LABELS,
  PAYMENT_LABELS,
  PLAN_TYPE_LABELS,
  PURCHASE_MODEL_LABELS,
  TERM_YEARS,
} from '@shared/pricing/purchase-options';
import type { Purchase } from '@shared/scenario/schema';
import { NumberField } from './NumberField';
import { omit } from './field-errors';
import { switchPurchase } from './scenario-draft';

export interface PurchaseEditorProps {
  purchase: Purchase;
  interruptionTolerant: boolean;
  onChange: (purchase: Purchase) => void;
  onTolerantChange: (tolerant: boolean) => void;
  /** Messages keyed by the purchase's own field. */
  errors: Record<string, string>;
}

/** How the line's compute is bought: on-demand, Reserved Instances, a Savings Plan or spot. */
export function PurchaseEditor(props: PurchaseEditorProps) {
  const { purchase, onChange, errors } = props;
  return (
    <section className="line-section">
      <h4 className="line-section-title">Purchase</h4>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Model</span>
          <select
            data-testid="line-purchase-model"
            value={purchase.model}
            onChange={(e) => onChange(switchPurchase(purchase, e.target.value as PurchaseModel))}
          >
            {PURCHASE_MODELS.map((m) => (
              <option key={m} value={m}>
                {PURCHASE_MODEL_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        {purchase.model === 'savings-plan' && (
          <label className="field">
            <span className="field-label">Plan</span>
            <select
              data-testid="line-plan-type"
              value={purchase.planType}
              onChange={(e) => onChange({ ...purchase, planType: e.target.value as PlanType })}
            >
              {PLAN_TYPES.map((p) => (
                <option key={p} value={p}>
                  {PLAN_TYPE_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
        )}
        {purchase.model === 'reserved' && (
          <label className="field">
            <span className="field-label">Class</span>
            <select
              data-testid="line-offering-class"
              value={purchase.offeringClass}
              onChange={(e) => onChange({ ...purchase, offeringClass: e.target.value as OfferingClass })}
            >
              {OFFERING_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {OFFERING_CLASS_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
        )}
        {(purchase.model === 'reserved' || purchase.model === 'savings-plan') && (
          <>
            <label className="field">
              <span className="field-label">Term</span>
              <select
                data-testid="line-term"
                value={purchase.termYears}
                onChange={(e) => onChange({ ...purchase, termYears: e.target.value === '3' ? 3 : 1 })}
              >
                {TERM_YEARS.map((t) => (
                  <option key={t} value={t}>
                    {`${t} year${t === 1 ? '' : 's'}`}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">Payment</span>
              <select
                data-testid="line-payment"
                value={purchase.paymentOption}
                onChange={(e) => onChange({ ...purchase, paymentOption: e.target.value as PaymentOption })}
              >
                {PAYMENT_OPTIONS.map((p) => (
                  <option key={p} value={p}>
                    {PAYMENT_LABELS[p]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {purchase.model === 'reserved' && (
          <NumberField
            label="RIs"
            testId="line-ri-count"
            optional
            min={0}
            placeholder="steady usage"
            value={purchase.count}
            error={errors.count}
            onChange={(count) => {
              const next = { ...purchase, count };
              if (count === undefined) delete next.count;
              onChange(next);
            }}
          />
        )}
        {purchase.model === 'savings-plan' && (
          <label className="field">
            <span className="field-label">Commitment $/h</span>
            <input
              className="text-input short"
              data-testid="line-commitment"
              inputMode="decimal"
              placeholder="steady usage"
              value={purchase.commitmentHourlyUsd ?? ''}
              aria-invalid={errors.commitmentHourlyUsd !== undefined}
              onChange={(e) => {
                const text = e.target.value.trim();
                onChange(
                  text === ''
                    ? omit(purchase, 'commitmentHourlyUsd')
                    : { ...purchase, commitmentHourlyUsd: text },
                );
              }}
            />
            {errors.commitmentHourlyUsd && <span className="field-error">{errors.commitmentHourlyUsd}</span>}
          </label>
        )}
        <label className="field-check">
          <input
            type="checkbox"
            data-testid="line-tolerant"
            checked={props.interruptionTolerant}
            onChange={(e) => props.onTolerantChange(e.target.checked)}
          />
          Interruption tolerant
        </label>
      </div>
      <PurchaseNote purchase={purchase} tolerant={props.interruptionTolerant} />
    </section>
  );
}

function PurchaseNote({ purchase, tolerant }: { purchase: Purchase; tolerant: boolean }) {
  if (purchase.model === 'spot' && !tolerant)
    return (
      <p className="field-warning" data-testid="spot-needs-tolerant">
        Spot needs a workload that tolerates interruptions: until “Interruption tolerant” is checked, this
        line is priced on-demand.
      </p>
    );
  if (purchase.model === 'spot')
    return <p className="muted small">Spot is priced from an observed average: never a guaranteed price.</p>;
  if (purchase.model === 'reserved' && purchase.count === undefined)
    return <p className="muted small">Without a count, RIs cover the line’s steady (minimum) usage.</p>;
  if (purchase.model === 'savings-plan' && purchase.commitmentHourlyUsd === undefined)
    return <p className="muted small">Without a commitment, the plan covers the line’s steady usage.</p>;
  return null;
}
