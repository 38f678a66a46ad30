import type { CallJobPhase, CallJobStatus } from '@shared/call-jobs';
import { InputError, NotFoundError } from '@shared/errors';
import { CancelledError } from './protocol';

/** One tracked call: its cancel signal and a way to report its phase. */
export interface CallJob {
  readonly signal: AbortSignal;
  phase(phase: CallJobPhase): void;
}

/** Finished jobs kept for `jobs.status`; older ones are forgotten. */
const KEEP_FINISHED = 200;

/**
 * The registry behind `jobs.status` / `jobs.cancel`: calls that carry a caller-chosen jobId. A cancel
 * that arrives before its call (two HTTP requests may overtake each other) is remembered, and the call
 * is then cancelled as soon as it starts.
 */
export function createCallJobs() {
  const jobs = new Map<string, { status: CallJobStatus; abort: AbortController }>();
  const cancelledEarly = new Set<string>();

  const forgetOld = () => {
    const finished = [...jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      jobs.delete(j.status.jobId);
    }
    while (cancelledEarly.size > KEEP_FINISHED) cancelledEarly.delete(cancelledEarly.values().next().value!);
  };

  function begin(call: string, jobId: string | undefined): { job: CallJob; end(err?: unknown): void } {
    const abort = new AbortController();
    const status: CallJobStatus = {
      jobId: jobId ?? '',
      call,
      state: 'running',
      phase: 'waiting',
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    if (jobId !== undefined) {
      if (jobs.get(jobId)?.status.state === 'running') {
        throw new InputError('jobId', 'a call with this job id is already running');
      }
      jobs.set(jobId, { status, abort });
      if (cancelledEarly.delete(jobId)) abort.abort();
    }
    return {
      job: {
        signal: abort.signal,
        phase: (phase) => {
          if (status.state === 'running') status.phase = phase;
        },
      },
      end(err?: unknown) {
        status.state =
          err === undefined
            ? 'done'
            : err instanceof CancelledError || abort.signal.aborted
              ? 'cancelled'
              : 'failed';
        status.phase = null;
        status.finishedAt = new Date().toISOString();
        forgetOld();
      },
    };
  }

  return {
    /** Runs one call as a job; a cancelled job answers CancelledError even if its work finished. */
    async track<T>(call: string, jobId: string | undefined, work: (job: CallJob) => Promise<T>): Promise<T> {
      const { job, end } = begin(call, jobId);
      try {
        if (job.signal.aborted) throw new CancelledError();
        const value = await work(job);
        if (job.signal.aborted) throw new CancelledError();
        end();
        return value;
      } catch (err) {
        end(err);
        throw err;
      }
    },
    status(jobId: string): CallJobStatus {
      const job = jobs.get(jobId);
      if (!job) throw new NotFoundError(`no call has the job id ${jobId}`, 'jobId');
      return { ...job.status };
    },
    cancel(jobId: string): CallJobStatus {
      const job = jobs.get(jobId);
      if (!job) {
        // Not started yet (or never will): remembered, so the call is cancelled when it arrives.
        cancelledEarly.add(jobId);
        forgetOld();
        const now = new Date().toISOString();
        return { jobId, call: '', state: 'cancelled', phase: null, startedAt: now, finishedAt: now };
      }
      if (job.status.state === 'running') job.abort.abort();
      return { ...job.status };
    },
  };
}

export type CallJobs = ReturnType<typeof createCallJobs>;
