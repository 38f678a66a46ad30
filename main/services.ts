import type Database from 'better-sqlite3';
import { resolve } from 'node:path';
import type { Handlers } from '../shared/contract';
import { catalogMigrations } from './db/migrations/catalog';
import { openDatabase } from './db/open';
import { createCatalogService } from './catalog/catalog-service';

/** The shipped catalog built by `npm run catalog`; PLANNER_CATALOG overrides it (tests, imports). */
export function defaultCatalogPath(): string {
  return process.env.PLANNER_CATALOG ?? resolve(import.meta.dirname, '..', 'pricing-data', 'catalog.sqlite');
}

export function openCatalog(path: string = defaultCatalogPath()): Database.Database {
  return openDatabase(path, { readonly: true, migrations: catalogMigrations, label: 'catalog' });
}

export interface Services {
  handlers: Handlers;
  close(): void;
}

/** Composes every service into the contract's implementation. */
export function createServices(opts: { catalogPath?: string } = {}): Services {
  const catalogDb = openCatalog(opts.catalogPath);
  const catalog = createCatalogService(catalogDb);
  const handlers: Handlers = {
    'catalog.meta': () => catalog.meta(),
    'catalog.regions': () => catalog.regions(),
    'catalog.families': (input) => catalog.families(input),
    'catalog.instances': (input) => catalog.instances(input),
    'catalog.priceOptions': (input) => catalog.priceOptions(input),
    'ebs.volumeTypes': () => catalog.volumeTypes(),
    'ebs.prices': (input) => catalog.ebsPrices(input),
  };
  return { handlers, close: () => catalogDb.close() };
}
