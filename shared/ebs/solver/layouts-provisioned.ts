import { provisionedIopsForThroughput, provisionedIopsThroughputMiBps } from '../performance';
import { ceilTolerant } from '../rounding';
import { MIN_PROVISIONED_IOPS, VOLUME_LIMITS } from '../volume-limits';
import type { Layout, PerVolumeNeed } from './layout-types';

/**
 * io1/io2: every IOPS provisioned (at least 100), enough for the operations and for the throughput;
 * the size grows when the IOPS exceed the type's IOPS-per-GiB ratio.
 */
export function layoutProvisioned(type: 'io1' | 'io2', share: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS[type];
  const iopsForOps = Math.max(MIN_PROVISIONED_IOPS, ceilTolerant(share.ops));
  const iopsForThroughput = provisionedIopsForThroughput(type, share.throughputMiBps);
  if (iopsForThroughput === null) return null;
  const iops = Math.max(iopsForOps, iopsForThroughput);
  const sizeGiB = Math.max(share.capacityGiB, ceilTolerant(iops / limits.maxIopsPerGiB));
  if (iops > limits.maxIopsPerVolume || sizeGiB > limits.maxSizeGiB) return null;
  return {
    volumes: share.volumes,
    sizeGiB,
    iops,
    throughputMiBps: null,
    ioRequestsPerMonthMillions: null,
    peakIops: iops,
    peakThroughputMiBps: provisionedIopsThroughputMiBps(type, iops),
    drivers: [
      { constraint: 'ratio', dimension: 'storage', quantity: sizeGiB - share.capacityGiB },
      {
        constraint: iopsForOps >= iopsForThroughput ? 'iops' : 'throughput',
        dimension: 'iops',
        quantity: iops - MIN_PROVISIONED_IOPS,
      },
    ],
    sizeSetBy: null,
    burst: null,
    notes: [],
  };
}
