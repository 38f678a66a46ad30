import { rowResidual, runPass, type BlockPlan } from './hour-pass';
import {
  prepare,
  solveCommitments,
  type CommitmentSolution,
  type Layout,
  type UsageScale,
} from './commitments';
import type { PlanModel, UsageClass } from './model-types';
import { levelsOf } from './solve';
import { scaledCount } from './usage-rows';

/**
 * Which interruption-tolerant lines go to spot. A line is on spot or not (one purchase per line), and
 * its cost inside the committed plan depends on the others, so:
 * - up to EXHAUSTIVE_SPOT_LINES candidates: every choice is solved exactly and the cheapest kept;
 * - beyond: from "spot where it beats On-Demand", lines are moved one side or the other while a move
 *   lowers the cost at the plan's commitments by more than the line's spot cost differs, the
 *   commitments re-solved after each round, until no line moves (a fixed point) or no move lowers the
 *   re-solved total.
 */
export const EXHAUSTIVE_SPOT_LINES = 6;
const MAX_ROUNDS = 20;

export interface SpotChoice {
  solution: CommitmentSolution;
  /** Σ of the spot lines' monthly cost (model figures). */
  spotMonthly: number;
  total: number;
  candidates: number;
  /** 'exhaustive' (2^n choices), 'fixed-point' (rounds) or 'none'. */
  how: 'exhaustive' | 'fixed-point' | 'none';
  rounds: number;
}

function spotTotal(model: PlanModel, onSpot: readonly boolean[]): number {
  let sum = 0;
  model.lines.forEach((l, i) => {
    if (onSpot[i] && l.spotMonthly !== null) sum += l.spotMonthly.toNumber();
  });
  return sum;
}

/** A line's On-Demand cost per month (its profile at the class rate). */
function odMonthly(model: PlanModel, i: number): number {
  const l = model.lines[i]!;
  const c = model.classes[l.cls] as UsageClass;
  return (l.hours * c.od * model.hoursPerMonth) / l.profile.periodHours;
}

export function chooseSpot(
  model: PlanModel,
  layout: Layout,
  capUsd: number | null,
  scale: UsageScale,
): SpotChoice {
  const n = model.lines.length;
  const candidates = model.lines
    .filter(
      (l) => l.spotMonthly !== null && l.cls >= 0 && l.spotMonthly.toNumber() < odMonthly(model, l.index),
    )
    .map((l) => l.index);
  const solveFor = (onSpot: boolean[]) => {
    // Hours kept beyond the exhaustive search: the moves add and remove lines hour by hour.
    const solution = solveCommitments(
      model,
      layout,
      onSpot,
      capUsd,
      scale,
      prepare(model, layout, onSpot, scale, candidates.length > EXHAUSTIVE_SPOT_LINES),
    );
    const spot = spotTotal(model, onSpot);
    return { solution, spotMonthly: spot, total: solution.committedMonthly + spot };
  };
  if (candidates.length === 0) {
    return { ...solveFor(new Array<boolean>(n).fill(false)), candidates: 0, how: 'none', rounds: 0 };
  }
  if (candidates.length <= EXHAUSTIVE_SPOT_LINES) {
    let best: ReturnType<typeof solveFor> | null = null;
    for (let mask = 0; mask < 1 << candidates.length; mask++) {
      const onSpot = new Array<boolean>(n).fill(false);
      candidates.forEach((c, k) => (onSpot[c] = (mask & (1 << k)) !== 0));
      const r = solveFor(onSpot);
      if (best === null || r.total < best.total - 1e-9) best = r;
    }
    return { ...best!, candidates: candidates.length, how: 'exhaustive', rounds: 1 << candidates.length };
  }
  let onSpot = new Array<boolean>(n).fill(false);
  for (const c of candidates) onSpot[c] = true;
  let current = solveFor(onSpot);
  let rounds = 0;
  while (rounds < MAX_ROUNDS) {
    rounds++;
    const moves = lineMoves(model, current.solution, candidates, scale);
    if (moves.length === 0) break;
    const all = [...onSpot];
    for (const m of moves) all[m.line] = !all[m.line];
    let next = solveFor(all);
    if (next.total >= current.total - 1e-9) {
      // Together they overshoot: the best move alone.
      const one = [...onSpot];
      const best = moves.reduce((a, b) => (b.gain > a.gain ? b : a));
      one[best.line] = !one[best.line];
      next = solveFor(one);
      if (next.total >= current.total - 1e-9) break;
      onSpot = one;
    } else onSpot = all;
    current = next;
  }
  return { ...current, candidates: candidates.length, how: 'fixed-point', rounds };
}

/**
 * For each candidate, what moving it to the other side gains at the current commitments: a line on
 * spot brought back costs the rise of the On-Demand remainder (at most; re-solving can only lower it)
 * against its spot cost saved; a line taken off to spot saves the fall of the remainder (at least)
 * against its spot cost.
 */
function lineMoves(
  model: PlanModel,
  solution: CommitmentSolution,
  candidates: readonly number[],
  scale: UsageScale,
): { line: number; gain: number }[] {
  const kept = solution;
  const levels = levelsOf(kept.blocks, solution.vars, solution.x);
  const moves: { line: number; gain: number }[] = [];
  const blockOfClass = new Map<number, { b: number; j: number }>();
  solution.layout.blocks.forEach((cls, b) => cls.forEach((c, j) => blockOfClass.set(c, { b, j })));
  const rowCosts = kept.blocks.map(
    (blk, b) => runPass(blk.plan, levels[b] as Float64Array, { rows: true }).rowCost!,
  );
  for (const i of candidates) {
    const l = model.lines[i]!;
    const at = blockOfClass.get(l.cls)!;
    const blk = kept.blocks[at.b]!;
    const delta = lineDelta(
      blk.plan,
      levels[at.b] as Float64Array,
      rowCosts[at.b] as Float64Array,
      at.j,
      l.profile,
      scale,
      solution.onSpot[i] ? 1 : -1,
    );
    const change = delta * blk.scale;
    const spot = l.spotMonthly!.toNumber();
    const gain = solution.onSpot[i] ? spot - change : -change - spot;
    if (gain > 1e-9) moves.push({ line: i, gain });
  }
  return moves;
}

/** Σ over the timeline of the change in On-Demand remainder when one line's usage is added (+1) or removed (−1). */
function lineDelta(
  plan: BlockPlan,
  levels: Float64Array,
  rowCost: Float64Array,
  col: number,
  profile: { counts: readonly number[]; periodHours: number },
  scale: UsageScale,
  sign: 1 | -1,
): number {
  const { rows } = plan;
  const nc = rows.classes.length;
  const T = rows.timelineHours;
  const row = new Float64Array(nc);
  const rem = new Float64Array(nc);
  const rho = uniformRate(plan);
  const stage = plan.stages[0];
  const level = levels[0] as number;
  const f = stage ? (stage.weights[stage.cols.indexOf(col)] as number) : 1;
  let sum = 0;
  for (let m = 0; m < rows.months; m++) {
    const factor = scale.factorOf(m);
    for (let t = 0; t < T; t++) {
      const c = scaledCount(profile.counts[t % profile.periodHours] as number, factor);
      if (c === 0) continue;
      const r = rows.rowOf![m * T + t] as number;
      if (rho !== null) {
        // One RI pool whose classes cost the same per unit: the remainder is ρ × (units − level)⁺.
        let units = 0;
        for (let q = 0; q < nc; q++)
          units +=
            (rows.usage[r * nc + (stage!.cols[q] as number)] as number) * (stage!.weights[q] as number);
        const after = units + sign * c * f;
        sum += (rho * (Math.max(0, after - level) - Math.max(0, units - level))) / rows.months;
        continue;
      }
      for (let j = 0; j < nc; j++) row[j] = rows.usage[r * nc + j] as number;
      row[col] = (row[col] as number) + sign * c;
      sum += (rowResidual(plan, levels, row, rem) - (rowCost[r] as number)) / rows.months;
    }
  }
  return sum;
}

/** The On-Demand rate per unit shared by every class of a block with one RI pool; null otherwise. */
function uniformRate(plan: BlockPlan): number | null {
  if (plan.stages.length !== 1) return null;
  const { cols, weights } = plan.stages[0]!;
  if (cols.length !== plan.rows.classes.length) return null;
  const rates = Array.from(cols, (j, q) => (plan.od[j] as number) / (weights[q] as number));
  const first = rates[0] as number;
  return rates.every((r) => Math.abs(r - first) <= 1e-12 * first) ? first : null;
}
