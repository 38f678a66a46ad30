import type { VolumeType } from '../../catalog-types';
import type { VolumeCostDimension } from '../cost';
import { ceilTolerant } from '../rounding';
import { VOLUME_LIMITS } from '../volume-limits';
import type { Need } from './need';
import type { BindingConstraint, BurstInfo } from './types';

/** What a per-type layout rule takes (one volume's share of the need) and gives (one volume). */

/** A priced quantity a constraint added to a volume, for naming the binding constraint. */
export interface Driver {
  constraint: BindingConstraint;
  dimension: VolumeCostDimension;
  /** Per-volume quantity above what the capacity alone would need. */
  quantity: number;
}

export interface Layout {
  volumes: number;
  sizeGiB: number;
  iops: number | null;
  throughputMiBps: number | null;
  ioRequestsPerMonthMillions: number | null;
  /** Per-volume peak the layout delivers (before the instance cap). */
  peakIops: number;
  peakThroughputMiBps: number;
  drivers: Driver[];
  /** Set when the size (not the price) is what the requirement pushed: gp2/st1/sc1/standard. */
  sizeSetBy: BindingConstraint | null;
  burst: BurstInfo | null;
  notes: string[];
}

/** One volume's share of the need when it is striped across `volumes`. */
export interface PerVolumeNeed {
  volumes: number;
  capacityGiB: number;
  ops: number;
  throughputMiBps: number;
  dutyCycle: number;
  sustained: boolean;
}

/** A layout rule's choice of size and the constraint that set it. */
export interface SizeChoice {
  sizeGiB: number;
  setBy: BindingConstraint;
}

/** Splits the need evenly over `volumes` identical volumes, each at least the type's minimum size. */
export function perVolumeNeed(type: VolumeType, need: Need, ops: number, volumes: number): PerVolumeNeed {
  return {
    volumes,
    capacityGiB: Math.max(VOLUME_LIMITS[type].minSizeGiB, ceilTolerant(need.capacityGiB / volumes)),
    ops: ops / volumes,
    throughputMiBps: need.throughputMiBps / volumes,
    dutyCycle: need.dutyCycle,
    sustained: need.sustained,
  };
}

/**
 * A layout whose performance follows its size (gp2, st1, sc1): nothing provisioned, so the size is what
 * the requirement paid for, and the constraint that set it is the driver.
 */
export function sizedLayout(
  share: PerVolumeNeed,
  choice: SizeChoice,
  peak: { iops: number; throughputMiBps: number },
  burst: BurstInfo | null,
  notes: string[],
): Layout {
  return {
    volumes: share.volumes,
    sizeGiB: choice.sizeGiB,
    iops: null,
    throughputMiBps: null,
    ioRequestsPerMonthMillions: null,
    peakIops: peak.iops,
    peakThroughputMiBps: peak.throughputMiBps,
    drivers: [
      { constraint: choice.setBy, dimension: 'storage', quantity: choice.sizeGiB - share.capacityGiB },
    ],
    sizeSetBy: choice.setBy,
    burst,
    notes,
  };
}
