import { DaysPicker } from './DaysPicker';
import { HourWindowFields } from './HourWindowFields';
import { NumberField } from './NumberField';
import type { UsageFormProps } from './usage-types';

export function BusinessHoursForm({ usage, onChange, errors }: UsageFormProps<'business-hours'>) {
  return (
    <div className="field-row">
      <NumberField
        label="Instances in hours"
        testId="line-count"
        min={0}
        value={usage.count}
        error={errors.count}
        onChange={(count) => onChange({ ...usage, count: count ?? 0 })}
      />
      <HourWindowFields
        usage={usage}
        onChange={onChange}
        errors={errors}
        labels={{ start: 'Start hour', end: 'End hour' }}
      />
      <NumberField
        label="Off-hours instances"
        testId="line-off-hours-count"
        min={0}
        value={usage.offHoursCount}
        error={errors.offHoursCount}
        onChange={(offHoursCount) => onChange({ ...usage, offHoursCount: offHoursCount ?? 0 })}
      />
      <DaysPicker days={usage.days} error={errors.days} onChange={(days) => onChange({ ...usage, days })} />
    </div>
  );
}
