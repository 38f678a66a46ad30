import { DaysPicker } from './DaysPicker';
import { NumberField } from './NumberField';
import type { UsageFormProps } from './usage-types';

export function DailySpikeForm({ usage, onChange, errors }: UsageFormProps<'daily-spike'>) {
  return (
    <div className="field-row">
      <NumberField
        label="Base instances"
        testId="line-base-count"
        min={0}
        value={usage.baseCount}
        error={errors.baseCount}
        onChange={(baseCount) => onChange({ ...usage, baseCount: baseCount ?? 0 })}
      />
      <NumberField
        label="Peak instances"
        testId="line-peak-count"
        min={0}
        value={usage.peakCount}
        error={errors.peakCount}
        onChange={(peakCount) => onChange({ ...usage, peakCount: peakCount ?? 0 })}
      />
      <NumberField
        label="Peak starts (hour)"
        testId="line-start-hour"
        min={0}
        max={23}
        value={usage.peakStartHour}
        error={errors.peakStartHour}
        onChange={(peakStartHour) => onChange({ ...usage, peakStartHour: peakStartHour ?? 0 })}
      />
      <NumberField
        label="Peak length (h)"
        testId="line-peak-hours"
        min={1}
        max={24}
        value={usage.peakHours}
        error={errors.peakHours}
        onChange={(peakHours) => onChange({ ...usage, peakHours: peakHours ?? 0 })}
      />
      <DaysPicker days={usage.days} error={errors.days} onChange={(days) => onChange({ ...usage, days })} />
    </div>
  );
}
