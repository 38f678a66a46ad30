import { Decimal, toUsdString } from '../money';
import { breakEvenMonth } from '../pricing/break-even';
import type { LineEstimate, ScenarioEstimate } from '../pricing/estimate-types';
import { percentText } from '../pricing/percent';
import type { ScenarioLine } from '../scenario/schema';
import type { AppliedPlan, PlannedPurchase } from './apply-plan';
import { commitmentUsd } from './apply-plan';
import type { CommitmentSolution } from './commitments';
import { runPass } from './hour-pass';
import type { PlanModel, UsageClass } from './model-types';
import { levelsOf } from './solve';
import type { PlanLine, PlanPurchase } from './types';

/**
 * The plan's purchases and lines as the Plan screen and the CLI show them, with the estimate's figures
 * for each holder line (upfront, recurring, utilization) and each commitment's break-even against the
 * On-Demand cost of the usage it covers (from the optimizer's pass at today's usage).
 */

/** The purchases with an amount above zero, in the order of the model's products. */
export function plannedPurchases(solution: CommitmentSolution): PlannedPurchase[] {
  const out: PlannedPurchase[] = [];
  solution.vars.forEach((_, i) => {
    const amount = solution.x[i] as number;
    if (amount > 0) out.push({ product: solution.layout.products[solution.productOf[i] as number]!, amount });
  });
  return out;
}

/** Per planned purchase: the On-Demand value, per month, of the usage it covers. */
export function coveredOdMonthly(
  solution: CommitmentSolution,
  purchases: readonly PlannedPurchase[],
): number[] {
  const levels = levelsOf(solution.blocks, solution.vars, solution.x);
  const passes = solution.blocks.map((b, i) => runPass(b.plan, levels[i] as Float64Array));
  return purchases.map((p) => {
    const v = solution.vars.findIndex(
      (_, i) => solution.layout.products[solution.productOf[i] as number] === p.product,
    );
    const variable = solution.vars[v]!;
    const block = solution.blocks[variable.block]!;
    const out = passes[variable.block]!;
    const nc = block.plan.rows.classes.length;
    let value = 0;
    for (let j = 0; j < nc; j++)
      value += (out.covered[variable.stage * nc + j] as number) * (block.plan.od[j] as number);
    const level = (levels[variable.block] as Float64Array)[variable.stage] as number;
    const share = level > 0 ? (p.amount * variable.perUnit) / level : 0;
    return value * share * block.scale;
  });
}

function breakEven(upfront: Decimal, recurring: Decimal, termYears: 1 | 3, odMonthly: number): number | null {
  const od = new Decimal(odMonthly);
  const cash: Decimal[] = [];
  const odCash: Decimal[] = [];
  let sum = new Decimal(0);
  for (let m = 0; m <= 36; m++) {
    if (m > 0) sum = sum.plus(recurring);
    if (m === 0 || (termYears === 1 && (m === 12 || m === 24))) sum = sum.plus(upfront);
    cash.push(sum);
    odCash.push(od.times(m));
  }
  return breakEvenMonth(cash, odCash);
}

export function planPurchases(
  model: PlanModel,
  purchases: readonly PlannedPurchase[],
  applied: AppliedPlan,
  estimate: ScenarioEstimate,
  coveredOd: readonly number[],
): PlanPurchase[] {
  const byId = new Map(estimate.lines.map((l) => [l.id, l]));
  return purchases.map((p, i): PlanPurchase => {
    const line = byId.get(applied.holders[i] as string) as LineEstimate;
    const c = line.commitment;
    const upfront = new Decimal(c?.upfrontUsd ?? 0);
    const recurring = new Decimal(c?.recurringMonthlyUsd ?? 0);
    const term = p.product.termYears;
    const amortized = recurring.plus(upfront.div(term * 12));
    const common = {
      termYears: term,
      paymentOption: p.product.paymentOption,
      upfrontUsd: toUsdString(upfront),
      recurringMonthlyUsd: toUsdString(recurring),
      amortizedMonthlyUsd: toUsdString(amortized),
      utilizationPct: c?.utilizationPct ?? '0.0',
      breakEvenMonth: breakEven(upfront, recurring, term, coveredOd[i] as number),
    };
    return purchaseOf(model, p.product, p.amount, common);
  });
}

/** Shares in tenths of a percent that add up to exactly 100.0 (largest remainder). */
export function sharesText(parts: readonly Decimal[]): string[] {
  const total = parts.reduce((a, b) => a.plus(b), new Decimal(0));
  if (total.isZero()) return parts.map(() => '0.0');
  const exact = parts.map((p) => p.div(total).times(1000));
  const floors = exact.map((e) => e.floor());
  let left = 1000 - floors.reduce((a, b) => a + b.toNumber(), 0);
  const order = exact
    .map((e, i) => ({ i, r: e.minus(floors[i] as Decimal) }))
    .sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  const tenths = floors.map((f) => f.toNumber());
  for (const o of order) {
    if (left <= 0) break;
    tenths[o.i] = (tenths[o.i] as number) + 1;
    left--;
  }
  return tenths.map((t) => (t / 10).toFixed(1));
}

export function planLines(scenario: { lines: ScenarioLine[] }, estimate: ScenarioEstimate): PlanLine[] {
  return scenario.lines.map((line, i): PlanLine => {
    const e = estimate.lines[i] as LineEstimate;
    const cov = e.coverage;
    const [spot, reserved, sp, od] = sharesText(
      [cov.spotHours, cov.reservedHours, cov.savingsPlanHours, cov.onDemandHours].map((h) => new Decimal(h)),
    ) as [string, string, string, string];
    return {
      lineId: line.id,
      lineName: line.name ?? line.id,
      instanceType: line.instanceType,
      region: line.region,
      os: line.os,
      instanceHoursPerMonth: e.instanceHours,
      spotPct: spot,
      reservedPct: reserved,
      savingsPlanPct: sp,
      onDemandPct: od,
      monthlyUsd: e.amortizedMonthlyUsd,
    };
  });
}

/** Share of the non-spot instance-hours covered by commitments, and of the commitments paid that covered usage. */
export function coverageAndUtilization(estimate: ScenarioEstimate): {
  coverage: string | null;
  utilization: string | null;
} {
  let covered = new Decimal(0);
  let nonSpot = new Decimal(0);
  let usedUsd = new Decimal(0);
  let paidUsd = new Decimal(0);
  for (const l of estimate.lines) {
    const c = l.coverage;
    covered = covered.plus(c.reservedHours).plus(c.savingsPlanHours);
    nonSpot = nonSpot.plus(c.reservedHours).plus(c.savingsPlanHours).plus(c.onDemandHours);
    const parts = [l.compute.reservedUsd, l.compute.savingsPlanUsd, l.compute.unusedCommitmentUsd];
    if (parts.some((v) => v === null)) continue;
    const used = new Decimal(parts[0] as string).plus(parts[1] as string);
    usedUsd = usedUsd.plus(used);
    paidUsd = paidUsd.plus(used).plus(parts[2] as string);
  }
  return {
    coverage: nonSpot.isZero() ? null : percentText(covered.div(nonSpot)),
    utilization: paidUsd.isZero() ? null : percentText(usedUsd.div(paidUsd)),
  };
}

/**
 * Purchases priced from the catalog's rates and the optimizer's pass (for a ladder's later steps, which
 * no estimate prices): upfront and recurring from the rates, utilization and break-even from what the
 * commitments cover at that step's usage.
 */
export function modelPurchases(
  model: PlanModel,
  solution: CommitmentSolution,
  purchases: readonly PlannedPurchase[],
  amounts: readonly number[],
): PlanPurchase[] {
  const levels = levelsOf(solution.blocks, solution.vars, solution.x);
  const passes = solution.blocks.map((b, i) => runPass(b.plan, levels[i] as Float64Array));
  const coveredOd = coveredOdMonthly(solution, purchases);
  const hpm = new Decimal(model.hoursPerMonth);
  return purchases.map((p, i): PlanPurchase => {
    const amount = amounts[i] as number;
    const { product } = p;
    const vi = solution.vars.findIndex(
      (_, k) => solution.layout.products[solution.productOf[k] as number] === product,
    );
    const v = solution.vars[vi]!;
    const block = solution.blocks[v.block]!;
    const level = (levels[v.block] as Float64Array)[v.stage] as number;
    const used = passes[v.block]!.used[v.stage] as number;
    const utilization = level > 0 ? used / (level * block.plan.rows.timelineHours) : 0;
    let upfront: Decimal;
    let recurring: Decimal;
    if (product.kind === 'ri') {
      upfront = product.upfront.times(amount);
      recurring = new Decimal(product.rate.hourlyUsd).times(hpm).times(amount);
    } else {
      const usd = commitmentUsd(amount);
      upfront = product.upfrontPerUsdHour.times(usd);
      recurring = product.monthlyPerUsdHour.times(usd).minus(upfront.div(product.termYears * 12));
    }
    const plannedOdShare = p.amount > 0 ? amount / p.amount : 0;
    const term = product.termYears;
    const common = {
      termYears: term,
      paymentOption: product.paymentOption,
      upfrontUsd: toUsdString(upfront),
      recurringMonthlyUsd: toUsdString(recurring),
      amortizedMonthlyUsd: toUsdString(recurring.plus(upfront.div(term * 12))),
      utilizationPct: percentText(new Decimal(Math.min(1, utilization))),
      breakEvenMonth: breakEven(upfront, recurring, term, (coveredOd[i] as number) * plannedOdShare),
    };
    return purchaseOf(model, product, amount, common);
  });
}

/** The figures every purchase has, whatever its kind. */
type PurchaseFigures = Pick<
  PlanPurchase,
  | 'termYears'
  | 'paymentOption'
  | 'upfrontUsd'
  | 'recurringMonthlyUsd'
  | 'amortizedMonthlyUsd'
  | 'utilizationPct'
  | 'breakEvenMonth'
>;

/** A product bought `amount` times (RIs) or steps of commitment (a plan: see commitmentUsd), as the plan lists it. */
function purchaseOf(
  model: PlanModel,
  product: PlannedPurchase['product'],
  amount: number,
  common: PurchaseFigures,
): PlanPurchase {
  if (product.kind === 'ri') {
    const pool = model.pools[product.pool]!;
    return {
      kind: 'reserved',
      instanceType: product.instanceType,
      region: pool.region,
      os: pool.os,
      offeringClass: product.offeringClass,
      count: amount,
      sizeFlexible: pool.flexible,
      ...common,
    };
  }
  const holder = model.classes[product.holderClass] as UsageClass;
  return {
    kind: 'savings-plan',
    planType: product.planType,
    region: product.region,
    family: product.planType === 'compute' ? null : (holder.family ?? holder.instanceType),
    commitmentHourlyUsd: toUsdString(commitmentUsd(amount)),
    ...common,
  };
}
