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
  /**
   * Of `counts`, the unused instances of a capacity reservation per hour (capacity-reservation.ts):
   * commitments cover a line's running instances first, so each hour the unused ones left On-Demand
   * are min(unused, what no commitment covered).
   */
  unusedCounts?: readonly number[];
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
  /** Per line with unusedCounts: its unused reserved instance-hours left On-Demand over the timeline. */
  unusedOnDemandHours: Float64Array;
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

/** Hours whose counts are copied side by side at a time (see allocate). */
const BLOCK_HOURS = 32;

/**
 * Runs the hours in blocks: each line's counts for the next BLOCK_HOURS hours are copied into one
 * small buffer, hour-major (a line's count in hour h of the block at h × lines + line), and the pools
 * spend that buffer down hour by hour. Read line by line and then hour by hour, the profiles stay in
 * cache; every sum still takes its terms in the order of the hours.
 */
export function allocate(
  lines: readonly AllocationLine[],
  riPools: readonly RiPoolInput[],
  spPools: readonly SpPoolInput[],
  timelineHours: number,
): AllocationResult {
  const n = lines.length;
  const usageHours = new Float64Array(n);
  const position = new Int32Array(n);
  const block = new Float64Array(BLOCK_HOURS * n);
  const unusedOnDemandHours = new Float64Array(n);
  const reserving = lines.flatMap((l, i) => (l.unusedCounts ? [i] : []));
  const blockStart = new Int32Array(n);
  const pools = [
    ...riPools.map((p) => poolOf(p.units, p.consumers, (c) => c.factor)),
    ...spPools.map((p) => poolOf(p.commitmentScaled, p.consumers, (c) => c.rateScaled)),
  ];
  for (let start = 0; start < timelineHours; start += BLOCK_HOURS) {
    const hours = Math.min(BLOCK_HOURS, timelineHours - start);
    for (let i = 0; i < n; i++) {
      const { counts, periodHours } = lines[i] as AllocationLine;
      let at = position[i] as number;
      blockStart[i] = at;
      let sum = usageHours[i] as number;
      for (let h = 0; h < hours; h++) {
        const c = counts[at] as number;
        block[h * n + i] = c;
        sum += c;
        at = at + 1 === periodHours ? 0 : at + 1;
      }
      position[i] = at;
      usageHours[i] = sum;
    }
    for (let h = 0; h < hours; h++) {
      for (const pool of pools) pool.used += spend(pool, block, h * n);
    }
    for (const i of reserving) {
      const { unusedCounts, periodHours } = lines[i] as AllocationLine & { unusedCounts: readonly number[] };
      let at = blockStart[i] as number;
      let sum = unusedOnDemandHours[i] as number;
      for (let h = 0; h < hours; h++) {
        sum += Math.min(unusedCounts[at] as number, block[h * n + i] as number);
        at = at + 1 === periodHours ? 0 : at + 1;
      }
      unusedOnDemandHours[i] = sum;
    }
  }
  return {
    timelineHours,
    usageHours,
    unusedOnDemandHours,
    ri: pools.slice(0, riPools.length).map((p) => ({ usedUnits: p.used, coveredUnits: p.covered })),
    sp: pools.slice(riPools.length).map((p) => ({ usedScaled: p.used, coveredScaled: p.covered })),
  };
}

/** A pool as the hour loop reads it: units each hour, its consumers in order, what each takes per instance. */
interface Pool {
  capacity: number;
  lines: Int32Array;
  weights: Float64Array;
  covered: Float64Array;
  used: number;
}

function poolOf<C extends { line: number }>(
  capacity: number,
  consumers: readonly C[],
  weight: (c: C) => number,
): Pool {
  return {
    capacity,
    lines: Int32Array.from(consumers, (c) => c.line),
    weights: Float64Array.from(consumers, weight),
    covered: new Float64Array(consumers.length),
    used: 0,
  };
}

/**
 * Spends one hour of a commitment on the lines' remaining instance-hours (remaining[row + line]), in
 * the pool's order. An instance-hour of the pool's k-th line costs weights[k] units (an RI's
 * normalization factor, or a Savings Plan's hourly rate); units left over cover part of an
 * instance-hour and the rest goes on. Returns the units spent.
 */
function spend({ capacity, lines, weights, covered }: Pool, remaining: Float64Array, row: number): number {
  let cap = capacity;
  const m = lines.length;
  for (let k = 0; k < m && cap > 0; k++) {
    const at = row + (lines[k] as number);
    const rem = remaining[at] as number;
    if (rem <= 0) continue;
    const weight = weights[k] as number;
    const need = rem * weight;
    if (need <= cap) {
      covered[k] = (covered[k] as number) + need;
      cap -= need;
      remaining[at] = 0;
    } else {
      covered[k] = (covered[k] as number) + cap;
      remaining[at] = rem - cap / weight;
      cap = 0;
    }
  }
  return capacity - cap;
}
