import type { OperatingSystem } from '@shared/catalog-types';
import { billedSecondsPerRun, billingGranularity } from '@shared/pricing/billing-granularity';
import { DaysPicker } from './DaysPicker';
import { HourWindowFields } from './HourWindowFields';
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
      <HourWindowFields
        usage={usage}
        onChange={onChange}
        errors={errors}
        labels={{ start: 'Window starts (hour)', end: 'Window ends (hour)' }}
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
