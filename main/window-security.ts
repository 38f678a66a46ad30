import type { WebContents, WebFrameMain } from 'electron';

/**
 * The window's security rules as plain functions over Electron objects. Only types come from
 * `electron`, so the rules are unit-tested under Node without an Electron binary.
 */

/** A page's identity: scheme, host and decoded path (the query and hash are the renderer's business). */
function pageOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Compare decoded paths: Chromium and Node percent-encode some characters differently.
    const path = decodeURIComponent(parsed.pathname);
    return `${parsed.protocol}//${parsed.host}|${path}`;
  } catch {
    return null;
  }
}

/** True when `url` is our page (app://planner/index.html, main/app-protocol.ts), whatever its hash. */
export function isAppUrl(url: string, appUrl: string): boolean {
  const actual = pageOf(url);
  return actual !== null && actual === pageOf(appUrl);
}

export function isExternalHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * An IPC call is ours only when it comes from the main frame of our window while that frame shows our
 * page: not from a subframe, not from another window, not after a navigation we failed to block.
 */
export function isTrustedSender(
  frame: WebFrameMain | null | undefined,
  mainFrame: WebFrameMain | null | undefined,
  appUrl: string,
): boolean {
  if (!frame || !mainFrame || frame.detached) return false;
  const sameFrame =
    frame === mainFrame ||
    (frame.processId === mainFrame.processId && frame.frameToken === mainFrame.frameToken);
  return sameFrame && frame.parent === null && isAppUrl(frame.url, appUrl);
}

export interface HardenOptions {
  appUrl: string;
  /** shell.openExternal in the app; only ever called with http(s) URLs. */
  openExternal: (url: string) => Promise<void>;
}

function openInBrowser(url: string, opts: HardenOptions): void {
  if (!isExternalHttpUrl(url)) return;
  // A failed hand-off to the system browser is not worth crashing over.
  opts.openExternal(url).catch(() => undefined);
}

/**
 * Applied to every WebContents the app creates: it never leaves our page, never opens a window, never
 * hosts a <webview>. Links to http(s) go to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, opts: HardenOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url, opts);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, opts.appUrl)) return;
    event.preventDefault();
    openInBrowser(url, opts);
  });
  // will-navigate covers the main frame only; subframes get no way out either (and no browser hand-off).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url, opts.appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, opts.appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
