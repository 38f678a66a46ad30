import type { ResourceLimits, Worker } from 'node:worker_threads';
import { CancelledError, reviveError, WorkerCrashError, type FromWorker, type ToWorker } from './protocol';
import { spawnWorker } from './spawn';

export interface PoolOptions {
  /** The worker's module (see spawn.ts); it serves tasks with host.ts. */
  entry: string;
  /** Most workers running at once; more tasks wait in order. */
  size: number;
  /** Read when a worker starts, so refresh() makes new workers see new data (e.g. the swapped catalog). */
  workerData: () => unknown;
  /** Names the pool in error messages. */
  label: string;
  /** A worker idle this long is stopped (it starts again on demand); default: kept. */
  idleTimeoutMs?: number;
  resourceLimits?: ResourceLimits;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: unknown) => void;
  /**
   * 'terminate' (default): a cancel ends the worker at once; CPU-bound code never looks at a signal,
   * and the pool starts a fresh worker. 'cooperative': the task sees the cancel as an AbortSignal and
   * cleans up (imports); if it has not stopped after graceMs, the worker is ended anyway.
   */
  cancel?: 'terminate' | 'cooperative';
  graceMs?: number;
}

interface Pending {
  task: string;
  input: unknown;
  opts: RunOptions;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  /** The task it runs, with the id its messages carry. */
  job: (Pending & { id: number; cleanup(): void }) | null;
  /** Started before refresh(): finishes its task, then stops. */
  stale: boolean;
  idleTimer: NodeJS.Timeout | null;
}

/** A size that leaves the main thread a core: min(2, cores − 1), at least 1. */
export function defaultPoolSize(cores: number): number {
  return Math.max(1, Math.min(2, cores - 1));
}

/**
 * A small pool of worker threads for CPU-heavy calls, so the main thread keeps answering others. One
 * task per worker at a time, the rest queue in order. A worker that throws, runs out of memory or exits
 * fails only its own task (with WorkerCrashError) and is replaced on demand; a cancelled task's
 * promise rejects with CancelledError.
 */
export function createWorkerPool(opts: PoolOptions) {
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  /** Ends a worker for good: out of the pool first, so its exit event finds nothing to fail. */
  function retire(slot: Slot, jobError?: Error): void {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const job = slot.job;
    slot.job = null;
    if (job) {
      job.cleanup();
      job.reject(jobError ?? new WorkerCrashError(`the ${opts.label} worker stopped`));
    }
    void slot.worker.terminate();
  }

  function finish(slot: Slot, settle: (job: Pending) => void): void {
    const job = slot.job;
    if (!job) return;
    job.cleanup();
    slot.job = null;
    settle(job);
    if (slot.stale || closed) retire(slot);
    else idle(slot);
    pump();
  }

  function idle(slot: Slot): void {
    // An idle worker does not keep the process alive; a busy one does (someone awaits its answer).
    slot.worker.unref();
    if (opts.idleTimeoutMs !== undefined) {
      slot.idleTimer = setTimeout(() => {
        if (!slot.job) retire(slot);
      }, opts.idleTimeoutMs);
      slot.idleTimer.unref();
    }
  }

  function crashed(slot: Slot, reason: string): void {
    if (!slots.includes(slot)) return;
    retire(slot, new WorkerCrashError(`the ${opts.label} worker stopped unexpectedly (${reason})`));
    pump();
  }

  function spawn(): Slot {
    const worker = spawnWorker(opts.entry, {
      workerData: opts.workerData(),
      ...(opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {}),
    });
    const slot: Slot = { worker, job: null, stale: false, idleTimer: null };
    worker.on('message', (msg: FromWorker) => {
      if (!slot.job || msg.id !== slot.job.id) return;
      if (msg.type === 'progress') slot.job.opts.onProgress?.(msg.progress);
      else if (msg.type === 'result') finish(slot, (job) => job.resolve(msg.value));
      else finish(slot, (job) => job.reject(reviveError(msg.error)));
    });
    worker.on('messageerror', (err) => crashed(slot, `unreadable message: ${err.message}`));
    worker.on('error', (err) => crashed(slot, err.message));
    worker.on('exit', (code) => crashed(slot, `exit code ${code}`));
    slots.push(slot);
    return slot;
  }

  function start(slot: Slot, pending: Pending): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.worker.ref();
    const id = nextId++;
    const { signal } = pending.opts;
    let grace: NodeJS.Timeout | null = null;
    const onAbort = () => {
      if (pending.opts.cancel === 'cooperative') {
        slot.worker.postMessage({ type: 'cancel', id } satisfies ToWorker);
        grace = setTimeout(() => {
          if (slot.job?.id === id) retire(slot, new CancelledError());
          pump();
        }, pending.opts.graceMs ?? 10_000);
      } else {
        retire(slot, new CancelledError());
        pump();
      }
    };
    const cleanup = () => {
      signal?.removeEventListener('abort', onAbort);
      if (grace) clearTimeout(grace);
    };
    slot.job = { ...pending, id, cleanup };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      slot.worker.postMessage({
        type: 'run',
        id,
        task: pending.task,
        input: pending.input,
      } satisfies ToWorker);
    } catch (err) {
      // The input cannot be cloned: that task fails, the worker is fine.
      finish(slot, (job) => job.reject(err instanceof Error ? err : new Error(String(err))));
    }
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => !s.job && !s.stale);
      if (!slot) {
        if (slots.filter((s) => !s.stale).length >= opts.size) return;
        try {
          slot = spawn();
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          queue
            .shift()!
            .reject(new WorkerCrashError(`the ${opts.label} worker could not start (${message})`));
          continue;
        }
      }
      start(slot, queue.shift()!);
    }
  }

  return {
    /** Runs `task` in a worker with `input` (structured-cloned both ways). */
    run(task: string, input: unknown, runOpts: RunOptions = {}): Promise<unknown> {
      if (closed) return Promise.reject(new CancelledError(`the ${opts.label} workers are closed`));
      if (runOpts.signal?.aborted) return Promise.reject(new CancelledError());
      return new Promise((resolve, reject) => {
        const pending: Pending = { task, input, opts: runOpts, resolve, reject };
        queue.push(pending);
        // Cancelled while still waiting for a worker: leaves the queue, nothing to stop.
        runOpts.signal?.addEventListener(
          'abort',
          () => {
            const i = queue.indexOf(pending);
            if (i >= 0) {
              queue.splice(i, 1);
              reject(new CancelledError());
            }
          },
          { once: true },
        );
        pump();
      });
    },
    /** New workerData from now on: idle workers stop now, busy ones after their task (it keeps its data). */
    refresh(): void {
      for (const slot of [...slots]) {
        slot.stale = true;
        if (!slot.job) retire(slot);
      }
      pump();
    },
    /** Tasks waiting for a worker and tasks running. */
    get load(): { queued: number; running: number; workers: number } {
      return { queued: queue.length, running: slots.filter((s) => s.job).length, workers: slots.length };
    },
    /** Stops every worker; waiting and running tasks fail with CancelledError. */
    async close(): Promise<void> {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new CancelledError('shutting down'));
      const workers = slots.map((s) => s.worker);
      for (const slot of [...slots]) retire(slot, new CancelledError('shutting down'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export type WorkerPool = ReturnType<typeof createWorkerPool>;
