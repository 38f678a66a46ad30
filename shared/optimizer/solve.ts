import { solve as solveLp, type Constraint } from 'yalps';
import { runPass, type BlockPlan } from './hour-pass';

/**
 * The exact solver. The plan's monthly cost is
 *   Σ_v cost_v · x_v  +  Σ_b scale_b · residual_b(levels of block b)
 * over whole numbers x_v (RIs bought; Savings Plan commitments in mills, $0.001/h, AWS's smallest
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
 *   the best cost found (the optimum over whole counts and mills).
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

/** Exact integer optimum of one RI product alone in its block, from its whole cost curve. */
export function solveDurationCurve(block: Block, v: Variable): SolveResult {
  const curve = residualCurve(block, v.perUnit);
  let best = 0;
  let bestCost = Infinity;
  for (let c = 0; c < curve.length; c++) {
    const cost = c * v.cost + (curve[c] as number);
    // A tie keeps the smaller commitment.
    if (c === 0 || cost < bestCost - 1e-9 * Math.max(1, Math.abs(bestCost))) {
      bestCost = cost;
      best = c;
    }
  }
  return {
    x: [best],
    monthly: bestCost,
    lowerBound: bestCost,
    iterations: 1,
    passes: 1,
    method: 'duration-curve',
  };
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
  while (iterations < maxIterations) {
    iterations++;
    const master = solveMaster(blocks.length, vars, cuts, capUsd);
    if (master === null) break;
    bound = Math.max(bound, master.value);
    if (bestCost - bound <= tolerance(bestCost)) break;
    if (seen.has(master.x.join(','))) break;
    evaluate(master.x);
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

/** How close the bounds must come: a millionth of a dollar a month, or the float precision of the sum. */
export function tolerance(cost: number): number {
  return Math.max(1e-6, Math.abs(cost) * 1e-11);
}

function solveMaster(
  nBlocks: number,
  vars: readonly Variable[],
  cuts: readonly Cut[],
  capUsd: number | null,
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
      integers: vars.map((_, i) => `x${i}`),
    },
    { includeZeroVariables: true },
  );
  if (solution.status !== 'optimal') return null;
  const x = vars.map(() => 0);
  for (const [key, value] of solution.variables) {
    if (key.startsWith('x')) x[Number(key.slice(1))] = Math.round(value);
  }
  return { x, value: solution.result };
}
