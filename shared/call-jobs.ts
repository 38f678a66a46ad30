/**
 * Long calls (reports.render, pricing.estimate, pricing.compare, pricing.optimize, pricing.regions) may
 * carry a `jobId` the caller chose (a UUID); `jobs.status` then says what the call is doing and
 * `jobs.cancel` stops it. The call itself still answers with its result, or with the error code 'cancelled'.
 */
export const CALL_JOB_PHASES = ['waiting', 'pricing', 'rendering', 'printing'] as const;
/** waiting: for a free worker; pricing: price book, estimate, comparison; rendering: writing the file; printing: PDF. */
export type CallJobPhase = (typeof CALL_JOB_PHASES)[number];

export interface CallJobStatus {
  jobId: string;
  call: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** What a running call is doing; null once it has finished. */
  phase: CallJobPhase | null;
  startedAt: string;
  finishedAt: string | null;
}
