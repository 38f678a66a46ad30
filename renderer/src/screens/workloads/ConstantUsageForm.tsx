import { NumberField } from './NumberField';
import type { UsageFormProps } from './usage-types';

export function ConstantUsageForm({ usage, onChange, errors }: UsageFormProps<'constant'>) {
  return (
    <div className="field-row">
      <NumberField
        label="Instances"
        testId="line-count"
        min={0}
        value={usage.count}
        error={errors.count}
        onChange={(count) => onChange({ ...usage, count: count ?? 0 })}
      />
      <p className="muted small field-note">Running every hour of the month.</p>
    </div>
  );
}
