import type { VolumeType } from '@shared/catalog-types';
import type { EnvelopeKind, EnvelopePoint, FitEnvelope } from '@shared/ebs/envelope';
import { formatInstanceThroughput, type InstanceEbsLimits } from '@shared/ebs/solver';
import { clampToDomain, clipPolygonLog, decadeDomain, type Domain, type Point } from './log-scale';

/**
 * What the EBS fit chart draws, worked out without React: the log-log domains, each type's envelope
 * (the region of the layout the table proposes for it) clipped to them, the instance's cap lines and the
 * requirement point. Chart coordinates: x is counted IOPS, y is throughput in MiB/s.
 */

export interface Requirement {
  iops: number;
  throughputMiBps: number;
}

export interface EnvelopeShape {
  key: string;
  volumeType: VolumeType;
  /** 'proposed': the table's layout for the type; 'widest': the type meets no layout, widest stripe drawn. */
  kind: EnvelopeKind;
  /** "2 × 12,800 GiB": the layout the region is drawn for. */
  layout: string;
  points: Point[];
  /** Whether the requirement lies in the region (its edge included). */
  containsRequirement: boolean;
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

const whole = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** Relative slack for a point on an edge: figures pass through log10 and back. */
const EDGE_TOLERANCE_LOG = 1e-9;

/**
 * Whether a point lies in a convex polygon (its edges included), on log-log axes where the envelope's
 * edges are straight. Every envelope is convex: a band between two diagonals cut by two ceilings.
 */
export function polygonContains(points: EnvelopePoint[], point: Requirement): boolean {
  if (points.length < MIN_POLYGON_POINTS || point.iops <= 0 || point.throughputMiBps <= 0) return false;
  const log = (p: EnvelopePoint) => ({ x: Math.log10(p.iops), y: Math.log10(p.throughputMiBps) });
  const q = log(point);
  let sign = 0;
  for (let i = 0; i < points.length; i++) {
    const a = log(points[i]!);
    const b = log(points[(i + 1) % points.length]!);
    const cross = (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x);
    if (Math.abs(cross) <= EDGE_TOLERANCE_LOG) continue;
    const side = Math.sign(cross);
    if (sign === 0) sign = side;
    else if (side !== sign) return false;
  }
  return true;
}

/** Domains wide enough for the requirement, every envelope's corner and the instance's caps. */
export function fitChartGeometry(
  envelopes: FitEnvelope[],
  requirement: Requirement,
  instance: InstanceEbsLimits | null,
): FitChartGeometry {
  const iopsFigures = [requirement.iops];
  const throughputFigures = [requirement.throughputMiBps];
  for (const e of envelopes) {
    iopsFigures.push(e.max.iops);
    throughputFigures.push(e.max.throughputMiBps);
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
    const points = toChartPoints(e.points, xDomain, yDomain);
    if (points.length < MIN_POLYGON_POINTS) continue;
    shapes.push({
      key: `${e.volumeType}-${e.kind}`,
      volumeType: e.volumeType,
      kind: e.kind,
      layout: envelopeLayoutText(e),
      points,
      containsRequirement: polygonContains(e.points, requirement),
    });
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

/**
 * The instance's EBS baseline and maximum as lines: x for IOPS, y for MiB/s. Each label carries its
 * figure and unit; a throughput cap (converted to MiB/s) also AWS's own MB/s figure.
 */
export function capLines(instance: InstanceEbsLimits): CapLine[] {
  const name = instance.instanceType;
  const caps: CapLine[] = [];
  const add = (
    axis: 'x' | 'y',
    baseline: number | null,
    max: number | null,
    text: (value: number, which: 'baseline' | 'max') => string,
  ) => {
    if (baseline !== null && max !== null && Math.abs(baseline - max) < SAME_CAP_TOLERANCE) {
      caps.push({
        key: `${axis}-both`,
        axis,
        value: baseline,
        label: `${name} baseline = max ${text(baseline, 'baseline')}`,
        dash: undefined,
      });
      return;
    }
    if (baseline !== null) {
      caps.push({
        key: `${axis}-base`,
        axis,
        value: baseline,
        label: `${name} baseline ${text(baseline, 'baseline')}`,
        dash: undefined,
      });
    }
    if (max !== null)
      caps.push({
        key: `${axis}-max`,
        axis,
        value: max,
        label: `${name} max ${text(max, 'max')}`,
        dash: MAX_CAP_DASH,
      });
  };
  add('x', instance.baselineIops, instance.maxIops, (v) => `${whole(v)} IOPS`);
  add('y', instance.baselineThroughputMiBps, instance.maxThroughputMiBps, (v, which) =>
    formatInstanceThroughput(
      v,
      which === 'baseline' ? instance.baselineThroughputMBps : instance.maxThroughputMBps,
    ),
  );
  return caps;
}

/** "2 × 12,800 GiB": the layout an envelope is drawn for. */
export function envelopeLayoutText(e: Pick<FitEnvelope, 'volumes' | 'sizeGiB'>): string {
  return `${e.volumes} × ${whole(e.sizeGiB)} GiB`;
}

/** The legend button's tooltip: which layout the region is, and what it reaches. */
export function envelopeTitle(e: FitEnvelope): string {
  const what =
    e.kind === 'proposed'
      ? `the table's cheapest ${e.volumeType} layout, ${envelopeLayoutText(e)}`
      : e.points.length === 0
        ? `no layout meets the need; ${e.volumes} volumes cannot hold the capacity`
        : `no layout meets the need; the widest stripe, ${envelopeLayoutText(e)}, is drawn`;
  const reach =
    e.points.length === 0
      ? ''
      : `, reaching up to ${whole(e.max.iops)} IOPS and ${whole(e.max.throughputMiBps)} MiB/s`;
  return `${e.volumeType}: ${what}${reach}. Click to hide or show.`;
}
