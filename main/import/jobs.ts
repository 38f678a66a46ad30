import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { ImportJobStatus } from '@shared/import/jobs';
import type { ImportKindOption, ImportProgress, ImportSummary } from '@shared/import/types';
import { InputError, NotFoundError } from '@shared/errors';
import { cancelled, ImportError, publicMessage } from './errors';
import { importPriceFile, type ImportOptions } from './import-service';

export interface ImportJobDeps {
  /** The catalog imports write to (created from baseCatalogPath on first import). */
  targetCatalogPath: () => string;
  baseCatalogPath: () => string;
  /** Files under this folder were uploaded for one import and are removed after it. */
  uploadsDir: string;
  /** Called after an import swapped a new catalog in. */
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
 * At start no import runs, so every upload is left over from an earlier run (a crash, a kill, an
 * upload never imported) — except one another instance of the app sharing this folder is still
 * receiving or about to import, which has been written to within the last minute.
 */
export const UPLOAD_GRACE_MS = 60_000;
/** While the app runs, an upload nobody imported is removed after a day (at the end of a job). */
export const UPLOAD_MAX_AGE_MS = 24 * 3600_000;

/** Removes uploads not modified for `olderThanMs`; returns the names removed. */
export function removeStaleUploads(dir: string, olderThanMs: number, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // no uploads folder yet
  }
  const removed: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs < olderThanMs) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile, or in use (Windows): the next sweep tries again.
    }
  }
  return removed;
}

/** A fingerprint of the catalog file: after a job, a change means a new catalog was swapped in. */
function fingerprint(path: string): string {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'absent';
  }
}

/**
 * Imports run one at a time in the background of the main process; the renderer polls their status.
 * The import itself guarantees the catalog is untouched on failure or cancel (import-service.ts).
 * A cancel ends the job at once: its state is 'cancelled' and the next import may start even if
 * the cancelled work is still winding down (or stuck in a read that never returns).
 */
export function createImportJobs(deps: ImportJobDeps) {
  const jobs = new Map<string, { status: ImportJobStatus; abort: AbortController; end: () => void }>();
  let latest: string | null = null;
  const importFile = deps.importFile ?? importPriceFile;
  removeStaleUploads(deps.uploadsDir, UPLOAD_GRACE_MS);

  const running = () => [...jobs.values()].find((j) => j.status.state === 'running');

  function run(
    kind: ImportJobStatus['kind'],
    label: string,
    work: Work,
    cleanup: () => void,
  ): ImportJobStatus {
    if (running()) throw new InputError('path', 'an import is already running; wait for it or cancel it');
    let target: string;
    let base: string;
    try {
      target = deps.targetCatalogPath();
      base = deps.baseCatalogPath();
    } catch (err) {
      cleanup();
      throw err;
    }
    const before = fingerprint(target);
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
    let cleaned = false;
    const end = () => {
      status.finishedAt ??= new Date().toISOString();
      if (cleaned) return;
      cleaned = true;
      try {
        cleanup();
      } finally {
        removeStaleUploads(deps.uploadsDir, UPLOAD_MAX_AGE_MS);
      }
    };
    jobs.set(id, { status, abort, end });
    latest = id;
    work({
      signal: abort.signal,
      progress: (phase, p) => {
        if (status.state !== 'running') return;
        status.phase = phase;
        status.progress = p;
      },
      target,
      base,
    })
      .then((summaries) => {
        // A cancel that came after the new catalog was swapped in cannot undo it: report the truth.
        status.summaries = summaries;
        status.state = 'done';
        status.error = null;
      })
      .catch((err: unknown) => {
        if (status.state !== 'running') return; // already ended by cancel
        const code = err instanceof ImportError ? err.code : null;
        status.state = code === 'cancelled' || abort.signal.aborted ? 'cancelled' : 'failed';
        status.error = { message: publicMessage(err), code };
      })
      .finally(() => {
        end();
        if (fingerprint(target) !== before) deps.onCatalogChanged(target);
      });
    return { ...status };
  }

  const get = (id: string) => {
    const job = jobs.get(id);
    if (!job) throw new NotFoundError(`jobId: no import ${id}`, 'jobId');
    return job;
  };

  return {
    /**
     * `region`: the region a file that names none (Dedicated Host Reservation offerings) was read in.
     * `fileModifiedAt`: an upload's date as the person's file has it (the saved upload's own date is
     * the upload's); a file on this computer has its real date, so it is refused for a path.
     */
    startFile(input: {
      path: string;
      kind: ImportKindOption;
      force: boolean;
      region?: string | undefined;
      fileModifiedAt?: string | undefined;
    }): ImportJobStatus {
      const file = resolve(input.path);
      const uploaded = file.startsWith(resolve(deps.uploadsDir) + sep);
      if (input.fileModifiedAt !== undefined && !uploaded) {
        throw new InputError(
          'fileModifiedAt',
          'is only for an uploaded file: a file on this computer is dated by its own modification time',
        );
      }
      // An upload lands as <random>-<name>: show the name the person chose; a path as they gave it.
      const name = uploaded ? basename(file).replace(/^[0-9a-f]{16}-/, '') : input.path;
      return run(
        'file',
        uploaded ? `${name} (uploaded)` : name,
        async ({ signal, progress, target, base }) => [
          await importFile({
            file,
            displayName: name,
            catalogPath: target,
            baseCatalogPath: base,
            kind: input.kind,
            force: input.force,
            ...(input.region !== undefined ? { region: input.region } : {}),
            ...(input.fileModifiedAt !== undefined ? { fileModifiedAt: input.fileModifiedAt } : {}),
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
      if (job.status.state === 'running') {
        job.abort.abort();
        const c = cancelled();
        job.status.state = 'cancelled';
        job.status.error = { message: c.message, code: c.code };
        job.end();
      }
      return { ...job.status };
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
