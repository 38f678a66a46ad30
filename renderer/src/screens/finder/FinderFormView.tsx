import type { ReactNode } from 'react';
import { FINDER_PURCHASE_LABELS, FINDER_PURCHASES, type FinderPurchase } from '@shared/capacity/finder';
import { OPERATING_SYSTEMS, type OperatingSystem, type Region } from '@shared/catalog-types';
import type { FinderForm, NumberField } from './finder-state';

const NUMBER_LABELS: Record<NumberField, { label: string; unit?: string }> = {
  minVcpu: { label: 'Min vCPU' },
  minMemoryGiB: { label: 'Min memory', unit: 'GiB' },
  minNetworkGbps: { label: 'Min network', unit: 'Gbps baseline' },
  minEbsBaselineThroughputMBps: { label: 'Min EBS throughput', unit: 'MB/s baseline' },
  minEbsBaselineIops: { label: 'Min EBS IOPS', unit: 'baseline' },
  minGpus: { label: 'Min GPUs' },
  minInstanceStoreGB: { label: 'Min instance store', unit: 'GB' },
  limit: { label: 'Show', unit: 'types' },
};

export interface FinderFormViewProps {
  form: FinderForm;
  errors: Record<string, string>;
  regions: Region[] | undefined;
  onChange: (patch: Partial<FinderForm>) => void;
  onReset: () => void;
}

/** The finder's requirements: minima, what must be there, and how the types are ranked. */
export function FinderFormView({ form, errors, regions, onChange, onReset }: FinderFormViewProps) {
  const field = (name: string, label: ReactNode, control: ReactNode) => (
    <label className="filter-field" key={name}>
      <span className="filter-label">{label}</span>
      {control}
      {errors[name] && (
        <span className="finder-error" role="alert" data-testid={`finder-error-${name}`}>
          {errors[name]}
        </span>
      )}
    </label>
  );
  const number = (name: NumberField) =>
    field(
      name,
      <>
        {NUMBER_LABELS[name].label}
        {NUMBER_LABELS[name].unit && <span className="finder-unit"> ({NUMBER_LABELS[name].unit})</span>}
      </>,
      <input
        type="text"
        inputMode="decimal"
        className="finder-number"
        data-testid={`finder-${name}`}
        aria-invalid={errors[name] ? true : undefined}
        value={form[name]}
        onChange={(e) => onChange({ [name]: e.target.value })}
      />,
    );

  return (
    <form className="finder-form" onSubmit={(e) => e.preventDefault()} aria-label="Requirements">
      <div className="finder-row">
        {number('minVcpu')}
        {number('minMemoryGiB')}
        {number('minNetworkGbps')}
        {number('minEbsBaselineThroughputMBps')}
        {number('minEbsBaselineIops')}
        {number('minGpus')}
        {field(
          'gpuModel',
          'GPU model',
          <input
            type="text"
            className="finder-text"
            data-testid="finder-gpuModel"
            placeholder="any"
            value={form.gpuModel}
            onChange={(e) => onChange({ gpuModel: e.target.value })}
          />,
        )}
        {number('minInstanceStoreGB')}
      </div>
      <div className="finder-row">
        {field(
          'region',
          'Region',
          <select
            data-testid="finder-region"
            value={form.region}
            onChange={(e) => onChange({ region: e.target.value })}
          >
            <option value="all">All regions</option>
            {(regions ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {r.code} — {r.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          'os',
          'OS',
          <select
            data-testid="finder-os"
            value={form.os}
            onChange={(e) => onChange({ os: e.target.value as OperatingSystem })}
          >
            {OPERATING_SYSTEMS.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>,
        )}
        {field(
          'arch',
          'Architecture',
          <select
            data-testid="finder-arch"
            value={form.arch}
            onChange={(e) => onChange({ arch: e.target.value as FinderForm['arch'] })}
          >
            <option value="">any</option>
            <option value="x86_64">x86_64</option>
            <option value="arm64">arm64 (Graviton)</option>
          </select>,
        )}
        {field(
          'purchase',
          'Rank by',
          <select
            data-testid="finder-purchase"
            value={form.purchase}
            onChange={(e) => onChange({ purchase: e.target.value as FinderPurchase })}
          >
            {FINDER_PURCHASES.map((p) => (
              <option key={p} value={p}>
                {FINDER_PURCHASE_LABELS[p]}
              </option>
            ))}
          </select>,
        )}
        {field(
          'family',
          'Families',
          <input
            type="text"
            className="finder-text"
            data-testid="finder-family"
            placeholder="any, or m7g, r6i"
            value={form.family}
            onChange={(e) => onChange({ family: e.target.value })}
          />,
        )}
        {field(
          'generation',
          'Generation',
          <select
            data-testid="finder-generation"
            value={form.generation}
            onChange={(e) => onChange({ generation: e.target.value as FinderForm['generation'] })}
          >
            <option value="current">current</option>
            <option value="all">current and previous</option>
          </select>,
        )}
        <label className="filter-check finder-check">
          <input
            type="checkbox"
            data-testid="finder-burstable"
            checked={form.burstable}
            onChange={(e) => onChange({ burstable: e.target.checked })}
          />
          Burstable (T) allowed
        </label>
        {number('limit')}
        <button type="button" className="button-secondary" data-testid="finder-reset" onClick={onReset}>
          Reset
        </button>
      </div>
      {errors.form && (
        <span className="finder-error" role="alert">
          {errors.form}
        </span>
      )}
    </form>
  );
}
