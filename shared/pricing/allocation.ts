/**
 * Hour-by-hour application of commitments to usage, the hot loop of the estimate. It works on plain
 * numbers only: instance counts are integers, RI pools are in normalized units (multiples of 0.25,
 * exact in binary), and Savings Plan dollars are scaled by 10^decimals so that rates and commitments
 * are integers. In the usual cases every sum stays an exact integer below 2^53; the caller turns the
 * sums into Decimal money once, at the end. Only an instance-hour split between two commitments
 * (part RI, then part Savings Plan) carries a binary fraction into the next stage.
 *
 * Order each hour, as AWS applies them (docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html):
 * Reserved Instances first, then EC2 Instance Savings Plans, then Compute Savings Plans; whatever is
 * left is On-Demand. Consumers within a pool are given in the order they are served.
 */
export interface AllocationLine {
  counts: readonly number[];
  periodHours: number;
}

export interface RiPoolInput {
  /** Normalized units the pool's RIs cover each hour (count × normalization factor). */
  units: number;
  /** Served in order (smallest size first); factor = units one instance of the line takes. */
  consumers: readonly { line: number; factor: number }[];
}

export interface SpPoolInput {
  /** Hourly commitment × scale. */
  commitmentScaled: number;
  /** Served in order (highest savings first); rateScaled = the line's plan rate × scale. */
  consumers: readonly { line: number; rateScaled: number }[];
}

export interface RiPoolResult {
  /** Units used over the timeline. */
  usedUnits: number;
  /** Units used per consumer (same order as the input). */
  coveredUnits: Float64Array;
}

export interface SpPoolResult {
  /** Scaled commitment dollars used over the timeline. */
  usedScaled: number;
  /** Scaled dollars (at the plan's rate) per consumer. */
  coveredScaled: Float64Array;
}

export interface AllocationResult {
  timelineHours: number;
  /** Instance-hours per line over the timeline. */
  usageHours: Float64Array;
  ri: RiPoolResult[];
  sp: SpPoolResult[];
}

/**
 * Allocations already run, by their inputs (pool-allocation.ts keys them): Compare's strategies whose
 * pools come out alike, such as every Reserved Instance variant's, share one.
 */
export type AllocationMemo = Map<string, AllocationResult>;

/** Longest timeline the engine will build to line up profiles of different lengths exactly. */
export const MAX_TIMELINE_HOURS = 70_272; // 8 leap years; fits lcm(168, 8760) and lcm(168, 8784)

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The timeline over which profiles of different periods are lined up hour by hour: their least common
 * multiple (each profile repeats a whole number of times, so its month is exact), or, beyond
 * MAX_TIMELINE_HOURS, the longest period with the shorter profiles repeated (`exact: false`).
 */
export function sharedTimeline(periods: readonly number[]): { hours: number; exact: boolean } {
  let hours = 1;
  for (const p of periods) {
    hours = (hours / gcd(hours, p)) * p;
    if (hours > MAX_TIMELINE_HOURS) return { hours: Math.max(...periods), exact: false };
  }
  return { hours, exact: true };
}

export function allocate(
  lines: readonly AllocationLine[],
  riPools: readonly RiPoolInput[],
  spPools: readonly SpPoolInput[],
  timelineHours: number,
): AllocationResult {
  const n = lines.length;
  const usageHours = new Float64Array(n);
  const remaining = new Float64Array(n);
  const position = new Int32Array(n);
  const counts = lines.map((l) => l.counts);
  const periods = Int32Array.from(lines, (l) => l.periodHours);

  const ri = riPools.map((p) => ({
    units: p.units,
    lines: Int32Array.from(p.consumers, (c) => c.line),
    factors: Float64Array.from(p.consumers, (c) => c.factor),
    covered: new Float64Array(p.consumers.length),
    used: 0,
  }));
  const sp = spPools.map((p) => ({
    commitment: p.commitmentScaled,
    lines: Int32Array.from(p.consumers, (c) => c.line),
    rates: Float64Array.from(p.consumers, (c) => c.rateScaled),
    covered: new Float64Array(p.consumers.length),
    used: 0,
  }));

  for (let t = 0; t < timelineHours; t++) {
    for (let i = 0; i < n; i++) {
      const at = position[i] as number;
      const c = (counts[i] as readonly number[])[at] as number;
      position[i] = at + 1 === periods[i] ? 0 : at + 1;
      remaining[i] = c;
      usageHours[i] = (usageHours[i] as number) + c;
    }
    for (const pool of ri) pool.used += spend(pool.lines, pool.factors, pool.covered, pool.units, remaining);
    for (const pool of sp)
      pool.used += spend(pool.lines, pool.rates, pool.covered, pool.commitment, remaining);
  }

  return {
    timelineHours,
    usageHours,
    ri: ri.map((p) => ({ usedUnits: p.used, coveredUnits: p.covered })),
    sp: sp.map((p) => ({ usedScaled: p.used, coveredScaled: p.covered })),
  };
}

/**
 * Spends one hour of a commitment on the lines' remaining instance-hours, in the pool's order. An
 * instance-hour of the pool's k-th line costs weights[k] units (an RI's normalization factor, or a
 * Savings Plan's hourly rate); units left over cover part of an instance-hour and the rest goes on.
 * Returns the units spent.
 */
function spend(
  lines: Int32Array,
  weights: Float64Array,
  covered: Float64Array,
  capacity: number,
  remaining: Float64Array,
): number {
  let cap = capacity;
  const m = lines.length;
  for (let k = 0; k < m && cap > 0; k++) {
    const line = lines[k] as number;
    const rem = remaining[line] as number;
    if (rem <= 0) continue;
    const weight = weights[k] as number;
    const need = rem * weight;
    if (need <= cap) {
      covered[k] = (covered[k] as number) + need;
      cap -= need;
      remaining[line] = 0;
    } else {
      covered[k] = (covered[k] as number) + cap;
      remaining[line] = rem - cap / weight;
      cap = 0;
    }
  }
  return capacity - cap;
}
