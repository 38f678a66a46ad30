import type { BlockPlan, Stage } from './hour-pass';
import { SP_STEPS_PER_USD, type PlanModel, type Product, type UsageClass } from './model-types';
import {
  solveCuttingPlanes,
  solvePool,
  stagePeak,
  type Block,
  type SolveResult,
  type Variable,
} from './solve';
import { buildRows, classHours, scaledCount, type UsageRows } from './usage-rows';

/**
 * The commitments for one choice of lines on spot: the classes split into blocks that no product
 * spans (pools joined by a Savings Plan that may cover both), each block's hours compressed, one
 * variable per product, and the exact solver run on each block (or on all at once under an upfront
 * cap, which couples them).
 */
export interface UsageScale {
  /** Months averaged (1, or the horizon's months under growth). */
  months: number;
  factorOf: (month: number) => number;
}

export const TODAY: UsageScale = { months: 1, factorOf: () => 1 };

export interface Layout {
  /** Global class indexes of each block. */
  blocks: number[][];
  /** Each block's stages: RI pools (pool index) then plans (sp index), in AWS's order. */
  stages: ({ kind: 'ri'; pool: number } | { kind: 'sp'; sp: number })[][];
  /** Per product (model.ri then model.sp): its block and stage. */
  place: { block: number; stage: number }[];
  products: Product[];
}

export function layoutOf(model: PlanModel): Layout {
  const parent = model.pools.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  for (const sp of model.sp) {
    const pools = sp.classes.map((c) => (model.classes[c] as UsageClass).pool);
    for (const p of pools) parent[find(p)] = find(pools[0] as number);
  }
  const blockOfRoot = new Map<number, number>();
  const blocks: number[][] = [];
  model.classes.forEach((c, i) => {
    const root = find(c.pool);
    let b = blockOfRoot.get(root);
    if (b === undefined) {
      b = blocks.length;
      blockOfRoot.set(root, b);
      blocks.push([]);
    }
    (blocks[b] as number[]).push(i);
  });
  const blockOfPool = (p: number) => blockOfRoot.get(find(p)) as number;
  const stages: Layout['stages'] = blocks.map(() => []);
  const poolStage = new Map<number, number>();
  const products: Product[] = [...model.ri, ...model.sp];
  const place = products.map((p) => {
    if (p.kind === 'ri') {
      const block = blockOfPool(p.pool);
      let stage = poolStage.get(p.pool);
      if (stage === undefined) {
        const list = stages[block] as Layout['stages'][number];
        stage = list.length;
        poolStage.set(p.pool, stage);
        list.push({ kind: 'ri', pool: p.pool });
      }
      return { block, stage };
    }
    const block = blockOfPool((model.classes[p.classes[0] as number] as UsageClass).pool);
    const list = stages[block] as Layout['stages'][number];
    list.push({ kind: 'sp', sp: model.sp.indexOf(p) });
    return { block, stage: list.length - 1 };
  });
  // RI stages come before the plans: the RIs were placed first, so they are.
  return { blocks, stages, place, products };
}

/** The pass data of each block for these rows: each stage's columns in serving order. */
export function blockPlans(model: PlanModel, layout: Layout, rows: UsageRows[]): BlockPlan[] {
  return layout.blocks.map((classes, b) => {
    const col = new Map(classes.map((c, j) => [c, j]));
    const stages: Stage[] = (layout.stages[b] ?? []).map((s) => {
      if (s.kind === 'ri') {
        const pool = model.pools[s.pool]!;
        return {
          cols: Int32Array.from(pool.classes, (c) => col.get(c) as number),
          weights: Float64Array.from(pool.classes, (c) => (model.classes[c] as UsageClass).factor),
        };
      }
      const sp = model.sp[s.sp]!;
      return {
        cols: Int32Array.from(sp.classes, (c) => col.get(c) as number),
        weights: Float64Array.from(sp.rates),
      };
    });
    return {
      rows: rows[b] as UsageRows,
      stages,
      od: Float64Array.from(classes, (c) => (model.classes[c] as UsageClass).od),
    };
  });
}

export interface CommitmentSolution {
  onSpot: boolean[];
  layout: Layout;
  blocks: Block[];
  vars: Variable[];
  /** Per variable: which product. */
  productOf: number[];
  x: number[];
  /** Commitments plus On-Demand of the non-spot usage, per month (model figures, floats). */
  committedMonthly: number;
  lowerBound: number;
  iterations: number;
  passes: number;
  methods: Set<SolveResult['method']>;
}

export interface Prepared {
  blocks: Block[];
  vars: Variable[];
  productOf: number[];
}

export function prepare(
  model: PlanModel,
  layout: Layout,
  onSpot: boolean[],
  scale: UsageScale,
  keepHours = false,
): Prepared {
  const rows = buildRows(model, classHours(model, onSpot), {
    blocks: layout.blocks,
    factorOf: scale.factorOf,
    months: scale.months,
    keepHours,
  });
  return withRows(model, layout, rows);
}

/** The blocks and variables for given rows (one per block). */
export function withRows(model: PlanModel, layout: Layout, rows: UsageRows[]): Prepared {
  const plans = blockPlans(model, layout, rows);
  const blocks = plans.map((plan) => ({ plan, scale: model.hoursPerMonth / plan.rows.timelineHours }));
  const vars: Variable[] = [];
  const productOf: number[] = [];
  layout.products.forEach((p, i) => {
    const { block, stage } = layout.place[i]!;
    const plan = plans[block] as BlockPlan;
    const peak = stagePeak(plan, stage);
    const perUnit = p.kind === 'ri' ? p.factor : 1 / SP_STEPS_PER_USD;
    const ub = Math.ceil(peak / perUnit - 1e-9);
    if (ub <= 0) return;
    vars.push({
      block,
      stage,
      perUnit,
      cost: p.kind === 'ri' ? p.monthly.toNumber() : p.monthlyPerUsdHour.toNumber() / SP_STEPS_PER_USD,
      upfront: p.kind === 'ri' ? p.upfront.toNumber() : p.upfrontPerUsdHour.toNumber() / SP_STEPS_PER_USD,
      ub,
      integer: p.kind === 'ri',
    });
    productOf.push(i);
  });
  return { blocks, vars, productOf };
}

/** Rows with every class's instances scaled by `factor`, rounded up (the hours they stand for unchanged). */
export function scaledRows(rows: UsageRows, factor: number): UsageRows {
  return { ...rows, usage: rows.usage.map((v) => scaledCount(v, factor)) };
}

export function solveCommitments(
  model: PlanModel,
  layout: Layout,
  onSpot: boolean[],
  capUsd: number | null,
  scale: UsageScale = TODAY,
  prepared: Prepared = prepare(model, layout, onSpot, scale),
): CommitmentSolution {
  const { blocks, vars, productOf } = prepared;
  const x = vars.map(() => 0);
  const methods = new Set<SolveResult['method']>();
  let committed = 0;
  let lowerBound = 0;
  let iterations = 0;
  let passes = 0;
  const absorb = (r: SolveResult, idx: number[]) => {
    idx.forEach((v, k) => (x[v] = r.x[k] as number));
    committed += r.monthly;
    lowerBound += r.lowerBound;
    iterations += r.iterations;
    passes += r.passes;
    methods.add(r.method);
  };
  if (capUsd === null) {
    blocks.forEach((block, b) => {
      const idx = vars.flatMap((v, i) => (v.block === b ? [i] : []));
      if (idx.length === 0) {
        const residual = blockResidualMonthly(block);
        absorb(
          { x: [], monthly: residual, lowerBound: residual, iterations: 0, passes: 1, method: 'none' },
          idx,
        );
        return;
      }
      const own = idx.map((i) => ({ ...(vars[i] as Variable), block: 0 }));
      const onePool =
        block.plan.stages.length === 1 &&
        idx.every((i) => layout.products[productOf[i] as number]!.kind === 'ri');
      const pool = onePool ? solvePool(block, own) : null;
      if (pool) {
        absorb(pool, idx);
        return;
      }
      absorb(solveCuttingPlanes([block], own, null, startOf(layout, productOf, idx, [block], own)), idx);
    });
  } else {
    const all = vars.map((_, i) => i);
    absorb(
      solveCuttingPlanes(
        blocks,
        vars,
        capUsd,
        vars.map(() => 0),
      ),
      all,
    );
  }
  return {
    onSpot,
    layout,
    blocks,
    vars,
    productOf,
    x,
    committedMonthly: committed,
    lowerBound,
    iterations,
    passes,
    methods,
  };
}

function blockResidualMonthly(block: Block): number {
  const { rows, od } = block.plan;
  const nc = rows.classes.length;
  let sum = 0;
  for (let r = 0; r < rows.rows; r++) {
    let cost = 0;
    for (let j = 0; j < nc; j++) cost += (rows.usage[r * nc + j] as number) * (od[j] as number);
    sum += (rows.weight[r] as number) * cost;
  }
  return sum * block.scale;
}

/** A start for the cutting planes: each RI alone at its exact optimum (plans at 0). */
function startOf(
  layout: Layout,
  productOf: number[],
  idx: number[],
  blocks: Block[],
  own: Variable[],
): number[] {
  // Each pool's RIs alone at their exact optimum (the plans at 0).
  const x = idx.map(() => 0);
  const stages = new Set(own.map((v) => v.stage));
  for (const stage of stages) {
    const ks = idx.flatMap((i, k) =>
      (own[k] as Variable).stage === stage && layout.products[productOf[i] as number]!.kind === 'ri'
        ? [k]
        : [],
    );
    if (ks.length === 0) continue;
    const stageOnly: Block = {
      scale: (blocks[0] as Block).scale,
      plan: { ...(blocks[0] as Block).plan, stages: [(blocks[0] as Block).plan.stages[stage]!] },
    };
    const r = solvePool(
      stageOnly,
      ks.map((k) => ({ ...(own[k] as Variable), stage: 0 })),
    );
    if (r) ks.forEach((k, j) => (x[k] = r.x[j] as number));
  }
  return x;
}
