import { useState } from 'react';
import type { InstanceCapacity } from '@shared/capacity/demand';
import type { CountUsage, DemandShape, DemandUsage } from '@shared/scenario/schema';
import { CountUsageForm } from './CountUsageForm';
import { omit, under } from './field-errors';
import { NumberField } from './NumberField';
import { PATTERN_LABELS, USAGE_PATTERNS, switchPattern } from './scenario-draft';
import './capacity.css';

export interface DemandFormProps {
  usage: DemandUsage;
  onChange: (usage: DemandUsage) => void;
  /** Messages keyed by the usage's own field ("vcpu", "shape.usage.count"). */
  errors: Record<string, string>;
  instanceType: string;
  capacity: InstanceCapacity | null;
  /** False when the catalog does not know the type; null while it is looked up. */
  known: boolean | null;
}

const SHAPE_LABELS: Record<DemandShape['kind'], string> = {
  constant: 'Constant',
  pattern: "A usage pattern's shape",
  'per-hour': 'Values per hour',
};
const COUNT_PATTERNS = USAGE_PATTERNS.filter((p) => p !== 'demand');

/**
 * A line sized from demand, as an Auto Scaling group: what it must carry (vCPU, memory, a unit of its
 * own), how that moves over the week, the target utilization, the group's bounds and its AZs.
 */
export function DemandForm({ usage, onChange, errors, instanceType, capacity, known }: DemandFormProps) {
  const set = (patch: Partial<DemandUsage>) => onChange({ ...usage, ...patch });
  const optional = <K extends 'vcpu' | 'memoryGiB' | 'maxInstances'>(key: K, value: number | undefined) =>
    onChange(value === undefined ? (omit(usage, key) as DemandUsage) : { ...usage, [key]: value });

  return (
    <div className="demand-form" data-testid="demand-form">
      <p className="muted small" data-testid="demand-capacity">
        {capacity
          ? `One ${instanceType}: ${capacity.vcpu} vCPU, ${capacity.memoryGiB.toLocaleString('en-US')} GiB.`
          : known === false
            ? `${instanceType || 'The instance type'} is not in the catalog: vCPU and memory demand cannot be sized (a custom unit can).`
            : 'Looking up the instance type…'}
      </p>
      <div className="field-row">
        <NumberField
          label="vCPU needed (peak)"
          testId="demand-vcpu"
          optional
          min={0}
          step="any"
          value={usage.vcpu}
          error={errors.vcpu}
          onChange={(v) => optional('vcpu', v)}
        />
        <NumberField
          label="Memory needed (GiB, peak)"
          testId="demand-memory"
          optional
          min={0}
          step="any"
          value={usage.memoryGiB}
          error={errors.memoryGiB}
          onChange={(v) => optional('memoryGiB', v)}
        />
        <label className="field-check">
          <input
            type="checkbox"
            data-testid="demand-custom-toggle"
            checked={usage.custom !== undefined}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? { ...usage, custom: { unit: 'requests/s', peak: 1000, perInstance: 100 } }
                  : (omit(usage, 'custom') as DemandUsage),
              )
            }
          />
          A unit of its own
        </label>
      </div>
      {usage.custom && (
        <CustomUnitFields
          custom={usage.custom}
          errors={under(errors, 'custom.')}
          onChange={(custom) => set({ custom })}
        />
      )}
      <ShapeFields
        shape={usage.shape}
        errors={under(errors, 'shape.')}
        onChange={(shape) => set({ shape })}
      />
      <div className="field-row">
        <NumberField
          label="Target utilization (%)"
          testId="demand-utilization"
          min={1}
          max={100}
          step="any"
          value={usage.targetUtilizationPct}
          error={errors.targetUtilizationPct}
          onChange={(v) => set({ targetUtilizationPct: v ?? 0 })}
        />
        <NumberField
          label="Minimum instances"
          testId="demand-min"
          min={0}
          value={usage.minInstances}
          error={errors.minInstances}
          onChange={(v) => set({ minInstances: v ?? 0 })}
        />
        <NumberField
          label="Maximum instances"
          testId="demand-max"
          optional
          min={0}
          placeholder="none"
          value={usage.maxInstances}
          error={errors.maxInstances}
          onChange={(v) => optional('maxInstances', v)}
        />
        <NumberField
          label="Availability Zones"
          testId="demand-zones"
          min={1}
          max={6}
          value={usage.zones}
          error={errors.zones}
          onChange={(v) => set({ zones: v ?? 0 })}
        />
        <label
          className="field-check"
          title="Each AZ is sized so that the others carry the demand without it"
        >
          <input
            type="checkbox"
            data-testid="demand-survive"
            checked={usage.surviveZoneLoss}
            onChange={(e) => set({ surviveZoneLoss: e.target.checked })}
          />
          Survive the loss of one AZ
        </label>
      </div>
      {errors.surviveZoneLoss && <p className="field-error">{errors.surviveZoneLoss}</p>}
    </div>
  );
}

function CustomUnitFields({
  custom,
  errors,
  onChange,
}: {
  custom: NonNullable<DemandUsage['custom']>;
  errors: Record<string, string>;
  onChange: (custom: NonNullable<DemandUsage['custom']>) => void;
}) {
  return (
    <div className="field-row">
      <label className="field">
        <span className="field-label">Unit</span>
        <input
          className="text-input short"
          data-testid="demand-custom-unit"
          value={custom.unit}
          maxLength={40}
          aria-invalid={errors.unit !== undefined}
          onChange={(e) => onChange({ ...custom, unit: e.target.value })}
        />
        {errors.unit && <span className="field-error">{errors.unit}</span>}
      </label>
      <NumberField
        label={`${custom.unit || 'Units'} needed (peak)`}
        testId="demand-custom-peak"
        min={0}
        step="any"
        value={custom.peak}
        error={errors.peak}
        onChange={(peak) => onChange({ ...custom, peak: peak ?? 0 })}
      />
      <NumberField
        label={`${custom.unit || 'Units'} per instance`}
        testId="demand-custom-per-instance"
        min={0}
        step="any"
        value={custom.perInstance}
        error={errors.perInstance}
        onChange={(perInstance) => onChange({ ...custom, perInstance: perInstance ?? 0 })}
      />
    </div>
  );
}

function ShapeFields({
  shape,
  errors,
  onChange,
}: {
  shape: DemandShape;
  errors: Record<string, string>;
  onChange: (shape: DemandShape) => void;
}) {
  const switchShape = (kind: DemandShape['kind']): DemandShape => {
    if (kind === 'constant') return { kind };
    if (kind === 'pattern')
      return {
        kind,
        usage: {
          pattern: 'business-hours',
          count: 4,
          offHoursCount: 1,
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          startHour: 8,
          endHour: 18,
        },
      };
    return { kind, values: new Array<number>(168).fill(100) };
  };
  return (
    <div className="demand-shape">
      <div className="field-row">
        <label className="field">
          <span className="field-label">Demand follows</span>
          <select
            data-testid="demand-shape"
            value={shape.kind}
            onChange={(e) => onChange(switchShape(e.target.value as DemandShape['kind']))}
          >
            {(Object.keys(SHAPE_LABELS) as DemandShape['kind'][]).map((k) => (
              <option key={k} value={k}>
                {SHAPE_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {shape.kind === 'pattern' && (
          <label className="field">
            <span className="field-label">Pattern</span>
            <select
              data-testid="demand-shape-pattern"
              value={shape.usage.pattern}
              onChange={(e) =>
                onChange({
                  kind: 'pattern',
                  usage: switchPattern(shape.usage, e.target.value as CountUsage['pattern']) as CountUsage,
                })
              }
            >
              {COUNT_PATTERNS.map((p) => (
                <option key={p} value={p}>
                  {PATTERN_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {shape.kind === 'pattern' && (
        <>
          <p className="muted small">
            The pattern gives the shape only: its busiest hour is the peak demand.
          </p>
          <CountUsageForm
            usage={shape.usage}
            errors={under(errors, 'usage.')}
            onChange={(usage) => onChange({ kind: 'pattern', usage })}
          />
        </>
      )}
      {shape.kind === 'per-hour' && (
        <PerHourValues
          values={shape.values}
          error={errors.values}
          onChange={(values) => onChange({ kind: 'per-hour', values })}
        />
      )}
    </div>
  );
}

/** Demand per hour, pasted: 168 values for a week (Monday 00:00 first), or any other length as a series. */
function PerHourValues({
  values,
  error,
  onChange,
}: {
  values: readonly number[];
  error: string | undefined;
  onChange: (values: number[]) => void;
}) {
  const [text, setText] = useState(() => values.join(' '));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (next: string) => {
    const cells = next.split(/[\s,;]+/).filter((c) => c !== '');
    const parsed = cells.map(Number);
    const bad = parsed.findIndex((n) => !Number.isFinite(n) || n < 0);
    if (cells.length === 0) return setProblem('enter at least one value');
    if (bad >= 0) return setProblem(`value ${bad + 1} ("${cells[bad]}") is not a number of 0 or more`);
    setProblem(null);
    onChange(parsed);
  };
  return (
    <label className="field field-wide">
      <span className="field-label">
        Demand per hour ({values.length.toLocaleString('en-US')} values; 168 = a week from Monday 00:00)
      </span>
      <textarea
        className="text-input demand-values"
        data-testid="demand-per-hour"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => apply(text)}
      />
      <span className="muted small">Scaled so the largest value is the peak demand above.</span>
      {(problem ?? error) && <span className="field-error">{problem ?? error}</span>}
    </label>
  );
}
