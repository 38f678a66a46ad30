import { Decimal, toUsdString } from '../money';
import type { ScenarioEstimate } from '../pricing/estimate-types';
import { commitmentUsd, type PlannedPurchase } from './apply-plan';
import {
  prepare,
  scaledRows,
  solveCommitments,
  TODAY,
  withRows,
  type CommitmentSolution,
  type UsageScale,
} from './commitments';
import { runPass } from './hour-pass';
import type { PlanModel } from './model-types';
import { levelsOf, residualCurve, type Block, type Variable } from './solve';
import { classHours, scaledCount } from './usage-rows';
import type { CommitmentCurve, SensitivityPoint } from './types';

/**
 * Risk around the plan, priced with the optimizer's pass on the compressed hours (cheap, and equal to
 * the estimate at the plan itself): every figure is an amortized month (upfront spread over the term)
 * of the whole scenario, EBS included.
 * - curves: one purchase's level varied from 0 to twice the plan's, the others held;
 * - sensitivity: each type's instances per hour scaled by −40…+40 % (whole instances, rounded up, as
 *   growth is; EBS with the lines' peak or running instances),
 *   priced with the plan kept, all On-Demand, and with the commitments re-optimized (spot kept);
 * - worst month: each month of 36 (with growth, month m's usage × (1 + g)^m) at the plan's commitments.
 */
export const USAGE_CHANGES_PCT = [-40, -20, -10, 0, 10, 20, 40] as const;
const CURVE_POINTS = 21;

/** What the plan costs beside its commitments and their On-Demand remainder: spot lines and EBS. */
export interface FixedCosts {
  /** Per line: its spot compute (spot + interruption) and its EBS per month, from the estimate. */
  spot: number[];
  ebs: number[];
}

export function fixedCostsOf(model: PlanModel, estimate: ScenarioEstimate): FixedCosts {
  return {
    spot: model.lines.map((_, i) => {
      const c = estimate.lines[i]?.compute;
      return Number(c?.spotUsd ?? 0) + Number(c?.interruptionUsd ?? 0);
    }),
    ebs: model.lines.map((_, i) => {
      const l = estimate.lines[i];
      return Number(l?.storageMonthlyUsd ?? 0) + Number(l?.snapshotMonthlyUsd ?? 0);
    }),
  };
}

function commitmentsMonthly(vars: readonly Variable[], x: readonly number[]): number {
  let sum = 0;
  vars.forEach((v, i) => (sum += v.cost * (x[i] as number)));
  return sum;
}

function residualMonthly(blocks: readonly Block[], vars: readonly Variable[], x: readonly number[]): number {
  const levels = levelsOf(blocks, vars, x);
  let sum = 0;
  blocks.forEach((b, i) => (sum += b.scale * runPass(b.plan, levels[i] as Float64Array).residual));
  return sum;
}

export function commitmentCurves(
  solution: CommitmentSolution,
  purchases: readonly PlannedPurchase[],
  fixedMonthly: number,
): CommitmentCurve[] {
  const { blocks, vars, x } = solution;
  const base = commitmentsMonthly(vars, x);
  const levels = levelsOf(blocks, vars, x);
  const residuals = blocks.map((b, i) => b.scale * runPass(b.plan, levels[i] as Float64Array).residual);
  const totalResidual = residuals.reduce((a, b) => a + b, 0);
  return purchases.map((p) => {
    const vi = vars.findIndex(
      (_, i) => solution.layout.products[solution.productOf[i] as number] === p.product,
    );
    const v = vars[vi] as Variable;
    const block = blocks[v.block] as Block;
    const own = levels[v.block] as Float64Array;
    const amounts = curveAmounts(p.amount);
    // An RI pool alone in its block: every level's residual from one sweep, in steps of its sizes' divisor.
    const step = block.plan.stages.length === 1 ? poolStep(vars, v.block) : 0;
    const sweep = step > 0 ? residualCurve(block, step) : null;
    const points = amounts.map((amount) => {
      const l = Float64Array.from(own);
      l[v.stage] = (l[v.stage] as number) + (amount - p.amount) * v.perUnit;
      const residual = sweep
        ? (sweep[Math.min(Math.round((l[v.stage] as number) / step), sweep.length - 1)] as number)
        : block.scale * runPass(block.plan, l).residual;
      const monthly =
        fixedMonthly +
        base +
        (amount - p.amount) * v.cost +
        totalResidual -
        (residuals[v.block] as number) +
        residual;
      return {
        level: p.product.kind === 'ri' ? amount : commitmentUsd(amount).toNumber(),
        monthlyUsd: toUsdString(new Decimal(monthly).toDecimalPlaces(6)),
      };
    });
    return {
      label: p.product.label,
      unit: p.product.kind === 'ri' ? 'RIs' : 'USD/h',
      points,
      optimumLevel: p.product.kind === 'ri' ? p.amount : commitmentUsd(p.amount).toNumber(),
    };
  });
}

/** The units of a one-pool block's levels: the greatest common divisor of its RI sizes (factors are quarters). */
function poolStep(vars: readonly Variable[], block: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const quarters = vars.filter((v) => v.block === block).map((v) => Math.round(v.perUnit * 4));
  return quarters.length === 0 ? 0 : quarters.reduce(gcd) / 4;
}

/** 0 to twice the plan's amount in 20 steps (whole units; the plan's own amount always among them). */
function curveAmounts(amount: number): number[] {
  const top = 2 * amount;
  if (top <= CURVE_POINTS - 1) return Array.from({ length: top + 1 }, (_, i) => i);
  const set = new Set<number>([amount]);
  for (let k = 0; k < CURVE_POINTS; k++) set.add(Math.round((top * k) / (CURVE_POINTS - 1)));
  return [...set].sort((a, b) => a - b);
}

/** Per class: the spot lines' monthly cost, their instance-hours, and how many hours run each count. */
function spotByClass(model: PlanModel, solution: CommitmentSolution, fixed: FixedCosts) {
  const nc = model.classes.length;
  const { T, spot } = classHours(model, solution.onSpot);
  const cost = new Float64Array(nc);
  const hours = new Float64Array(nc);
  const histogram = Array.from({ length: nc }, () => new Map<number, number>());
  model.lines.forEach((l, i) => {
    if (solution.onSpot[i] && l.cls >= 0) cost[l.cls] = (cost[l.cls] as number) + (fixed.spot[i] as number);
  });
  for (let t = 0; t < T; t++)
    for (let c = 0; c < nc; c++) {
      const n = spot[t * nc + c] as number;
      if (n === 0) continue;
      hours[c] = (hours[c] as number) + n;
      const h = histogram[c] as Map<number, number>;
      h.set(n, (h.get(n) ?? 0) + 1);
    }
  return { cost, hours, histogram, T, spot, nc };
}

export function sensitivity(
  model: PlanModel,
  solution: CommitmentSolution,
  today: readonly Block[],
  capUsd: number | null,
  fixed: FixedCosts,
): SensitivityPoint[] {
  const spotClasses = spotByClass(model, solution, fixed);
  const nc = model.classes.length;
  const peaks = model.lines.map((l) => l.profile.counts.reduce((a, b) => Math.max(a, b), 0));
  return USAGE_CHANGES_PCT.map((pct) => {
    const factor = 1 + pct / 100;
    const prepared = withRows(
      model,
      solution.layout,
      today.map((b) => scaledRows(b.plan.rows, factor)),
    );
    const plan =
      commitmentsMonthly(solution.vars, solution.x) +
      residualMonthly(prepared.blocks, solution.vars, solution.x);
    const optimal =
      pct === 0
        ? plan
        : solveCommitments(model, solution.layout, solution.onSpot, capUsd, TODAY, prepared).committedMonthly;
    // All On-Demand: the committed lines' scaled hours and the spot lines', at On-Demand.
    let od = 0;
    for (const b of prepared.blocks) {
      const { rows, od: rate } = b.plan;
      const k = rows.classes.length;
      let sum = 0;
      for (let r = 0; r < rows.rows; r++) {
        let cost = 0;
        for (let j = 0; j < k; j++) cost += (rows.usage[r * k + j] as number) * (rate[j] as number);
        sum += (rows.weight[r] as number) * cost;
      }
      od += sum * b.scale;
    }
    let spotUsd = 0;
    for (let c = 0; c < nc; c++) {
      const base = spotClasses.hours[c] as number;
      if (base === 0) continue;
      let scaled = 0;
      for (const [n, hours] of spotClasses.histogram[c] as Map<number, number>)
        scaled += scaledCount(n, factor) * hours;
      spotUsd += ((spotClasses.cost[c] as number) * scaled) / base;
      od += (scaled * model.classes[c]!.od * model.hoursPerMonth) / spotClasses.T;
    }
    let ebs = 0;
    model.lines.forEach((l, i) => {
      const peak = peaks[i] as number;
      const ratio =
        l.line.volumeLifetime === 'running' ? factor : peak > 0 ? scaledCount(peak, factor) / peak : 1;
      ebs += (fixed.ebs[i] as number) * ratio;
    });
    const money = (n: number) => toUsdString(new Decimal(n).toDecimalPlaces(6));
    return {
      usageChangePct: pct,
      planMonthlyUsd: money(plan + spotUsd + ebs),
      onDemandMonthlyUsd: money(od + ebs),
      optimalMonthlyUsd: money(Math.min(plan, optimal) + spotUsd + ebs),
    };
  });
}

/** The month (1..36) the plan costs most in at its commitments, with growth applied month by month. */
export function worstMonth(
  model: PlanModel,
  solution: CommitmentSolution,
  growthPctPerMonth: number,
  fixed: FixedCosts,
  today: readonly Block[],
): { month: number; monthlyUsd: string } | null {
  const months = 36;
  const factorOf = (m: number) => (growthPctPerMonth === 0 ? 1 : (1 + growthPctPerMonth / 100) ** m);
  const scale: UsageScale = { months: growthPctPerMonth === 0 ? 1 : months, factorOf };
  const blocks =
    growthPctPerMonth === 0 ? today : prepare(model, solution.layout, solution.onSpot, scale, true).blocks;
  const levels = levelsOf(blocks, solution.vars, solution.x);
  const rowCosts = blocks.map((b, i) => runPass(b.plan, levels[i] as Float64Array, { rows: true }).rowCost!);
  const commitments = commitmentsMonthly(solution.vars, solution.x);
  const spotClasses = spotByClass(model, solution, fixed);
  const hpm = model.hoursPerMonth;
  const ebs = fixed.ebs.reduce((a, b) => a + b, 0);
  // Spot USD per instance-hour of each class (its lines' monthly cost over their hours in a month).
  const spotRate = Array.from(spotClasses.cost, (cost, c) => {
    const h = spotClasses.hours[c] as number;
    return h > 0 ? (cost * spotClasses.T) / (h * hpm) : 0;
  });
  let worst: { month: number; monthly: number } | null = null;
  for (let m = 0; m < months; m++) {
    const start = Math.floor(m * hpm);
    const end = Math.floor((m + 1) * hpm);
    const rowMonth = scale.months === 1 ? 0 : m;
    let hourly = 0;
    blocks.forEach((b, bi) => {
      const T = b.plan.rows.timelineHours;
      const rowOf = b.plan.rows.rowOf!;
      const cost = rowCosts[bi] as Float64Array;
      for (let h = start; h < end; h++) hourly += cost[rowOf[rowMonth * T + (h % T)] as number] as number;
    });
    const { T, spot, nc } = spotClasses;
    for (let h = start; h < end; h++) {
      const base = (h % T) * nc;
      for (let c = 0; c < nc; c++) {
        const n = spot[base + c] as number;
        if (n !== 0) hourly += scaledCount(n, factorOf(m)) * (spotRate[c] as number);
      }
    }
    const monthly = commitments + hourly * (hpm / (end - start)) + ebs;
    if (worst === null || monthly > worst.monthly + 1e-9) worst = { month: m + 1, monthly };
  }
  return worst === null
    ? null
    : { month: worst.month, monthlyUsd: toUsdString(new Decimal(worst.monthly).toDecimalPlaces(6)) };
}
