import type { InstanceEbsLimits } from '../ebs/solver';
import { volumePerformance } from '../ebs/performance';
import type { ScenarioLine } from '../scenario/schema';
import type { EbsDimensionCheck, EbsFitStatus, ReportEbsCheck } from './schema';

/**
 * An instance's EBS limits cap what its volumes deliver together (Amazon EC2 User Guide, "Amazon
 * EBS-optimized instance types"): the sum over one instance's volumes is compared with the instance's
 * baseline and maximum. "binding": at least 90% of the baseline (the instance, not the volumes, limits);
 * "exceeds-baseline": above the baseline, so only bursts (typically 30 minutes a day) deliver it.
 */
export const BINDING_SHARE = 0.9;

const RANK: Record<EbsFitStatus, number> = {
  unknown: 0,
  within: 1,
  binding: 2,
  'exceeds-baseline': 3,
  'exceeds-maximum': 4,
};

export const EBS_STATUS_LABEL: Record<EbsFitStatus, string> = {
  within: 'within',
  binding: 'binding',
  'exceeds-baseline': 'exceeds baseline, needs burst',
  'exceeds-maximum': 'exceeds maximum',
  unknown: 'instance limits unknown',
};

export function dimensionCheck(
  volumes: number,
  baseline: number | null,
  maximum: number | null,
): EbsDimensionCheck {
  const max = maximum ?? baseline;
  let status: EbsFitStatus;
  if (baseline === null || max === null) status = 'unknown';
  else if (volumes > max) status = 'exceeds-maximum';
  else if (volumes > baseline) status = 'exceeds-baseline';
  else if (volumes >= baseline * BINDING_SHARE) status = 'binding';
  else status = 'within';
  return { volumes, instanceBaseline: baseline, instanceMaximum: maximum, status };
}

/** What one volume delivers at most: its burst where it has one. */
export function deliveredPerVolume(v: ScenarioLine['volumes'][number]): {
  iops: number;
  throughputMiBps: number;
} {
  const perf = volumePerformance(v.volumeType, v.sizeGiB, {
    iops: v.iops,
    throughputMiBps: v.throughputMiBps,
  });
  return { iops: Math.max(perf.baselineIops, perf.burstIops ?? 0), throughputMiBps: perf.maxThroughputMiBps };
}

/** Null for a line without volumes; `limits` null when the catalog does not know the instance type. */
export function ebsCheck(line: ScenarioLine, limits: InstanceEbsLimits | null): ReportEbsCheck | null {
  if (line.volumes.length === 0) return null;
  let iops = 0;
  let throughput = 0;
  for (const v of line.volumes) {
    const d = deliveredPerVolume(v);
    iops += d.iops * v.count;
    throughput += d.throughputMiBps * v.count;
  }
  const iopsCheck = dimensionCheck(iops, limits?.baselineIops ?? null, limits?.maxIops ?? null);
  const tputCheck = dimensionCheck(
    Math.round(throughput * 100) / 100,
    limits?.baselineThroughputMiBps ?? null,
    limits?.maxThroughputMiBps ?? null,
  );
  const status = RANK[iopsCheck.status] >= RANK[tputCheck.status] ? iopsCheck.status : tputCheck.status;
  const num = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const fmt = (c: EbsDimensionCheck, unit: string) =>
    c.status === 'unknown'
      ? `${num(c.volumes)} ${unit} (instance limit unknown)`
      : `${num(c.volumes)} ${unit} vs baseline ${num(c.instanceBaseline!)} / max ${num(c.instanceMaximum ?? c.instanceBaseline!)}: ${EBS_STATUS_LABEL[c.status]}`;
  return {
    instanceType: line.instanceType,
    iops: iopsCheck,
    throughputMiBps: tputCheck,
    status,
    summary: `${fmt(iopsCheck, 'IOPS')}; ${fmt(tputCheck, 'MiB/s')}`,
  };
}
