import { solve as solveLp, type Constraint } from 'yalps';
import { runPass, type BlockPlan } from './hour-pass';

/**
 * The exact solver. The plan's monthly cost is
 *   Σ_v cost_v · x_v  +  Σ_b scale_b · residual_b(levels of block b)
 * over whole numbers x_v (RIs bought; Savings Plan commitments in steps of $0.00001/h, AWS's smallest
 * step), where residual_b is the On-Demand cost of a block's usage left uncovered over its timeline and
 * scale_b = hours per month ÷ timeline hours. Given the commitments, AWS's order is the best allocation
 * of each hour, so each residual is convex and piecewise linear in the levels.
 *
 * - One RI product alone in its block: the exact integer optimum is read off the whole cost curve,
 *   built in one sweep over the block's hours (the usage-duration curve: the level where the share of
 *   hours with usage above it equals the RI's effective rate ÷ On-Demand).
 * - Otherwise Kelley's cutting-plane method: each iteration prices the point with one pass per block
 *   (its cost and a cut, hour-pass.ts), and a mixed-integer master program over the variables (yalps),
 *   with the upfront cap, gives the next point and a lower bound; it stops when the lower bound meets
 *   the best cost found (the optimum over whole counts and steps).
 */
export interface Variable {
  block: number;
  stage: number;
  /** Level units (normalized units, or USD/h) one unit of the variable adds. */
  perUnit: number;
  /** Monthly cost and upfront of one unit. */
  cost: number;
  upfront: number;
  /** Largest useful value: enough to cover the busiest hour. */
  ub: number;
  /** Whole in the master program (RI counts); plan steps are rounded after it. */
  integer: boolean;
}

export interface Block {
  plan: BlockPlan;
  /** Hours per month ÷ timeline hours. */
  scale: number;
}

export interface SolveResult {
  x: number[];
  /** Σ cost · x + Σ scale · residual, per month. */
  monthly: number;
  /** Lower bound proven (equal to `monthly` within `gap`). */
  lowerBound: number;
  iterations: number;
  passes: number;
  method: 'duration-curve' | 'cutting-planes' | 'none';
}

export function levelsOf(
  blocks: readonly Block[],
  vars: readonly Variable[],
  x: readonly number[],
): Float64Array[] {
  const levels = blocks.map((b) => new Float64Array(b.plan.stages.length));
  vars.forEach((v, i) => {
    const l = levels[v.block] as Float64Array;
    l[v.stage] = (l[v.stage] as number) + (x[i] as number) * v.perUnit;
  });
  return levels;
}

/** The plan's monthly cost at x (commitments plus every block's residual). */
export function costAt(blocks: readonly Block[], vars: readonly Variable[], x: readonly number[]): number {
  const levels = levelsOf(blocks, vars, x);
  let total = 0;
  vars.forEach((v, i) => (total += v.cost * (x[i] as number)));
  blocks.forEach((b, i) => (total += b.scale * runPass(b.plan, levels[i] as Float64Array).residual));
  return total;
}

/** Largest useful level of a stage: what its columns take in the busiest row. */
export function stagePeak(plan: BlockPlan, stage: number): number {
  const { cols, weights } = plan.stages[stage]!;
  const nc = plan.rows.classes.length;
  let peak = 0;
  for (let r = 0; r < plan.rows.rows; r++) {
    let sum = 0;
    for (let q = 0; q < cols.length; q++)
      sum += (plan.rows.usage[r * nc + (cols[q] as number)] as number) * (weights[q] as number);
    if (sum > peak) peak = sum;
  }
  return peak;
}

/**
 * The residual cost, per month, of a block with one RI stage at every whole count 0..n (n = enough for
 * the busiest hour): the On-Demand cost of each hour falls by each class's rate per unit over the
 * stretch of units that class fills, so the sum over hours is piecewise linear with its slope changing
 * where an hour's class ends. Sorting those points and walking them gives every count's cost at once.
 */
export function residualCurve(block: Block, unitsPerRi: number): Float64Array {
  const { rows, stages, od } = block.plan;
  const { cols, weights } = stages[0]!;
  const nc = rows.classes.length;
  let peak = 0;
  for (let r = 0; r < rows.rows; r++) {
    let at = 0;
    for (let q = 0; q < cols.length; q++)
      at += (rows.usage[r * nc + (cols[q] as number)] as number) * (weights[q] as number);
    if (at > peak) peak = at;
  }
  const n = Math.ceil(peak / unitsPerRi - 1e-9);
  // H(c·F) = H(0) + Σ_e slopeChange_e · (c·F − at_e)⁺: each change is filed under the first count at or
  // past its point, and prefix sums give every count's value.
  const s1 = new Float64Array(n + 2);
  const s2 = new Float64Array(n + 2);
  let h0 = 0;
  const file = (at: number, d: number) => {
    const b = Math.min(n + 1, Math.ceil(at / unitsPerRi - 1e-12));
    s1[b] = (s1[b] as number) + d;
    s2[b] = (s2[b] as number) + d * at;
  };
  for (let r = 0; r < rows.rows; r++) {
    const w = rows.weight[r] as number;
    let at = 0;
    for (let q = 0; q < cols.length; q++) {
      const j = cols[q] as number;
      const u = rows.usage[r * nc + j] as number;
      if (u <= 0) continue;
      const f = weights[q] as number;
      const rho = ((od[j] as number) / f) * w;
      h0 += u * (od[j] as number) * w;
      file(at, -rho);
      at += u * f;
      file(at, rho);
    }
  }
  const curve = new Float64Array(n + 1);
  let a = 0;
  let b = 0;
  for (let c = 0; c <= n; c++) {
    a += s1[c] as number;
    b += s2[c] as number;
    curve[c] = Math.max(0, h0 + a * c * unitsPerRi - b) * block.scale;
  }
  return curve;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** Largest number of levels the one-pool solver walks (beyond it the cutting planes take over). */
export const MAX_POOL_STEPS = 2_000_000;

/**
 * Exact integer optimum of an RI pool alone in its block (no upfront cap): its residual depends only on
 * the units bought, so every level (in steps of the sizes' greatest common divisor) is priced at once
 * — the residual from one sweep over the hours (residualCurve), the cheapest mix of sizes that buys
 * exactly those units by a knapsack over the levels — and the least sum taken. Null when the levels
 * are too many to walk.
 */
export function solvePool(block: Block, vars: readonly Variable[]): SolveResult | null {
  // Normalization factors are multiples of 0.25: count in quarter units.
  const quarters = vars.map((v) => Math.round(v.perUnit * 4));
  const step = quarters.reduce((a, b) => gcd(a, b));
  const size = quarters.map((q) => q / step);
  const curve = residualCurve(block, step / 4);
  const n = curve.length - 1;
  const top = n + Math.max(...size);
  if (top > MAX_POOL_STEPS) return null;
  const best = new Float64Array(top + 1).fill(Infinity);
  const choice = new Int32Array(top + 1).fill(-1);
  best[0] = 0;
  for (let k = 1; k <= top; k++) {
    for (let j = 0; j < size.length; j++) {
      const s = size[j] as number;
      if (s > k) continue;
      const c = (best[k - s] as number) + (vars[j] as Variable).cost;
      if (c < (best[k] as number)) {
        best[k] = c;
        choice[k] = j;
      }
    }
  }
  let at = 0;
  let bestCost = curve[0] as number;
  for (let k = 1; k <= top; k++) {
    const cost = (best[k] as number) + (curve[Math.min(k, n)] as number);
    // A tie keeps the smaller commitment.
    if (cost < bestCost - 1e-9 * Math.max(1, Math.abs(bestCost))) {
      bestCost = cost;
      at = k;
    }
  }
  const x = vars.map(() => 0);
  for (let k = at; k > 0;) {
    const j = choice[k] as number;
    x[j] = (x[j] as number) + 1;
    k -= size[j] as number;
  }
  return { x, monthly: bestCost, lowerBound: bestCost, iterations: 1, passes: 1, method: 'duration-curve' };
}

/** Exact integer optimum of one RI product alone in its block, from its whole cost curve. */
export function solveDurationCurve(block: Block, v: Variable): SolveResult {
  return (
    solvePool(block, [v]) ?? {
      x: [0],
      monthly: Infinity,
      lowerBound: 0,
      iterations: 0,
      passes: 0,
      method: 'none',
    }
  );
}

interface Cut {
  block: number;
  a: number;
  g: Map<number, number>;
}

/**
 * Kelley's method over all variables of the given blocks at once (they are coupled by the upfront cap,
 * or share a plan). `start` must be feasible. Stops when best − bound ≤ tolerance, or when the master
 * repeats a point (the cut there does not touch: reported by the bound).
 */
export function solveCuttingPlanes(
  blocks: readonly Block[],
  vars: readonly Variable[],
  capUsd: number | null,
  start: number[],
  maxIterations = 400,
): SolveResult {
  const cuts: Cut[] = [];
  const seen = new Set<string>();
  let best = start;
  let bestCost = Infinity;
  let bound = -Infinity;
  let passes = 0;
  let iterations = 0;
  const evaluate = (x: number[]): number => {
    const levels = levelsOf(blocks, vars, x);
    let total = 0;
    vars.forEach((v, i) => (total += v.cost * (x[i] as number)));
    blocks.forEach((b, bi) => {
      const out = runPass(b.plan, levels[bi] as Float64Array, { cut: true });
      passes++;
      total += b.scale * out.residual;
      const g = new Map<number, number>();
      vars.forEach((v, i) => {
        if (v.block !== bi) return;
        const s = (out.cut!.slope[v.stage] as number) * v.perUnit * b.scale;
        if (s !== 0) g.set(i, s);
      });
      cuts.push({ block: bi, a: out.cut!.intercept * b.scale, g });
    });
    seen.add(x.join(','));
    if (total < bestCost) {
      bestCost = total;
      best = x;
    }
    return total;
  };
  evaluate(start);
  const upfrontOf = (x: readonly number[]) => vars.reduce((u, v, i) => u + v.upfront * (x[i] as number), 0);
  const feasible = (x: readonly number[]) => capUsd === null || upfrontOf(x) <= capUsd;
  while (iterations < maxIterations) {
    iterations++;
    const master = solveMaster(blocks.length, vars, cuts, capUsd);
    if (master === null) break;
    bound = Math.max(bound, master.value);
    if (bestCost - bound <= tolerance(bestCost)) break;
    // Plan steps were rounded: back under the cap if the rounding went over it.
    const x = feasible(master.x)
      ? master.x
      : master.x.map((v, i) => (vars[i]!.integer ? v : Math.max(0, v - 1)));
    if (!feasible(x) || seen.has(x.join(','))) break;
    evaluate(x);
  }
  if (bestCost - bound > tolerance(bestCost)) {
    // The cuts do not touch where AWS's order is not the best allocation of an hour: the best point is
    // then improved by exact moves around it (one level up or down, to zero, one RI for another).
    let evaluations = 0;
    let improved = true;
    while (improved && evaluations < MAX_POLISH) {
      improved = false;
      for (const y of neighbours(best, vars)) {
        const key = y.join(',');
        if (seen.has(key) || !feasible(y)) continue;
        evaluations++;
        const before = bestCost;
        evaluate(y);
        if (bestCost < before - 1e-9) {
          improved = true;
          break;
        }
        if (evaluations >= MAX_POLISH) break;
      }
    }
  }
  return {
    x: best,
    monthly: bestCost,
    lowerBound: Math.min(bound, bestCost),
    iterations,
    passes,
    method: 'cutting-planes',
  };
}

const MAX_POLISH = 400;
const SP_MOVES = [1, 10, 100, 1000, 10_000, 100_000];

/** Points next to x: each level one step (or, for plans, 10…100,000 steps) up or down, or zero; one RI for another. */
function* neighbours(x: readonly number[], vars: readonly Variable[]): Generator<number[]> {
  const at = (i: number, v: number) => {
    const y = [...x];
    y[i] = Math.min((vars[i] as Variable).ub, Math.max(0, v));
    return y;
  };
  for (let i = 0; i < vars.length; i++) {
    const xi = x[i] as number;
    if (xi > 0) yield at(i, 0);
    for (const m of vars[i]!.integer ? [1] : SP_MOVES) {
      yield at(i, xi - m);
      yield at(i, xi + m);
    }
  }
  for (let i = 0; i < vars.length; i++)
    for (let j = 0; j < vars.length; j++) {
      const a = vars[i] as Variable;
      const b = vars[j] as Variable;
      if (i === j || !a.integer || !b.integer || a.block !== b.block || a.stage !== b.stage) continue;
      if ((x[j] as number) < 1) continue;
      const y = [...x];
      y[i] = (y[i] as number) + 1;
      y[j] = (y[j] as number) - 1;
      if ((y[i] as number) <= a.ub) yield y;
    }
}

/** How close the bounds must come: a millionth of a dollar a month, or the float precision of the sum. */
export function tolerance(cost: number): number {
  return Math.max(1e-6, Math.abs(cost) * 1e-11);
}

/**
 * The master program: the least of Σ cost · x + Σ θ_b over the cuts, the bounds and the cap. RI counts
 * are whole in it; Savings Plan steps ($0.00001/h) are so fine that they are left continuous (the bound
 * stays valid: it only relaxes) and rounded, and the rounded point is priced exactly. Should the
 * branch and bound not finish, the whole program is relaxed.
 */
function solveMaster(
  nBlocks: number,
  vars: readonly Variable[],
  cuts: readonly Cut[],
  capUsd: number | null,
  integers = true,
): { x: number[]; value: number } | null {
  const constraints = new Map<string, Constraint>();
  cuts.forEach((c, i) => constraints.set(`c${i}`, { min: c.a }));
  vars.forEach((v, i) => constraints.set(`u${i}`, { max: v.ub }));
  if (capUsd !== null) constraints.set('upfront', { max: capUsd });
  const variables = new Map<string, [string, number][]>();
  vars.forEach((v, i) => {
    const coef: [string, number][] = [
      ['obj', v.cost],
      [`u${i}`, 1],
    ];
    if (capUsd !== null && v.upfront !== 0) coef.push(['upfront', v.upfront]);
    cuts.forEach((c, k) => {
      const g = c.g.get(i);
      if (g !== undefined) coef.push([`c${k}`, g]);
    });
    variables.set(`x${i}`, coef);
  });
  for (let b = 0; b < nBlocks; b++) {
    const coef: [string, number][] = [['obj', 1]];
    cuts.forEach((c, k) => {
      if (c.block === b) coef.push([`c${k}`, 1]);
    });
    variables.set(`t${b}`, coef);
  }
  const solution = solveLp(
    {
      direction: 'minimize',
      objective: 'obj',
      constraints,
      variables,
      integers: integers ? vars.flatMap((v, i) => (v.integer ? [`x${i}`] : [])) : [],
    },
    { includeZeroVariables: true, maxIterations: 4096 },
  );
  if (solution.status !== 'optimal') return integers ? solveMaster(nBlocks, vars, cuts, capUsd, false) : null;
  const x = vars.map(() => 0);
  for (const [key, value] of solution.variables) {
    if (key.startsWith('x')) {
      const i = Number(key.slice(1));
      x[i] = Math.min((vars[i] as Variable).ub, Math.max(0, Math.round(value)));
    }
  }
  return { x, value: solution.result };
}
