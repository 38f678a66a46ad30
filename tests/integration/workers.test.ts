import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dispatch, toCallError } from '../../main/transport/dispatch';
import { createServices, type Services } from '../../main/services';
import { createWorkerPool, type WorkerPool } from '../../main/workers/pool';
import { CancelledError, WorkerCrashError } from '../../main/workers/protocol';
import { plannerWorkerEntry } from '../../main/workers/spawn';
import type { CallJobStatus } from '@shared/call-jobs';
import type { CallResult } from '@shared/contract';
import type { RenderedReport } from '@shared/reports/formats';
import { scenarioSchema } from '@shared/scenario/schema';
import { benchMixScenario } from '../bench/mix';

let dir: string;
let pooled: Services;
let inThread: Services;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planner-workers-'));
  const catalogPath = inject('catalogPath');
  // One worker: a cancelled or crashed call must leave the pool able to serve the next one.
  pooled = createServices({ catalogPath, userDbPath: join(dir, 'a', 'user.sqlite'), workers: { size: 1 } });
  inThread = createServices({ catalogPath, userDbPath: join(dir, 'b', 'user.sqlite') });
});
afterAll(() => {
  pooled.close();
  inThread.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = <T>(services: Services, name: string, input: unknown) =>
  dispatch(services.handlers, name, input) as Promise<CallResult<T>>;

async function jobStatus(jobId: string): Promise<CallJobStatus> {
  const r = await call<CallJobStatus>(pooled, 'jobs.status', { jobId });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * Waits until the job is pricing in a worker. Run in this thread, a report prices synchronously, so no
 * other call (this status poll included) could ever see that phase: the wait would end with the report.
 */
async function untilPricing(jobId: string, settled: () => boolean): Promise<void> {
  for (;;) {
    if (settled()) throw new Error('the report finished before any other call saw it pricing');
    const s = await call<CallJobStatus>(pooled, 'jobs.status', { jobId });
    if (s.ok && s.value.phase === 'pricing') return;
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

function startRender(jobId: string, lines: number) {
  let settled = false;
  const result = call<RenderedReport>(pooled, 'reports.render', {
    document: benchMixScenario(lines),
    format: 'xlsx',
    jobId,
  }).finally(() => {
    settled = true;
  });
  return { result, settled: () => settled };
}

describe('heavy calls in worker threads', () => {
  it('answers catalog.meta while a 2,000-line XLSX report renders', async () => {
    const jobId = randomUUID();
    const render = startRender(jobId, 2000);
    await untilPricing(jobId, render.settled);
    const answeredBeforeReport: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const meta = await call<{ asOf: string }>(pooled, 'catalog.meta', {});
      expect(meta.ok).toBe(true);
      answeredBeforeReport.push(!render.settled());
    }
    const report = await render.result;
    expect(answeredBeforeReport).toEqual([true, true, true, true, true]);
    if (!report.ok) throw new Error(report.error.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(report.value.base64, 'base64') as unknown as ArrayBuffer);
    const lineIds = new Set<string>();
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => /^l\d+$/.test(String(cell.value)) && lineIds.add(String(cell.value))),
      );
    }
    expect(lineIds.size).toBe(2000);
    expect(await jobStatus(jobId)).toMatchObject({ state: 'done', phase: null, call: 'reports.render' });
  }, 240_000);

  it('cancels a running render, and the pool serves the next call', async () => {
    const jobId = randomUUID();
    const render = startRender(jobId, 2000);
    await untilPricing(jobId, render.settled);
    const cancel = await call<CallJobStatus>(pooled, 'jobs.cancel', { jobId });
    expect(cancel.ok).toBe(true);
    const result = await render.result;
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await jobStatus(jobId)).toMatchObject({ state: 'cancelled', phase: null });
    const document = benchMixScenario(6);
    const next = await call(pooled, 'pricing.estimate', { document });
    expect(next).toEqual(await call(inThread, 'pricing.estimate', { document }));
    expect(next.ok).toBe(true);
  }, 240_000);

  it('a cancel that overtakes its call cancels it when it arrives', async () => {
    const jobId = randomUUID();
    await call(pooled, 'jobs.cancel', { jobId });
    const r = await call(pooled, 'pricing.compare', { document: benchMixScenario(3), jobId });
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('gives the same results as the calling thread', async () => {
    const document = benchMixScenario(12);
    for (const name of ['pricing.estimate', 'pricing.compare']) {
      const viaWorker = await call(pooled, name, { document });
      expect(viaWorker.ok).toBe(true);
      expect(JSON.stringify(viaWorker)).toBe(JSON.stringify(await call(inThread, name, { document })));
    }
    const csv = { document, format: 'csv', csvBom: true };
    const csvWorker = await call<RenderedReport>(pooled, 'reports.render', csv);
    const csvHere = await call<RenderedReport>(inThread, 'reports.render', csv);
    expect(csvWorker.ok && csvWorker.value.base64.length).toBeGreaterThan(1000);
    expect(csvWorker).toEqual(csvHere);
    // The JSON report says when it was produced; everything else must match.
    const json = async (services: Services) => {
      const r = await call<RenderedReport>(services, 'reports.render', { document, format: 'json' });
      if (!r.ok) throw new Error(r.error.message);
      const model = JSON.parse(Buffer.from(r.value.base64, 'base64').toString('utf8')) as Record<
        string,
        unknown
      >;
      expect(model.producedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      return { ...r.value, base64: '', model: { ...model, producedAt: null } };
    };
    expect(await json(pooled)).toEqual(await json(inThread));
  }, 120_000);

  it('validates job ids and reports unknown jobs', async () => {
    const bad = await call(pooled, 'pricing.estimate', { document: benchMixScenario(1), jobId: 'nope' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'jobId' } });
    const unknown = await call(pooled, 'jobs.status', { jobId: randomUUID() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found', field: 'jobId' } });
  });
});

describe('a worker that fails', () => {
  let pool: WorkerPool;
  beforeAll(() => {
    pool = createWorkerPool({
      entry: resolve(import.meta.dirname, '../fixtures/crash-worker.ts'),
      size: 1,
      workerData: () => null,
      label: 'test',
      resourceLimits: { maxOldGenerationSizeMb: 32 },
    });
  });
  afterAll(() => pool.close());

  const threadOf = async () => ((await pool.run('echo', 'hi')) as { threadId: number }).threadId;

  it('a task that throws fails alone; the worker serves the next call', async () => {
    const before = await threadOf();
    const err = await pool.run('throw', null).catch((e: unknown) => e);
    expect(toCallError(err)).toEqual({ code: 'internal', message: 'the task failed on purpose' });
    expect(await threadOf()).toBe(before);
  });

  it('a result that cannot be cloned fails alone', async () => {
    const err = await pool.run('uncloneable', null).catch((e: unknown) => e);
    expect(toCallError(err)).toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/could not be cloned/),
    });
    expect(await pool.run('echo', 1)).toMatchObject({ input: 1 });
  });

  for (const [task, reason] of [
    ['exit', /exit code 3/],
    ['uncaught', /an error nobody caught/],
    ['out-of-memory', /out of memory/i],
  ] as const) {
    it(`a worker that dies (${task}) gives a clean internal error and is replaced`, async () => {
      const before = await threadOf();
      const err = await pool.run(task, null).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkerCrashError);
      const callError = toCallError(err);
      expect(callError.code).toBe('internal');
      expect(callError.message).toMatch(reason);
      expect(callError.message).toMatch(/^the test worker stopped unexpectedly/);
      const after = await threadOf();
      expect(after).not.toBe(before);
    });
  }

  it('cancels a task that waits for a worker without starting it', async () => {
    const busy = pool.run('wait', 300);
    const abort = new AbortController();
    const queued = pool.run('echo', 'never', { signal: abort.signal });
    expect(pool.load).toMatchObject({ queued: 1, running: 1 });
    abort.abort();
    await expect(queued).rejects.toBeInstanceOf(CancelledError);
    expect(pool.load.queued).toBe(0);
    expect(typeof (await busy)).toBe('number');
  });

  it('the planner worker rejects a task it does not know, then serves the next', async () => {
    const planner = createWorkerPool({
      entry: plannerWorkerEntry(),
      size: 1,
      workerData: () => ({ catalogPath: inject('catalogPath'), nativeBinding: undefined }),
      label: 'planner',
    });
    try {
      const err = await planner.run('no.such.task', {}).catch((e: unknown) => e);
      expect(toCallError(err)).toEqual({ code: 'internal', message: 'no task named no.such.task' });
      const document = scenarioSchema.parse(benchMixScenario(2));
      const estimate = (await planner.run('pricing.estimate', { document })) as {
        lines: unknown[];
      };
      expect(estimate.lines).toHaveLength(2);
    } finally {
      await planner.close();
    }
  });

  it('the planner worker opens its catalog with the native binding it was given', async () => {
    const planner = createWorkerPool({
      entry: plannerWorkerEntry(),
      size: 1,
      workerData: () => ({
        catalogPath: inject('catalogPath'),
        nativeBinding: join(dir, 'no-such-binding.node'),
      }),
      label: 'planner',
    });
    try {
      const document = scenarioSchema.parse(benchMixScenario(1));
      const err = await planner.run('pricing.estimate', { document }).catch((e: unknown) => e);
      expect(toCallError(err)).toMatchObject({
        code: 'internal',
        message: expect.stringContaining('no-such-binding.node'),
      });
    } finally {
      await planner.close();
    }
  });
});
