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
import type { SizingRequirement } from './solver';
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
 * clipped by the layout's most IOPS and most throughput (the volume-types page limits for that size).
 */
export interface EnvelopePoint {
  iops: number;
  throughputMiBps: number;
}

export interface FitEnvelope {
  volumeType: VolumeType;
  capacityGiB: number;
  regime: 'sustained' | 'burst';
  /** Polygon vertices (not closed) for one volume of the capacity; empty when one volume cannot hold it. */
  singleVolume: EnvelopePoint[];
  /** Polygon for `stripeVolumes` identical volumes holding the capacity (each at least the type's minimum). */
  striped: EnvelopePoint[];
  stripeVolumes: number;
  /** Corner figures: the most counted IOPS and throughput of each layout. */
  singleMax: EnvelopePoint | null;
  stripedMax: EnvelopePoint;
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

/**
 * The achievable (counted IOPS, throughput) region for a capacity: one volume of that size, and the
 * capacity spread over `maxStripeVolumes` identical volumes (RAID 0: IOPS and throughput add).
 */
export function fitEnvelope(
  volumeType: VolumeType,
  capacityGiB: number,
  opts: { maxStripeVolumes?: number; regime?: 'sustained' | 'burst' } = {},
): FitEnvelope {
  if (!(VOLUME_TYPES as readonly string[]).includes(volumeType)) {
    throw new InputError('volumeType', `unknown volume type "${String(volumeType)}"`);
  }
  if (!Number.isFinite(capacityGiB) || capacityGiB <= 0)
    throw new InputError('capacityGiB', 'must be more than 0 GiB');
  const stripeVolumes = opts.maxStripeVolumes ?? DEFAULT_MAX_STRIPE_VOLUMES;
  if (!Number.isInteger(stripeVolumes) || stripeVolumes < 1 || stripeVolumes > MAX_STRIPE_VOLUMES_LIMIT) {
    throw new InputError('maxStripeVolumes', `must be a whole number 1-${MAX_STRIPE_VOLUMES_LIMIT}`);
  }
  const regime = opts.regime ?? 'sustained';
  const limits = VOLUME_LIMITS[volumeType];
  const capKiB = IO_SIZE_CAP_KIB[mediaOf(volumeType)];
  const sizeFor = (n: number): number => Math.max(limits.minSizeGiB, Math.ceil(capacityGiB / n));

  const singleSize = sizeFor(1);
  const singleMax = singleSize <= limits.maxSizeGiB ? volumeMaxima(volumeType, singleSize, regime) : null;
  const stripedSize = sizeFor(stripeVolumes);
  const perVolume = volumeMaxima(volumeType, Math.min(stripedSize, limits.maxSizeGiB), regime);
  const stripedMax = {
    iops: perVolume.iops * stripeVolumes,
    throughputMiBps: perVolume.throughputMiBps * stripeVolumes,
  };
  return {
    volumeType,
    capacityGiB,
    regime,
    singleVolume: singleMax ? bandPolygon(singleMax, capKiB) : [],
    striped: stripedSize <= limits.maxSizeGiB ? bandPolygon(stripedMax, capKiB) : [],
    stripeVolumes,
    singleMax,
    stripedMax,
  };
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
