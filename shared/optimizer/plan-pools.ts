import type { PlannedPurchase } from './apply-plan';
import type { CommitmentSolution } from './commitments';
import { runPass } from './hour-pass';
import type { PlanModel, UsageClass } from './model-types';
import { levelsOf, type Block } from './solve';
import type { PlanPool } from './types';

/**
 * Each RI pool as the plan sees it, in instances of its smallest type: the usage-duration curve (usage
 * sorted from the busiest hour down, ≤ 201 points), the commitment layers on it (the RIs' level, then
 * each plan's mean coverage of this pool per hour, cumulative) and the week's mean usage and coverage
 * per hour (Monday 00:00 first; a timeline hour t is hour t mod 168 of the week).
 */
const DURATION_POINTS = 201;
const WEEK = 168;

export function planPools(
  model: PlanModel,
  solution: CommitmentSolution,
  today: readonly Block[],
  purchases: readonly PlannedPurchase[],
): PlanPool[] {
  const levels = levelsOf(today, solution.vars, solution.x);
  const passes = today.map((b, i) => runPass(b.plan, levels[i] as Float64Array, { rows: true }));
  const out: PlanPool[] = [];
  model.pools.forEach((pool, p) => {
    const b = solution.layout.blocks.findIndex((cls) => cls.includes(pool.classes[0] as number));
    const block = today[b] as Block;
    const { rows } = block.plan;
    const nc = rows.classes.length;
    const cols = pool.classes.map((c) => rows.classes.indexOf(c));
    const unit = cols.map(
      (_, k) => (model.classes[pool.classes[k] as number] as UsageClass).factor / pool.unitFactor,
    );
    const rowUsage = new Float64Array(rows.rows);
    const rowCovered = new Float64Array(rows.rows);
    const covered = passes[b]!.rowCovered!;
    for (let r = 0; r < rows.rows; r++) {
      let u = 0;
      let c = 0;
      for (let k = 0; k < cols.length; k++) {
        const j = r * nc + (cols[k] as number);
        u += (rows.usage[j] as number) * (unit[k] as number);
        c += (covered[j] as number) * (unit[k] as number);
      }
      rowUsage[r] = u;
      rowCovered[r] = c;
    }
    let any = false;
    for (let r = 0; r < rows.rows; r++) if ((rowUsage[r] as number) > 0) any = true;
    const layers = poolLayers(model, solution, block, b, p, cols, unit, passes[b]!.covered, purchases);
    if (!any && layers.length === 0) return;
    const T = rows.timelineHours;
    const weekUsage = new Float64Array(WEEK);
    const weekCovered = new Float64Array(WEEK);
    const seen = new Float64Array(WEEK);
    const rowOf = rows.rowOf!;
    for (let t = 0; t < T; t++) {
      const r = rowOf[t] as number;
      const h = t % WEEK;
      weekUsage[h] = (weekUsage[h] as number) + (rowUsage[r] as number);
      weekCovered[h] = (weekCovered[h] as number) + (rowCovered[r] as number);
      seen[h] = (seen[h] as number) + 1;
    }
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    out.push({
      label: pool.label,
      unitType: pool.unitType,
      duration: durationCurve(rowUsage, rows.weight),
      layers,
      weekUsage: Array.from(weekUsage, (v, h) => round(v / Math.max(1, seen[h] as number))),
      weekCovered: Array.from(weekCovered, (v, h) => round(v / Math.max(1, seen[h] as number))),
    });
  });
  return out;
}

function poolLayers(
  model: PlanModel,
  solution: CommitmentSolution,
  block: Block,
  b: number,
  p: number,
  cols: number[],
  unit: number[],
  covered: Float64Array,
  purchases: readonly PlannedPurchase[],
): PlanPool['layers'] {
  const layers: PlanPool['layers'] = [];
  const nc = block.plan.rows.classes.length;
  const T = block.plan.rows.timelineHours;
  let upTo = 0;
  for (const pu of purchases) {
    const product = pu.product;
    if (product.kind === 'ri' && product.pool === p) {
      upTo += (pu.amount * product.factor) / model.pools[p]!.unitFactor;
      layers.push({ label: product.label, upTo: Math.round(upTo * 1e6) / 1e6 });
    }
  }
  for (const pu of purchases) {
    const product = pu.product;
    if (product.kind !== 'sp') continue;
    const vi = solution.vars.findIndex(
      (_, i) => solution.layout.products[solution.productOf[i] as number] === product,
    );
    const v = solution.vars[vi];
    if (!v || v.block !== b) continue;
    let mean = 0;
    cols.forEach((j, k) => (mean += ((covered[v.stage * nc + j] as number) * (unit[k] as number)) / T));
    if (mean <= 0) continue;
    upTo += mean;
    layers.push({ label: product.label, upTo: Math.round(upTo * 1e6) / 1e6 });
  }
  return layers;
}

/** Usage sorted from the busiest hour down, sampled at sharePct = 0, 0.5, … 100. */
function durationCurve(rowUsage: Float64Array, weight: Float64Array): PlanPool['duration'] {
  // Hours by usage level (few distinct levels), busiest first.
  const byLevel = new Map<number, number>();
  let total = 0;
  for (let r = 0; r < rowUsage.length; r++) {
    const u = rowUsage[r] as number;
    const w = weight[r] as number;
    byLevel.set(u, (byLevel.get(u) ?? 0) + w);
    total += w;
  }
  const levels = [...byLevel.keys()].sort((a, b) => b - a);
  const points: PlanPool['duration'] = [];
  let k = 0;
  let cum = 0;
  for (let i = 0; i < DURATION_POINTS; i++) {
    const share = i / (DURATION_POINTS - 1);
    // The usage exceeded (or met) in `share` of the hours: the level where the cumulative share reaches it.
    while (
      k < levels.length - 1 &&
      cum + (byLevel.get(levels[k] as number) as number) < share * total - 1e-12
    ) {
      cum += byLevel.get(levels[k] as number) as number;
      k++;
    }
    points.push({ sharePct: Math.round(share * 1000) / 10, usage: levels[k] ?? 0 });
  }
  return points;
}
