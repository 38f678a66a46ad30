import type { CountUsage } from '@shared/scenario/schema';
import { BusinessHoursForm } from './BusinessHoursForm';
import { ConstantUsageForm } from './ConstantUsageForm';
import { DailySpikeForm } from './DailySpikeForm';
import { HourlySeriesForm } from './HourlySeriesForm';
import { WeeklyGridForm } from './WeeklyGridForm';

/** The form of a pattern that counts instances per hour (a line's usage, or the shape a demand follows). */
export function CountUsageForm({
  usage,
  onChange,
  errors,
}: {
  usage: CountUsage;
  onChange: (usage: CountUsage) => void;
  errors: Record<string, string>;
}) {
  switch (usage.pattern) {
    case 'constant':
      return <ConstantUsageForm usage={usage} onChange={onChange} errors={errors} />;
    case 'business-hours':
      return <BusinessHoursForm usage={usage} onChange={onChange} errors={errors} />;
    case 'daily-spike':
      return <DailySpikeForm usage={usage} onChange={onChange} errors={errors} />;
    case 'weekly':
      return <WeeklyGridForm usage={usage} onChange={onChange} errors={errors} />;
    case 'hourly':
      return <HourlySeriesForm usage={usage} onChange={onChange} errors={errors} />;
  }
}
