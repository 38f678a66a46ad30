import { instanceEbsLimits } from '@shared/ebs/solver';
import { compareStrategies } from '@shared/pricing/compare';
import { estimateScenario } from '@shared/pricing/estimate';
import type { PriceBook } from '@shared/pricing/price-book';
import { ebsCheck } from '@shared/reports/ebs-check';
import { buildReport, type Report, type ReportEbsCheck, type ReportMeta } from '@shared/reports/model';
import type { Scenario } from '@shared/scenario/schema';
import type { CatalogService } from '../catalog/catalog-service';
import type { PriceBookService } from '../pricing/price-book-service';

/** The price sources a price book draws on: the figures in this report, each with its as-of date. */
function usedSourceIds(book: PriceBook): Set<string> {
  const ids = new Set<string>();
  for (const p of Object.values(book.instances)) {
    if (p.onDemandSourceId) ids.add(p.onDemandSourceId);
    for (const r of p.reserved) ids.add(r.sourceId);
    for (const s of p.savingsPlans) ids.add(s.sourceId);
    if (p.spot) ids.add(p.spot.sourceId);
  }
  for (const e of Object.values(book.ebs)) if (e.sourceId) ids.add(e.sourceId);
  return ids;
}

/** Scenario → price book → estimate + comparison + catalog meta + EBS checks → the report model. */
export function buildScenarioReport(
  scenario: Scenario,
  deps: { catalog: CatalogService; priceBook: PriceBookService },
  producedAt: Date = new Date(),
): Report {
  const book = deps.priceBook.forScenario(scenario);
  const estimate = estimateScenario(scenario, book);
  const comparison = compareStrategies(scenario, book);
  const catalogMeta = deps.catalog.meta();
  const used = usedSourceIds(book);
  const meta: ReportMeta = {
    source: catalogMeta.source,
    asOf: catalogMeta.asOf,
    sources: catalogMeta.sources
      .filter((s) => used.has(s.id))
      .map((s) => ({ id: s.id, name: s.name, asOf: s.asOf })),
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
