import { InputError, NotFoundError } from '@shared/errors';
import { ImportError, type ImportErrorCode } from '../import/errors';

/**
 * What the main thread and a worker say to each other (main/workers/pool.ts ↔ host.ts). Everything
 * crossing is structured-cloned: plain data only, so errors travel as SerializedError and are revived
 * on the main side as the same classes (dispatch and the import jobs tell them apart by class).
 */

export type ToWorker =
  { type: 'run'; id: number; task: string; input: unknown } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: unknown }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerializedError };

export type SerializedError =
  | { kind: 'input'; message: string; field: string }
  | { kind: 'not-found'; message: string; field: string | undefined }
  | {
      kind: 'import';
      message: string;
      code: ImportErrorCode;
      byteOffset: number | undefined;
      line: number | undefined;
      field: string | undefined;
    }
  | { kind: 'cancelled'; message: string }
  | { kind: 'error'; message: string; name: string };

/** A call stopped on request (jobs.cancel, or the caller went away); dispatch answers 'cancelled'. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** A worker died (uncaught error, out of memory, exit) while running a call; the pool replaced it. */
export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof InputError) return { kind: 'input', message: err.message, field: err.field };
  if (err instanceof NotFoundError) return { kind: 'not-found', message: err.message, field: err.field };
  if (err instanceof ImportError) {
    const { message, code, byteOffset, line, field } = err;
    return { kind: 'import', message, code, byteOffset, line, field };
  }
  if (err instanceof CancelledError) return { kind: 'cancelled', message: err.message };
  if (err instanceof Error) return { kind: 'error', message: err.message, name: err.name };
  return { kind: 'error', message: String(err), name: 'Error' };
}

/** The same class and message the task threw (the constructors would prefix the message again). */
export function reviveError(e: SerializedError): Error {
  const withMessage = <T extends Error>(err: T): T => {
    err.message = e.message;
    return err;
  };
  switch (e.kind) {
    case 'input':
      return withMessage(new InputError(e.field, ''));
    case 'not-found':
      return withMessage(new NotFoundError('', e.field));
    case 'import': {
      const where = { byteOffset: e.byteOffset, line: e.line, field: e.field };
      return withMessage(new ImportError(e.code, '', where));
    }
    case 'cancelled':
      return new CancelledError(e.message);
    case 'error': {
      const err = new Error(e.message);
      err.name = e.name;
      return err;
    }
  }
}

/** What every planner worker starts with (worker-entry.ts). */
export interface PlannerWorkerData {
  /** The catalog its calls read; opened read-only on first use. */
  catalogPath: string;
  /** better-sqlite3 built for Electron's ABI, when the desktop app set one (main/db/open.ts). */
  nativeBinding: string | undefined;
}
