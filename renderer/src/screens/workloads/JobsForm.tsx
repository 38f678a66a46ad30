import type { OperatingSystem } from '@shared/catalog-types';
import { billedSecondsPerRun, billingGranularity } from '@shared/pricing/billing-granularity';
import { DaysPicker } from './DaysPicker';
import { NumberField } from './NumberField';
import type { UsageFormProps } from './usage-types';

/** Short runs a day (batch jobs, CI builds), billed per second or per started hour by the line's OS. */
export function JobsForm({ usage, onChange, errors, os }: UsageFormProps<'jobs'> & { os: OperatingSystem }) {
  const billed = billedSecondsPerRun(os, usage.durationSeconds);
  return (
    <div className="field-row">
      <NumberField
        label="Runs per day"
        testId="line-runs-per-day"
        min={1}
        value={usage.runsPerDay}
        error={errors.runsPerDay}
        onChange={(runsPerDay) => onChange({ ...usage, runsPerDay: runsPerDay ?? 0 })}
      />
      <NumberField
        label="Run length (seconds)"
        testId="line-duration-seconds"
        min={1}
        max={86_400}
        value={usage.durationSeconds}
        error={errors.durationSeconds}
        onChange={(durationSeconds) => onChange({ ...usage, durationSeconds: durationSeconds ?? 0 })}
      />
      <NumberField
        label="Window starts (hour)"
        testId="line-start-hour"
        min={0}
        max={23}
        value={usage.startHour}
        error={errors.startHour}
        onChange={(startHour) => onChange({ ...usage, startHour: startHour ?? 0 })}
      />
      <NumberField
        label="Window ends (hour)"
        testId="line-end-hour"
        min={1}
        max={24}
        value={usage.endHour}
        error={errors.endHour}
        onChange={(endHour) => onChange({ ...usage, endHour: endHour ?? 0 })}
      />
      <DaysPicker days={usage.days} error={errors.days} onChange={(days) => onChange({ ...usage, days })} />
      <p className="muted small" data-testid="line-jobs-billing">
        {billingGranularity(os) === 'second'
          ? `Billed per second, at least 60 s a run: ${billed.toLocaleString('en-US')} s each.`
          : `Billed per started hour: ${billed.toLocaleString('en-US')} s each.`}
      </p>
    </div>
  );
}
