import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildCatalog } from '../../pricing-data/build-catalog';
import { dispatch } from '../../main/transport/dispatch';
import { createServices, type Services } from '../../main/services';
import { benchMixScenario } from './mix';
import { ms, percentile } from './stats';

const LINES = Number(process.env.BENCH_WORKER_LINES ?? 2000);
/** A caller asks again this long after each answer while the report renders. */
const EVERY_MS = 25;
/** catalog.meta counts every price row (itself ~50-150 ms); catalog.regions is a cheap call. */
const PROBES = ['catalog.meta', 'catalog.regions'] as const;
type Latencies = Record<string, number[]>;

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? NaN)} (${sorted.length} calls)`;
}

/**
 * catalog.meta as a caller sees it while the report renders: it asks EVERY_MS after its previous
 * answer, and each latency counts from when it meant to ask, so time the main thread spent blocked
 * by the report (when no timer, socket or IPC message could be handled) counts too.
 */
async function callsDuringReport(services: Services): Promise<{ latencies: Latencies; reportMs: number }> {
  const start = performance.now();
  let reportMs = 0;
  let done = false;
  const report = dispatch(services.handlers, 'reports.render', {
    document: benchMixScenario(LINES),
    format: 'xlsx',
  }).then((r) => {
    reportMs = performance.now() - start;
    done = true;
    if (!r.ok) throw new Error(r.error.message);
  });
  const latencies: Latencies = Object.fromEntries(PROBES.map((p) => [p, []]));
  let asked = start + EVERY_MS;
  for (let i = 0; !done; i++) {
    await sleep(Math.max(0, asked - performance.now()));
    if (done) break;
    const probe = PROBES[i % PROBES.length]!;
    // A timer can fire a little early: count from when the call went out if that was before it was due
    // (a timer that fires late, behind a blocked event loop, still counts that wait).
    const sent = Math.min(asked, performance.now());
    const r = await dispatch(services.handlers, probe, {});
    if (!r.ok) throw new Error(r.error.message);
    const answered = performance.now();
    latencies[probe]!.push(answered - sent);
    asked = answered + EVERY_MS;
  }
  await report;
  return { latencies, reportMs };
}

async function callsIdle(services: Services): Promise<Latencies> {
  const latencies: Latencies = Object.fromEntries(PROBES.map((p) => [p, []]));
  for (let i = 0; i < 200; i++) {
    const probe = PROBES[i % PROBES.length]!;
    const t = performance.now();
    await dispatch(services.handlers, probe, {});
    latencies[probe]!.push(performance.now() - t);
  }
  return latencies;
}

function print(heading: string, latencies: Latencies): void {
  console.log(heading);
  for (const probe of PROBES) console.log(`  ${probe}: ${summary(latencies[probe]!)}`);
}

export async function benchWorkers(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-workers-'));
  const catalogPath = buildCatalog(join(dir, 'catalog.sqlite')).path;
  const inThread = createServices({ catalogPath, userDbPath: join(dir, 'a.sqlite') });
  const pooled = createServices({ catalogPath, userDbPath: join(dir, 'b.sqlite'), workers: true });
  try {
    print('nothing else running (baseline):', await callsIdle(inThread));
    // Start the pool's worker first, so its start-up is not counted as the report's.
    await dispatch(pooled.handlers, 'pricing.estimate', { document: benchMixScenario(1) });
    for (const [label, services] of [
      ['in the main thread (before)', inThread],
      ['in a worker thread (pool)', pooled],
    ] as const) {
      const { latencies, reportMs } = await callsDuringReport(services);
      const lines = LINES.toLocaleString('en-US');
      print(
        `${lines}-line XLSX report ${label}: ${ms(reportMs)}; meanwhile, asked ${EVERY_MS} ms after each answer:`,
        latencies,
      );
    }
  } finally {
    inThread.close();
    pooled.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
