import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCatalog } from '../../pricing-data/build-catalog';
import { buildCli, CLI_BIN, CLI_OUT_DIR } from '../../scripts/build-cli';
import { percentile } from './stats';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Runs of each command (the slow tsx baselines run fewer). */
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15);
const PRICE = ['price', 'm5.large', '--region', 'us-east-1'];
/** Targets from issue 15: price within 3 × a bare Node start; serve's first API answer within 1 s. */
const PRICE_RATIO_TARGET = 3;
const SERVE_TARGET_MS = 1000;

type Samples = number[];
const median = (s: Samples) =>
  percentile(
    [...s].sort((a, b) => a - b),
    50,
  );
const fmt = (v: number) => `${v.toFixed(0)} ms`;

/** Whole-process wall time of one command, start to exit. */
function wallMs(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return elapsed;
}

/** Preloaded into a child: its own CPU time (user + system) at exit, on its last stderr line. */
const CPU_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    "process.on('exit', () => { const c = process.cpuUsage(); process.stderr.write('\\ncpu-us ' + (c.user + c.system) + '\\n'); });",
  );

/**
 * CPU time of one command: on a machine shared with other work, wall time also counts waiting for a
 * core, so this is the steadier measure of what the command itself costs.
 */
function cpuMs(args: string[], env: NodeJS.ProcessEnv): number {
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  const us = /cpu-us (\d+)\s*$/.exec(r.stderr)?.[1];
  if (r.status !== 0 || !us) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return Number(us) / 1000;
}

/**
 * One cold start of a server command: from spawning it to its first answer to `call` (asked as soon as
 * it prints its URL, then again until it answers ok). Also when it printed the URL (listening).
 */
async function serveColdStart(
  args: string[],
  call: string,
  env: NodeJS.ProcessEnv,
): Promise<{ listeningMs: number; answerMs: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<URL>((done, fail) => {
      let out = '';
      child.on('error', fail);
      child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(out);
        if (m) done(new URL(m[0]));
      });
    });
    const listeningMs = performance.now() - start;
    for (;;) {
      const res = await fetch(new URL(`/api/${call}`, url), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${url.searchParams.get('token')}`,
          'content-type': 'application/json',
        },
        body: '{}',
      });
      const body = (await res.json()) as { ok: boolean };
      if (body.ok) return { listeningMs, answerMs: performance.now() - start };
    }
  } finally {
    child.kill();
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null)));
  }
}

function line(label: string, samples: Samples, base?: number, baseName = 'node -e 0'): string {
  const ratio = base ? `  ${(median(samples) / base).toFixed(1)} × ${baseName}` : '';
  const sorted = [...samples].sort((a, b) => a - b);
  return `  ${label.padEnd(46)} median ${fmt(median(samples)).padStart(7)}  min ${fmt(sorted[0]!).padStart(7)}  (${samples.length} runs)${ratio}`;
}

/**
 * `npm run bench -- cli`: start-up of the built command (dist-cli/ec2-planner.mjs) and of the bundled
 * server (dist-cli/serve.mjs) against a bare `node -e 0` measured in the same run, interleaved so
 * a busy machine weighs on each alike; the tsx runs from the sources are the before figures.
 */
export async function benchCli(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-cli-'));
  try {
    await buildCli();
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
      spawnSync('npm', ['run', 'build:renderer', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    }
    const catalog = buildCatalog(join(dir, 'catalog.sqlite')).path;
    const env = { ...process.env, PLANNER_CATALOG: catalog, PLANNER_USER_DATA: join(dir, 'user-data') };

    const bare: Samples = [];
    const price: Samples = [];
    const version: Samples = [];
    const tsxPrice: Samples = [];
    // Warm the file cache once.
    wallMs([CLI_BIN, ...PRICE], env);
    for (let i = 0; i < RUNS; i++) {
      bare.push(wallMs(['-e', '0'], env));
      price.push(wallMs([CLI_BIN, ...PRICE], env));
      version.push(wallMs([CLI_BIN, '--version'], env));
      if (i < Math.ceil(RUNS / 3)) tsxPrice.push(wallMs(['--import', 'tsx', 'main/cli.ts', ...PRICE], env));
    }
    const bareCpu: Samples = [];
    const priceCpu: Samples = [];
    for (let i = 0; i < RUNS; i++) {
      bareCpu.push(cpuMs(['-e', '0'], env));
      priceCpu.push(cpuMs([CLI_BIN, ...PRICE], env));
    }
    const base = median(bare);
    console.log(`command line (${PRICE.join(' ')}):`);
    console.log(line('node -e 0 (baseline)', bare));
    console.log(line('ec2-planner price (dist-cli bundle)', price, base));
    console.log(line('ec2-planner --version (loading only)', version, base));
    console.log(line('before: node --import tsx main/cli.ts price', tsxPrice, base));
    console.log(line('CPU time (user + system): node -e 0', bareCpu));
    console.log(line('CPU time: ec2-planner price', priceCpu, median(bareCpu), 'its CPU time'));
    const ratio = median(price) / base;
    console.log(
      `  price: ${ratio.toFixed(2)} × node -e 0 — target ≤ ${PRICE_RATIO_TARGET} × ${ratio <= PRICE_RATIO_TARGET ? 'met' : 'MISSED'}`,
    );

    const serveRuns = Math.max(3, Math.ceil(RUNS / 2));
    const serve = join(CLI_OUT_DIR, 'serve.mjs');
    const cold: Record<string, { listening: Samples; answer: Samples }> = {};
    const record = (label: string, r: { listeningMs: number; answerMs: number }) => {
      cold[label] ??= { listening: [], answer: [] };
      cold[label].listening.push(r.listeningMs);
      cold[label].answer.push(r.answerMs);
    };
    for (let i = 0; i < serveRuns; i++) {
      for (const call of ['catalog.meta', 'catalog.regions']) {
        record(`serve bundle → ${call}`, await serveColdStart([serve, '--port', '0'], call, env));
        if (i < Math.ceil(serveRuns / 3)) {
          record(
            `before: tsx main/serve.ts → ${call}`,
            await serveColdStart(['--import', 'tsx', 'main/serve.ts', '--port', '0'], call, env),
          );
        }
      }
    }
    console.log('serve cold start, from spawn to the first ok API answer (listening = URL printed):');
    for (const [label, s] of Object.entries(cold)) {
      console.log(line(`${label}`, s.answer));
      console.log(line(`  listening`, s.listening));
    }
    for (const call of ['catalog.meta', 'catalog.regions']) {
      const m = median(cold[`serve bundle → ${call}`]!.answer);
      console.log(
        `  ${call}: ${fmt(m)} — target ≤ ${SERVE_TARGET_MS} ms ${m <= SERVE_TARGET_MS ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
