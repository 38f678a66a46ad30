import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Handlers } from '@shared/contract';
import { catalogMigrations } from './db/migrations/catalog';
import { userMigrations } from './db/migrations/user';
import { nativeBinding, openDatabase } from './db/open';
import { createCatalogService } from './catalog/catalog-service';
import { createInstanceFinder } from './catalog/instance-finder';
import { createCatalogListing } from './catalog/listing';
import { createRegionPrices } from './catalog/region-prices';
import { openCatalogOrShipped, setCatalogAside } from './catalog/open-catalog';
import { createEbsService } from './ebs/ebs-service';
import { activeCatalogPath, importedCatalogPath, shippedCatalogPath, userDbPath } from './paths';
import { createImportJobs, type ImportJobs } from './import/jobs';
import type { DataStatus } from '@shared/import/jobs';
import { InputError } from '@shared/errors';
import { createPriceBookService } from './pricing/price-book-service';
import { createScenarioRegions } from './pricing/scenario-regions';
import { renderPdfWithChromium, type PdfRenderer } from './reports/pdf';
import { createReportService, type ReportService } from './reports/report-service';
import { createScenarioService, type ScenarioService } from './scenarios/scenario-service';
import { createCallJobs } from './workers/call-jobs';
import { createOffload, renderReportJob } from './workers/offload';

/** PLANNER_CATALOG, else the user's imported catalog if any, else the shipped one (main/paths.ts). */
export function defaultCatalogPath(): string {
  return activeCatalogPath();
}

export function openCatalog(path: string = defaultCatalogPath()): Database.Database {
  return openDatabase(path, { readonly: true, migrations: catalogMigrations, label: 'catalog' });
}

export function openUserDb(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  return openDatabase(path, { migrations: userMigrations, label: 'user' });
}

export interface ServiceOptions {
  /** Read this catalog (and import into it); default: the active catalog (main/paths.ts). */
  catalogPath?: string;
  /** The user database (scenarios, settings); default: planner.sqlite in the user-data folder. */
  userDbPath?: string;
  /** HTML → PDF for reports; default headless Chromium (playwright-core), Electron's printToPDF in the app. */
  renderPdf?: PdfRenderer;
  /** The shipped catalog (the packaged app keeps it in its resources); tells "shipped" from "custom". */
  shippedCatalogPath?: string;
  /**
   * Run pricing, reports and imports in worker threads, so other calls keep answering meanwhile:
   * for long-lived transports (serve, the desktop app). Default false, in the calling thread: a
   * one-shot CLI command would only pay a worker's start-up (main/workers/offload.ts).
   */
  workers?: boolean | { size?: number };
}

export interface Services {
  handlers: Handlers;
  scenarios(): ScenarioService;
  readonly priceBook: ReturnType<typeof createPriceBookService>;
  readonly reports: ReportService;
  readonly imports: ImportJobs;
  /** Where uploaded price files wait for their import (serve mode). */
  uploadsDir: string;
  close(): void;
}

/**
 * Everything that reads the catalog, rebuilt when an import swaps a new catalog file in. Each worker
 * thread opens its own (main/workers/worker-entry.ts).
 */
export function openCatalogContext(path: string, renderPdf: PdfRenderer) {
  const db = openCatalog(path);
  const catalog = createCatalogService(db);
  const priceBook = createPriceBookService(db, catalog);
  return {
    path,
    db,
    catalog,
    priceBook,
    ebs: createEbsService(catalog),
    regionPrices: createRegionPrices(db),
    finder: createInstanceFinder(db),
    listing: createCatalogListing(db),
    scenarioRegions: createScenarioRegions(db, priceBook),
    reports: createReportService({ catalog, priceBook, renderPdf }),
  };
}

/** Composes every service into the contract's implementation. */
export function createServices(opts: ServiceOptions = {}): Services {
  const renderPdf = opts.renderPdf ?? renderPdfWithChromium;
  const dbPath = opts.userDbPath ?? userDbPath();
  const dataDir = dirname(dbPath);
  const shipped = resolve(opts.shippedCatalogPath ?? shippedCatalogPath());
  const imported = importedCatalogPath(dataDir);
  // An unusable imported catalog never stops the app: the shipped one opens instead (open-catalog.ts).
  const opened = openCatalogOrShipped(opts.catalogPath ?? defaultCatalogPath(), { imported, shipped }, (p) =>
    openCatalogContext(p, renderPdf),
  );
  let ctx = opened.value;
  let catalogProblem = opened.problem;
  const uploadsDir = join(dataDir, 'uploads');
  // The user database opens on first use, so catalog-only commands never create it.
  let userDb: Database.Database | null = null;
  let scenarioService: ScenarioService | null = null;
  const scenarios = (): ScenarioService => {
    if (!scenarioService) {
      userDb = openUserDb(dbPath);
      scenarioService = createScenarioService(userDb);
    }
    return scenarioService;
  };
  // Heavy calls: in worker threads when opts.workers, else here (main/workers/offload.ts).
  const offload = createOffload({
    workers: opts.workers ?? false,
    context: () => ctx,
    workerData: () => ({ catalogPath: ctx.path, nativeBinding: nativeBinding() }),
  });
  const callJobs = createCallJobs();
  const origin = (): DataStatus['origin'] =>
    resolve(ctx.path) === resolve(imported)
      ? 'imported'
      : resolve(ctx.path) === shipped
        ? 'shipped'
        : 'custom';
  const imports = createImportJobs({
    // Imports never modify the shipped catalog: they go to the user's own catalog (a copy of the
    // shipped one on first import), or into a catalog the user chose by path.
    targetCatalogPath: () => (origin() === 'custom' ? ctx.path : imported),
    baseCatalogPath: () => ctx.path,
    uploadsDir,
    importFile: ({ signal, onProgress, progressIntervalMs: _interval, ...input }) =>
      offload.run('import.file', input, {
        ...(signal ? { signal } : {}),
        ...(onProgress ? { onProgress } : {}),
      }),
    onCatalogChanged: (path) => {
      const old = ctx;
      ctx = openCatalogContext(path, renderPdf);
      old.db.close();
      offload.refresh();
      catalogProblem = null;
    },
  });
  const status = (): DataStatus => ({
    catalogPath: ctx.path,
    origin: origin(),
    meta: ctx.catalog.meta(),
    job: imports.latest(),
    ...(catalogProblem ? { catalogProblem } : {}),
  });
  const handlers: Handlers = {
    'catalog.meta': () => ctx.catalog.meta(),
    'catalog.regions': () => ctx.catalog.regions(),
    'catalog.families': (input) => ctx.catalog.families(input),
    'catalog.instances': (input) => ctx.catalog.instances(input),
    'catalog.priceOptions': (input) => ctx.catalog.priceOptions(input),
    'catalog.regionPrices': (input) => ctx.regionPrices(input),
    'catalog.find': (input) => ctx.finder(input),
    'catalog.listing': (input) => ctx.listing(input),
    'ebs.volumeTypes': () => ctx.catalog.volumeTypes(),
    'ebs.prices': (input) => ctx.catalog.ebsPrices(input),
    'ebs.size': (input) => ctx.ebs.size(input),
    'ebs.fit': (input) => ctx.ebs.fit(input),
    'ebs.cost': (input) => ctx.ebs.cost(input),
    'ebs.snapshotCost': (input) => ctx.ebs.snapshotCost(input),
    'pricing.estimate': ({ document, jobId, explain }) =>
      callJobs.track('pricing.estimate', jobId, (job) =>
        offload.run('pricing.estimate', { document, explain }, { signal: job.signal, onProgress: job.phase }),
      ),
    'pricing.compare': ({ document, jobId, explain }) =>
      callJobs.track('pricing.compare', jobId, (job) =>
        offload.run('pricing.compare', { document, explain }, { signal: job.signal, onProgress: job.phase }),
      ),
    'pricing.optimize': ({ document, constraints, jobId }) =>
      callJobs.track('pricing.optimize', jobId, (job) =>
        offload.run(
          'pricing.optimize',
          { document, constraints },
          { signal: job.signal, onProgress: job.phase },
        ),
      ),
    'pricing.regions': ({ document, jobId }) =>
      callJobs.track('pricing.regions', jobId, (job) =>
        offload.run('pricing.regions', { document }, { signal: job.signal, onProgress: job.phase }),
      ),
    'jobs.status': ({ jobId }) => callJobs.status(jobId),
    'jobs.cancel': ({ jobId }) => callJobs.cancel(jobId),
    'scenarios.list': () => scenarios().list(),
    'scenarios.get': ({ id }) => scenarios().get(id),
    'scenarios.create': ({ document }) => scenarios().create(document),
    'scenarios.save': ({ id, document, baseRevision }) => scenarios().save(id, document, baseRevision),
    'scenarios.rename': ({ id, name }) => scenarios().rename(id, name),
    'scenarios.duplicate': ({ id, name }) => scenarios().duplicate(id, name),
    'scenarios.delete': ({ id }) => scenarios().delete(id),
    'scenarios.import': ({ text, fileName }) => scenarios().importText(text, fileName),
    'scenarios.export': ({ id }) => scenarios().exportFile(id),
    'reports.render': ({ jobId, ...input }) =>
      callJobs.track('reports.render', jobId, (job) => renderReportJob(offload, input, job, renderPdf)),
    'data.status': status,
    'data.resetCatalog': () => {
      if (imports.latest()?.state === 'running') {
        throw new InputError('catalog', 'an import is running: cancel it or let it finish first');
      }
      if (origin() === 'custom') {
        throw new InputError('catalog', `${ctx.path} was chosen by path (PLANNER_CATALOG or --catalog)`);
      }
      if (resolve(ctx.path) === resolve(imported)) {
        const old = ctx;
        ctx = openCatalogContext(shipped, renderPdf);
        old.db.close();
        offload.refresh(); // workers reopen on the shipped catalog
      }
      setCatalogAside(imported, catalogProblem ? 'bad' : 'replaced');
      catalogProblem = null;
      return status();
    },
    'import.start': (input) => imports.startFile(input),
    'import.updateFromAws': ({ regions }) =>
      imports.startWork('aws-update', regions.join(', '), async ({ signal, progress, target, base }) => {
        const input = {
          regions,
          downloadDir: join(dataDir, 'downloads'),
          catalogPath: target,
          baseCatalogPath: base,
        };
        return offload.run('import.aws', input, {
          signal,
          onProgress: (p) =>
            progress(p.phase, {
              bytesRead: p.bytes ?? 0,
              totalBytes: p.totalBytes ?? 0,
              rows: 0,
              mbPerSecond: p.mbPerSecond ?? 0,
              etaSeconds: p.etaSeconds ?? null,
            }),
        });
      }),
    'import.status': ({ jobId }) => imports.status(jobId),
    'import.cancel': ({ jobId }) => imports.cancel(jobId),
  };
  return {
    handlers,
    scenarios,
    get priceBook() {
      return ctx.priceBook;
    },
    get reports() {
      return ctx.reports;
    },
    imports,
    uploadsDir,
    close: () => {
      void offload.close();
      ctx.db.close();
      userDb?.close();
    },
  };
}
