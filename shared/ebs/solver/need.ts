import type { IoMedia, IoPattern } from '../io-accounting';
import { countedIops, minOpsForThroughput, throughputMiBps } from '../io-accounting';
import { LARGEST_VOLUME_GIB } from '../volume-limits';
import type { SizingRequirement } from './types';

/**
 * The requirement with its defaults filled in. The bounds below are the sizing input's rules; the
 * contract schema (shared/contract.ts, `ebs.size`) enforces them, so the solver does not check again.
 */
export const DEFAULT_IO_SIZE_KIB = 16;
export const MIN_IO_SIZE_KIB = 1;
export const MAX_IO_SIZE_KIB = 16 * 1024;
export const DEFAULT_MAX_STRIPE_VOLUMES = 16;
export const MAX_STRIPE_VOLUMES_LIMIT = 64;
/** The most capacity a sizing asks for: the widest stripe of the largest volumes. */
export const MAX_CAPACITY_GIB = MAX_STRIPE_VOLUMES_LIMIT * LARGEST_VOLUME_GIB;
export const DEFAULT_IO_PATTERN: IoPattern = 'random';
/** A duty cycle of 1: the peak lasts all day. */
export const SUSTAINED_DUTY_CYCLE = 1;

export interface Need {
  capacityGiB: number;
  iops: number;
  ioSizeKiB: number;
  pattern: IoPattern;
  /** Required throughput: max(given, iops × size / 1,024). */
  throughputMiBps: number;
  dutyCycle: number;
  sustained: boolean;
  maxStripeVolumes: number;
}

/** The throughput a requirement needs: what it asks for, and never less than its I/Os move. */
export function requiredThroughputMiBps(req: {
  iops: number;
  throughputMiBps: number;
  ioSizeKiB?: number;
}): number {
  return Math.max(req.throughputMiBps, throughputMiBps(req.iops, req.ioSizeKiB ?? DEFAULT_IO_SIZE_KIB));
}

/** Sustained (the peak lasts all day) unless a duty cycle below 1 is given. */
export function isSustained(dutyCycle: number | undefined): boolean {
  return (dutyCycle ?? SUSTAINED_DUTY_CYCLE) === SUSTAINED_DUTY_CYCLE;
}

/** The regime the fit envelope draws for a duty cycle. */
export function regimeOf(dutyCycle: number | undefined): 'sustained' | 'burst' {
  return isSustained(dutyCycle) ? 'sustained' : 'burst';
}

export function normalise(req: SizingRequirement): Need {
  const ioSizeKiB = req.ioSizeKiB ?? DEFAULT_IO_SIZE_KIB;
  return {
    capacityGiB: req.capacityGiB,
    iops: req.iops,
    ioSizeKiB,
    pattern: req.pattern ?? DEFAULT_IO_PATTERN,
    throughputMiBps: requiredThroughputMiBps({ ...req, ioSizeKiB }),
    dutyCycle: req.dutyCycle ?? SUSTAINED_DUTY_CYCLE,
    sustained: isSustained(req.dutyCycle),
    maxStripeVolumes: req.maxStripeVolumes ?? DEFAULT_MAX_STRIPE_VOLUMES,
  };
}

/** The requirement's I/Os as operations counted on a medium (split or merged by the I/O-size rule). */
export function countedOpsOf(need: Need, media: IoMedia): number {
  return countedIops({ media, ioSizeKiB: need.ioSizeKiB, iops: need.iops, pattern: need.pattern });
}

/**
 * Counted operations/s a type must deliver: the requirement's I/Os through the I/O-size rule, and never
 * fewer than the throughput needs (each counted operation carries at most 256 KiB SSD / 1,024 KiB HDD).
 */
export function countedOpsFor(need: Need, media: IoMedia): number {
  return Math.max(countedOpsOf(need, media), minOpsForThroughput(media, need.throughputMiBps));
}
