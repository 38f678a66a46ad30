import type { EbsVolumeTypeInfo, VolumeType } from '../catalog-types';
import { VOLUME_TYPES } from '../catalog-types';

/**
 * Current per-volume limits, from the Amazon EBS User Guide "Amazon EBS volume types"
 * (docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html) and the Sept 2025 gp3 raise
 * (aws.amazon.com/about-aws/whats-new/2025/09/amazon-ebs-size-provisioned-performance-gp3-volumes:
 * 64 TiB, 80,000 IOPS, 2,000 MiB/s). I/O accounting (ebs-io-characteristics): one operation counts up
 * to 256 KiB on SSD volumes and 1,024 KiB on HDD volumes.
 *
 * Each family has its own type, so a figure that exists for it (gp3's free baseline, gp2's minimum
 * baseline, magnetic's planned IOPS) is a number, and one that does not is null.
 */

/** The most one counted operation carries: SSD volumes (gp2, gp3, io1, io2). */
export const SSD_IO_SIZE_CAP_KIB = 256;
/** The most one counted operation carries: HDD volumes (st1, sc1; magnetic is treated as HDD). */
export const HDD_IO_SIZE_CAP_KIB = 1024;
/** The smallest IOPS figure io1 and io2 take, and gp2's smallest baseline. */
export const MIN_PROVISIONED_IOPS = 100;

interface CommonLimits {
  name: string;
  previousGeneration: boolean;
  minSizeGiB: number;
  maxSizeGiB: number;
  maxIopsPerVolume: number;
  maxThroughputMiBpsPerVolume: number;
  notes: string;
}

interface SsdLimits extends CommonLimits {
  media: 'ssd';
  ioSizeCapKiB: number;
  maxIopsPerGiB: number;
}

interface HddLimits extends CommonLimits {
  media: 'hdd';
  ioSizeCapKiB: number;
  maxIopsPerGiB: null;
}

/** gp3: a free baseline of IOPS and throughput at any size; more of each provisioned and billed. */
export interface Gp3Limits extends SsdLimits {
  volumeType: 'gp3';
  baselineIops: number;
  baselineThroughputMiBps: number;
}

/** gp2: performance set by size; `baselineIops` is the smallest baseline (3 IOPS/GiB above it). */
export interface Gp2Limits extends SsdLimits {
  volumeType: 'gp2';
  baselineIops: number;
  baselineThroughputMiBps: null;
}

/** io1/io2: every IOPS provisioned, nothing included. */
export interface ProvisionedIopsLimits extends SsdLimits {
  volumeType: 'io1' | 'io2';
  baselineIops: null;
  baselineThroughputMiBps: null;
}

/** st1/sc1: throughput per TiB of size (performance.ts), a fixed operation ceiling. */
export interface ThroughputHddLimits extends HddLimits {
  volumeType: 'st1' | 'sc1';
  baselineIops: null;
  baselineThroughputMiBps: null;
}

/** Magnetic: best effort, planned at its baseline figures whatever the size. */
export interface MagneticLimits extends HddLimits {
  volumeType: 'standard';
  baselineIops: number;
  baselineThroughputMiBps: number;
}

export type VolumeLimits =
  Gp3Limits | Gp2Limits | ProvisionedIopsLimits | ThroughputHddLimits | MagneticLimits;
export type VolumeLimitsOf<T extends VolumeType> = T extends 'gp3'
  ? Gp3Limits
  : T extends 'gp2'
    ? Gp2Limits
    : T extends 'io1' | 'io2'
      ? ProvisionedIopsLimits
      : T extends 'st1' | 'sc1'
        ? ThroughputHddLimits
        : MagneticLimits;

export const VOLUME_LIMITS: { readonly [T in VolumeType]: VolumeLimitsOf<T> } = {
  gp3: {
    volumeType: 'gp3',
    name: 'General Purpose SSD (gp3)',
    media: 'ssd',
    previousGeneration: false,
    minSizeGiB: 1,
    maxSizeGiB: 65536,
    maxIopsPerVolume: 80000,
    maxThroughputMiBpsPerVolume: 2000,
    maxIopsPerGiB: 500,
    baselineIops: 3000,
    baselineThroughputMiBps: 125,
    ioSizeCapKiB: SSD_IO_SIZE_CAP_KIB,
    notes: '3,000 IOPS and 125 MiB/s included at any size; throughput up to 0.25 MiB/s per provisioned IOPS.',
  },
  gp2: {
    volumeType: 'gp2',
    name: 'General Purpose SSD (gp2)',
    media: 'ssd',
    previousGeneration: false,
    minSizeGiB: 1,
    maxSizeGiB: 16384,
    maxIopsPerVolume: 16000,
    maxThroughputMiBpsPerVolume: 250,
    maxIopsPerGiB: 3,
    baselineIops: MIN_PROVISIONED_IOPS,
    baselineThroughputMiBps: null,
    ioSizeCapKiB: SSD_IO_SIZE_CAP_KIB,
    notes: '3 IOPS/GiB baseline (min 100), bursts to 3,000 IOPS from a 5.4M-credit bucket below 1,000 GiB.',
  },
  io1: {
    volumeType: 'io1',
    name: 'Provisioned IOPS SSD (io1)',
    media: 'ssd',
    previousGeneration: false,
    minSizeGiB: 4,
    maxSizeGiB: 16384,
    maxIopsPerVolume: 64000,
    maxThroughputMiBpsPerVolume: 1000,
    maxIopsPerGiB: 50,
    baselineIops: null,
    baselineThroughputMiBps: null,
    ioSizeCapKiB: SSD_IO_SIZE_CAP_KIB,
    notes: 'Up to 50 IOPS/GiB, min 100 IOPS; 64,000 IOPS on Nitro instances (32,000 otherwise).',
  },
  io2: {
    volumeType: 'io2',
    name: 'Provisioned IOPS SSD (io2 Block Express)',
    media: 'ssd',
    previousGeneration: false,
    minSizeGiB: 4,
    maxSizeGiB: 65536,
    maxIopsPerVolume: 256000,
    maxThroughputMiBpsPerVolume: 4000,
    maxIopsPerGiB: 1000,
    baselineIops: null,
    baselineThroughputMiBps: null,
    ioSizeCapKiB: SSD_IO_SIZE_CAP_KIB,
    notes:
      'Block Express: up to 1,000 IOPS/GiB, 256,000 IOPS and 4,000 MiB/s on Nitro; IOPS billed in three tiers.',
  },
  st1: {
    volumeType: 'st1',
    name: 'Throughput Optimized HDD (st1)',
    media: 'hdd',
    previousGeneration: false,
    minSizeGiB: 125,
    maxSizeGiB: 16384,
    maxIopsPerVolume: 500,
    maxThroughputMiBpsPerVolume: 500,
    maxIopsPerGiB: null,
    baselineIops: null,
    baselineThroughputMiBps: null,
    ioSizeCapKiB: HDD_IO_SIZE_CAP_KIB,
    notes: 'Baseline 40 MiB/s per TiB, burst 250 MiB/s per TiB, capped at 500 MiB/s.',
  },
  sc1: {
    volumeType: 'sc1',
    name: 'Cold HDD (sc1)',
    media: 'hdd',
    previousGeneration: false,
    minSizeGiB: 125,
    maxSizeGiB: 16384,
    maxIopsPerVolume: 250,
    maxThroughputMiBpsPerVolume: 250,
    maxIopsPerGiB: null,
    baselineIops: null,
    baselineThroughputMiBps: null,
    ioSizeCapKiB: HDD_IO_SIZE_CAP_KIB,
    notes: 'Baseline 12 MiB/s per TiB, burst 80 MiB/s per TiB, capped at 250 MiB/s.',
  },
  standard: {
    volumeType: 'standard',
    name: 'Magnetic (standard, previous generation)',
    media: 'hdd',
    previousGeneration: true,
    minSizeGiB: 1,
    maxSizeGiB: 1024,
    maxIopsPerVolume: 200,
    maxThroughputMiBpsPerVolume: 90,
    maxIopsPerGiB: null,
    baselineIops: 100,
    baselineThroughputMiBps: 40,
    ioSizeCapKiB: HDD_IO_SIZE_CAP_KIB,
    notes:
      'Previous generation, best effort: about 100 IOPS average (bursts to a few hundred), 40-90 MiB/s; I/O requests billed.',
  },
} satisfies Record<VolumeType, EbsVolumeTypeInfo>;

/** gp3's free baseline, included in every volume's storage price. */
export const GP3_BASELINE_IOPS = VOLUME_LIMITS.gp3.baselineIops;
export const GP3_BASELINE_THROUGHPUT_MIBPS = VOLUME_LIMITS.gp3.baselineThroughputMiBps;

/** The largest volume of any type (gp3 and io2: 64 TiB). */
export const LARGEST_VOLUME_GIB = Math.max(...VOLUME_TYPES.map((t) => VOLUME_LIMITS[t].maxSizeGiB));

/** What the solver, the fit chart and the cost curve consider unless asked: every current-generation type. */
export const DEFAULT_VOLUME_TYPES: readonly VolumeType[] = VOLUME_TYPES.filter(
  (t) => !VOLUME_LIMITS[t].previousGeneration,
);

/** Types that take a provisioned IOPS figure (gp3 above its baseline, io1/io2 always). */
export const PROVISIONED_IOPS_TYPES: readonly VolumeType[] = ['gp3', 'io1', 'io2'];
/** Types that take a provisioned throughput figure. */
export const PROVISIONED_THROUGHPUT_TYPES: readonly VolumeType[] = ['gp3'];

/**
 * The most IOPS a volume of this size takes: its type's IOPS per GiB, capped per volume. gp3's free
 * baseline counts at any size ("a consistent baseline performance of 3,000 IOPS … at any volume size",
 * docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html): the per-GiB ratio only limits IOPS
 * provisioned above it, so a 1 GiB gp3 volume has 3,000. Null for types that take no IOPS figure.
 */
export function maxIopsOf(volumeType: VolumeType, sizeGiB: number): number | null {
  const limits = VOLUME_LIMITS[volumeType];
  if (limits.maxIopsPerGiB === null || !PROVISIONED_IOPS_TYPES.includes(volumeType)) return null;
  const byRatio = limits.maxIopsPerGiB * Math.max(sizeGiB, 0);
  const floor = limits.volumeType === 'gp3' ? limits.baselineIops : 0;
  return Math.min(limits.maxIopsPerVolume, Math.max(floor, byRatio));
}

/** The smallest size (GiB) whose per-GiB ratio allows `iops`: gp3's baseline needs no size of its own. */
export function sizeForIopsGiB(volumeType: 'gp3' | 'io1' | 'io2', iops: number): number {
  const limits = VOLUME_LIMITS[volumeType];
  if (limits.volumeType === 'gp3' && iops <= limits.baselineIops) return 0;
  return iops / limits.maxIopsPerGiB;
}
