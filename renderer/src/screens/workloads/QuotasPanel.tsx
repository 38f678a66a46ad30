import {
  QUOTA_CLASSES,
  QUOTA_FAMILY_LABELS,
  type AccountQuotas,
  type QuotaKey,
  type QuotaMarket,
} from '@shared/capacity/quotas';
import { NumberField } from './NumberField';
import './capacity.css';

const MARKETS: { market: QuotaMarket; title: string }[] = [
  { market: 'on-demand', title: 'On-Demand (also Reserved Instances and Savings Plans)' },
  { market: 'spot', title: 'Spot' },
];

/**
 * The account's vCPU quotas, entered per class (a blank box = AWS's documented default for a new
 * account); they travel with the scenario and the estimate checks the mix's peaks against them.
 */
export function QuotasPanel({
  quotas,
  errors,
  onChange,
}: {
  quotas: AccountQuotas | undefined;
  /** Messages keyed by quota key ("standard"). */
  errors: Record<string, string>;
  onChange: (quotas: AccountQuotas | undefined) => void;
}) {
  const entered = Object.keys(quotas ?? {}).length;
  const set = (key: QuotaKey, value: number | undefined) => {
    const next: AccountQuotas = { ...quotas };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <details className="quotas-panel line-section" data-testid="quotas-panel" open={entered > 0 || undefined}>
      <summary className="line-section-title">
        Account vCPU quotas{' '}
        <span className="muted small">
          ({entered === 0 ? "none entered: AWS's defaults for a new account" : `${entered} entered`})
        </span>
      </summary>
      <p className="muted small">
        Your account's quota per region, in vCPUs of running instances (Service Quotas console, “Applied quota
        value”); a figure applies in each region the scenario uses. A blank box counts AWS's documented
        default for a new account (shown in grey).
      </p>
      {MARKETS.map(({ market, title }) => (
        <fieldset key={market} className="quota-group">
          <legend className="small">{title}</legend>
          <div className="quota-fields">
            {QUOTA_CLASSES.filter((c) => c.market === market).map((c) => (
              <NumberField
                key={c.key}
                label={QUOTA_FAMILY_LABELS[c.family]}
                testId={`quota-${c.key}`}
                optional
                min={0}
                placeholder={String(c.awsDefaultVcpus)}
                value={quotas?.[c.key]}
                error={errors[c.key]}
                hint={c.name}
                onChange={(v) => set(c.key, v)}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </details>
  );
}
