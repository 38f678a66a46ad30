import { Decimal } from '../money';
import type { Scenario } from '../scenario/schema';
import { buildPools } from './commitment-pools';
import { lineAccounts } from './accounts';
import { accountEstimates } from './account-totals';
import { distributeCoverage } from './coverage';
import type { ScenarioEstimate } from './estimate-types';
import { sumTotals, upfrontSchedule } from './estimate-totals';
import { checkBudget } from './budget';
import { supportEstimate } from './support-estimate';
import { explainEstimate } from './explain';
import { lineState, setUpMix, type LineBasis, type MixSetup } from './line-setup';
import { collectMissingPrices } from './missing-prices';
import { allocatePools } from './pool-allocation';
import type { PriceBook } from './price-book';
import { datesOf, sourcesUsed } from './prices-as-of';
import { priceLine } from './price-line';
import type { Ratio } from './ratio';
import { warn } from './estimate-state';
import { addTenancyCharges, instancesView } from './tenancy';
import { demandEstimate } from '../capacity/demand';
import { quotaCheckOf, sizeLines, type SizedLines } from '../capacity/line-sizing';
export { PURCHASES_IN_THREE_YEARS, upfrontSchedule } from './estimate-totals';

/**
 * Prices a scenario: every line's compute (on-demand, Reserved Instances, Savings Plans, spot) hour
 * by hour over its usage profile, plus its EBS volumes and snapshots.
 *
 * AWS rules followed (cited once here):
 * - A month is `scenario.hoursPerMonth` hours, 730 by default, as the AWS Pricing Calculator assumes
 *   (aws.amazon.com/calculator/calculator-assumptions); a profile's hours are scaled to a month by
 *   hoursPerMonth / periodHours.
 * - Reserved Instances are paid every hour of the term, used or not; upfront once per term
 *   (docs.aws.amazon.com/AWSEC2/latest/UserGuide/reserved-instances-types.html). Regional Linux RIs
 *   of shared tenancy are size-flexible: a family's RIs in a region form one pool of normalized units
 *   that covers any size of the family, smallest size first; other RIs cover their exact type
 *   (docs.aws.amazon.com/AWSEC2/latest/UserGuide/apply_ri.html).
 * - Savings Plans: an hourly USD commitment, paid every hour, pays for eligible usage at the plan's
 *   rates until used up; the rest is On-Demand. RIs apply first, then EC2 Instance SPs (one family in
 *   one region), then Compute SPs (any line); within each, the usage with the highest savings
 *   percentage first (docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html).
 *   Payment: all upfront = the whole term's commitment at purchase; partial upfront = half of it at
 *   purchase and half monthly; no upfront = monthly.
 * - Spot usage is not covered by RIs or Savings Plans; its price is an observation, never a guarantee.
 *
 * Modelling choices: commitments sit on the line that buys them (their upfront, fees and any unused
 * part), whichever line's usage they cover; usage is covered on the line that runs it. A commitment
 * without a count or amount is sized to the line's steady usage (its minimum hourly count).
 */
export function estimateScenario(
  scenario: Scenario,
  book: PriceBook,
  options: EstimateOptions = {},
): ScenarioEstimate {
  return estimateWithProfiles(scenario, book, sizeLines(scenario, book), options);
}

export interface EstimateOptions {
  /** Also build the arithmetic behind every figure (explain.ts); off on the normal, fast path. */
  explain?: boolean;
}

/**
 * Everything needed to run and price an estimate. The profiles (lines sized from demand included,
 * shared/capacity/line-sizing.ts) and the mix's set-up (line-setup.ts: each line read against the
 * book, the allocations already run) may be shared between estimates of the same lines that differ
 * only in their purchases, as Compare's strategies do.
 */
export function estimateWithProfiles(
  scenario: Scenario,
  book: PriceBook,
  sized: SizedLines,
  options: EstimateOptions = {},
  mix: MixSetup = setUpMix(scenario, book, sized),
): ScenarioEstimate {
  const { sizings } = sized;
  const hoursPerMonth = scenario.hoursPerMonth;
  // A Dedicated Host line's instances join no commitment pool: its hosts are what it buys (tenancy.ts).
  const states = scenario.lines.map((line, i) => lineState(mix.bases[i] as LineBasis, instancesView(line)));
  states.forEach((s, i) => {
    for (const w of sizings[i]?.warnings ?? []) warn(s, w.code, `line ${s.line.id}: ${w.message}`, false);
  });
  const pools = buildPools(states, lineAccounts(scenario));
  const allocation = allocatePools(states, pools, mix.allocations);
  const utilization = distributeCoverage(states, pools, allocation);
  const { result } = allocation;
  const timelineToMonth: Ratio = {
    num: new Decimal(hoursPerMonth),
    den: new Decimal(allocation.timelineHours),
  };

  const lines = states.map((s) =>
    priceLine(s, {
      hoursPerMonth,
      timelineToMonth,
      timelineUsageHours: s.allocationIndex >= 0 ? (result.usageHours[s.allocationIndex] as number) : 0,
      timelineUnusedOnDemandHours:
        s.allocationIndex >= 0 ? (result.unusedOnDemandHours[s.allocationIndex] as number) : 0,
      riUtilization: s.ri && s.ri.pool >= 0 ? (utilization.ri[s.ri.pool] as Ratio) : null,
      spUtilization: s.sp && s.sp.pool >= 0 ? (utilization.sp[s.sp.pool] as Ratio) : null,
      book,
    }),
  );
  const tenancySources = addTenancyCharges(scenario, mix.bases, lines, book);
  const totals = sumTotals(lines);
  const used = sourcesUsed(
    states,
    lines.map((l) => l.estimate),
    pools,
    allocation,
    book,
  );
  for (const id of tenancySources) used.add(id);
  const estimate: ScenarioEstimate = {
    name: scenario.name,
    hoursPerMonth,
    lines: lines.map((l, i) => {
      const sizing = sizings[i];
      return sizing ? { ...l.estimate, demand: demandEstimate(sizing) } : l.estimate;
    }),
    totals,
    warnings: [...allocation.warnings, ...lines.flatMap((l) => l.estimate.warnings)],
    missingPrices: collectMissingPrices(lines.flatMap((l) => l.estimate.warnings)),
    sourceIds: [...used].sort(),
    pricesAsOf: datesOf(used, book),
    quotas: quotaCheckOf(
      scenario,
      lines.map((l) => l.estimate.model),
      sized,
      book,
    ),
    ...(options.explain
      ? {
          explanation: explainEstimate({
            states,
            lines,
            totals,
            pools,
            allocation,
            utilization,
            hoursPerMonth,
            timelineToMonth,
            book,
          }),
        }
      : {}),
  };
  const accounts = accountEstimates(scenario, lines);
  if (accounts) estimate.accounts = accounts;
  if (scenario.support) {
    estimate.support = supportEstimate(
      scenario.support,
      { ...totals, upfrontByMonth: upfrontSchedule(estimate) },
      options.explain === true,
    );
  }
  if (!scenario.budget) return estimate;
  return {
    ...estimate,
    budget: checkBudget(scenario.budget, {
      monthlyUsd: totals.monthlyUsd,
      amortizedMonthlyUsd: totals.amortizedMonthlyUsd,
      upfrontSchedule: upfrontSchedule(estimate),
      hoursPerMonth,
      complete: totals.complete,
    }),
  };
}
