import { GP3_MIBPS_PER_IOPS } from '../performance';
import { ceilTolerant } from '../rounding';
import { sizeForIopsGiB, VOLUME_LIMITS } from '../volume-limits';
import type { Layout, PerVolumeNeed } from './layout-types';

/**
 * gp3: the free baseline (3,000 IOPS, 125 MiB/s) at any size; IOPS and throughput provisioned above it.
 * Throughput is at most 0.25 MiB/s per provisioned IOPS, and IOPS above the baseline at most 500 per GiB,
 * so a high throughput raises the IOPS and high IOPS raise the size (the baseline alone needs no size). Null when one volume cannot reach the need.
 */
export function layoutGp3(share: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS.gp3;
  const throughputMiBps = Math.max(limits.baselineThroughputMiBps, ceilTolerant(share.throughputMiBps));
  const iopsForOps = Math.max(limits.baselineIops, ceilTolerant(share.ops));
  const iops = Math.max(iopsForOps, ceilTolerant(throughputMiBps / GP3_MIBPS_PER_IOPS));
  const sizeGiB = Math.max(share.capacityGiB, ceilTolerant(sizeForIopsGiB('gp3', iops)));
  if (iops > limits.maxIopsPerVolume || throughputMiBps > limits.maxThroughputMiBpsPerVolume) return null;
  if (sizeGiB > limits.maxSizeGiB) return null;
  return {
    volumes: share.volumes,
    sizeGiB,
    iops,
    throughputMiBps,
    ioRequestsPerMonthMillions: null,
    peakIops: iops,
    peakThroughputMiBps: throughputMiBps,
    drivers: [
      { constraint: 'ratio', dimension: 'storage', quantity: sizeGiB - share.capacityGiB },
      { constraint: 'iops', dimension: 'iops', quantity: iopsForOps - limits.baselineIops },
      { constraint: 'ratio', dimension: 'iops', quantity: iops - iopsForOps },
      {
        constraint: 'throughput',
        dimension: 'throughput',
        quantity: throughputMiBps - limits.baselineThroughputMiBps,
      },
    ],
    sizeSetBy: null,
    burst: null,
    notes: [],
  };
}
