import type { EbsPrices, VolumeType } from '../catalog-types';
import { VOLUME_TYPES } from '../catalog-types';
import { InputError } from '../errors';
import { toUsdString } from '../money';
import { KIB_PER_MIB } from '../units';
import { IO_SIZE_CAP_KIB, mediaOf } from './io-accounting';
import {
  GP3_MIBPS_PER_IOPS,
  gp2BaselineIops,
  provisionedIopsThroughputMiBps,
  volumePerformance,
} from './performance';
import type { LayoutChoice, SizingRequirement } from './solver';
import { DEFAULT_MAX_STRIPE_VOLUMES, MAX_STRIPE_VOLUMES_LIMIT, solveEbsLayout } from './solver';
import { FLOAT_TOLERANCE } from './rounding';
import {
  DEFAULT_VOLUME_TYPES,
  GP3_BASELINE_IOPS,
  GP3_BASELINE_THROUGHPUT_MIBPS,
  MIN_PROVISIONED_IOPS,
  VOLUME_LIMITS,
} from './volume-limits';

/**
 * Fit envelope for a log-log chart of counted IOPS against throughput. A workload of `ops` counted
 * operations/s moves between ops × 1 KiB and ops × cap KiB per second (cap = 256 KiB SSD, 1,024 KiB HDD;
 * ebs-io-characteristics), so the achievable region of a layout is the band between those two diagonals,
 * clipped by the layout's most IOPS and most throughput (the volume-types page limits for its size).
 *
 * Each type is drawn for the layout the sizing table proposes for it (its cheapest: N volumes of S GiB,
 * which may hold more than the capacity asked), so the requirement lies inside the region of every type
 * the table lists. A type with no layout is drawn at the widest stripe that holds the capacity, to show
 * how far it falls short.
 */
export interface EnvelopePoint {
  iops: number;
  throughputMiBps: number;
}

/** 'proposed': the table's cheapest layout for the type; 'widest': no layout meets the need. */
export type EnvelopeKind = 'proposed' | 'widest';

export interface FitEnvelope {
  volumeType: VolumeType;
  kind: EnvelopeKind;
  regime: 'sustained' | 'burst';
  /** The layout drawn: `volumes` identical volumes of `sizeGiB` each, striped. */
  volumes: number;
  sizeGiB: number;
  /** Polygon vertices (not closed); empty when the widest stripe cannot hold the capacity. */
  points: EnvelopePoint[];
  /** The most counted IOPS and throughput the layout can be made to deliver. */
  max: EnvelopePoint;
}

/** The chart floor: 1 operation/s; the smallest I/O counted is 1 KiB. */
export const ENVELOPE_MIN_IOPS = 1;
export const ENVELOPE_MIN_IO_KIB = 1;

/** Most counted IOPS and throughput one volume of `sizeGiB` can be made to deliver. */
export function volumeMaxima(
  volumeType: VolumeType,
  sizeGiB: number,
  regime: 'sustained' | 'burst' = 'sustained',
): EnvelopePoint {
  switch (volumeType) {
    case 'gp3': {
      const gp3 = VOLUME_LIMITS.gp3;
      const iops = Math.min(gp3.maxIopsPerVolume, gp3.maxIopsPerGiB * sizeGiB);
      const best = Math.max(gp3.baselineIops, iops);
      return {
        iops: best,
        throughputMiBps: Math.min(gp3.maxThroughputMiBpsPerVolume, GP3_MIBPS_PER_IOPS * best),
      };
    }
    case 'io1':
    case 'io2': {
      const limits = VOLUME_LIMITS[volumeType];
      const iops = Math.max(
        MIN_PROVISIONED_IOPS,
        Math.min(limits.maxIopsPerVolume, limits.maxIopsPerGiB * sizeGiB),
      );
      return { iops, throughputMiBps: provisionedIopsThroughputMiBps(volumeType, iops) };
    }
    case 'gp2': {
      const perf = volumePerformance('gp2', sizeGiB);
      const iops =
        regime === 'burst' ? Math.max(perf.burstIops ?? 0, perf.baselineIops) : gp2BaselineIops(sizeGiB);
      const sizeThroughput = regime === 'burst' ? perf.maxThroughputMiBps : perf.baselineThroughputMiBps;
      return { iops, throughputMiBps: Math.min(sizeThroughput, (iops * IO_SIZE_CAP_KIB.ssd) / KIB_PER_MIB) };
    }
    case 'st1':
    case 'sc1':
    case 'standard': {
      const perf = volumePerformance(volumeType, sizeGiB);
      return {
        iops: perf.baselineIops,
        throughputMiBps: regime === 'burst' ? perf.maxThroughputMiBps : perf.baselineThroughputMiBps,
      };
    }
  }
}

/** Band between ops × 1 KiB and ops × cap KiB, clipped to iops ≤ maxIops and throughput ≤ maxThroughput. */
function bandPolygon(max: EnvelopePoint, capKiB: number): EnvelopePoint[] {
  const smallestMiBPerOp = ENVELOPE_MIN_IO_KIB / KIB_PER_MIB;
  const largestMiBPerOp = capKiB / KIB_PER_MIB;
  const minIops = Math.min(ENVELOPE_MIN_IOPS, max.iops);
  const points: EnvelopePoint[] = [{ iops: minIops, throughputMiBps: minIops * smallestMiBPerOp }];
  points.push({ iops: minIops, throughputMiBps: Math.min(minIops * largestMiBPerOp, max.throughputMiBps) });
  const upperMeetsCeilingIops = max.throughputMiBps / largestMiBPerOp;
  const lowerMeetsCeilingIops = max.throughputMiBps / smallestMiBPerOp;
  if (upperMeetsCeilingIops < max.iops) {
    // Upper diagonal meets the throughput ceiling; run along it to the IOPS ceiling or the lower diagonal.
    if (upperMeetsCeilingIops > minIops)
      points.push({ iops: upperMeetsCeilingIops, throughputMiBps: max.throughputMiBps });
    const endIops = Math.min(max.iops, lowerMeetsCeilingIops);
    points.push({ iops: endIops, throughputMiBps: max.throughputMiBps });
    if (endIops === max.iops) points.push({ iops: max.iops, throughputMiBps: max.iops * smallestMiBPerOp });
  } else {
    points.push({ iops: max.iops, throughputMiBps: max.iops * largestMiBPerOp });
    points.push({ iops: max.iops, throughputMiBps: max.iops * smallestMiBPerOp });
  }
  return dedupe(points);
}

function dedupe(points: EnvelopePoint[]): EnvelopePoint[] {
  return points.filter(
    (p, i) =>
      i === 0 ||
      Math.abs(p.iops - (points[i - 1]?.iops ?? NaN)) > FLOAT_TOLERANCE ||
      Math.abs(p.throughputMiBps - (points[i - 1]?.throughputMiBps ?? NaN)) > FLOAT_TOLERANCE,
  );
}

function checkType(volumeType: VolumeType): void {
  if (!(VOLUME_TYPES as readonly string[]).includes(volumeType)) {
    throw new InputError('volumeType', `unknown volume type "${String(volumeType)}"`);
  }
}

function checkVolumes(volumes: number, field: string): void {
  if (!Number.isInteger(volumes) || volumes < 1 || volumes > MAX_STRIPE_VOLUMES_LIMIT) {
    throw new InputError(field, `must be a whole number 1-${MAX_STRIPE_VOLUMES_LIMIT}`);
  }
}

/**
 * The achievable (counted IOPS, throughput) region of one layout: `volumes` identical volumes of
 * `sizeGiB` striped (RAID 0: IOPS and throughput add).
 */
export function layoutEnvelope(
  volumeType: VolumeType,
  layout: { volumes: number; sizeGiB: number },
  opts: { regime?: 'sustained' | 'burst'; kind?: EnvelopeKind } = {},
): FitEnvelope {
  checkType(volumeType);
  checkVolumes(layout.volumes, 'volumes');
  const limits = VOLUME_LIMITS[volumeType];
  if (!Number.isFinite(layout.sizeGiB) || layout.sizeGiB < limits.minSizeGiB) {
    throw new InputError('sizeGiB', `must be at least ${limits.minSizeGiB} GiB for ${volumeType}`);
  }
  const regime = opts.regime ?? 'sustained';
  const fits = layout.sizeGiB <= limits.maxSizeGiB;
  const perVolume = volumeMaxima(volumeType, Math.min(layout.sizeGiB, limits.maxSizeGiB), regime);
  const max = {
    iops: perVolume.iops * layout.volumes,
    throughputMiBps: perVolume.throughputMiBps * layout.volumes,
  };
  return {
    volumeType,
    kind: opts.kind ?? 'proposed',
    regime,
    volumes: layout.volumes,
    sizeGiB: layout.sizeGiB,
    points: fits ? bandPolygon(max, IO_SIZE_CAP_KIB[mediaOf(volumeType)]) : [],
    max,
  };
}

/** A proposed layout as the sizing result gives it. */
export interface ProposedLayout {
  volumeType: VolumeType;
  choice: LayoutChoice;
  volumes: number;
  sizeGiBPerVolume: number;
}

/**
 * One envelope per type, in `types` order: the type's cheapest layout among `options` (the sizing's
 * rows), or, for a type without one, the capacity spread over `maxStripeVolumes` volumes.
 */
export function fitEnvelopes(
  types: readonly VolumeType[],
  capacityGiB: number,
  options: readonly ProposedLayout[],
  opts: { maxStripeVolumes?: number; regime?: 'sustained' | 'burst' } = {},
): FitEnvelope[] {
  if (!Number.isFinite(capacityGiB) || capacityGiB <= 0)
    throw new InputError('capacityGiB', 'must be more than 0 GiB');
  const widest = opts.maxStripeVolumes ?? DEFAULT_MAX_STRIPE_VOLUMES;
  checkVolumes(widest, 'maxStripeVolumes');
  const regime = opts.regime ?? 'sustained';
  return types.map((volumeType) => {
    const proposed = options.find((o) => o.volumeType === volumeType && o.choice === 'cheapest');
    if (proposed) {
      return layoutEnvelope(
        volumeType,
        { volumes: proposed.volumes, sizeGiB: proposed.sizeGiBPerVolume },
        { regime, kind: 'proposed' },
      );
    }
    const sizeGiB = Math.max(VOLUME_LIMITS[volumeType].minSizeGiB, Math.ceil(capacityGiB / widest));
    return layoutEnvelope(volumeType, { volumes: widest, sizeGiB }, { regime, kind: 'widest' });
  });
}

export interface CostCurvePoint {
  x: number;
  /** Cheapest monthly cost per type as a decimal string; null when the type cannot meet the point. */
  byType: Partial<Record<VolumeType, string | null>>;
}

/** The cost curve sweeps from a twentieth of the requirement to five times it, never below 1 (log axis)... */
export const COST_CURVE_SPAN_BELOW = 20;
export const COST_CURVE_SPAN_ABOVE = 5;
export const COST_CURVE_MIN_X = 1;

/** ...and at least up to gp3's free baseline, where the types' curves part. */
export function costCurveRange(
  dimension: 'iops' | 'throughput',
  requirement: { iops: number; throughputMiBps: number },
): { at: number; from: number; to: number } {
  const at = dimension === 'iops' ? requirement.iops : requirement.throughputMiBps;
  const gp3Baseline = dimension === 'iops' ? GP3_BASELINE_IOPS : GP3_BASELINE_THROUGHPUT_MIBPS;
  return {
    at,
    from: Math.max(COST_CURVE_MIN_X, at / COST_CURVE_SPAN_BELOW),
    to: Math.max(at * COST_CURVE_SPAN_ABOVE, gp3Baseline),
  };
}

/**
 * Cheapest monthly cost per volume type as one dimension of the requirement sweeps from..to in `steps`
 * points (evenly spaced; geometrically with scale 'log', for a log axis).
 */
export function costCurve(
  req: SizingRequirement,
  prices: EbsPrices,
  opts: {
    dimension: 'iops' | 'throughput';
    from: number;
    to: number;
    steps: number;
    scale?: 'linear' | 'log';
  },
): CostCurvePoint[] {
  const { dimension, from, to, steps } = opts;
  const scale = opts.scale ?? 'linear';
  if (dimension !== 'iops' && dimension !== 'throughput') {
    throw new InputError('dimension', `must be 'iops' or 'throughput'`);
  }
  if (!Number.isFinite(from) || from < 0) throw new InputError('from', 'must be a number, not negative');
  if (!Number.isFinite(to) || to < from) throw new InputError('to', 'must be a number, at least from');
  if (!Number.isInteger(steps) || steps < 2 || steps > 10_000)
    throw new InputError('steps', 'must be a whole number 2-10,000');
  if (scale === 'log' && from <= 0) throw new InputError('from', 'must be above 0 on a log scale');
  const types = req.volumeTypes ?? DEFAULT_VOLUME_TYPES;
  const points: CostCurvePoint[] = [];
  for (let i = 0; i < steps; i++) {
    const fraction = i / (steps - 1);
    const x = scale === 'log' ? from * Math.pow(to / from, fraction) : from + (to - from) * fraction;
    const point = dimension === 'iops' ? { ...req, iops: x } : { ...req, throughputMiBps: x };
    const result = solveEbsLayout({ ...point, volumeTypes: types }, prices);
    const byType: Partial<Record<VolumeType, string | null>> = {};
    for (const t of types) byType[t] = null;
    // Options come cheapest first: a type's first is its cheapest layout.
    for (const option of result.options) byType[option.volumeType] ??= toUsdString(option.monthlyUsd);
    points.push({ x, byType });
  }
  return points;
}
