import {
  GP2_BURST_IOPS,
  GP2_CREDIT_BUCKET,
  GP2_IOPS_PER_GIB,
  GP2_LARGE_THROUGHPUT_MIBPS,
  GP2_NO_BURST_FROM_GIB,
  GP2_SMALL_THROUGHPUT_MIBPS,
  GP2_THROUGHPUT_ALWAYS_FROM_GIB,
  GP2_THROUGHPUT_BURST_ABOVE_GIB,
  gp2BurstSeconds,
  volumePerformance,
} from '../performance';
import { IO_SIZE_CAP_KIB } from '../io-accounting';
import { ceilTolerant } from '../rounding';
import { KIB_PER_MIB } from '../../units';
import { VOLUME_LIMITS } from '../volume-limits';
import { SECONDS_PER_DAY, SECONDS_PER_MINUTE, formatDutyPercent, formatFigure } from './figures';
import { sizedLayout, type Layout, type PerVolumeNeed, type SizeChoice } from './layout-types';
import type { BurstInfo } from './types';

/** Size whose 3 IOPS/GiB baseline covers `iops`; 0 when gp2's minimum baseline already does. */
function sizeForBaselineIops(iops: number): number {
  return iops <= VOLUME_LIMITS.gp2.baselineIops ? 0 : ceilTolerant(iops / GP2_IOPS_PER_GIB);
}

/**
 * gp2 sized for a sustained need: baseline 3 IOPS/GiB (min 100) covers the operations; above 128 MiB/s
 * needs 334 GiB (250 MiB/s without credits).
 */
function gp2SustainedSize(share: PerVolumeNeed): SizeChoice {
  const forIops = sizeForBaselineIops(share.ops);
  const forThroughput =
    share.throughputMiBps <= GP2_SMALL_THROUGHPUT_MIBPS ? 0 : GP2_THROUGHPUT_ALWAYS_FROM_GIB;
  const sizeGiB = Math.max(share.capacityGiB, forIops, forThroughput);
  const setBy = sizeGiB === share.capacityGiB ? 'capacity' : sizeGiB === forIops ? 'iops' : 'throughput';
  return { sizeGiB, setBy };
}

/**
 * gp2 burst rule (a duty cycle d < 1, taken as one contiguous peak of d × 24 h a day; zero demand
 * otherwise). A volume below its baseline is accepted when (1) the peak is at most the 3,000 IOPS burst,
 * (2) the day's credits balance: d × peak ≤ baseline, so the off-peak refill (at the baseline rate)
 * repays what the peak drew, and (3) a full 5.4M-credit bucket lasts the whole peak:
 * (peak − baseline) × d × 86,400 ≤ 5,400,000, i.e. baseline ≥ peak − 62.5 / d. Throughput above
 * 128 MiB/s needs more than 170 GiB (250 MiB/s with credits).
 */
function gp2BurstSize(share: PerVolumeNeed): SizeChoice | null {
  if (share.sustained || share.ops > GP2_BURST_IOPS || share.throughputMiBps > GP2_LARGE_THROUGHPUT_MIBPS) {
    return null;
  }
  const forAverage = sizeForBaselineIops(share.dutyCycle * share.ops);
  const forBucket = sizeForBaselineIops(share.ops - GP2_CREDIT_BUCKET / SECONDS_PER_DAY / share.dutyCycle);
  const forThroughput =
    share.throughputMiBps <= GP2_SMALL_THROUGHPUT_MIBPS ? 0 : GP2_THROUGHPUT_BURST_ABOVE_GIB + 1;
  const sizeGiB = Math.max(share.capacityGiB, forAverage, forBucket, forThroughput);
  if (sizeGiB >= GP2_NO_BURST_FROM_GIB) return null;
  const setBy =
    sizeGiB === share.capacityGiB ? 'capacity' : sizeGiB === forThroughput ? 'throughput' : 'burst';
  return { sizeGiB, setBy };
}

/** gp2: performance set by size; the smaller of the sustained size and (with a duty cycle) the burst size. */
export function layoutGp2(share: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS.gp2;
  if (share.ops > limits.maxIopsPerVolume || share.throughputMiBps > limits.maxThroughputMiBpsPerVolume) {
    return null;
  }
  const sustained = gp2SustainedSize(share);
  const burst = gp2BurstSize(share);
  const useBurst = burst !== null && burst.sizeGiB < sustained.sizeGiB;
  const chosen = useBurst ? burst : sustained;
  if (chosen.sizeGiB > limits.maxSizeGiB) return null;
  const perf = volumePerformance('gp2', chosen.sizeGiB);
  const notes: string[] = [];
  let burstInfo: BurstInfo | null = null;
  if (useBurst) {
    const seconds = gp2BurstSeconds(chosen.sizeGiB, share.ops);
    if (seconds !== null) burstInfo = { kind: 'gp2-credits', durationSeconds: seconds };
    notes.push(
      `gp2 relies on burst credits: ${formatFigure(share.ops)} IOPS per volume for ${formatDutyPercent(share.dutyCycle)}% of the day is above the ${formatFigure(perf.baselineIops)} IOPS baseline of ${formatFigure(chosen.sizeGiB)} GiB. Accepted because the peak is within the ${formatFigure(GP2_BURST_IOPS)} IOPS burst, the daily average is within the baseline, and a full 5.4M-credit bucket lasts the whole peak if it comes in one stretch` +
        (seconds === null ? '.' : ` (${formatFigure(seconds / SECONDS_PER_MINUTE)} min at the peak).`),
    );
  }
  const deliveredIops = useBurst ? Math.max(perf.baselineIops, perf.burstIops ?? 0) : perf.baselineIops;
  const ssdThroughputMiBps = (deliveredIops * IO_SIZE_CAP_KIB.ssd) / KIB_PER_MIB;
  const sizeThroughputMiBps = useBurst ? perf.maxThroughputMiBps : perf.baselineThroughputMiBps;
  return sizedLayout(
    share,
    chosen,
    { iops: deliveredIops, throughputMiBps: Math.min(sizeThroughputMiBps, ssdThroughputMiBps) },
    burstInfo,
    notes,
  );
}
