import type Database from 'better-sqlite3';
import { estimateScenario } from '@shared/pricing/estimate';
import { compareStrategies } from '@shared/pricing/compare';
import type { PriceBook } from '@shared/pricing/price-book';
import { scenarioSchema, type Scenario, type ScenarioInput } from '@shared/scenario/schema';
import { createCatalogService } from '../../main/catalog/catalog-service';
import { createPriceBookService } from '../../main/pricing/price-book-service';
import { openCatalog } from '../../main/services';

/** The real catalog's price books for scenario tests: open once per file, closed after. */
export function realPricing(catalogPath: string) {
  let db: Database.Database | null = null;
  const books = () => {
    db ??= openCatalog(catalogPath);
    return createPriceBookService(db, createCatalogService(db));
  };
  return {
    book: (s: Scenario): PriceBook => books().forScenario(s),
    estimate: (s: Scenario) => estimateScenario(s, books().forScenario(s)),
    compare: (s: Scenario) => compareStrategies(s, books().forScenario(s)),
    close: () => {
      db?.close();
      db = null;
    },
  };
}

export const parseScenario = (input: ScenarioInput): Scenario => scenarioSchema.parse(input);
