import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, CHANNEL_PREFIX, type CallResult, type Handlers } from '@shared/contract';
import { registerIpc } from '../../main/transport/ipc';
import { hardenWebContents, isAppUrl, isTrustedSender } from '../../main/window-security';
import { flushBeforeClose, type AckSource, type ClosingWindow } from '../../main/window-close';
import {
  FLUSH_CHANNEL,
  FLUSH_DONE_CHANNEL,
  FLUSH_TIMEOUT_MS,
  type PlannerLifecycleBridge,
} from '@shared/window-lifecycle';

// The real `electron` module is a path to a binary that is not installed here; the preload needs these.
const electronMock = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>(),
  invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>(),
  send: vi.fn<(channel: string, ...args: unknown[]) => void>(),
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electronMock.exposeInMainWorld },
  ipcRenderer: {
    invoke: electronMock.invoke,
    send: electronMock.send,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      electronMock.listeners.set(channel, listener),
    removeListener: (channel: string) => electronMock.listeners.delete(channel),
  },
}));

const APP_URL = 'app://planner/index.html';

function frame(url: string, opts: { parent?: WebFrameMain | null; token?: string } = {}): WebFrameMain {
  return {
    url,
    parent: opts.parent ?? null,
    detached: false,
    processId: 7,
    frameToken: opts.token ?? 'main',
  } as unknown as WebFrameMain;
}

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<CallResult<unknown>>;

function fakeIpcMain(): {
  handle: (c: string, l: Listener) => void;
  removeHandler: (c: string) => void;
  listeners: Map<string, Listener>;
} {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle: (channel, listener) => listeners.set(channel, listener),
    removeHandler: (channel) => listeners.delete(channel),
  };
}

function recordingHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      (input: unknown) => {
        calls.push(name);
        return { echoed: input };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

function setUpIpc(trusted: boolean) {
  const ipc = fakeIpcMain();
  const { handlers, calls } = recordingHandlers();
  const unregister = registerIpc(ipc as never, handlers, () => trusted);
  const call = (name: string, input: unknown) =>
    ipc.listeners.get(CHANNEL_PREFIX + name)!({} as IpcMainInvokeEvent, input);
  return { ipc, calls, unregister, call };
}

describe('main/transport/ipc registerIpc', () => {
  it('registers exactly one prefixed channel per contract call', () => {
    const { ipc } = setUpIpc(true);
    expect([...ipc.listeners.keys()].sort()).toEqual(CALL_NAMES.map((n) => CHANNEL_PREFIX + n).sort());
  });

  it('answers an untrusted sender with unauthorized and never runs the handler', async () => {
    const { call, calls } = setUpIpc(false);
    const result = await call('catalog.meta', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(calls).toEqual([]);
  });

  it('runs the handler with validated input for a trusted sender', async () => {
    const { call, calls } = setUpIpc(true);
    const result = await call('ebs.prices', { region: 'us-east-1' });
    expect(result).toEqual({ ok: true, value: { echoed: { region: 'us-east-1' } } });
    expect(calls).toEqual(['ebs.prices']);
  });

  it('rejects invalid input before the handler runs', async () => {
    const { call, calls } = setUpIpc(true);
    const result = await call('ebs.prices', { region: 'not a region' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'region' } });
    expect(calls).toEqual([]);
  });

  it('removes every channel when unregistered', () => {
    const { ipc, unregister } = setUpIpc(true);
    unregister();
    expect(ipc.listeners.size).toBe(0);
  });
});

describe('main/window-security', () => {
  it('treats our page with a hash or query as the app URL', () => {
    expect(isAppUrl(`${APP_URL}#/ebs`, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}?tab=1`, APP_URL)).toBe(true);
    expect(isAppUrl('app://planner/%69ndex.html', APP_URL)).toBe(true);
  });

  it('treats any other file, scheme, host or malformed URL as foreign', () => {
    expect(isAppUrl('file:///etc/passwd', APP_URL)).toBe(false);
    // The built page itself, opened from disk, is not ours: it would run without the app:// policy.
    expect(isAppUrl('file:///opt/EC2%20EBS%20Planner/dist/renderer/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('app://planner/other.html', APP_URL)).toBe(false);
    expect(isAppUrl('app://elsewhere/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('https://example.com/dist/renderer/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
  });

  it('trusts only the main frame showing our page', () => {
    const main = frame(APP_URL);
    expect(isTrustedSender(main, main, APP_URL)).toBe(true);
    expect(isTrustedSender(frame(APP_URL, { parent: main, token: 'sub' }), main, APP_URL)).toBe(false);
    expect(isTrustedSender(frame(APP_URL, { token: 'other-window' }), main, APP_URL)).toBe(false);
    const navigatedAway = frame('https://example.com/');
    expect(isTrustedSender(navigatedAway, navigatedAway, APP_URL)).toBe(false);
    expect(isTrustedSender(null, main, APP_URL)).toBe(false);
    expect(isTrustedSender(main, undefined, APP_URL)).toBe(false);
  });

  function hardened() {
    const contents = new EventEmitter() as EventEmitter & {
      openHandler?: (details: { url: string }) => { action: string };
      setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void;
    };
    contents.setWindowOpenHandler = (h) => {
      contents.openHandler = h;
    };
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContents, {
      appUrl: APP_URL,
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    });
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn(), url, isMainFrame: true };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents, opened, navigate };
  }

  it('denies every new window and sends http(s) links to the system browser', () => {
    const { contents, opened } = hardened();
    expect(contents.openHandler!({ url: 'https://aws.amazon.com/ec2/pricing/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://aws.amazon.com/ec2/pricing/']);
  });

  it('blocks navigation away from our page and opens only http(s) targets externally', () => {
    const { navigate, opened } = hardened();
    expect(navigate(`${APP_URL}#/scenarios`)).toBe(false);
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(opened).toEqual(['https://example.com/']);
  });

  it('refuses to attach a webview', () => {
    const { contents } = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('main/transport/preload', () => {
  it('exposes window.planner with one function per call, each invoking its prefixed channel', async () => {
    electronMock.invoke.mockResolvedValue({ ok: true, value: 'answer' });
    await import('../../main/transport/preload');
    // window.planner for the contract, plannerMenu for File-menu commands, plannerFiles for file paths,
    // plannerLifecycle for saving before the window closes.
    expect(electronMock.exposeInMainWorld.mock.calls.map(([k]) => k)).toEqual([
      'planner',
      'plannerMenu',
      'plannerFiles',
      'plannerLifecycle',
    ]);
    const [key, bridge] = electronMock.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('planner');
    const api = bridge as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    await expect(api['catalog.families']!({ region: 'eu-west-1' })).resolves.toEqual({
      ok: true,
      value: 'answer',
    });
    expect(electronMock.invoke).toHaveBeenLastCalledWith(`${CHANNEL_PREFIX}catalog.families`, {
      region: 'eu-west-1',
    });
  });

  it('turns a failed invoke into an internal CallResult instead of a rejection', async () => {
    electronMock.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await import('../../main/transport/preload');
    const api = electronMock.exposeInMainWorld.mock.calls[0]![1] as Record<
      string,
      (input: unknown) => Promise<unknown>
    >;
    await expect(api['catalog.meta']!({})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'An object could not be cloned.' },
    });
  });
});

describe('main/transport/preload plannerLifecycle', () => {
  async function lifecycle() {
    await import('../../main/transport/preload');
    const call = electronMock.exposeInMainWorld.mock.calls.find(([k]) => k === 'plannerLifecycle')!;
    const requestFlush = (request: number) => electronMock.listeners.get(FLUSH_CHANNEL)!({}, request);
    const acks = () =>
      electronMock.send.mock.calls.filter(([c]) => c === FLUSH_DONE_CHANNEL).map(([, request]) => request);
    electronMock.send.mockClear();
    return { bridge: call[1] as PlannerLifecycleBridge, requestFlush, acks };
  }

  it('answers a flush request at once when the page has no flush handler', async () => {
    const { requestFlush, acks } = await lifecycle();
    requestFlush(41);
    expect(acks()).toEqual([41]);
  });

  it('answers only after the page’s handler has finished, and answers when it fails too', async () => {
    const { bridge, requestFlush, acks } = await lifecycle();
    let finish!: () => void;
    const remove = bridge.onFlushRequest(() => new Promise<void>((ok) => (finish = ok)));
    requestFlush(7);
    await Promise.resolve();
    expect(acks()).toEqual([]);
    finish();
    await vi.waitFor(() => expect(acks()).toEqual([7]));
    bridge.onFlushRequest(() => Promise.reject(new Error('save failed')));
    requestFlush(8);
    await vi.waitFor(() => expect(acks()).toEqual([7, 8]));
    remove(); // no longer the current handler: removing it leaves the newer one in place
  });
});

describe('main/window-close flushBeforeClose', () => {
  function setUp() {
    const contents = { isDestroyed: vi.fn(() => false), send: vi.fn<(c: string, r: number) => void>() };
    const win = Object.assign(new EventEmitter(), { webContents: contents });
    const ipc = new EventEmitter();
    const proceed = vi.fn();
    flushBeforeClose(win as unknown as ClosingWindow, ipc as unknown as AckSource, proceed);
    const close = () => {
      const event = { preventDefault: vi.fn() };
      win.emit('close', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    const request = () => contents.send.mock.calls.at(-1)![1];
    const answer = (sender: unknown, req: unknown) => ipc.emit(FLUSH_DONE_CHANNEL, { sender }, req);
    return { contents, ipc, proceed, close, request, answer };
  }

  it('holds the first close, asks the page to flush, and closes once the page answers', async () => {
    const { contents, proceed, close, request, answer } = setUp();
    expect(close()).toBe(true);
    expect(contents.send).toHaveBeenCalledWith(FLUSH_CHANNEL, expect.any(Number));
    expect(close()).toBe(true); // a second close while flushing waits too, without asking again
    expect(contents.send).toHaveBeenCalledTimes(1);
    answer(contents, request());
    await vi.waitFor(() => expect(proceed).toHaveBeenCalledTimes(1));
    expect(close()).toBe(false); // the close `proceed` makes goes through
  });

  it('ignores answers from another page or to another request', async () => {
    const { contents, proceed, close, request, answer, ipc } = setUp();
    close();
    answer({ other: 'page' }, request());
    answer(contents, request() + 1);
    await Promise.resolve();
    expect(proceed).not.toHaveBeenCalled();
    answer(contents, request());
    await vi.waitFor(() => expect(proceed).toHaveBeenCalledTimes(1));
    expect(ipc.listenerCount(FLUSH_DONE_CHANNEL)).toBe(0);
  });

  it('closes anyway when the page does not answer in time (a hung page cannot keep the window open)', async () => {
    vi.useFakeTimers();
    try {
      const { proceed, close, ipc } = setUp();
      close();
      await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 1);
      expect(proceed).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(proceed).toHaveBeenCalledTimes(1);
      expect(ipc.listenerCount(FLUSH_DONE_CHANNEL)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes at once when the page is already gone', async () => {
    const { contents, proceed, close } = setUp();
    contents.isDestroyed.mockReturnValue(true);
    close();
    await vi.waitFor(() => expect(proceed).toHaveBeenCalledTimes(1));
    expect(contents.send).not.toHaveBeenCalled();
  });
});
