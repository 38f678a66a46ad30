import type { InstanceCapacity } from '@shared/capacity/demand';
import type { OperatingSystem } from '@shared/catalog-types';
import type { Usage, UsagePattern } from '@shared/scenario/schema';
import { DemandPreview } from '../../charts/DemandPreview';
import { ProfilePreview } from '../../charts/ProfilePreview';
import { CountUsageForm } from './CountUsageForm';
import { DemandForm } from './DemandForm';
import { JobsForm } from './JobsForm';
import { PATTERN_LABELS, USAGE_PATTERNS, switchPattern } from './scenario-draft';

/**
 * How many instances run when: the pattern, its form, and a preview of the week it makes (for a line
 * sized from demand, the demand against what its instances provide).
 */
export function UsageEditor({
  usage,
  onChange,
  errors,
  instanceType,
  capacity,
  known,
  os,
}: {
  usage: Usage;
  onChange: (usage: Usage) => void;
  errors: Record<string, string>;
  instanceType: string;
  /** The instance type's vCPUs and memory (null while unknown), to size a demand. */
  capacity: InstanceCapacity | null;
  known: boolean | null;
  /** The line's operating system: how a jobs line's runs are billed. */
  os: OperatingSystem;
}) {
  return (
    <section className="line-section usage-section">
      <div className="usage-main">
        <label className="field">
          <span className="field-label">Usage pattern</span>
          <select
            data-testid="line-pattern"
            value={usage.pattern}
            onChange={(e) => onChange(switchPattern(usage, e.target.value as UsagePattern, capacity))}
          >
            {USAGE_PATTERNS.map((p) => (
              <option key={p} value={p}>
                {PATTERN_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        {usage.pattern === 'demand' ? (
          <DemandForm
            usage={usage}
            onChange={onChange}
            errors={errors}
            instanceType={instanceType}
            capacity={capacity}
            known={known}
          />
        ) : usage.pattern === 'jobs' ? (
          <JobsForm usage={usage} onChange={onChange} errors={errors} os={os} />
        ) : (
          <CountUsageForm usage={usage} onChange={onChange} errors={errors} />
        )}
      </div>
      {usage.pattern === 'demand' ? (
        <DemandPreview usage={usage} capacity={capacity} />
      ) : (
        <ProfilePreview usage={usage} os={os} />
      )}
    </section>
  );
}
