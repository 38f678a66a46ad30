import type { VolumeType } from '../../catalog-types';
import { IO_SIZE_CAP_KIB, mediaOf } from '../io-accounting';
import { GP2_BURST_IOPS, volumePerformance } from '../performance';
import { ceilTolerant } from '../rounding';
import { VOLUME_LIMITS } from '../volume-limits';
import { formatFigure } from './figures';
import { countedOpsOf, type Need } from './need';

/** How many volumes to try, and why none works: from what one volume of a type can deliver at most. */

interface Ceiling {
  ops: number;
  throughputMiBps: number;
}

/** The most a single volume of a type can deliver for the need's regime. */
function perVolumeCeiling(type: VolumeType, sustained: boolean): Ceiling {
  const limits = VOLUME_LIMITS[type];
  switch (type) {
    case 'gp2':
      return {
        ops: sustained ? limits.maxIopsPerVolume : Math.max(GP2_BURST_IOPS, limits.maxIopsPerVolume),
        throughputMiBps: limits.maxThroughputMiBpsPerVolume,
      };
    case 'st1':
    case 'sc1': {
      const perf = volumePerformance(type, limits.maxSizeGiB);
      return {
        ops: limits.maxIopsPerVolume,
        throughputMiBps: sustained ? perf.baselineThroughputMiBps : perf.maxThroughputMiBps,
      };
    }
    case 'standard': {
      const perf = volumePerformance('standard', limits.maxSizeGiB);
      return { ops: perf.baselineIops, throughputMiBps: perf.baselineThroughputMiBps };
    }
    default:
      return { ops: limits.maxIopsPerVolume, throughputMiBps: limits.maxThroughputMiBpsPerVolume };
  }
}

/** The fewest volumes that could possibly work, from the per-volume ceilings. */
export function minimumVolumes(type: VolumeType, need: Need, ops: number): number {
  const ceiling = perVolumeCeiling(type, need.sustained);
  return Math.max(
    1,
    ceilTolerant(need.capacityGiB / VOLUME_LIMITS[type].maxSizeGiB),
    ceilTolerant(ops / ceiling.ops),
    ceilTolerant(need.throughputMiBps / ceiling.throughputMiBps),
  );
}

/** Why no layout of up to `need.maxStripeVolumes` volumes of a type meets the need. */
export function infeasibleReason(type: VolumeType, need: Need, ops: number): string {
  const stripe = need.maxStripeVolumes;
  const ceiling = perVolumeCeiling(type, need.sustained);
  const across = (perVolume: number, unit: string): string =>
    stripe > 1
      ? `${formatFigure(perVolume)} ${unit} per volume, ${formatFigure(perVolume * stripe)} across ${stripe} volumes`
      : `${formatFigure(perVolume)} ${unit}`;
  if (ops > ceiling.ops * stripe) {
    const media = mediaOf(type);
    const counted = countedOpsOf(need, media);
    const what =
      counted >= ops && need.iops > 0
        ? `${formatFigure(need.iops)} IOPS of ${formatFigure(need.ioSizeKiB)} KiB ${need.pattern} I/O counts as ${formatFigure(ops)} operations`
        : `${formatFigure(need.throughputMiBps)} MiB/s needs at least ${formatFigure(ops)} operations of up to ${IO_SIZE_CAP_KIB[media]} KiB`;
    return `${type}: ${what}; ${type} delivers at most ${across(ceiling.ops, 'operations/s')}`;
  }
  if (need.throughputMiBps > ceiling.throughputMiBps * stripe) {
    const regime = type === 'st1' || type === 'sc1' ? (need.sustained ? ' sustained' : ' at burst') : '';
    return `${type}: ${formatFigure(need.throughputMiBps)} MiB/s required; ${type} delivers at most ${across(ceiling.throughputMiBps, 'MiB/s')}${regime}`;
  }
  const maxSizeGiB = VOLUME_LIMITS[type].maxSizeGiB;
  if (need.capacityGiB > maxSizeGiB * stripe) {
    return `${type}: ${formatFigure(need.capacityGiB)} GiB needs more than ${stripe} volumes of at most ${formatFigure(maxSizeGiB)} GiB`;
  }
  return `${type}: no layout of up to ${stripe} volumes meets ${formatFigure(need.capacityGiB)} GiB, ${formatFigure(ops)} counted operations/s and ${formatFigure(need.throughputMiBps)} MiB/s`;
}
