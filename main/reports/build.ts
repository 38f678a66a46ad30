import { instanceEbsLimits } from '@shared/ebs/solver';
import { compareWithPlan } from '@shared/optimizer/plan-strategy';
import { estimateScenario } from '@shared/pricing/estimate';
import { ebsCheck } from '@shared/reports/ebs-check';
import { buildReport, type Report, type ReportEbsCheck, type ReportMeta } from '@shared/reports/model';
import type { Scenario } from '@shared/scenario/schema';
import type { CatalogService } from '../catalog/catalog-service';
import type { PriceBookService } from '../pricing/price-book-service';

/** Scenario → price book → estimate + comparison + catalog meta + EBS checks → the report model. */
export function buildScenarioReport(
  scenario: Scenario,
  deps: { catalog: CatalogService; priceBook: PriceBookService },
  producedAt: Date = new Date(),
): Report {
  const book = deps.priceBook.forScenario(scenario);
  const estimate = estimateScenario(scenario, book);
  // Compare's rows: the optimized plan, then every fixed strategy.
  const comparison = compareWithPlan(scenario, book);
  const catalogMeta = deps.catalog.meta();
  // buildReport keeps the sources the estimate and the comparison used.
  const meta: ReportMeta = {
    source: catalogMeta.source,
    asOf: catalogMeta.asOf,
    sources: catalogMeta.sources.map((s) => ({ id: s.id, name: s.name, asOf: s.asOf })),
  };
  const checks: Record<string, ReportEbsCheck | null> = {};
  for (const line of scenario.lines) {
    let limits = null;
    try {
      limits = instanceEbsLimits(deps.catalog.instanceSpec(line.instanceType));
    } catch {
      // Unknown instance type: the estimate already warns; the check says the limits are unknown.
    }
    checks[line.id] = ebsCheck(line, limits);
  }
  return buildReport(scenario, estimate, comparison, meta, checks, producedAt.toISOString());
}
