import { HOURS_PER_YEAR } from './money';

/** Unit conversions used across engines and screens. Names carry their unit. */
export const MIB_PER_GIB = 1024;
export const KIB_PER_MIB = 1024;

/** AWS EbsOptimizedInfo throughput is MB/s (10^6 bytes); volumes are specified in MiB/s (2^20). */
export function mbpsToMiBps(throughputMBps: number): number {
  return (throughputMBps * 1_000_000) / (1024 * 1024);
}

/** The other way: a volume throughput in MiB/s as AWS quotes instance limits, in MB/s. */
export function miBpsToMBps(throughputMiBps: number): number {
  return (throughputMiBps * 1024 * 1024) / 1_000_000;
}

export function mibToGiB(memoryMiB: number): number {
  return memoryMiB / MIB_PER_GIB;
}

/** Hours in a 1- and a 3-year term (8,760 and 26,280). */
export const TERM_HOURS: Record<1 | 3, number> = { 1: HOURS_PER_YEAR, 3: 3 * HOURS_PER_YEAR };
