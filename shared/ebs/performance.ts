import type { VolumeType } from '../catalog-types';
import { MIB_PER_GIB } from '../units';
import { VOLUME_LIMITS } from './volume-limits';

/**
 * What one volume delivers, from the Amazon EBS User Guide "Amazon EBS volume types"
 * (docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html, general-purpose.html,
 * provisioned-iops.html, hdd-vols.html) and the Sept 2025 gp3 raise
 * (aws.amazon.com/about-aws/whats-new/2025/09/amazon-ebs-size-provisioned-performance-gp3-volumes).
 */
export interface VolumePerformance {
  /** Counted operations/s the volume sustains indefinitely. */
  baselineIops: number;
  /** Counted operations/s available from burst credits (gp2 only), null when there is no burst. */
  burstIops: number | null;
  /** The most the volume delivers at any moment (burst when it has one). */
  maxThroughputMiBps: number;
  baselineThroughputMiBps: number;
  burstThroughputMiBps: number | null;
}

/** gp2: 5.4 million I/O credits, initial and maximum; refilled at 3 credits per GiB per second. */
export const GP2_CREDIT_BUCKET = 5_400_000;
export const GP2_IOPS_PER_GIB = 3;
export const GP2_BURST_IOPS = 3000;
/** gp2 volumes of 1,000 GiB and more have a baseline of at least 3,000 IOPS, so never burst. */
export const GP2_NO_BURST_FROM_GIB = 1000;
/** gp2 throughput: 128 MiB/s up to 170 GiB; 250 MiB/s with credits from 170 GiB; 250 always from 334 GiB. */
export const GP2_SMALL_THROUGHPUT_MIBPS = 128;
export const GP2_LARGE_THROUGHPUT_MIBPS = 250;
export const GP2_THROUGHPUT_BURST_ABOVE_GIB = 170;
export const GP2_THROUGHPUT_ALWAYS_FROM_GIB = 334;

/** st1/sc1 throughput per TiB of size: baseline and burst, capped per volume. */
export const HDD_THROUGHPUT_PER_TIB: Record<'st1' | 'sc1', { baseline: number; burst: number; cap: number }> =
  {
    st1: { baseline: 40, burst: 250, cap: 500 },
    sc1: { baseline: 12, burst: 80, cap: 250 },
  };

/** gp3 throughput is at most 0.25 MiB/s per provisioned IOPS. */
export const GP3_MIBPS_PER_IOPS = 0.25;

export function gp2BaselineIops(sizeGiB: number): number {
  return Math.min(VOLUME_LIMITS.gp2.maxIopsPerVolume, Math.max(100, GP2_IOPS_PER_GIB * sizeGiB));
}

/**
 * Most throughput io1/io2 deliver for a provisioned IOPS figure. io1: 256 KiB per IOPS up to 500 MiB/s
 * (reached at 2,000 IOPS) while at most 32,000 IOPS; above 32,000 IOPS, 16 KiB per IOPS up to 1,000 MiB/s.
 * io2 Block Express: 256 KiB per IOPS up to 4,000 MiB/s (reached at 16,000 IOPS).
 */
export function provisionedIopsThroughputMiBps(volumeType: 'io1' | 'io2', iops: number): number {
  if (volumeType === 'io2') return Math.min(VOLUME_LIMITS.io2.maxThroughputMiBpsPerVolume, iops / 4);
  if (iops <= 32000) return Math.min(500, iops / 4);
  return Math.min(VOLUME_LIMITS.io1.maxThroughputMiBpsPerVolume, Math.max(500, (iops * 16) / 1024));
}

function hddThroughput(volumeType: 'st1' | 'sc1', sizeGiB: number): { baseline: number; burst: number } {
  const rule = HDD_THROUGHPUT_PER_TIB[volumeType];
  const sizeTiB = sizeGiB / MIB_PER_GIB;
  return {
    baseline: Math.min(rule.cap, rule.baseline * sizeTiB),
    burst: Math.min(rule.cap, rule.burst * sizeTiB),
  };
}

export function volumePerformance(
  volumeType: VolumeType,
  sizeGiB: number,
  provisioned: { iops?: number | null; throughputMiBps?: number | null } = {},
): VolumePerformance {
  switch (volumeType) {
    case 'gp3': {
      const iops = provisioned.iops ?? VOLUME_LIMITS.gp3.baselineIops ?? 3000;
      const throughput = provisioned.throughputMiBps ?? VOLUME_LIMITS.gp3.baselineThroughputMiBps ?? 125;
      return {
        baselineIops: iops,
        burstIops: null,
        maxThroughputMiBps: throughput,
        baselineThroughputMiBps: throughput,
        burstThroughputMiBps: null,
      };
    }
    case 'gp2': {
      const baselineIops = gp2BaselineIops(sizeGiB);
      const burstIops =
        sizeGiB < GP2_NO_BURST_FROM_GIB && baselineIops < GP2_BURST_IOPS ? GP2_BURST_IOPS : null;
      if (sizeGiB <= GP2_THROUGHPUT_BURST_ABOVE_GIB) {
        return {
          baselineIops,
          burstIops,
          maxThroughputMiBps: GP2_SMALL_THROUGHPUT_MIBPS,
          baselineThroughputMiBps: GP2_SMALL_THROUGHPUT_MIBPS,
          burstThroughputMiBps: null,
        };
      }
      if (sizeGiB < GP2_THROUGHPUT_ALWAYS_FROM_GIB) {
        return {
          baselineIops,
          burstIops,
          maxThroughputMiBps: GP2_LARGE_THROUGHPUT_MIBPS,
          baselineThroughputMiBps: GP2_SMALL_THROUGHPUT_MIBPS,
          burstThroughputMiBps: GP2_LARGE_THROUGHPUT_MIBPS,
        };
      }
      return {
        baselineIops,
        burstIops,
        maxThroughputMiBps: GP2_LARGE_THROUGHPUT_MIBPS,
        baselineThroughputMiBps: GP2_LARGE_THROUGHPUT_MIBPS,
        burstThroughputMiBps: null,
      };
    }
    case 'io1':
    case 'io2': {
      const iops = provisioned.iops ?? 100;
      const throughput = provisionedIopsThroughputMiBps(volumeType, iops);
      return {
        baselineIops: iops,
        burstIops: null,
        maxThroughputMiBps: throughput,
        baselineThroughputMiBps: throughput,
        burstThroughputMiBps: null,
      };
    }
    case 'st1':
    case 'sc1': {
      const { baseline, burst } = hddThroughput(volumeType, sizeGiB);
      return {
        baselineIops: VOLUME_LIMITS[volumeType].maxIopsPerVolume,
        burstIops: null,
        maxThroughputMiBps: Math.max(baseline, burst),
        baselineThroughputMiBps: baseline,
        burstThroughputMiBps: burst > baseline ? burst : null,
      };
    }
    case 'standard': {
      // Previous generation, best effort: about 100 IOPS and 40-90 MiB/s; planned at the low end.
      const limits = VOLUME_LIMITS.standard;
      const throughput = limits.baselineThroughputMiBps ?? 40;
      return {
        baselineIops: limits.baselineIops ?? 100,
        burstIops: limits.maxIopsPerVolume,
        maxThroughputMiBps: throughput,
        baselineThroughputMiBps: throughput,
        burstThroughputMiBps: null,
      };
    }
  }
}

/**
 * Seconds a full gp2 credit bucket sustains `burstIops`: 5,400,000 / (burstIops − 3 × GiB), since
 * credits refill at the baseline rate while being spent. Null (no limit) when the baseline covers it.
 */
export function gp2BurstSeconds(sizeGiB: number, burstIops: number = GP2_BURST_IOPS): number | null {
  const drainPerSecond = burstIops - GP2_IOPS_PER_GIB * sizeGiB;
  if (drainPerSecond <= 0) return null;
  return GP2_CREDIT_BUCKET / drainPerSecond;
}

/** st1/sc1 credit bucket: 1 TiB of throughput credits per TiB of size, in MiB. */
export function hddCreditBucketMiB(sizeGiB: number): number {
  return sizeGiB * MIB_PER_GIB;
}

/**
 * Seconds a full st1/sc1 bucket sustains `demandMiBps` (default: the volume's burst): the bucket
 * (sizeTiB × 1,048,576 MiB) drains at (demand − baseline) MiB/s. Null when the baseline covers it.
 */
export function hddBurstSeconds(
  volumeType: 'st1' | 'sc1',
  sizeGiB: number,
  demandMiBps?: number,
): number | null {
  const { baseline, burst } = hddThroughput(volumeType, sizeGiB);
  const demand = Math.min(demandMiBps ?? burst, burst);
  const drainPerSecond = demand - baseline;
  if (drainPerSecond <= 0) return null;
  return hddCreditBucketMiB(sizeGiB) / drainPerSecond;
}
