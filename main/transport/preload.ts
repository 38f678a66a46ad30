import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  CALL_NAMES,
  CHANNEL_PREFIX,
  MENU_CHANNEL,
  MENU_COMMANDS,
  type MenuCommand,
} from '@shared/call-names';
import type {
  CallName,
  CallResult,
  PlannerBridge,
  PlannerFilesBridge,
  PlannerMenuBridge,
} from '@shared/contract';
import { FLUSH_CHANNEL, FLUSH_DONE_CHANNEL, type PlannerLifecycleBridge } from '@shared/window-lifecycle';

/**
 * Sandboxed preload: exposes exactly one function per contract call as `window.planner`. Never the raw
 * ipcRenderer (the page could then invoke any channel) and never process.env. Bundled to CommonJS with
 * everything but `electron` inlined, because a sandboxed preload cannot require other modules.
 */

/** One call's function; main answers its channel with that call's CallResult (main/transport/ipc.ts). */
type Invoke = (input: unknown) => Promise<CallResult<unknown>>;

function invoker(name: CallName): Invoke {
  const channel = CHANNEL_PREFIX + name;
  return async (input) => {
    try {
      return (await ipcRenderer.invoke(channel, input)) as CallResult<unknown>;
    } catch (err) {
      // invoke rejects when the input cannot be cloned; keep the bridge's promise: always a CallResult.
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}

function buildBridge(): PlannerBridge {
  const bridge = {} as Record<CallName, Invoke>;
  // Complete by construction: CALL_NAMES lists every key of the contract.
  for (const name of CALL_NAMES) bridge[name] = invoker(name);
  // Each value's type per call is main's promise (it answers with dispatch's result for that call).
  return bridge as PlannerBridge;
}

const bridge = buildBridge() satisfies PlannerBridge;

contextBridge.exposeInMainWorld('planner', bridge);

const isMenuCommand = (v: unknown): v is MenuCommand =>
  typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v);

/** Menu commands from main, one listener per subscriber; the page never sees the event or ipcRenderer. */
const menu = {
  onCommand(callback: (command: MenuCommand) => void): () => void {
    const listener = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) callback(command);
    };
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, listener);
    };
  },
} satisfies PlannerMenuBridge;

contextBridge.exposeInMainWorld('plannerMenu', menu);

/**
 * A dropped or chosen File's path on disk, so a multi-GB price file is imported in place instead of
 * being copied through the page (Electron no longer puts `path` on File).
 */
const files = {
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
} satisfies PlannerFilesBridge;

contextBridge.exposeInMainWorld('plannerFiles', files);

/**
 * Window close: main asks for a flush and waits (boundedly) for the answer. The page's handler saves
 * pending edits; with no handler (no scenario open) the answer goes back at once.
 */
let flushHandler: (() => Promise<void>) | null = null;
ipcRenderer.on(FLUSH_CHANNEL, (_event: IpcRendererEvent, request: unknown) => {
  const done = () => ipcRenderer.send(FLUSH_DONE_CHANNEL, request);
  const handler = flushHandler;
  if (!handler) return done();
  // A handler that throws or rejects still answers: main must not wait for nothing.
  new Promise<void>((ok) => ok(handler())).then(done, done);
});

const lifecycle = {
  onFlushRequest(handler: () => Promise<void>): () => void {
    flushHandler = handler;
    return () => {
      if (flushHandler === handler) flushHandler = null;
    };
  },
} satisfies PlannerLifecycleBridge;

contextBridge.exposeInMainWorld('plannerLifecycle', lifecycle);
