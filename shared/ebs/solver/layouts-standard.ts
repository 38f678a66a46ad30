import { volumePerformance } from '../performance';
import { VOLUME_LIMITS } from '../volume-limits';
import { SECONDS_PER_MONTH, formatFigure } from './figures';
import type { Layout, PerVolumeNeed } from './layout-types';

const REQUESTS_PER_MILLION = 1_000_000;

/** Magnetic: best effort, planned at about 100 IOPS and 40 MiB/s per volume whatever the size. */
export function layoutStandard(share: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS.standard;
  const perf = volumePerformance('standard', share.capacityGiB);
  if (share.capacityGiB > limits.maxSizeGiB) return null;
  if (share.ops > perf.baselineIops || share.throughputMiBps > perf.baselineThroughputMiBps) return null;
  // I/O requests billed per million: the average counted rate over a 730-hour month.
  const averageOps = share.ops * share.dutyCycle;
  const ioRequestsPerMonthMillions = (averageOps * SECONDS_PER_MONTH) / REQUESTS_PER_MILLION;
  return {
    volumes: share.volumes,
    sizeGiB: share.capacityGiB,
    iops: null,
    throughputMiBps: null,
    ioRequestsPerMonthMillions,
    peakIops: perf.baselineIops,
    peakThroughputMiBps: perf.baselineThroughputMiBps,
    drivers: [],
    sizeSetBy: 'capacity',
    burst: null,
    notes: [
      `Previous-generation magnetic: best-effort performance, planned at ${formatFigure(perf.baselineIops)} IOPS and ${formatFigure(perf.baselineThroughputMiBps)} MiB/s per volume; I/O requests estimated at ${formatFigure(averageOps)} counted operations/s on average over a 730-hour month.`,
    ],
  };
}
