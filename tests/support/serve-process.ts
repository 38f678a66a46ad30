import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../main/reports/pdf';
import { CURRENT_SCENARIO_KEY } from '../../renderer/src/hooks/useCurrentScenario';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Starts the real `serve` entry point as a child process and returns the URL it prints. */
export async function startServeProcess(catalogPath?: string): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve(ROOT, 'main', 'serve.ts'),
      '--port',
      '0',
      ...(catalogPath ? ['--catalog', catalogPath] : []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(log);
      if (m) ok(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${log}`)));
  });
  return { url, stop: () => child.kill() };
}

/** Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export const ARTIFACTS = resolve(ROOT, 'tests', 'e2e', 'artifacts');

/** Test hooks an e2e file hands to useServedPage (vitest's own). */
export interface E2eHooks {
  beforeAll: (fn: () => Promise<void>) => void;
  afterAll: (fn: () => Promise<void>) => void;
  beforeEach: (fn: () => Promise<void>) => void;
  afterEach: (fn: () => Promise<void>) => void;
}

/**
 * For an e2e file: starts `serve` on the given catalog and one Chromium per file, and gives every
 * test a fresh browser context (empty localStorage and cookies), so no test depends on what another
 * left behind. Returns getters, since the values exist only once the hooks have run.
 */
export function useServedPage(
  hooks: E2eHooks,
  catalogPath: () => string,
  viewport = { width: 1500, height: 1000 },
): {
  page: () => Page;
  url: () => string;
  /** Calls the contract over HTTP as the renderer does (token, JSON); throws on an error result. */
  api: <T = unknown>(call: string, input?: unknown) => Promise<T>;
  /** Makes `id` the scenario the Workloads and Compare screens open (as choosing it in the list does). */
  chooseScenario: (id: string) => Promise<void>;
  /** Creates a scenario from `document`, chooses it and opens `screen` (e.g. 'workloads') on it; its id. */
  openScenario: (document: unknown, screen: string) => Promise<string>;
} {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let serve: { url: string; stop: () => void } | undefined;
  hooks.beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    serve = await startServeProcess(catalogPath());
    browser = await launchChromium();
  });
  hooks.beforeEach(async () => {
    context = await browser!.newContext({ viewport, acceptDownloads: true });
    page = await context.newPage();
  });
  hooks.afterEach(async () => {
    await context?.close();
  });
  hooks.afterAll(async () => {
    await browser?.close();
    serve?.stop();
  });
  const url = () => serve!.url;
  const api = async <T>(call: string, input: unknown = {}): Promise<T> => {
    const base = new URL(url());
    const res = await fetch(`${base.origin}/api/${call}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${base.searchParams.get('token')}`,
      },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${call}: ${body.error?.message ?? res.status}`);
    return body.value as T;
  };
  const chooseScenario = async (id: string) => {
    await page!.addInitScript(([key, value]) => localStorage.setItem(key, JSON.stringify(value)), [
      CURRENT_SCENARIO_KEY,
      id,
    ] as const);
  };
  const openScenario = async (document: unknown, screen: string) => {
    const created = await api<{ id: string }>('scenarios.create', { document });
    await chooseScenario(created.id);
    await page!.goto(`${url()}#${screen}`);
    return created.id;
  };
  return { page: () => page!, url, api, chooseScenario, openScenario };
}
