import {
  OPERATING_SYSTEMS,
  TENANCIES,
  TENANCY_LABELS,
  type OperatingSystem,
  type Tenancy,
} from '@shared/catalog-types';
import { OS_FACTS, OS_LABELS } from '@shared/operating-systems';
import { soldOn, tenanciesOf } from './line-tenancy';

export interface TenancyOsFieldsProps {
  tenancy: Tenancy;
  os: OperatingSystem;
  onTenancyChange: (tenancy: Tenancy) => void;
  onOsChange: (os: OperatingSystem) => void;
  /** "line" (a card's fields: line-tenancy, line-os) or "new-line" (the add bar's). */
  testIdPrefix: string;
  /** Messages for the two fields (the schema's, keyed by field). */
  errors?: { tenancy?: string | undefined; os?: string | undefined };
}

/**
 * Where the line runs (shared hardware, a Dedicated Instance or a Dedicated Host) and its OS: every OS
 * is listed, those AWS does not sell on the chosen tenancy greyed out with where they run instead.
 */
export function TenancyOsFields(props: TenancyOsFieldsProps) {
  const { tenancy, os, testIdPrefix, errors } = props;
  return (
    <>
      <label className="field">
        <span className="field-label">Tenancy</span>
        <select
          data-testid={`${testIdPrefix}-tenancy`}
          value={tenancy}
          aria-invalid={errors?.tenancy !== undefined}
          onChange={(e) => props.onTenancyChange(e.target.value as Tenancy)}
        >
          {TENANCIES.map((t) => (
            <option key={t} value={t}>
              {TENANCY_LABELS[t]}
            </option>
          ))}
        </select>
        {errors?.tenancy && <span className="field-error field-message">{errors.tenancy}</span>}
      </label>
      <label className="field">
        <span className="field-label">OS</span>
        <select
          data-testid={`${testIdPrefix}-os`}
          value={os}
          aria-invalid={errors?.os !== undefined}
          onChange={(e) => props.onOsChange(e.target.value as OperatingSystem)}
        >
          {OPERATING_SYSTEMS.map((o) => {
            const sold = soldOn(o, tenancy);
            return (
              <option
                key={o}
                value={o}
                disabled={!sold}
                title={sold ? undefined : `AWS sells ${OS_LABELS[o]} only as ${tenanciesOf(o)}`}
              >
                {sold ? OS_LABELS[o] : `${OS_FACTS[o].name} (dedicated only)`}
              </option>
            );
          })}
        </select>
        {errors?.os && <span className="field-error field-message">{errors.os}</span>}
      </label>
    </>
  );
}

/** What the tenancy means for the bill, under the line's fields; nothing for shared. */
export function TenancyNote({ tenancy }: { tenancy: Tenancy }) {
  if (tenancy === 'shared') return null;
  return (
    <p className="muted small tenancy-note" data-testid="line-tenancy-note">
      {tenancy === 'dedicated'
        ? 'Dedicated Instances run on hardware only your account uses; AWS adds its Dedicated per-Region fee for every hour at least one runs in the region (once per account).'
        : 'Dedicated Hosts are held all month for the line’s peak: ceil(peak instances ÷ instances per host) hosts, billed per host-hour; the instances on them add only their licence.'}
    </p>
  );
}
