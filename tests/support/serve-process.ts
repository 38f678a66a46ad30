import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../main/reports/pdf';

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

/**
 * For an e2e file: starts `serve` on the run's catalog and one Chromium page before the tests, and
 * stops both after. Returns getters, since the values exist only once beforeAll has run.
 */
export function useServedPage(
  hooks: { beforeAll: (fn: () => Promise<void>) => void; afterAll: (fn: () => Promise<void>) => void },
  catalogPath: () => string,
  viewport = { width: 1500, height: 1000 },
): { page: () => Page; url: () => string } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let serve: { url: string; stop: () => void } | undefined;
  hooks.beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    serve = await startServeProcess(catalogPath());
    browser = await launchChromium();
    page = await browser.newPage({ viewport });
  });
  hooks.afterAll(async () => {
    await browser?.close();
    serve?.stop();
  });
  return { page: () => page!, url: () => serve!.url };
}
