import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import type { ImportJobStatus } from '../../shared/import/jobs';
import type { ImportKindOption, ImportProgress, ImportSummary } from '../../shared/import/types';
import { InputError, NotFoundError } from '../../shared/errors';
import { ImportError } from './errors';
import { importPriceFile, type ImportOptions } from './import-service';

export interface ImportJobDeps {
  /** The catalog imports write to (created from baseCatalogPath on first import). */
  targetCatalogPath: () => string;
  baseCatalogPath: () => string;
  /** Files under this folder were uploaded for one import and are removed after it. */
  uploadsDir: string;
  /** Called after a successful import swapped a new catalog in. */
  onCatalogChanged: (path: string) => void;
  /** Runs one file's import; default importPriceFile in this thread (services run it in a worker). */
  importFile?: (opts: ImportOptions) => Promise<ImportSummary>;
}

type Work = (ctx: {
  signal: AbortSignal;
  progress: (phase: ImportJobStatus['phase'], p: ImportProgress) => void;
  target: string;
  base: string;
}) => Promise<ImportSummary[]>;

/**
 * Imports run one at a time in the background of the main process; the renderer polls their status.
 * The import itself guarantees the catalog is untouched on failure or cancel (import-service.ts).
 */
export function createImportJobs(deps: ImportJobDeps) {
  const jobs = new Map<string, { status: ImportJobStatus; abort: AbortController }>();
  let latest: string | null = null;

  const running = () => [...jobs.values()].find((j) => j.status.state === 'running');

  function run(
    kind: ImportJobStatus['kind'],
    label: string,
    work: Work,
    cleanup: () => void,
  ): ImportJobStatus {
    if (running()) throw new InputError('path', 'an import is already running; wait for it or cancel it');
    const id = randomUUID();
    const abort = new AbortController();
    const status: ImportJobStatus = {
      id,
      kind,
      label,
      state: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      phase: null,
      progress: null,
      summaries: [],
      error: null,
    };
    jobs.set(id, { status, abort });
    latest = id;
    const target = deps.targetCatalogPath();
    work({
      signal: abort.signal,
      progress: (phase, p) => {
        status.phase = phase;
        status.progress = p;
      },
      target,
      base: deps.baseCatalogPath(),
    })
      .then((summaries) => {
        status.summaries = summaries;
        status.state = 'done';
        deps.onCatalogChanged(target);
      })
      .catch((err: unknown) => {
        const code = err instanceof ImportError ? err.code : null;
        status.state = code === 'cancelled' || abort.signal.aborted ? 'cancelled' : 'failed';
        status.error = { message: err instanceof Error ? err.message : String(err), code };
      })
      .finally(() => {
        status.finishedAt = new Date().toISOString();
        cleanup();
      });
    return { ...status };
  }

  const get = (id: string) => {
    const job = jobs.get(id);
    if (!job) throw new NotFoundError(`jobId: no import ${id}`, 'jobId');
    return job;
  };

  return {
    startFile(input: { path: string; kind: ImportKindOption; force: boolean }): ImportJobStatus {
      const file = resolve(input.path);
      const uploaded = file.startsWith(resolve(deps.uploadsDir) + sep);
      // An upload lands as <random>-<name>: show the name the person chose.
      const label = uploaded ? `${basename(file).replace(/^[0-9a-f]{16}-/, '')} (uploaded)` : file;
      return run(
        'file',
        label,
        async ({ signal, progress, target, base }) => [
          await (deps.importFile ?? importPriceFile)({
            file,
            catalogPath: target,
            baseCatalogPath: base,
            kind: input.kind,
            force: input.force,
            signal,
            onProgress: (p) => progress('import', p),
          }),
        ],
        () => {
          if (uploaded) rmSync(file, { force: true });
        },
      );
    },
    /** Runs other import work (e.g. the AWS update) under the same one-at-a-time rule. */
    startWork(kind: ImportJobStatus['kind'], label: string, work: Work): ImportJobStatus {
      return run(kind, label, work, () => undefined);
    },
    status: (id: string): ImportJobStatus => ({ ...get(id).status }),
    latest: (): ImportJobStatus | null => (latest ? { ...get(latest).status } : null),
    cancel(id: string): ImportJobStatus {
      const job = get(id);
      if (job.status.state === 'running') job.abort.abort();
      return { ...job.status };
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
