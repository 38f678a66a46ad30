import type { VolumeType } from '../catalog-types';
import { KIB_PER_MIB } from '../units';
import { HDD_IO_SIZE_CAP_KIB, SSD_IO_SIZE_CAP_KIB, VOLUME_LIMITS } from './volume-limits';

/**
 * How I/O size counts toward a volume's IOPS (Amazon EBS User Guide, "I/O characteristics and
 * monitoring", docs.aws.amazon.com/ebs/latest/userguide/ebs-io-characteristics.html): one operation
 * counts up to 256 KiB on SSD volumes (gp2, gp3, io1, io2) and up to 1,024 KiB on HDD volumes (st1, sc1;
 * magnetic `standard` is treated as HDD). Larger I/Os are split into ceil(size / cap) operations;
 * physically sequential smaller I/Os are merged into operations of up to the cap; random smaller I/Os
 * count one operation each. Consequence: st1 (500 IOPS) and sc1 (250 IOPS) deliver at most 500 / 250
 * small random I/Os per second, whatever their size.
 */
export type IoMedia = 'ssd' | 'hdd';
export type IoPattern = 'random' | 'sequential';

export const IO_SIZE_CAP_KIB: Record<IoMedia, number> = {
  ssd: SSD_IO_SIZE_CAP_KIB,
  hdd: HDD_IO_SIZE_CAP_KIB,
};

export function mediaOf(volumeType: VolumeType): IoMedia {
  return VOLUME_LIMITS[volumeType].media;
}

/**
 * Counted operations per second the volume must deliver for `iops` application I/Os of `ioSizeKiB`.
 * Sequential I/O is merged (or split) into full-cap operations, so it counts iops × size / cap,
 * rounded up; random I/O counts ceil(size / cap) operations per I/O.
 */
export function countedIops(args: {
  media: IoMedia;
  ioSizeKiB: number;
  iops: number;
  pattern: IoPattern;
}): number {
  const cap = IO_SIZE_CAP_KIB[args.media];
  if (args.iops === 0) return 0;
  if (args.pattern === 'sequential') return Math.ceil((args.iops * args.ioSizeKiB) / cap);
  return args.iops * Math.ceil(args.ioSizeKiB / cap);
}

/** Throughput of `iops` I/Os of `ioSizeKiB`: iops × size / 1,024. */
export function throughputMiBps(iops: number, ioSizeKiB: number): number {
  return (iops * ioSizeKiB) / KIB_PER_MIB;
}

/**
 * The fewest counted operations that can carry a throughput: each operation carries at most the cap
 * (256 KiB SSD, 1,024 KiB HDD), so `throughputMiBps` needs at least throughput × 1,024 / cap operations.
 */
export function minOpsForThroughput(media: IoMedia, throughput: number): number {
  return (throughput * KIB_PER_MIB) / IO_SIZE_CAP_KIB[media];
}
