/** Helpers for log axes: whole-decade domains, readable ticks, and clipping shapes to the plot. */

export type Domain = [number, number];

/** The decades around positive values: from the power of 10 at or below `min / padBelow` up to the one at or above max. */
export function decadeDomain(values: number[], opts: { padBelow?: number; floor?: number } = {}): Domain {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return [1, 10];
  const min = Math.min(...positive) / (opts.padBelow ?? 1);
  const max = Math.max(...positive);
  let lo = Math.pow(10, Math.floor(Math.log10(min) + 1e-9));
  let hi = Math.pow(10, Math.ceil(Math.log10(max) - 1e-9));
  if (opts.floor !== undefined) lo = Math.max(lo, opts.floor);
  if (hi <= lo) hi = lo * 10;
  return [lo, hi];
}

/** The value moved onto the domain's nearer edge when it lies outside. */
export function clampToDomain(value: number, [low, high]: Domain): number {
  return Math.min(high, Math.max(low, value));
}

/** Ticks for a log axis within the domain: every power of 10; over few decades, also 2× and 5× each. */
export function logTicks([lo, hi]: Domain): number[] {
  const decades = Math.log10(hi / lo);
  const steps = decades <= 2.5 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
    for (const s of steps) {
      const v = roundSig(s * Math.pow(10, p));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

/** Short tick text: 500, 2k, 10k, 1M; below 1 as a decimal. */
export function formatTick(v: number): string {
  if (v >= 1e6) return `${trim(v / 1e6)}M`;
  if (v >= 1e3) return `${trim(v / 1e3)}k`;
  return trim(v);
}

function trim(v: number): string {
  return String(roundSig(v));
}

function roundSig(v: number): number {
  return Number(v.toPrecision(6));
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Clips a polygon to the rectangle xDomain × yDomain in log-log space (Sutherland–Hodgman). The envelope's
 * edges are straight on log-log axes (each counted I/O carries a fixed size), so the clip is exact there.
 */
export function clipPolygonLog(points: Point[], xDomain: Domain, yDomain: Domain): Point[] {
  let poly = points
    .filter((p) => p.x > 0 && p.y > 0)
    .map((p) => ({ x: Math.log10(p.x), y: Math.log10(p.y) }));
  const [x0, x1] = xDomain.map(Math.log10) as Domain;
  const [y0, y1] = yDomain.map(Math.log10) as Domain;
  const edges: { inside: (p: Point) => boolean; cut: (a: Point, b: Point) => Point }[] = [
    { inside: (p) => p.x >= x0, cut: (a, b) => atX(a, b, x0) },
    { inside: (p) => p.x <= x1, cut: (a, b) => atX(a, b, x1) },
    { inside: (p) => p.y >= y0, cut: (a, b) => atY(a, b, y0) },
    { inside: (p) => p.y <= y1, cut: (a, b) => atY(a, b, y1) },
  ];
  for (const edge of edges) {
    const input = poly;
    poly = [];
    input.forEach((current, i) => {
      const previous = input[(i + input.length - 1) % input.length]!;
      if (edge.inside(current)) {
        if (!edge.inside(previous)) poly.push(edge.cut(previous, current));
        poly.push(current);
      } else if (edge.inside(previous)) {
        poly.push(edge.cut(previous, current));
      }
    });
    if (poly.length === 0) return [];
  }
  return poly.map((p) => ({ x: Math.pow(10, p.x), y: Math.pow(10, p.y) }));
}

function atX(a: Point, b: Point, x: number): Point {
  const t = (x - a.x) / (b.x - a.x);
  return { x, y: a.y + t * (b.y - a.y) };
}

function atY(a: Point, b: Point, y: number): Point {
  const t = (y - a.y) / (b.y - a.y);
  return { x: a.x + t * (b.x - a.x), y };
}
