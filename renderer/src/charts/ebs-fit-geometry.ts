import type { VolumeType } from '@shared/catalog-types';
import type { EnvelopePoint, FitEnvelope } from '@shared/ebs/envelope';
import type { InstanceEbsLimits } from '@shared/ebs/solver';
import { clampToDomain, clipPolygonLog, decadeDomain, type Domain, type Point } from './log-scale';

/**
 * What the EBS fit chart draws, worked out without React: the log-log domains, each type's envelopes
 * clipped to them, the instance's cap lines and the requirement point. Chart coordinates: x is counted
 * IOPS, y is throughput in MiB/s.
 */

export interface Requirement {
  iops: number;
  throughputMiBps: number;
}

export interface EnvelopeShape {
  key: string;
  volumeType: VolumeType;
  kind: 'single' | 'striped';
  points: Point[];
}

export interface FitChartGeometry {
  xDomain: Domain;
  yDomain: Domain;
  shapes: EnvelopeShape[];
}

/** The domains start a decade below the smallest figure of interest: every envelope's lower-left looks alike. */
const DOMAIN_PAD_BELOW = 10;
/** Floors of the axes: 1 operation/s, 0.1 MiB/s. */
const MIN_IOPS_SHOWN = 1;
const MIN_THROUGHPUT_MIBPS_SHOWN = 0.1;
/** A polygon needs three corners. */
const MIN_POLYGON_POINTS = 3;

function toChartPoints(points: EnvelopePoint[], xDomain: Domain, yDomain: Domain): Point[] {
  return clipPolygonLog(
    points.map((p) => ({ x: p.iops, y: p.throughputMiBps })),
    xDomain,
    yDomain,
  );
}

/** Domains wide enough for the requirement, every envelope's corners and the instance's caps. */
export function fitChartGeometry(
  envelopes: FitEnvelope[],
  requirement: Requirement,
  instance: InstanceEbsLimits | null,
): FitChartGeometry {
  const iopsFigures = [requirement.iops];
  const throughputFigures = [requirement.throughputMiBps];
  for (const e of envelopes) {
    for (const corner of [e.singleMax, e.stripedMax]) {
      if (corner === null) continue;
      iopsFigures.push(corner.iops);
      throughputFigures.push(corner.throughputMiBps);
    }
  }
  if (instance) {
    iopsFigures.push(instance.baselineIops ?? 0, instance.maxIops ?? 0);
    throughputFigures.push(instance.baselineThroughputMiBps ?? 0, instance.maxThroughputMiBps ?? 0);
  }
  const xDomain = decadeDomain(iopsFigures, { padBelow: DOMAIN_PAD_BELOW, floor: MIN_IOPS_SHOWN });
  const yDomain = decadeDomain(throughputFigures, {
    padBelow: DOMAIN_PAD_BELOW,
    floor: MIN_THROUGHPUT_MIBPS_SHOWN,
  });
  const shapes: EnvelopeShape[] = [];
  for (const e of envelopes) {
    const striped = toChartPoints(e.striped, xDomain, yDomain);
    if (striped.length >= MIN_POLYGON_POINTS && e.stripeVolumes > 1) {
      shapes.push({
        key: `${e.volumeType}-striped`,
        volumeType: e.volumeType,
        kind: 'striped',
        points: striped,
      });
    }
    const single = toChartPoints(e.singleVolume, xDomain, yDomain);
    if (single.length >= MIN_POLYGON_POINTS) {
      shapes.push({
        key: `${e.volumeType}-single`,
        volumeType: e.volumeType,
        kind: 'single',
        points: single,
      });
    }
  }
  return { xDomain, yDomain, shapes };
}

/** Where the requirement mark sits: on the plot's edge when it lies outside the domains. */
export function requirementPoint(requirement: Requirement, geometry: FitChartGeometry): Point {
  return {
    x: clampToDomain(requirement.iops, geometry.xDomain),
    y: clampToDomain(requirement.throughputMiBps, geometry.yDomain),
  };
}

/** An SVG path through the points in pixels, closed; null when a point falls off the scales. */
export function envelopePath(
  points: Point[],
  xScale: (x: number) => number | undefined,
  yScale: (y: number) => number | undefined,
): string | null {
  const pixels: [number, number][] = [];
  for (const p of points) {
    const px = xScale(p.x);
    const py = yScale(p.y);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) return null;
    pixels.push([px, py]);
  }
  return (
    pixels.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ') + ' Z'
  );
}

export interface CapLine {
  key: string;
  axis: 'x' | 'y';
  value: number;
  label: string;
  /** Dashed for the maximum (held 30 minutes a day), solid for the baseline. */
  dash: string | undefined;
}

/** Below this, an instance's baseline and maximum are the same figure (one line, "baseline = max"). */
const SAME_CAP_TOLERANCE = 1e-6;
export const MAX_CAP_DASH = '2 3';

/** The instance's EBS baseline and maximum as lines: x for IOPS, y for MiB/s. */
export function capLines(instance: InstanceEbsLimits): CapLine[] {
  const name = instance.instanceType;
  const caps: CapLine[] = [];
  const add = (axis: 'x' | 'y', baseline: number | null, max: number | null) => {
    if (baseline !== null && max !== null && Math.abs(baseline - max) < SAME_CAP_TOLERANCE) {
      caps.push({
        key: `${axis}-both`,
        axis,
        value: baseline,
        label: `${name} baseline = max`,
        dash: undefined,
      });
      return;
    }
    if (baseline !== null) {
      caps.push({ key: `${axis}-base`, axis, value: baseline, label: `${name} baseline`, dash: undefined });
    }
    if (max !== null)
      caps.push({ key: `${axis}-max`, axis, value: max, label: `${name} max`, dash: MAX_CAP_DASH });
  };
  add('x', instance.baselineIops, instance.maxIops);
  add('y', instance.baselineThroughputMiBps, instance.maxThroughputMiBps);
  return caps;
}

/** The legend button's tooltip: what one volume and the stripe reach. */
export function envelopeTitle(e: FitEnvelope): string {
  const whole = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const single = e.singleMax
    ? `one volume up to ${whole(e.singleMax.iops)} IOPS, ${whole(e.singleMax.throughputMiBps)} MiB/s`
    : 'one volume cannot hold the capacity';
  return `${e.volumeType}: ${single}; ${e.stripeVolumes} volumes up to ${whole(e.stripedMax.iops)} IOPS, ${whole(e.stripedMax.throughputMiBps)} MiB/s. Click to hide or show.`;
}
