import {
  OFFERING_CLASSES,
  PAYMENT_OPTIONS,
  PLAN_TYPES,
  PURCHASE_MODELS,
  type OfferingClass,
  type PaymentOption,
  type PlanType,
  type PurchaseModel,
  type Tenancy,
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
import { HOST_PURCHASE_LABELS, HOST_PURCHASE_MODELS } from './line-tenancy';

export interface PurchaseEditorProps {
  purchase: Purchase;
  /** A Dedicated Host line buys hosts: On-Demand or by Dedicated Host Reservation (no class, no count). */
  tenancy?: Tenancy;
  interruptionTolerant: boolean;
  onChange: (purchase: Purchase) => void;
  onTolerantChange: (tolerant: boolean) => void;
  /** Messages keyed by the purchase's own field. */
  errors: Record<string, string>;
}

/**
 * How the line's compute is bought: on-demand, Reserved Instances, a Savings Plan or spot; on Dedicated
 * Hosts, the hosts: On-Demand or by Dedicated Host Reservation.
 */
export function PurchaseEditor(props: PurchaseEditorProps) {
  const { purchase, onChange, errors } = props;
  const host = props.tenancy === 'host';
  // A host line from a file may still say Savings Plan or spot: kept in the list, priced On-Demand.
  const models = host
    ? PURCHASE_MODELS.filter((m) => HOST_PURCHASE_MODELS.includes(m) || m === purchase.model)
    : PURCHASE_MODELS;
  const modelLabel = (m: PurchaseModel) =>
    host
      ? (HOST_PURCHASE_LABELS[m] ?? `${PURCHASE_MODEL_LABELS[m]} (hosts priced On-Demand)`)
      : PURCHASE_MODEL_LABELS[m];
  return (
    <section className="line-section" data-testid="line-purchase">
      <h4 className="line-section-title">{host ? 'Purchase (Dedicated Hosts)' : 'Purchase'}</h4>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Model</span>
          <select
            data-testid="line-purchase-model"
            value={purchase.model}
            onChange={(e) => onChange(switchPurchase(purchase, e.target.value as PurchaseModel))}
          >
            {models.map((m) => (
              <option key={m} value={m}>
                {modelLabel(m)}
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
        {purchase.model === 'reserved' && !host && (
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
        {purchase.model === 'reserved' && !host && (
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
        {!host && (
          <label className="field-check">
            <input
              type="checkbox"
              data-testid="line-tolerant"
              checked={props.interruptionTolerant}
              onChange={(e) => props.onTolerantChange(e.target.checked)}
            />
            Interruption tolerant
          </label>
        )}
      </div>
      {host ? (
        <HostPurchaseNote purchase={purchase} />
      ) : (
        <PurchaseNote purchase={purchase} tolerant={props.interruptionTolerant} />
      )}
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

function HostPurchaseNote({ purchase }: { purchase: Purchase }) {
  if (purchase.model === 'spot' || purchase.model === 'savings-plan')
    return (
      <p className="field-warning" data-testid="host-purchase-note">
        Dedicated Hosts are bought On-Demand or by Dedicated Host Reservation: this line’s hosts are priced
        On-Demand. Choose one of those to clear the warning.
      </p>
    );
  return (
    <p className="muted small" data-testid="host-purchase-note">
      {purchase.model === 'reserved'
        ? 'A Dedicated Host Reservation prices each of the line’s hosts for the term (no offering class); the instances add only their licence.'
        : 'Each host is billed per hour from allocation, whatever runs on it; the instances add only their licence.'}
    </p>
  );
}
