import type { SizedLines } from '../capacity/line-sizing';
import { Decimal, toUsdString } from '../money';
import type { Purchase, Scenario, ScenarioLine } from '../scenario/schema';
import { riVariantLabel, spVariantLabel } from './pool-model';
import { SP_STEPS_PER_USD, type PlanModel, type Product, type UsageClass } from './model-types';

/**
 * "Apply to scenario": the plan written into the scenario's lines, one purchase per line, so that the
 * estimate engine prices it (its figures are the plan's everywhere):
 * - lines the plan puts on spot buy spot (a spot line keeps what it says an interruption costs);
 * - every other line buys On-Demand, unless it holds one of the plan's commitments;
 * - each commitment is written into a line that can hold it (RIs: the type bought, same region and OS;
 *   a Savings Plan: a line of the type it saves most on, so that the estimate applies the plans in the
 *   order the optimizer did) that is not on spot and holds nothing yet; when none is free, a holder
 *   line is added: id plan-1, plan-2…, named for what it buys, no usage, no volumes.
 * Commitments sit on the line that buys them, whichever line's usage they cover (estimate.ts).
 */
export interface PlannedPurchase {
  product: Product;
  /** RIs bought, or the plan's commitment in steps of $0.00001/h (SP_STEPS_PER_USD). */
  amount: number;
}

export interface AppliedPlan {
  scenario: Scenario;
  /** The profiles of the applied scenario's lines (the holder lines run nothing). */
  sized: SizedLines;
  /** Per purchase, the id of the line that holds it. */
  holders: string[];
}

export function commitmentUsd(steps: number): Decimal {
  return new Decimal(steps).div(SP_STEPS_PER_USD);
}

export function purchaseName(model: PlanModel, p: PlannedPurchase): string {
  const { product } = p;
  if (product.kind === 'ri') {
    return `Plan: ${p.amount} × ${product.instanceType} ${riVariantLabel(product.offeringClass, product.termYears, product.paymentOption)}`;
  }
  const scope =
    product.planType === 'compute'
      ? ''
      : ` for ${(model.classes[product.holderClass] as UsageClass).family ?? (model.classes[product.holderClass] as UsageClass).instanceType} in ${product.region}`;
  return `Plan: $${toUsdString(commitmentUsd(p.amount))}/h ${spVariantLabel(product.planType, product.termYears, product.paymentOption)}${scope}`;
}

function purchaseOf(p: PlannedPurchase): Purchase {
  const { product } = p;
  if (product.kind === 'ri') {
    return {
      model: 'reserved',
      offeringClass: product.offeringClass,
      termYears: product.termYears,
      paymentOption: product.paymentOption,
      count: p.amount,
    };
  }
  return {
    model: 'savings-plan',
    planType: product.planType,
    termYears: product.termYears,
    paymentOption: product.paymentOption,
    commitmentHourlyUsd: toUsdString(commitmentUsd(p.amount)),
  };
}

export function applyPlan(
  scenario: Scenario,
  sized: SizedLines,
  model: PlanModel,
  onSpot: readonly boolean[],
  purchases: readonly PlannedPurchase[],
): AppliedPlan {
  const lines: ScenarioLine[] = scenario.lines.map((line, i) => ({
    ...line,
    purchase: onSpot[i]
      ? line.purchase.model === 'spot'
        ? line.purchase
        : { model: 'spot' }
      : { model: 'on-demand' },
  }));
  const free = scenario.lines.map((_, i) => !onSpot[i] && (model.lines[i]?.cls ?? -1) >= 0);
  const ids = new Set(scenario.lines.map((l) => l.id));
  let next = 1;
  const profiles = [...sized.profiles];
  const sizings = [...sized.sizings];
  const holders = purchases.map((p) => {
    const cls = heldBy(model, p.product);
    const at = free.findIndex((f, i) => f && model.lines[i]?.cls === cls);
    if (at >= 0) {
      free[at] = false;
      lines[at] = { ...(lines[at] as ScenarioLine), purchase: purchaseOf(p) };
      return (lines[at] as ScenarioLine).id;
    }
    while (ids.has(`plan-${next}`)) next++;
    const id = `plan-${next}`;
    ids.add(id);
    const c = model.classes[cls] as UsageClass;
    // The holder belongs to the account of the lines it was bought for (their pools are its).
    const account = scenario.lines[c.lines[0] as number]?.account;
    lines.push({
      ...(account === undefined ? {} : { account }),
      id,
      name: purchaseName(model, p),
      instanceType: c.instanceType,
      region: c.region,
      os: c.os,
      tenancy: c.tenancy,
      usage: { pattern: 'constant', count: 0 },
      purchase: purchaseOf(p),
      interruptionTolerant: false,
      volumeLifetime: 'instance',
      volumes: [],
    });
    profiles.push({ counts: new Array<number>(168).fill(0), periodHours: 168 });
    sizings.push(null);
    return id;
  });
  return { scenario: { ...scenario, lines }, sized: { profiles, sizings, quotaChecks: new Map() }, holders };
}

/** The class of line that holds a product: the RI's type, or the type a plan saves most on. */
function heldBy(model: PlanModel, product: Product): number {
  if (product.kind === 'sp') return product.holderClass;
  const pool = model.pools[product.pool]!;
  return pool.classes.find(
    (c) => (model.classes[c] as UsageClass).instanceType === product.instanceType,
  ) as number;
}
