import { FLUSH_CHANNEL, FLUSH_DONE_CHANNEL, FLUSH_TIMEOUT_MS } from '@shared/window-lifecycle';

/**
 * Closing the desktop window must not lose the edits the page has not saved yet (autosave waits for a
 * pause in typing). The first close is held: the page is asked to flush, and the window closes once it
 * answers or FLUSH_TIMEOUT_MS has passed, whichever comes first. Only types of Electron's objects are
 * used, so this is unit-tested under Node.
 */

export interface ClosingWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  webContents: {
    isDestroyed(): boolean;
    send(channel: string, request: number): void;
  };
}

/** ipcMain's listener half: acks arrive on FLUSH_DONE_CHANNEL. */
export interface AckSource {
  on(channel: string, listener: (event: { sender: unknown }, request: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: { sender: unknown }, request: unknown) => void): unknown;
}

let lastRequest = 0;

/** Asks the page in `contents` to flush; resolves when it answers, or after `timeoutMs`. */
export function requestFlush(
  contents: ClosingWindow['webContents'],
  acks: AckSource,
  timeoutMs: number = FLUSH_TIMEOUT_MS,
): Promise<'flushed' | 'timed-out' | 'no-page'> {
  if (contents.isDestroyed()) return Promise.resolve('no-page');
  const request = ++lastRequest;
  return new Promise((resolve) => {
    const finish = (outcome: 'flushed' | 'timed-out') => {
      clearTimeout(timer);
      acks.removeListener(FLUSH_DONE_CHANNEL, onAck);
      resolve(outcome);
    };
    const onAck = (event: { sender: unknown }, answered: unknown) => {
      // Only this page's answer to this request counts.
      if (event.sender === contents && answered === request) finish('flushed');
    };
    const timer = setTimeout(() => finish('timed-out'), timeoutMs);
    acks.on(FLUSH_DONE_CHANNEL, onAck);
    try {
      contents.send(FLUSH_CHANNEL, request);
    } catch {
      finish('timed-out');
    }
  });
}

/**
 * Holds the window's first close until its page has flushed (or the wait timed out), then calls
 * `proceed` — which closes the window, or quits when the close came from quitting the app. Any later
 * close goes through at once.
 */
export function flushBeforeClose(
  win: ClosingWindow,
  acks: AckSource,
  proceed: () => void,
  timeoutMs: number = FLUSH_TIMEOUT_MS,
): void {
  let state: 'open' | 'flushing' | 'flushed' = 'open';
  win.on('close', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    void requestFlush(win.webContents, acks, timeoutMs).then(() => {
      state = 'flushed';
      proceed();
    });
  });
}
