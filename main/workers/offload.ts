import { availableParallelism } from 'node:os';
import type { RenderedReport } from '@shared/reports/formats';
import type { PdfRenderer } from '../reports/pdf';
import type { CallJob } from './call-jobs';
import { createWorkerPool, defaultPoolSize, type WorkerPool } from './pool';
import type { PlannerWorkerData } from './protocol';
import { plannerWorkerEntry } from './spawn';
import {
  runTask,
  type RenderTaskResult,
  type TaskContext,
  type TaskInput,
  type TaskName,
  type TaskOutput,
  type TaskProgress,
} from './tasks';

export interface OffloadOptions {
  /** Run tasks in worker threads (long-lived transports); false: in the calling thread (one-shot CLI). */
  workers: boolean | { size?: number };
  /** The catalog for tasks run in this thread. */
  context: () => TaskContext;
  /** Read whenever a worker starts. */
  workerData: () => PlannerWorkerData;
  /** Another worker module speaking the same protocol (host.ts); default worker-entry. */
  entry?: string;
}

export interface TaskRunOptions<K extends TaskName> {
  signal?: AbortSignal;
  onProgress?: (progress: TaskProgress<K>) => void;
}

const isImport = (task: TaskName) => task.startsWith('import.');

/**
 * Where the heavy tasks run (main/workers/tasks.ts). With workers: pricing and reports share a pool of
 * min(2, cores − 1) workers; imports get a worker of their own (an import can take minutes and must not
 * hold up reports), which stops when idle and is cancelled cooperatively so the importer cleans up.
 */
export function createOffload(opts: OffloadOptions) {
  let compute: WorkerPool | null = null;
  let imports: WorkerPool | null = null;
  if (opts.workers) {
    const entry = opts.entry ?? plannerWorkerEntry();
    const size =
      (typeof opts.workers === 'object' ? opts.workers.size : undefined) ??
      defaultPoolSize(availableParallelism());
    compute = createWorkerPool({ entry, size, workerData: opts.workerData, label: 'calculation' });
    imports = createWorkerPool({
      entry,
      size: 1,
      workerData: opts.workerData,
      label: 'import',
      idleTimeoutMs: 30_000,
    });
  }

  return {
    run<K extends TaskName>(
      task: K,
      input: TaskInput<K>,
      runOpts: TaskRunOptions<K> = {},
    ): Promise<TaskOutput<K>> {
      const onProgress = runOpts.onProgress as ((p: unknown) => void) | undefined;
      const pool = isImport(task) ? imports : compute;
      if (pool) {
        return pool.run(task, input, {
          ...(runOpts.signal ? { signal: runOpts.signal } : {}),
          ...(onProgress ? { onProgress } : {}),
          cancel: isImport(task) ? 'cooperative' : 'terminate',
        }) as Promise<TaskOutput<K>>;
      }
      const signal = runOpts.signal ?? new AbortController().signal;
      return runTask(task, opts.context, input, {
        signal,
        progress: onProgress ?? (() => undefined),
      }) as Promise<TaskOutput<K>>;
    },
    /** After a catalog swap: new workers open the new catalog; tasks in flight keep theirs. */
    refresh(): void {
      compute?.refresh();
      imports?.refresh();
    },
    get pooled(): boolean {
      return compute !== null;
    },
    async close(): Promise<void> {
      await Promise.all([compute?.close(), imports?.close()]);
    },
  };
}

export type Offload = ReturnType<typeof createOffload>;

/** Runs reports.render's task, then prints a PDF here (Electron's printToPDF lives in the main process). */
export async function renderReportJob(
  offload: Offload,
  input: TaskInput<'reports.render'>,
  job: CallJob,
  renderPdf: PdfRenderer,
): Promise<RenderedReport> {
  const out: RenderTaskResult = await offload.run('reports.render', input, {
    signal: job.signal,
    onProgress: (phase) => job.phase(phase),
  });
  if (!out.print) return { fileName: out.fileName, mimeType: out.mimeType, base64: out.base64 };
  job.phase('printing');
  const bytes = await renderPdf(out.print.html, out.print.paper, out.print.footer);
  return { fileName: out.fileName, mimeType: out.mimeType, base64: bytes.toString('base64') };
}
