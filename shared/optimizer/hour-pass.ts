import type { UsageRows } from './usage-rows';

/**
 * One pass over a block's hours: the commitments applied to each hour's usage in AWS's order, exactly
 * as the estimate's allocation does it (allocation.ts: RIs first, each pool serving its classes smallest
 * first; then each Savings Plan in turn, serving its classes highest savings first; a commitment left
 * over covers part of an instance-hour and the rest goes on), and the On-Demand cost of what is left.
 *
 * With `cut`, it also prices each hour's dual: the value of one more unit of each commitment (λ, μ)
 * and of each class's instance-hour (π = the least of its On-Demand rate and what each commitment
 * that may cover it would charge for it). Any such prices with λ, μ ≥ 0 make a lower bound of the hour's
 * least On-Demand cost (weak duality), so the cut
 *   residual(levels) ≥ Σ_h Σ_k π_hk U_hk − Σ_s (Σ_h μ_hs) level_s
 * is valid for every level; it touches the residual at these levels when AWS's order is the best
 * allocation of the hour (then the prices below are an optimal dual), and `gap` says by how much it
 * does not.
 */
export interface Stage {
  /** Block columns in the order the commitment serves them. */
  cols: Int32Array;
  /** Capacity one instance-hour of each takes: normalization factor (RIs) or the plan's rate (USD). */
  weights: Float64Array;
}

export interface BlockPlan {
  rows: UsageRows;
  stages: Stage[];
  /** On-Demand USD per instance-hour of each column. */
  od: Float64Array;
}

export interface PassResult {
  /** Σ over the timeline of the On-Demand cost of usage left uncovered, USD. */
  residual: number;
  /** Per stage: capacity used over the timeline (units, or USD for plans). */
  used: Float64Array;
  /** Per stage and column (stage-major): instance-hours covered over the timeline. */
  covered: Float64Array;
  cut: { intercept: number; slope: Float64Array; gap: number } | null;
  /** Per row: On-Demand cost of what is left, and instances covered per column (row-major). */
  rowCost: Float64Array | null;
  rowCovered: Float64Array | null;
}

const EPS = 1e-9;

export function runPass(
  plan: BlockPlan,
  levels: ArrayLike<number>,
  opts: { cut?: boolean; rows?: boolean } = {},
): PassResult {
  const { rows: data, stages, od } = plan;
  const nc = data.classes.length;
  const S = stages.length;
  const usage = data.usage;
  const weight = data.weight;
  const rem = new Float64Array(nc);
  const v = new Float64Array(nc);
  const marginal = new Int32Array(S);
  const used = new Float64Array(S);
  const covered = new Float64Array(S * nc);
  const slope = new Float64Array(S);
  const rowCost = opts.rows ? new Float64Array(data.rows) : null;
  const rowCovered = opts.rows ? new Float64Array(data.rows * nc) : null;
  let residual = 0;
  let intercept = 0;
  let gap = 0;

  for (let r = 0; r < data.rows; r++) {
    const base = r * nc;
    const w = weight[r] as number;
    for (let j = 0; j < nc; j++) rem[j] = usage[base + j] as number;
    for (let s = 0; s < S; s++) {
      const { cols, weights } = stages[s] as Stage;
      const level = levels[s] as number;
      let cap = level;
      const m = cols.length;
      for (let q = 0; q < m && cap > 0; q++) {
        const j = cols[q] as number;
        const rm = rem[j] as number;
        if (rm <= 0) continue;
        const wt = weights[q] as number;
        const need = rm * wt;
        const ci = s * nc + j;
        if (need <= cap) {
          cap -= need;
          rem[j] = 0;
          covered[ci] = (covered[ci] as number) + w * rm;
        } else {
          const part = cap / wt;
          rem[j] = rm - part;
          covered[ci] = (covered[ci] as number) + w * part;
          cap = 0;
        }
      }
      used[s] = (used[s] as number) + w * (level - cap);
      if (opts.cut) {
        let k = -1;
        if (cap <= EPS * Math.max(1, level)) {
          for (let q = 0; q < m; q++) {
            if ((rem[cols[q] as number] as number) > EPS) {
              k = q;
              break;
            }
          }
        }
        marginal[s] = k;
      }
    }
    let cost = 0;
    for (let j = 0; j < nc; j++) {
      const rm = rem[j] as number;
      if (rm > 0) cost += rm * (od[j] as number);
    }
    residual += w * cost;
    if (rowCost && rowCovered) {
      rowCost[r] = cost;
      for (let j = 0; j < nc; j++) rowCovered[base + j] = (usage[base + j] as number) - (rem[j] as number);
    }
    if (!opts.cut) continue;
    // Dual prices, last commitment first: π starts at On-Demand; a commitment used up is worth what its
    // next instance-hour would save (π of its marginal class ÷ the capacity it takes); one with some
    // left is worth nothing, and so is the usage it may cover.
    for (let j = 0; j < nc; j++) v[j] = od[j] as number;
    let dual = 0;
    for (let s = S - 1; s >= 0; s--) {
      const { cols, weights } = stages[s] as Stage;
      const k = marginal[s] as number;
      const mu = k < 0 ? 0 : (v[cols[k] as number] as number) / (weights[k] as number);
      for (let q = 0; q < cols.length; q++) {
        const j = cols[q] as number;
        const bound = mu * (weights[q] as number);
        if (bound < (v[j] as number)) v[j] = bound;
      }
      slope[s] = (slope[s] as number) + w * mu;
      dual -= mu * (levels[s] as number);
    }
    let value = 0;
    for (let j = 0; j < nc; j++) value += (v[j] as number) * (usage[base + j] as number);
    intercept += w * value;
    dual += value;
    gap += w * Math.max(0, cost - dual);
  }
  return {
    residual,
    used,
    covered,
    cut: opts.cut ? { intercept, slope, gap } : null,
    rowCost,
    rowCovered,
  };
}

/** The On-Demand cost of one hour's usage left after the commitments (no allocation; `rem` is scratch). */
export function rowResidual(
  plan: BlockPlan,
  levels: ArrayLike<number>,
  row: Float64Array,
  rem: Float64Array,
): number {
  rem.set(row);
  const { stages, od } = plan;
  for (let s = 0; s < stages.length; s++) {
    const { cols, weights } = stages[s] as Stage;
    let cap = levels[s] as number;
    for (let q = 0; q < cols.length && cap > 0; q++) {
      const j = cols[q] as number;
      const rm = rem[j] as number;
      if (rm <= 0) continue;
      const need = rm * (weights[q] as number);
      if (need <= cap) {
        cap -= need;
        rem[j] = 0;
      } else {
        rem[j] = rm - cap / (weights[q] as number);
        cap = 0;
      }
    }
  }
  let cost = 0;
  for (let j = 0; j < rem.length; j++) {
    const rm = rem[j] as number;
    if (rm > 0) cost += rm * (od[j] as number);
  }
  return cost;
}
