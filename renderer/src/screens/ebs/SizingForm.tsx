import { useId, type ReactNode } from 'react';
import type { Region } from '@shared/catalog-types';
import type { InstanceLookup } from './useInstanceLookup';
import { InstanceLimits } from './InstanceLimits';
import { IO_PATTERNS, type FormErrors, type IoPattern, type SizingForm as FormState } from './sizing-state';

const PATTERN_LABELS: Record<IoPattern, string> = { random: 'Random', sequential: 'Sequential' };
/** The fields in the order they stand on the form, for listing their messages. */
const FIELD_ORDER: (keyof FormErrors)[] = [
  'capacityGiB',
  'iops',
  'throughputMiBps',
  'ioSizeKiB',
  'dutyCyclePct',
  'instanceType',
  'maxStripeVolumes',
];

export interface SizingFormProps {
  form: FormState;
  errors: FormErrors;
  regions: Region[] | undefined;
  instance: InstanceLookup;
  onChange: (patch: Partial<FormState>) => void;
  onReset: () => void;
}

/** The requirement: capacity, performance, I/O shape, and optionally the instance it runs on. */
export function SizingForm({ form, errors, regions, instance, onChange: set, onReset }: SizingFormProps) {
  const listId = useId();
  const regionKnown = regions?.some((r) => r.code === form.region) ?? false;
  // Each message is a sentence that names its field.
  const messages = FIELD_ORDER.flatMap((field) => errors[field] ?? []);

  return (
    <form className="ebs-form" aria-label="EBS requirement" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-bar ebs-form-fields">
        <Field label="Region" wide>
          <select
            data-testid="ebs-region"
            value={form.region}
            onChange={(e) => set({ region: e.target.value })}
          >
            {!regionKnown && <option value={form.region}>{form.region}</option>}
            {regions?.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </select>
        </Field>
        <NumberField
          label="Capacity"
          unit="GiB"
          testId="ebs-capacity"
          value={form.capacityGiB}
          error={errors.capacityGiB}
          onChange={(v) => set({ capacityGiB: v })}
        />
        <NumberField
          label="IOPS"
          unit="at peak"
          testId="ebs-iops"
          value={form.iops}
          error={errors.iops}
          onChange={(v) => set({ iops: v })}
        />
        <NumberField
          label="Throughput"
          unit="MiB/s"
          testId="ebs-throughput"
          value={form.throughputMiBps}
          error={errors.throughputMiBps}
          onChange={(v) => set({ throughputMiBps: v })}
        />
        <NumberField
          label="I/O size"
          unit="KiB"
          testId="ebs-io-size"
          value={form.ioSizeKiB}
          error={errors.ioSizeKiB}
          onChange={(v) => set({ ioSizeKiB: v })}
        />
        <Field label="Pattern">
          <select
            data-testid="ebs-pattern"
            value={form.pattern}
            onChange={(e) => set({ pattern: e.target.value as IoPattern })}
          >
            {IO_PATTERNS.map((p) => (
              <option key={p} value={p}>
                {PATTERN_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
        <NumberField
          label="Duty cycle"
          unit="% of day"
          testId="ebs-duty-cycle"
          wide
          value={form.dutyCyclePct}
          error={errors.dutyCyclePct}
          placeholder="Sustained"
          title="Share of the day spent at the peak. Leave empty for a sustained peak."
          onChange={(v) => set({ dutyCyclePct: v })}
        />
        <Field label="Instance type" hint="optional">
          <input
            className={errors.instanceType ? 'ebs-text-input is-invalid' : 'ebs-text-input'}
            data-testid="ebs-instance"
            type="text"
            list={listId}
            placeholder="any instance"
            spellCheck={false}
            autoComplete="off"
            maxLength={40}
            aria-invalid={errors.instanceType !== undefined}
            title={errors.instanceType}
            value={form.instanceType}
            onChange={(e) => set({ instanceType: e.target.value.trim().toLowerCase() })}
          />
          <datalist id={listId}>
            {instance.suggestions.map((r) => (
              <option key={r.instanceType} value={r.instanceType}>
                {suggestionText(r.ebsBaselineIops, r.ebsMaxIops)}
              </option>
            ))}
          </datalist>
        </Field>
        <NumberField
          label="Max volumes"
          unit="to stripe"
          testId="ebs-max-volumes"
          value={form.maxStripeVolumes}
          error={errors.maxStripeVolumes}
          onChange={(v) => set({ maxStripeVolumes: v })}
        />
        <button type="button" className="button-secondary" onClick={onReset}>
          Reset
        </button>
      </div>
      <div className="ebs-form-footer">
        {instance.match ? (
          <InstanceLimits row={instance.match} />
        ) : (
          <span className="muted small">
            No instance chosen: only the volumes' own limits apply. Pick one to check its EBS caps.
          </span>
        )}
        {messages.length > 0 && (
          <span className="ebs-form-errors" role="status" data-testid="ebs-form-errors">
            Not recalculated until fixed: {messages.join(' ')}
          </span>
        )}
      </div>
    </form>
  );
}

function suggestionText(baselineIops: number | null, maxIops: number | null): string {
  if (baselineIops === null && maxIops === null) return 'EBS limits n/a';
  const f = (v: number | null) => (v === null ? 'n/a' : v.toLocaleString('en-US'));
  return `EBS ${f(baselineIops)} / ${f(maxIops)} IOPS`;
}

function Field(props: { label: string; hint?: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={props.wide ? 'filter-field filter-field-wide' : 'filter-field'}>
      <span className="filter-label">
        {props.label}
        {props.hint && <span className="ebs-label-hint"> {props.hint}</span>}
      </span>
      {props.children}
    </label>
  );
}

function NumberField(props: {
  label: string;
  unit: string;
  testId: string;
  value: string;
  error: string | undefined;
  placeholder?: string;
  title?: string;
  wide?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.unit}>
      <input
        className={props.wide ? 'number-input ebs-number ebs-number-wide' : 'number-input ebs-number'}
        data-testid={props.testId}
        type="text"
        inputMode="decimal"
        maxLength={12}
        placeholder={props.placeholder}
        aria-invalid={props.error !== undefined}
        title={props.error ?? props.title}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value.replace(/[,\s]/g, ''))}
      />
    </Field>
  );
}
