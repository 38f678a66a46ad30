import { formatInstanceThroughput, type InstanceEbsLimits } from '@shared/ebs/solver';
import { formatCount, formatMiBps } from './ebs-format';

interface Gauge {
  label: string;
  need: number;
  cap: number | null;
  text: (v: number) => string;
  capText: (v: number) => string;
}

/** How much of the instance's EBS baseline and maximum the requirement uses, per dimension. */
export function HeadroomSummary({
  requirement,
  instance,
}: {
  requirement: { iops: number; throughputMiBps: number };
  instance: InstanceEbsLimits | null;
}) {
  if (!instance) return null;
  const iops = (v: number) => `${formatCount(v)} IOPS`;
  const gauges: Gauge[] = [
    {
      label: 'IOPS of baseline',
      need: requirement.iops,
      cap: instance.baselineIops,
      text: iops,
      capText: iops,
    },
    { label: 'IOPS of max', need: requirement.iops, cap: instance.maxIops, text: iops, capText: iops },
    {
      label: 'MiB/s of baseline',
      need: requirement.throughputMiBps,
      cap: instance.baselineThroughputMiBps,
      text: formatMiBps,
      capText: (v) => formatInstanceThroughput(v, instance.baselineThroughputMBps),
    },
    {
      label: 'MiB/s of max',
      need: requirement.throughputMiBps,
      cap: instance.maxThroughputMiBps,
      text: formatMiBps,
      capText: (v) => formatInstanceThroughput(v, instance.maxThroughputMBps),
    },
  ];
  return (
    <div
      className="ebs-headroom"
      data-testid="ebs-headroom"
      aria-label={`Use of ${instance.instanceType} EBS limits`}
    >
      <span className="ebs-headroom-label">
        Requirement against <span className="type-cell">{instance.instanceType}</span> EBS limits:
      </span>
      {gauges.map((g) => {
        const pct = g.cap === null || g.cap <= 0 ? null : (g.need / g.cap) * 100;
        const level = pct === null ? '' : pct > 100 ? ' is-over' : pct > 80 ? ' is-near' : '';
        return (
          <span
            key={g.label}
            className={`ebs-gauge${level}`}
            title={g.cap === null ? 'n/a' : `${g.text(g.need)} of ${g.capText(g.cap)}`}
          >
            <span className="ebs-gauge-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, pct ?? 0)}%` }} />
            </span>
            <span className="num">{pct === null ? 'n/a' : `${Math.round(pct)}%`}</span>{' '}
            <span className="muted">{g.label}</span>
          </span>
        );
      })}
    </div>
  );
}
