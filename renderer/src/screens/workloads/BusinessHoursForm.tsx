import { DaysPicker } from './DaysPicker';
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
      <NumberField
        label="Start hour"
        testId="line-start-hour"
        min={0}
        max={23}
        value={usage.startHour}
        error={errors.startHour}
        onChange={(startHour) => onChange({ ...usage, startHour: startHour ?? 0 })}
      />
      <NumberField
        label="End hour"
        testId="line-end-hour"
        min={1}
        max={24}
        value={usage.endHour}
        error={errors.endHour}
        onChange={(endHour) => onChange({ ...usage, endHour: endHour ?? 0 })}
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
