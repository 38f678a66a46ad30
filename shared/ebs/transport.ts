import { toUsdString, type Decimal, type UsdString } from '../money';
import type { VolumeType } from '../catalog-types';
import type { Explanation } from '../explanation';
import type { CostComponent } from './cost';
import type { CostCurvePoint, FitEnvelope } from './envelope';
import type { SnapshotCost } from './snapshots';
import type { InstanceEbsLimits, SizingOption } from './solver';

/** What crosses the contract: the engine's results with money as decimal strings. */
export interface CostComponentDto {
  dimension: string;
  quantity: number;
  unit: string;
  unitUsd: UsdString;
  monthlyUsd: UsdString;
}

export type SizingOptionDto = Omit<SizingOption, 'monthlyUsd' | 'components'> & {
  monthlyUsd: UsdString;
  components: CostComponentDto[];
  /** The monthly cost as arithmetic (capacity, IOPS, throughput parts), when the call asked for it. */
  explanation?: Explanation;
};

export interface EbsSizingResult {
  region: string;
  pricesAsOf: string;
  instance: InstanceEbsLimits | null;
  options: SizingOptionDto[];
  infeasible: { volumeType: VolumeType; reason: string }[];
}

export interface EbsCostResult {
  region: string;
  volumeType: VolumeType;
  pricesAsOf: string;
  monthlyUsd: UsdString;
  components: CostComponentDto[];
}

export interface EbsFitResult {
  sizing: EbsSizingResult;
  requirement: { iops: number; throughputMiBps: number };
  envelopes: FitEnvelope[];
  curve: { dimension: 'iops' | 'throughput'; points: CostCurvePoint[] };
}

export interface SnapshotCostResult {
  region: string;
  pricesAsOf: string;
  storedGiB: number;
  billedGiB: number;
  monthlyUsd: UsdString;
  components: CostComponentDto[];
  restoreOneUsd: UsdString | null;
  notes: string[];
}

export function componentDto(c: {
  dimension: string;
  quantity: number;
  unit: string;
  unitUsd: Decimal;
  monthlyUsd: Decimal;
}): CostComponentDto {
  return {
    dimension: c.dimension,
    quantity: c.quantity,
    unit: c.unit,
    unitUsd: toUsdString(c.unitUsd),
    monthlyUsd: toUsdString(c.monthlyUsd),
  };
}

export function sizingOptionDto(o: SizingOption): SizingOptionDto {
  return {
    ...o,
    monthlyUsd: toUsdString(o.monthlyUsd),
    components: o.components.map((c: CostComponent) => componentDto(c)),
  };
}

export function snapshotCostDto(c: SnapshotCost): Omit<SnapshotCostResult, 'region' | 'pricesAsOf'> {
  return {
    storedGiB: c.storedGiB,
    billedGiB: c.billedGiB,
    monthlyUsd: toUsdString(c.monthlyUsd),
    components: c.components.map(componentDto),
    restoreOneUsd: c.restoreOneUsd ? toUsdString(c.restoreOneUsd) : null,
    notes: c.notes,
  };
}
