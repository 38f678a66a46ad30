import { HDD_IO_SIZE_CAP_KIB, VOLUME_LIMITS } from '../volume-limits';
import { HDD_THROUGHPUT_PER_TIB, hddBurstSeconds, volumePerformance } from '../performance';
import { ceilTolerant } from '../rounding';
import { KIB_PER_MIB, MIB_PER_GIB } from '../../units';
import { SECONDS_PER_DAY, SECONDS_PER_MINUTE, formatDutyPercent, formatFigure } from './figures';
import { sizedLayout, type Layout, type PerVolumeNeed, type SizeChoice } from './layout-types';
import type { BurstInfo } from './types';

const GIB_PER_TIB = 1024;
/** A full st1/sc1 bucket holds 1 TiB of throughput credits per TiB of size: MiB per GiB of size. */
const CREDIT_MIB_PER_GIB = MIB_PER_GIB;

interface BurstChoice extends SizeChoice {
  burst: BurstInfo | null;
  note: string | null;
}

/**
 * The smaller size a duty cycle d < 1 allows (one contiguous peak of d × 24 h, zero demand otherwise):
 * (1) its burst (250 or 80 MiB/s per TiB) covers the peak, (2) d × peak ≤ baseline (the day's credits
 * balance) and (3) a full bucket (1 TiB of credits per TiB) lasts the peak:
 * (peak − baseline) × d × 86,400 ≤ sizeTiB × 1,048,576 MiB. Null when it is no smaller than `sustainedGiB`.
 */
function hddBurstSize(
  type: 'st1' | 'sc1',
  share: PerVolumeNeed,
  demandMiBps: number,
  sustainedGiB: number,
): BurstChoice | null {
  const rule = HDD_THROUGHPUT_PER_TIB[type];
  const dutyCycle = share.dutyCycle;
  const forBurst = ceilTolerant((demandMiBps * GIB_PER_TIB) / rule.burstMiBpsPerTiB);
  const forAverage = ceilTolerant((dutyCycle * demandMiBps * GIB_PER_TIB) / rule.baselineMiBpsPerTiB);
  // (demand − baseline(s)) × d × 86,400 ≤ 1,024 × s, with baseline(s) = rule.baseline × s / 1,024.
  const forBucket = ceilTolerant(
    (demandMiBps * dutyCycle * SECONDS_PER_DAY) /
      (CREDIT_MIB_PER_GIB + (rule.baselineMiBpsPerTiB * dutyCycle * SECONDS_PER_DAY) / GIB_PER_TIB),
  );
  const sizeGiB = Math.max(share.capacityGiB, forBurst, forAverage, forBucket);
  if (sizeGiB >= sustainedGiB) return null;
  const setBy = sizeGiB === share.capacityGiB ? 'capacity' : 'burst';
  const seconds = hddBurstSeconds(type, sizeGiB, demandMiBps);
  if (seconds === null) return { sizeGiB, setBy, burst: null, note: null };
  const baselineMiBps = volumePerformance(type, sizeGiB).baselineThroughputMiBps;
  return {
    sizeGiB,
    setBy,
    burst: { kind: 'hdd-throughput', durationSeconds: seconds },
    note: `${type} relies on burst throughput: ${formatFigure(demandMiBps)} MiB/s per volume for ${formatDutyPercent(dutyCycle)}% of the day is above the ${formatFigure(baselineMiBps)} MiB/s baseline of ${formatFigure(sizeGiB)} GiB. Accepted because the burst covers the peak, the daily average is within the baseline, and a full credit bucket lasts ${formatFigure(seconds / SECONDS_PER_MINUTE)} min at the peak, enough for one stretch of ${formatFigure((dutyCycle * SECONDS_PER_DAY) / SECONDS_PER_MINUTE)} min.`,
  };
}

/**
 * st1/sc1: sustained throughput needs a baseline (40 or 12 MiB/s per TiB) of at least the need; with a
 * duty cycle, a smaller volume on burst credits when hddBurstSize allows one.
 */
export function layoutHdd(type: 'st1' | 'sc1', share: PerVolumeNeed): Layout | null {
  const limits = VOLUME_LIMITS[type];
  const rule = HDD_THROUGHPUT_PER_TIB[type];
  // AWS ("Inefficiency of small read/writes on HDD", EBS User Guide): an I/O of 1 MiB or less counts as
  // a 1 MiB throughput credit (sequential ones merged first), so each counted operation spends 1 MiB.
  const demandMiBps = Math.max(share.throughputMiBps, share.ops * (HDD_IO_SIZE_CAP_KIB / KIB_PER_MIB));
  if (share.ops > limits.maxIopsPerVolume || demandMiBps > rule.capMiBps) return null;
  const forBaseline = ceilTolerant((demandMiBps * GIB_PER_TIB) / rule.baselineMiBpsPerTiB);
  const sustainedGiB = Math.max(share.capacityGiB, forBaseline);
  const sustained: BurstChoice = {
    sizeGiB: sustainedGiB,
    setBy: sustainedGiB === share.capacityGiB ? 'capacity' : 'throughput',
    burst: null,
    note: null,
  };
  const onBurst =
    !share.sustained && demandMiBps > 0 ? hddBurstSize(type, share, demandMiBps, sustainedGiB) : null;
  const chosen = onBurst ?? sustained;
  if (chosen.sizeGiB > limits.maxSizeGiB) return null;
  const perf = volumePerformance(type, chosen.sizeGiB);
  const peakThroughputMiBps = chosen.burst ? perf.maxThroughputMiBps : perf.baselineThroughputMiBps;
  const notes = chosen.note === null ? [] : [chosen.note];
  return sizedLayout(
    share,
    chosen,
    { iops: perf.baselineIops, throughputMiBps: peakThroughputMiBps },
    chosen.burst,
    notes,
  );
}
