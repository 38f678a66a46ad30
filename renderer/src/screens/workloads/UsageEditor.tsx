import type { Usage, UsagePattern } from '@shared/scenario/schema';
import { ProfilePreview } from '../../charts/ProfilePreview';
import { BusinessHoursForm } from './BusinessHoursForm';
import { ConstantUsageForm } from './ConstantUsageForm';
import { DailySpikeForm } from './DailySpikeForm';
import { HourlySeriesForm } from './HourlySeriesForm';
import { PATTERN_LABELS, USAGE_PATTERNS, switchPattern } from './scenario-draft';
import { WeeklyGridForm } from './WeeklyGridForm';

/** How many instances run when: the pattern, its form, and a preview of the week it makes. */
export function UsageEditor({
  usage,
  onChange,
  errors,
}: {
  usage: Usage;
  onChange: (usage: Usage) => void;
  errors: Record<string, string>;
}) {
  return (
    <section className="line-section usage-section">
      <div className="usage-main">
        <label className="field">
          <span className="field-label">Usage pattern</span>
          <select
            data-testid="line-pattern"
            value={usage.pattern}
            onChange={(e) => onChange(switchPattern(usage, e.target.value as UsagePattern))}
          >
            {USAGE_PATTERNS.map((p) => (
              <option key={p} value={p}>
                {PATTERN_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <UsageForm usage={usage} onChange={onChange} errors={errors} />
      </div>
      <ProfilePreview usage={usage} />
    </section>
  );
}

function UsageForm({
  usage,
  onChange,
  errors,
}: {
  usage: Usage;
  onChange: (usage: Usage) => void;
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
