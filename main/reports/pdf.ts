import { existsSync } from 'node:fs';
import type * as Playwright from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { Paper } from './html';

/** Renders report HTML to PDF bytes; the desktop app injects Electron's printToPDF instead. */
export type PdfRenderer = (html: string, paper: Paper, footerTemplate: string) => Promise<Buffer>;

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Bottom margin leaves room for the footer; the CSS @page margins match. */
export const PDF_MARGINS = { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' };

export class ChromiumNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      `PDF export needs Chromium or Google Chrome: none found (tried ${tried.join(', ')}). ` +
        'Install chromium, or set PLANNER_CHROMIUM to the browser executable.',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.PLANNER_CHROMIUM;
  if (override) {
    if (existsSync(override)) return override;
    throw new ChromiumNotFoundError([`PLANNER_CHROMIUM=${override}`]);
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new ChromiumNotFoundError(CHROMIUM_CANDIDATES);
  return found;
}

/**
 * Loaded on first use, by a non-literal specifier: the desktop bundle (scripts/build-electron.ts) must not
 * inline playwright-core, which only `serve` and the CLI use (the app prints with Electron's own Chromium).
 */
const PLAYWRIGHT = 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  const { chromium } = (await import(PLAYWRIGHT)) as typeof Playwright;
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Prints with an already launched browser (the benchmark times launch separately). */
export async function printWith(
  browser: Browser,
  html: string,
  paper: Paper,
  footerTemplate: string,
): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    // Nothing but our inline document: block every request it might make.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: paper === 'a4' ? 'A4' : 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate,
      margin: PDF_MARGINS,
    });
  } finally {
    await context.close();
  }
}

/** Headless Chromium through playwright-core: for `serve` and the CLI. */
export const renderPdfWithChromium: PdfRenderer = async (html, paper, footerTemplate) => {
  const browser = await launchChromium();
  try {
    return await printWith(browser, html, paper, footerTemplate);
  } finally {
    await browser.close();
  }
};
