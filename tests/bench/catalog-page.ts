/**
 * The catalog screen in Chromium against `serve`: how long from a keystroke in the search box (or a
 * click on a sort header) until the rows that answer it are painted. Measured in the page:
 * performance.now() at keydown (or mousedown), then, once the rows on screen answer the new filter or
 * sort (seen by a MutationObserver), a requestAnimationFrame callback, and from it two clocks:
 * - "painted": a task posted from that callback (MessageChannel) runs once the frame holding the new
 *   rows has been styled, laid out, painted and handed to the compositor (the page's own work);
 * - "next frame": a second requestAnimationFrame callback, at the start of the frame after it. This
 *   one waits for the display's next frame besides (60 Hz: 16.7 ms), so even a key that changes
 *   nothing measures ~17 ms; that floor is measured too (`noopFloor`), on the same page.
 * Each step starts from a settled screen.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/serve-process';
import { percentile } from './stats';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Words typed one key at a time; every key that changes how many rows match is one sample. */
const WORDS = ['m7g.2x', 'c6in', 'r5dn', 'nvidia', 't3a.n', 'x2iedn', 'inf2', 'xlarge'];
/** Sort headers clicked in turn (a second click on the same header reverses it). */
const SORTS = [
  'onDemandHourlyUsd',
  'onDemandHourlyUsd',
  'memoryGiB',
  'memoryGiB',
  'instanceType',
  'instanceType',
];

/** Samples of one action, in ms, by the two clocks above. */
export interface Timings {
  painted: number[];
  nextFrame: number[];
}

export interface PageFigures {
  keystroke: Timings;
  sort: Timings;
  /** A key that changes nothing (Shift in the search box), by the same clocks: what the method itself costs. */
  noopFloor: Timings;
  /** Choosing the region (or "all") until its rows are painted: the listing's load included. */
  regionLoadMs: number | null;
}

interface Expectation {
  kind: 'count' | 'sort' | 'noop';
  count?: number;
  search?: string;
  sortButton?: string;
  sortDir?: 'ascending' | 'descending';
  before?: string;
}

declare global {
  interface Window {
    __bench?: { t0: number; painted: number; t1: number; done: boolean };
  }
}

/** Starts serve on `catalogPath` serving `rendererDir` in its own process. */
async function startServe(catalogPath: string, rendererDir: string, userData: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(ROOT, 'tests', 'bench', 'serve-child.ts'), catalogPath, rendererDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PLANNER_USER_DATA: userData } },
  );
  let log = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(log);
      if (m) ok(m[1]!);
    });
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${log}`)));
  });
  return { url, stop: () => child.kill() };
}

/**
 * Arms the in-page stopwatch: t0 at the next keydown or mousedown; once `expect` holds, `painted` when
 * the next frame's work is done and t1 at the frame after it.
 */
async function arm(page: Page, expect: Expectation): Promise<void> {
  await page.evaluate((e) => {
    const bench = { t0: 0, painted: 0, t1: 0, done: false };
    window.__bench = bench;
    const count = () => {
      const text = document.querySelector('[data-testid="instance-count"]')?.textContent ?? '';
      const m = /^[\d,]+/.exec(text);
      return m ? Number(m[0].replace(/,/g, '')) : NaN;
    };
    const signature = () =>
      Array.from(document.querySelectorAll('[data-testid="instance-row"]'))
        .slice(0, 8)
        .map((r) => `${r.getAttribute('data-instance-type')}@${r.getAttribute('data-region') ?? ''}`)
        .join(' ');
    const holds = (): boolean => {
      if (e.kind === 'noop') return true;
      if (e.kind === 'count') {
        const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
        return input?.value === e.search && count() === e.count;
      }
      const button = document.querySelector(`[data-testid="sort-${e.sortButton}"]`);
      return button?.getAttribute('aria-sort') === e.sortDir && signature() !== e.before;
    };
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (bench.t0 === 0 || bench.done || !holds()) return;
      bench.done = true;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (bench.painted = performance.now());
        channel.port2.postMessage(null);
        requestAnimationFrame(() => (bench.t1 = performance.now()));
      });
    };
    const start = () => {
      bench.t0 = performance.now();
      queueMicrotask(check);
    };
    document.addEventListener(e.kind === 'sort' ? 'mousedown' : 'keydown', start, {
      capture: true,
      once: true,
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-sort', 'data-instance-type', 'data-region'],
    });
  }, expect);
}

async function elapsed(page: Page, into: Timings): Promise<void> {
  await page.waitForFunction(
    () => (window.__bench?.t1 ?? 0) > 0 && (window.__bench?.painted ?? 0) > 0,
    null,
    { timeout: 20_000 },
  );
  const { painted, t1, t0 } = await page.evaluate(() => window.__bench!);
  into.painted.push(painted - t0);
  into.nextFrame.push(t1 - t0);
}

const timings = (): Timings => ({ painted: [], nextFrame: [] });
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

const countOf = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('instance-count').textContent()) ?? '';
  return Number((/^[\d,]+/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''));
};

/** Waits until the screen shows `count` rows for `search` and two frames have passed. */
async function settle(page: Page, search: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([s, n]) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
      const text = document.querySelector('[data-testid="instance-count"]')?.textContent ?? '';
      const m = /^[\d,]+/.exec(text);
      return input?.value === s && m !== null && Number(m[0].replace(/,/g, '')) === n;
    },
    [search, count] as const,
    { timeout: 20_000 },
  );
  await nextFrames(page);
}

/**
 * Measures one renderer build in one region, or over all regions ("all"); null when the build's region
 * list doesn't offer it. `expectedCount(search)` says how many rows answer a search.
 */
export async function measureCatalogPage(opts: {
  catalogPath: string;
  rendererDir: string;
  userData: string;
  region: string;
  expectedCount: (search: string) => Promise<number>;
}): Promise<PageFigures | null> {
  const serve = await startServe(opts.catalogPath, opts.rendererDir, opts.userData);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    // tsx names functions with a __name helper; the functions handed to the page need it there too.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(serve.url);
    await page.getByTestId('os-select').selectOption('linux');
    await page.waitForFunction(() =>
      /^[\d,]+ /.test(document.querySelector('[data-testid="instance-count"]')?.textContent ?? ''),
    );
    let regionLoadMs: number | null = null;
    const offered = await page
      .getByTestId('region-select')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    if (!offered.includes(opts.region)) {
      await context.close();
      return null;
    }
    if (opts.region !== 'us-east-1') {
      const t = performance.now();
      await page.getByTestId('region-select').selectOption(opts.region);
      await settle(page, '', await opts.expectedCount(''));
      regionLoadMs = performance.now() - t;
    } else {
      await page.getByTestId('region-select').selectOption('us-east-1');
      await settle(page, '', await opts.expectedCount(''));
    }

    const search = page.getByTestId('search-input');
    const noopFloor = timings();
    for (let i = 0; i < 20; i++) {
      await arm(page, { kind: 'noop' });
      await search.press('Shift');
      await elapsed(page, noopFloor);
      await nextFrames(page);
    }
    const keystroke = timings();
    for (const word of WORDS) {
      await search.fill('');
      let previous = await opts.expectedCount('');
      await settle(page, '', previous);
      for (let i = 0; i < word.length; i++) {
        const text = word.slice(0, i + 1);
        const count = await opts.expectedCount(text);
        if (count !== previous) {
          await arm(page, { kind: 'count', search: text, count });
          await search.press(word[i]!);
          await elapsed(page, keystroke);
        } else {
          await search.press(word[i]!);
        }
        await settle(page, text, count);
        previous = count;
      }
    }

    await search.fill('');
    await settle(page, '', await opts.expectedCount(''));
    const sort = timings();
    let sortBy = 'instanceType';
    let dir: 'ascending' | 'descending' = 'ascending';
    const current = await page.getByTestId('sort-instanceType').getAttribute('aria-sort');
    if (current === 'descending') await page.getByTestId('sort-instanceType').click();
    for (let round = 0; round < 3; round++) {
      for (const column of SORTS) {
        dir = column === sortBy && dir === 'ascending' ? 'descending' : 'ascending';
        sortBy = column;
        const before = await page.evaluate(() =>
          Array.from(document.querySelectorAll('[data-testid="instance-row"]'))
            .slice(0, 8)
            .map((r) => `${r.getAttribute('data-instance-type')}@${r.getAttribute('data-region') ?? ''}`)
            .join(' '),
        );
        await arm(page, { kind: 'sort', sortButton: column, sortDir: dir, before });
        await page.getByTestId(`sort-${column}`).click();
        await elapsed(page, sort);
        await nextFrames(page);
      }
    }
    if ((await countOf(page)) !== (await opts.expectedCount(''))) throw new Error('row count drifted');
    await context.close();
    return { keystroke, sort, noopFloor, regionLoadMs };
  } finally {
    await browser.close();
    serve.stop();
  }
}

/** Both clocks' medians and spread, one line. */
export function summary(t: Timings): string {
  return `painted ${spread(t.painted)}; next frame ${spread(t.nextFrame)}`;
}

function spread(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[
    sorted.length - 1
  ]!.toFixed(1)} ms (n = ${sorted.length})`;
}
