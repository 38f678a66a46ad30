import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARE_ENV, Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';

/**
 * The planner's worker entry. From the TypeScript sources (serve and the CLI under tsx, tests under
 * vitest) it is worker-entry.ts beside this module; in the desktop bundle this module is inlined in
 * dist-electron/app.cjs (import.meta.filename is defined as __filename there) and the entry is its own
 * bundle beside it, dist-electron/worker.cjs (scripts/build-electron.ts).
 */
export function plannerWorkerEntry(): string {
  return import.meta.filename.endsWith('.ts')
    ? join(import.meta.dirname, 'worker-entry.ts')
    : join(import.meta.dirname, 'worker.cjs');
}

export interface SpawnOptions {
  workerData: unknown;
  resourceLimits?: ResourceLimits;
}

/**
 * Starts a worker thread on `entry`. A bundled .cjs/.js entry starts as is. A .ts entry gets tsx's
 * loader registered inside the worker first: a worker does not inherit the parent's module hooks
 * (neither tsx's nor vitest's), and Node cannot load TypeScript by itself.
 */
export function spawnWorker(entry: string, opts: SpawnOptions): Worker {
  const common: WorkerOptions = {
    workerData: opts.workerData,
    // PLANNER_* settings (e.g. the pricing base URL) read by the worker stay in step with the process.
    env: SHARE_ENV,
    ...(opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {}),
  };
  if (!entry.endsWith('.ts')) return new Worker(entry, common);
  const bootstrap = [
    `import(${JSON.stringify(tsxEsmApi(entry))})`,
    `  .then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); })`,
    // A failed load ends the worker with this error (the pool reports it for the task it was given).
    '  .catch((err) => { process.nextTick(() => { throw err; }); });',
  ].join('\n');
  return new Worker(bootstrap, { ...common, eval: true });
}

/**
 * tsx's ESM API (register()) as a file URL, found from `from` through tsx's own export map. Its
 * CommonJS build cannot be used: from inside a worker it registers a hook path that does not exist.
 */
function tsxEsmApi(from: string): string {
  const packageJson = createRequire(from).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const api = exports['./esm/api']?.import?.default;
  if (!api) throw new Error(`${packageJson} has no ESM export ./esm/api: cannot start a TypeScript worker`);
  return pathToFileURL(join(dirname(packageJson), api)).href;
}
