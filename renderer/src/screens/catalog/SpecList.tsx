import type { InstanceSpec } from '@shared/catalog-types';
import { formatGpus, formatInstanceStore, formatNumber } from '../../format';

const withUnit = (value: number | null, unit: string) =>
  value === null ? 'n/a' : `${formatNumber(value)} ${unit}`;

const pair = (baseline: number | null, max: number | null, unit: string) =>
  `${withUnit(baseline, unit)} baseline / ${withUnit(max, unit)} max`;

/** The hardware facts of one instance type, as a definition list. */
export function SpecList({ spec }: { spec: InstanceSpec }) {
  const processor = spec.processor
    ? spec.clockGhz === null
      ? spec.processor
      : `${spec.processor}, ${formatNumber(spec.clockGhz)} GHz`
    : 'n/a';
  const network =
    (spec.networkPerformance ?? 'n/a') +
    (spec.networkBaselineGbps === null ? '' : ` (${formatNumber(spec.networkBaselineGbps)} Gbps baseline`) +
    (spec.networkBaselineGbps === null
      ? ''
      : spec.networkPeakGbps === null
        ? ')'
        : `, ${formatNumber(spec.networkPeakGbps)} Gbps peak)`);
  const gpu =
    spec.gpuCount === 0
      ? 'None'
      : formatGpus(spec.gpuCount, spec.gpuModel) +
        (spec.gpuMemoryGiB === null ? '' : `, ${formatNumber(spec.gpuMemoryGiB)} GiB total`);

  const facts: [string, string][] = [
    ['vCPU', formatNumber(spec.vcpu)],
    ['Memory', withUnit(spec.memoryGiB, 'GiB')],
    ['Architecture', spec.architectures.length > 0 ? spec.architectures.join(', ') : spec.arch],
    ['Processor', processor],
    ['Generation', spec.generation === 'current' ? 'Current' : 'Previous'],
    ['Burstable', spec.burstable ? 'Yes (CPU credits)' : 'No'],
    ['Bare metal', spec.bareMetal ? 'Yes' : 'No'],
    ['Network', network],
    ['EBS bandwidth', pair(spec.ebsBaselineBandwidthMbps, spec.ebsMaxBandwidthMbps, 'Mbps')],
    ['EBS throughput', pair(spec.ebsBaselineThroughputMBps, spec.ebsMaxThroughputMBps, 'MB/s')],
    ['EBS IOPS', pair(spec.ebsBaselineIops, spec.ebsMaxIops, 'IOPS')],
    ['Instance store', formatInstanceStore(spec.instanceStoreGB, spec.instanceStoreDisks)],
    ['GPU', gpu],
    ...(spec.acceleratorInfo ? ([['Accelerators', spec.acceleratorInfo]] as [string, string][]) : []),
    ['Normalization factor', formatNumber(spec.normalizationFactor)],
  ];

  return (
    <dl className="spec-list" data-testid="spec-list">
      {facts.map(([term, value]) => (
        <div key={term} className="spec-item">
          <dt>{term}</dt>
          <dd className={value === 'n/a' ? 'muted' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
