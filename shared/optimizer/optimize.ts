import { sizeLines, type SizedLines } from '../capacity/line-sizing';
import { Decimal, toUsdString } from '../money';
import { estimateWithProfiles } from '../pricing/estimate';
import { reservationProfile } from '../pricing/capacity-reservation';
import type { ScenarioEstimate } from '../pricing/estimate-types';
import { savingsPct } from '../pricing/percent';
import type { PriceBook } from '../pricing/price-book';
import { hostCharge } from '../pricing/dedicated-hosts';
import type { Scenario } from '../scenario/schema';
import { applyPlan } from './apply-plan';
import { layoutOf, prepare, TODAY, type UsageScale } from './commitments';
import { ladderOf } from './ladder';
import { methodSentences } from './method';
import {
  coverageAndUtilization,
  coveredOdMonthly,
  planLines,
  plannedPurchases,
  planPurchases,
} from './plan-purchases';
import { planPools } from './plan-pools';
import type { PlanModel, UsageClass } from './model-types';
import { buildModel } from './pool-model';
import { commitmentCurves, fixedCostsOf, sensitivity, worstMonth } from './risk';
import { chooseSpot } from './spot-choice';
import type { OptimizeConstraints, PurchasePlan } from './types';

/**
 * The purchase plan that costs least for the scenario's hourly profiles under the constraints: how
 * many Reserved Instances of which variant per pool, which Savings Plan commitments, which
 * interruption-tolerant lines on spot, the rest On-Demand (pool-model.ts: what is optimized;
 * commitments.ts and solve.ts: how, exactly; spot-choice.ts: the spot lines). The plan is written into
 * the scenario (apply-plan.ts) and its totals are the estimate engine's figures for that scenario, so
 * they agree with Compare and every report; the risk figures around it (risk.ts) and the pools' charts
 * (plan-pools.ts) come from the optimizer's pass over the same hours.
 *
 * Every figure is a monthly amortized cost unless named otherwise (upfront spread over the term, as
 * the estimate's amortizedMonthlyUsd), which over 3 years is the 3-year total ÷ 36: minimizing one
 * minimizes the other.
 */
export function optimizePlan(
  scenario: Scenario,
  book: PriceBook,
  constraints: OptimizeConstraints,
): PurchasePlan {
  const sized = sizeLines(scenario, book);
  const model = buildModel(scenario, book, billedProfiles(scenario, sized), constraints);
  const layout = layoutOf(model);
  // A hair under the cap, so that float sums never let Decimal's exceed it.
  const capUsd =
    constraints.maxUpfrontUsd === null ? null : Math.max(0, Number(constraints.maxUpfrontUsd) - 1e-6);
  const horizon = horizonOf(constraints);
  const choice = chooseSpot(model, layout, capUsd, horizon);
  const solution = choice.solution;
  const purchases = plannedPurchases(solution);
  const applied = applyPlan(scenario, sized, model, solution.onSpot, purchases);
  const estimate = estimateWithProfiles(applied.scenario, book, applied.sized);
  const onDemand = onDemandReference(model, estimate, book);

  // Today's usage with its hours kept: the pools' charts, the curves, each purchase's coverage.
  const today =
    horizon.months === 1
      ? { ...solution, blocks: prepare(model, layout, solution.onSpot, TODAY, true).blocks }
      : {
          ...solution,
          blocks: prepare(model, layout, solution.onSpot, TODAY, true).blocks,
        };
  const fixed = fixedCostsOf(model, estimate);
  const fixedMonthly = [...fixed.spot, ...fixed.ebs].reduce((a, b) => a + b, 0);
  const coveredOd = coveredOdMonthly(today, purchases);
  const complete = estimate.totals.complete;
  const t = estimate.totals;
  const od = onDemand;
  const rates = coverageAndUtilization(estimate);
  const ladder = ladderOf(model, layout, solution, constraints, capUsd, purchases);

  return {
    constraints,
    purchases: planPurchases(model, purchases, applied, estimate, coveredOd),
    lines: planLines(scenario, estimate),
    monthlyUsd: complete ? t.monthlyUsd : null,
    upfrontUsd: complete ? t.upfrontUsd : null,
    amortizedMonthlyUsd: complete ? t.amortizedMonthlyUsd : null,
    oneYearUsd: complete ? t.oneYearUsd : null,
    threeYearUsd: complete ? t.threeYearUsd : null,
    onDemandMonthlyUsd: od.complete ? od.monthlyUsd : null,
    onDemandThreeYearUsd: od.complete ? od.threeYearUsd : null,
    savingsVsOnDemandPct:
      complete && od.complete ? savingsPct(new Decimal(od.threeYearUsd), new Decimal(t.threeYearUsd)) : null,
    coveragePct: complete ? rates.coverage : null,
    utilizationPct: complete ? rates.utilization : null,
    worstMonth: complete
      ? worstMonth(model, solution, constraints.growthPctPerMonth, fixed, today.blocks)
      : null,
    pools: planPools(model, today, today.blocks, purchases),
    curves: complete ? commitmentCurves(today, purchases, fixedMonthly) : [],
    sensitivity: complete ? sensitivity(model, today, today.blocks, capUsd, fixed) : [],
    ladder,
    scenario: applied.scenario,
    estimate,
    method: methodSentences({ model, choice, purchases, constraints, estimate, horizon }),
    warnings: estimate.warnings,
    missingPrices: estimate.missingPrices,
    sourceIds: estimate.sourceIds,
    pricesAsOf: estimate.pricesAsOf,
  };
}

/**
 * All On-Demand, the same usage: what the estimate gives the scenario with every line On-Demand (each
 * line's instance-hours × its On-Demand rate × hours per month ÷ its period, plus its EBS, which does
 * not depend on how the instances are bought: taken from the plan's estimate), worked here without a
 * second estimate. Incomplete when a line has no On-Demand price or its EBS none.
 */
function onDemandReference(
  model: PlanModel,
  estimate: ScenarioEstimate,
  book: PriceBook,
): { complete: boolean; monthlyUsd: string; threeYearUsd: string } {
  let monthly = new Decimal(0);
  let complete = true;
  for (const l of model.lines) {
    const e = estimate.lines[l.index];
    // Dedicated tenancy: the per-Region fee whatever is bought; a host line's hosts On-Demand and its
    // instances' licence (always On-Demand) as the plan's estimate priced them.
    const fee = e?.dedicatedFee?.monthlyUsd;
    if (fee !== undefined) {
      if (fee === null) complete = false;
      else monthly = monthly.plus(fee);
    }
    if (e && l.line.tenancy === 'host') {
      const hosts = hostCharge(
        { ...l.line, purchase: { model: 'on-demand' } },
        e.peakCount,
        book,
        model.hoursPerMonth,
      );
      const parts = [hosts.monthly, e.compute.onDemandUsd, e.storageMonthlyUsd, e.snapshotMonthlyUsd];
      if (parts.some((p) => p === null)) complete = false;
      for (const p of parts) if (p !== null) monthly = monthly.plus(p);
      continue;
    }
    if (l.cls < 0 || !e || e.storageMonthlyUsd === null || e.snapshotMonthlyUsd === null) {
      complete = false;
      continue;
    }
    const rate = (model.classes[l.cls] as UsageClass).odDec;
    monthly = monthly
      .plus(rate.times(l.hours).times(model.hoursPerMonth).div(l.profile.periodHours))
      .plus(e.storageMonthlyUsd)
      .plus(e.snapshotMonthlyUsd);
  }
  return { complete, monthlyUsd: toUsdString(monthly), threeYearUsd: toUsdString(monthly.times(36)) };
}

/** Months the commitments are chosen over: today's profile, or with growth the longest allowed term. */
export function horizonOf(constraints: OptimizeConstraints): UsageScale {
  const g = constraints.growthPctPerMonth;
  if (g === 0) return TODAY;
  return { months: 12 * constraints.maxTermYears, factorOf: (m) => (1 + g / 100) ** m };
}

export type { ScenarioEstimate };

/**
 * The instance-hours each line is billed for, which commitments can cover: a line holding an
 * On-Demand Capacity Reservation is billed max(running, reserved) each hour (capacity-reservation.ts),
 * the others what they run. The applied plan is still priced from what the lines run (the estimate
 * adds the reservations itself).
 */
function billedProfiles(scenario: Scenario, sized: SizedLines): SizedLines {
  if (!scenario.lines.some((l) => l.capacityReservation)) return sized;
  return {
    ...sized,
    profiles: sized.profiles.map((p, i) => {
      const reservation = scenario.lines[i]?.capacityReservation;
      return reservation ? reservationProfile(p, reservation).billed : p;
    }),
  };
}
