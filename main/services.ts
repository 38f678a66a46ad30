import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Handlers } from '../shared/contract';
import { compareStrategies } from '../shared/pricing/compare';
import { estimateScenario } from '../shared/pricing/estimate';
import { catalogMigrations } from './db/migrations/catalog';
import { userMigrations } from './db/migrations/user';
import { openDatabase } from './db/open';
import { createCatalogService } from './catalog/catalog-service';
import { createEbsService } from './ebs/ebs-service';
import { userDbPath } from './paths';
import { createPriceBookService } from './pricing/price-book-service';
import { renderPdfWithChromium, type PdfRenderer } from './reports/pdf';
import { createReportService, type ReportService } from './reports/report-service';
import { createScenarioService, type ScenarioService } from './scenarios/scenario-service';

/** The shipped catalog built by `npm run catalog`; PLANNER_CATALOG overrides it (tests, imports). */
export function defaultCatalogPath(): string {
  return process.env.PLANNER_CATALOG ?? resolve(import.meta.dirname, '..', 'pricing-data', 'catalog.sqlite');
}

export function openCatalog(path: string = defaultCatalogPath()): Database.Database {
  return openDatabase(path, { readonly: true, migrations: catalogMigrations, label: 'catalog' });
}

export function openUserDb(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  return openDatabase(path, { migrations: userMigrations, label: 'user' });
}

export interface ServiceOptions {
  catalogPath?: string;
  /** The user database (scenarios, settings); default: planner.sqlite in the user-data folder. */
  userDbPath?: string;
  /** HTML → PDF for reports; default headless Chromium (playwright-core), Electron's printToPDF in the app. */
  renderPdf?: PdfRenderer;
}

export interface Services {
  handlers: Handlers;
  scenarios(): ScenarioService;
  priceBook: ReturnType<typeof createPriceBookService>;
  reports: ReportService;
  close(): void;
}

/** Composes every service into the contract's implementation. */
export function createServices(opts: ServiceOptions = {}): Services {
  const catalogDb = openCatalog(opts.catalogPath);
  const catalog = createCatalogService(catalogDb);
  const priceBook = createPriceBookService(catalogDb, catalog);
  const ebs = createEbsService(catalog);
  const reports = createReportService({
    catalog,
    priceBook,
    renderPdf: opts.renderPdf ?? renderPdfWithChromium,
  });
  // The user database opens on first use, so catalog-only commands never create it.
  let userDb: Database.Database | null = null;
  let scenarioService: ScenarioService | null = null;
  const scenarios = (): ScenarioService => {
    if (!scenarioService) {
      userDb = openUserDb(opts.userDbPath ?? userDbPath());
      scenarioService = createScenarioService(userDb);
    }
    return scenarioService;
  };
  const handlers: Handlers = {
    'catalog.meta': () => catalog.meta(),
    'catalog.regions': () => catalog.regions(),
    'catalog.families': (input) => catalog.families(input),
    'catalog.instances': (input) => catalog.instances(input),
    'catalog.priceOptions': (input) => catalog.priceOptions(input),
    'ebs.volumeTypes': () => catalog.volumeTypes(),
    'ebs.prices': (input) => catalog.ebsPrices(input),
    'ebs.size': (input) => ebs.size(input),
    'ebs.fit': (input) => ebs.fit(input),
    'ebs.cost': (input) => ebs.cost(input),
    'ebs.snapshotCost': (input) => ebs.snapshotCost(input),
    'pricing.estimate': ({ document }) => estimateScenario(document, priceBook.forScenario(document)),
    'pricing.compare': ({ document }) => compareStrategies(document, priceBook.forScenario(document)),
    'scenarios.list': () => scenarios().list(),
    'scenarios.get': ({ id }) => scenarios().get(id),
    'scenarios.create': ({ document }) => scenarios().create(document),
    'scenarios.save': ({ id, document, baseRevision }) => scenarios().save(id, document, baseRevision),
    'scenarios.rename': ({ id, name }) => scenarios().rename(id, name),
    'scenarios.duplicate': ({ id, name }) => scenarios().duplicate(id, name),
    'scenarios.delete': ({ id }) => scenarios().delete(id),
    'scenarios.import': ({ text, fileName }) => scenarios().importText(text, fileName),
    'scenarios.export': ({ id }) => scenarios().exportFile(id),
    'reports.render': ({ document, ...opts }) => reports.render(document, opts),
  };
  return {
    handlers,
    scenarios,
    priceBook,
    reports,
    close: () => {
      catalogDb.close();
      userDb?.close();
    },
  };
}
