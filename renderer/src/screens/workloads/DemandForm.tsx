import type { InstanceCapacity } from '@shared/capacity/demand';
import type { CountUsage, DemandUsage } from '@shared/scenario/schema';
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

const SHAPE_LABELS: Record<ShapeKind, string> = {
  constant: 'Constant',
  pattern: "A usage pattern's shape",
};
const COUNT_PATTERNS = USAGE_PATTERNS.filter((p): p is CountUsage['pattern'] => p !== 'demand');

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
      <ShapeFields usage={usage} errors={errors} onChange={onChange} />
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

type ShapeKind = 'constant' | 'pattern';

/** How the demand moves: constant, or the shape of a usage pattern (a weekly grid or an hourly series gives it per hour). */
function ShapeFields({
  usage,
  errors,
  onChange,
}: {
  usage: DemandUsage;
  errors: Record<string, string>;
  onChange: (usage: DemandUsage) => void;
}) {
  const kind: ShapeKind = usage.follows ? 'pattern' : 'constant';
  const switchShape = (next: ShapeKind): DemandUsage => {
    if (next === 'constant') return omit(usage, 'follows') as DemandUsage;
    return {
      ...usage,
      follows: {
        pattern: 'business-hours',
        count: 4,
        offHoursCount: 1,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        startHour: 8,
        endHour: 18,
      },
    };
  };
  return (
    <div className="demand-shape">
      <div className="field-row">
        <label className="field">
          <span className="field-label">Demand follows</span>
          <select
            data-testid="demand-shape"
            value={kind}
            onChange={(e) => onChange(switchShape(e.target.value as ShapeKind))}
          >
            {(Object.keys(SHAPE_LABELS) as ShapeKind[]).map((k) => (
              <option key={k} value={k}>
                {SHAPE_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {usage.follows && (
          <label className="field">
            <span className="field-label">Pattern</span>
            <select
              data-testid="demand-shape-pattern"
              value={usage.follows.pattern}
              onChange={(e) =>
                onChange({
                  ...usage,
                  follows: switchPattern(
                    usage.follows!,
                    e.target.value as CountUsage['pattern'],
                  ) as CountUsage,
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
      {usage.follows && (
        <>
          <p className="muted small">
            The pattern gives the shape only: its busiest hour is the peak demand. For demand per hour, use a
            weekly grid or an hourly series of the demand in whole units.
          </p>
          <CountUsageForm
            usage={usage.follows}
            errors={under(errors, 'follows.')}
            onChange={(follows) => onChange({ ...usage, follows })}
          />
        </>
      )}
    </div>
  );
}
