import type { VolumeType } from '../catalog-types';
import { KIB_PER_MIB, MIB_PER_GIB } from '../units';
import { ceilTolerant } from './rounding';
import { MIN_PROVISIONED_IOPS, VOLUME_LIMITS } from './volume-limits';

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
export const GP2_LARGE_THROUGHPUT_MIBPS = VOLUME_LIMITS.gp2.maxThroughputMiBpsPerVolume;
export const GP2_THROUGHPUT_BURST_ABOVE_GIB = 170;
export const GP2_THROUGHPUT_ALWAYS_FROM_GIB = 334;

export interface HddThroughputRule {
  baselineMiBpsPerTiB: number;
  burstMiBpsPerTiB: number;
  capMiBps: number;
}

/** st1/sc1 throughput per TiB of size: baseline and burst, capped per volume. */
export const HDD_THROUGHPUT_PER_TIB: Record<'st1' | 'sc1', HddThroughputRule> = {
  st1: {
    baselineMiBpsPerTiB: 40,
    burstMiBpsPerTiB: 250,
    capMiBps: VOLUME_LIMITS.st1.maxThroughputMiBpsPerVolume,
  },
  sc1: {
    baselineMiBpsPerTiB: 12,
    burstMiBpsPerTiB: 80,
    capMiBps: VOLUME_LIMITS.sc1.maxThroughputMiBpsPerVolume,
  },
};

/** gp3 throughput is at most 0.25 MiB/s per provisioned IOPS. */
export const GP3_MIBPS_PER_IOPS = 0.25;

/** io2, and io1 up to IO1_LARGE_IO_UP_TO_IOPS: each provisioned IOPS carries up to 256 KiB. */
export const PROVISIONED_IO_SIZE_KIB = 256;
/** io1 above this many IOPS carries 16 KiB per IOPS (up to its 1,000 MiB/s maximum)... */
export const IO1_LARGE_IO_UP_TO_IOPS = 32000;
export const IO1_HIGH_IOPS_IO_SIZE_KIB = 16;
/** ...and at most 500 MiB/s up to that many IOPS. */
export const IO1_LARGE_IO_MAX_THROUGHPUT_MIBPS = 500;

export function gp2BaselineIops(sizeGiB: number): number {
  const limits = VOLUME_LIMITS.gp2;
  return Math.min(limits.maxIopsPerVolume, Math.max(limits.baselineIops, GP2_IOPS_PER_GIB * sizeGiB));
}

/**
 * Most throughput io1/io2 deliver for a provisioned IOPS figure. io1: 256 KiB per IOPS up to 500 MiB/s
 * (reached at 2,000 IOPS) while at most 32,000 IOPS; above 32,000 IOPS, 16 KiB per IOPS up to 1,000 MiB/s.
 * io2 Block Express: 256 KiB per IOPS up to 4,000 MiB/s (reached at 16,000 IOPS).
 */
export function provisionedIopsThroughputMiBps(volumeType: 'io1' | 'io2', iops: number): number {
  const largeIoMiBps = (iops * PROVISIONED_IO_SIZE_KIB) / KIB_PER_MIB;
  if (volumeType === 'io2') return Math.min(VOLUME_LIMITS.io2.maxThroughputMiBpsPerVolume, largeIoMiBps);
  if (iops <= IO1_LARGE_IO_UP_TO_IOPS) return Math.min(IO1_LARGE_IO_MAX_THROUGHPUT_MIBPS, largeIoMiBps);
  return Math.min(
    VOLUME_LIMITS.io1.maxThroughputMiBpsPerVolume,
    Math.max(IO1_LARGE_IO_MAX_THROUGHPUT_MIBPS, (iops * IO1_HIGH_IOPS_IO_SIZE_KIB) / KIB_PER_MIB),
  );
}

/**
 * The fewest provisioned IOPS that give io1/io2 a throughput (the inverse of the rule above), or null
 * beyond the type's maximum. io1 above 500 MiB/s needs more than 32,000 IOPS at 16 KiB each.
 */
export function provisionedIopsForThroughput(
  volumeType: 'io1' | 'io2',
  throughputMiBps: number,
): number | null {
  if (throughputMiBps > VOLUME_LIMITS[volumeType].maxThroughputMiBpsPerVolume) return null;
  if (volumeType === 'io2' || throughputMiBps <= IO1_LARGE_IO_MAX_THROUGHPUT_MIBPS) {
    return ceilTolerant((throughputMiBps * KIB_PER_MIB) / PROVISIONED_IO_SIZE_KIB);
  }
  return Math.max(
    IO1_LARGE_IO_UP_TO_IOPS + 1,
    ceilTolerant((throughputMiBps * KIB_PER_MIB) / IO1_HIGH_IOPS_IO_SIZE_KIB),
  );
}

const GIB_PER_TIB = 1024;

function hddThroughput(
  volumeType: 'st1' | 'sc1',
  sizeGiB: number,
): { baselineMiBps: number; burstMiBps: number } {
  const rule = HDD_THROUGHPUT_PER_TIB[volumeType];
  const sizeTiB = sizeGiB / GIB_PER_TIB;
  return {
    baselineMiBps: Math.min(rule.capMiBps, rule.baselineMiBpsPerTiB * sizeTiB),
    burstMiBps: Math.min(rule.capMiBps, rule.burstMiBpsPerTiB * sizeTiB),
  };
}

/** One steady figure for IOPS and throughput, no burst (gp3, io1/io2, magnetic). */
function steady(iops: number, throughputMiBps: number, burstIops: number | null = null): VolumePerformance {
  return {
    baselineIops: iops,
    burstIops,
    maxThroughputMiBps: throughputMiBps,
    baselineThroughputMiBps: throughputMiBps,
    burstThroughputMiBps: null,
  };
}

export function volumePerformance(
  volumeType: VolumeType,
  sizeGiB: number,
  provisioned: { iops?: number | null; throughputMiBps?: number | null } = {},
): VolumePerformance {
  switch (volumeType) {
    case 'gp3': {
      const limits = VOLUME_LIMITS.gp3;
      return steady(
        provisioned.iops ?? limits.baselineIops,
        provisioned.throughputMiBps ?? limits.baselineThroughputMiBps,
      );
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
      const iops = provisioned.iops ?? MIN_PROVISIONED_IOPS;
      return steady(iops, provisionedIopsThroughputMiBps(volumeType, iops));
    }
    case 'st1':
    case 'sc1': {
      const { baselineMiBps, burstMiBps } = hddThroughput(volumeType, sizeGiB);
      return {
        baselineIops: VOLUME_LIMITS[volumeType].maxIopsPerVolume,
        burstIops: null,
        maxThroughputMiBps: Math.max(baselineMiBps, burstMiBps),
        baselineThroughputMiBps: baselineMiBps,
        burstThroughputMiBps: burstMiBps > baselineMiBps ? burstMiBps : null,
      };
    }
    case 'standard': {
      // Previous generation, best effort: about 100 IOPS and 40-90 MiB/s; planned at the low end.
      const limits = VOLUME_LIMITS.standard;
      return steady(limits.baselineIops, limits.baselineThroughputMiBps, limits.maxIopsPerVolume);
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
  const { baselineMiBps, burstMiBps } = hddThroughput(volumeType, sizeGiB);
  const demand = Math.min(demandMiBps ?? burstMiBps, burstMiBps);
  const drainPerSecond = demand - baselineMiBps;
  if (drainPerSecond <= 0) return null;
  return hddCreditBucketMiB(sizeGiB) / drainPerSecond;
}
