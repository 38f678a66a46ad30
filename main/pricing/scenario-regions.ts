import { formatDateRange } from '@shared/catalog-scopes';
import type Database from 'better-sqlite3';
import {
  moveScenarioToRegion,
  regionEntry,
  scenarioTypes,
  sortRegionEntries,
  type ScenarioRegionsResult,
} from '@shared/capacity/scenario-regions';
import { estimateScenario } from '@shared/pricing/estimate';
import type { Scenario } from '@shared/scenario/schema';
import type { InstanceRegionDbRow } from '../catalog/rows';
import { prepareCatalogReads, SQL } from '../catalog/statements';
import type { PriceBookService } from './price-book-service';

/**
 * A scenario priced as if it ran in each region of the catalog: for every region that offers all its
 * instance types, the scenario with every line moved there, through the price book and the same
 * estimate engine as Workloads; the other regions are listed with the types they lack.
 */
export function createScenarioRegions(db: Database.Database, priceBook: PriceBookService) {
  const q = prepareCatalogReads(db);
  const offers = db.prepare<[types: string], InstanceRegionDbRow>(SQL.regionsOfTypes);

  return function inEveryRegion(scenario: Scenario, signal?: AbortSignal): ScenarioRegionsResult {
    const types = scenarioTypes(scenario);
    const offered = new Map<string, Set<string>>();
    for (const r of offers.all(JSON.stringify(types))) {
      let set = offered.get(r.region);
      if (!set) offered.set(r.region, (set = new Set()));
      set.add(r.instance_type);
    }
    const asIs = estimateScenario(scenario, priceBook.forScenario(scenario));
    const currentRegions = [...new Set(scenario.lines.map((l) => l.region))];
    const asIsMonthly = asIs.totals.complete ? asIs.totals.monthlyUsd : null;
    const entries = q.regions.all().map((region) => {
      signal?.throwIfAborted();
      const missing = types.filter((t) => !offered.get(region.code)?.has(t));
      const current = currentRegions.length === 1 && currentRegions[0] === region.code;
      if (missing.length > 0) return regionEntry(region, current, missing, null, null);
      const moved = moveScenarioToRegion(scenario, region.code);
      const estimate = current ? asIs : estimateScenario(moved, priceBook.forScenario(moved));
      return regionEntry(region, current, [], estimate, asIsMonthly);
    });
    return {
      name: scenario.name,
      hoursPerMonth: scenario.hoursPerMonth,
      currentRegions,
      asIs: {
        monthlyUsd: asIs.totals.monthlyUsd,
        threeYearUsd: asIs.totals.threeYearUsd,
        complete: asIs.totals.complete,
      },
      entries: sortRegionEntries(entries),
      // The dates of the prices the current estimate used ("2024-07-18 … 2026-07-20").
      pricesAsOf: formatDateRange(asIs.pricesAsOf),
    };
  };
}

export type ScenarioRegions = ReturnType<typeof createScenarioRegions>;
