import { Decimal, toUsdString, type UsdString } from '../money';
import type { EstimateWarningCode, ScenarioEstimate } from '../pricing/estimate-types';
import type { Scenario } from '../scenario/schema';

/**
 * A whole scenario priced as if it ran in each region: every line moved to that region, priced by the
 * same estimate engine as Workloads (purchases, usage and volumes as the scenario has them). A region
 * that does not offer every type the scenario runs is listed with the missing types and no totals.
 */

export interface ScenarioRegionEntry {
  region: string;
  regionName: string;
  /** Every line of the scenario already runs in this region. */
  current: boolean;
  /** Instance types of the scenario this region does not offer (then every total is null). */
  missingTypes: string[];
  monthlyUsd: UsdString | null;
  upfrontUsd: UsdString | null;
  amortizedMonthlyUsd: UsdString | null;
  oneYearUsd: UsdString | null;
  threeYearUsd: UsdString | null;
  /** Monthly against the scenario as it is (its own regions); null when either side is unpriced. */
  monthlyDifferenceUsd: UsdString | null;
  /**
   * False when the region offers every type but some figure is not in the catalog (the totals then add
   * up only what could be priced); `unpriced` names the lines and what is missing.
   */
  complete: boolean;
  unpriced: string[];
}

export interface ScenarioRegionsResult {
  name: string;
  hoursPerMonth: number;
  /** The regions the scenario's lines run in now. */
  currentRegions: string[];
  /** The scenario as it is, for reference (its own regions). */
  asIs: { monthlyUsd: UsdString; threeYearUsd: UsdString; complete: boolean };
  /** Complete regions cheapest first, then incomplete ones, then those missing types. */
  entries: ScenarioRegionEntry[];
  /** The dates of the prices the scenario as it is was priced with ("2024-07-18 … 2026-07-20"). */
  pricesAsOf: string;
}

/** Warnings that mean a figure is not in the catalog for the region. */
const UNPRICED_CODES = new Set<EstimateWarningCode>(['missing-price', 'unknown-instance', 'no-ebs-prices']);

/** A copy of the scenario with every line moved to `region` (everything else as it was). */
export function moveScenarioToRegion(scenario: Scenario, region: string): Scenario {
  return { ...scenario, lines: scenario.lines.map((l) => ({ ...l, region })) };
}

/** The instance types a scenario runs, each once, in the order of its lines. */
export function scenarioTypes(scenario: Scenario): string[] {
  return [...new Set(scenario.lines.map((l) => l.instanceType))];
}

/** A region's entry from the moved scenario's estimate (null when types are missing there). */
export function regionEntry(
  region: { code: string; name: string },
  current: boolean,
  missingTypes: string[],
  estimate: ScenarioEstimate | null,
  asIsMonthlyUsd: UsdString | null,
): ScenarioRegionEntry {
  if (!estimate || missingTypes.length > 0) {
    return {
      region: region.code,
      regionName: region.name,
      current,
      missingTypes,
      monthlyUsd: null,
      upfrontUsd: null,
      amortizedMonthlyUsd: null,
      oneYearUsd: null,
      threeYearUsd: null,
      monthlyDifferenceUsd: null,
      complete: false,
      unpriced: [],
    };
  }
  const t = estimate.totals;
  const unpriced = estimate.warnings.filter((w) => UNPRICED_CODES.has(w.code)).map((w) => w.message);
  return {
    region: region.code,
    regionName: region.name,
    current,
    missingTypes: [],
    monthlyUsd: t.monthlyUsd,
    upfrontUsd: t.upfrontUsd,
    amortizedMonthlyUsd: t.amortizedMonthlyUsd,
    oneYearUsd: t.oneYearUsd,
    threeYearUsd: t.threeYearUsd,
    monthlyDifferenceUsd:
      t.complete && asIsMonthlyUsd !== null
        ? toUsdString(new Decimal(t.monthlyUsd).minus(new Decimal(asIsMonthlyUsd)))
        : null,
    complete: t.complete,
    unpriced: [...new Set(unpriced)],
  };
}

/** Complete regions by monthly cost (then 3-year, then code); incomplete ones after; missing types last. */
export function sortRegionEntries(entries: readonly ScenarioRegionEntry[]): ScenarioRegionEntry[] {
  const group = (e: ScenarioRegionEntry) => (e.missingTypes.length > 0 ? 2 : e.complete ? 0 : 1);
  const money = (v: UsdString | null) => (v === null ? null : new Decimal(v));
  return [...entries].sort((a, b) => {
    const g = group(a) - group(b);
    if (g !== 0) return g;
    if (group(a) === 2)
      return a.missingTypes.length - b.missingTypes.length || a.region.localeCompare(b.region);
    const [ma, mb] = [money(a.monthlyUsd), money(b.monthlyUsd)];
    const byMonth = ma && mb ? ma.comparedTo(mb) : 0;
    if (byMonth !== 0) return byMonth;
    const [ta, tb] = [money(a.threeYearUsd), money(b.threeYearUsd)];
    return (ta && tb ? ta.comparedTo(tb) : 0) || a.region.localeCompare(b.region);
  });
}
