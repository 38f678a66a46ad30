import { parentPort } from 'node:worker_threads';
import { serializeError, type FromWorker, type ToWorker } from './protocol';

export interface HostTools {
  /** Aborted when the pool asks a cooperative task to stop. */
  signal: AbortSignal;
  progress(progress: unknown): void;
}

/** A worker's side of the pool: runs each task it is sent and answers with its result or error. */
export function serveTasks(run: (task: string, input: unknown, tools: HostTools) => unknown): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread (main/workers/pool.ts starts it)');
  const running = new Map<number, AbortController>();
  const post = (msg: FromWorker) => port.postMessage(msg);

  async function handle(id: number, task: string, input: unknown): Promise<void> {
    const abort = new AbortController();
    running.set(id, abort);
    try {
      const value = await run(task, input, {
        signal: abort.signal,
        progress: (progress) => post({ type: 'progress', id, progress }),
      });
      post({ type: 'result', id, value });
    } catch (err) {
      // Also a result that cannot be cloned: the task fails with that message, the worker lives on.
      post({ type: 'error', id, error: serializeError(err) });
    } finally {
      running.delete(id);
    }
  }

  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'cancel') running.get(msg.id)?.abort();
    else void handle(msg.id, msg.task, msg.input);
  });
}
