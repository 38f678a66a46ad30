import {
  CALL_NAMES,
  type Api,
  type CallError,
  type CallName,
  type CallResult,
  type PlannerBridge,
  type PlannerFilesBridge,
} from '@shared/contract';
import type { PlannerLifecycleBridge } from '@shared/window-lifecycle';

/** A call that main rejected; carries the contract's error (code, message, field). */
export class ApiError extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

declare global {
  interface Window {
    /** Exposed by main/transport/preload.ts in the desktop app. */
    planner?: PlannerBridge;
    /** Exposed by main/transport/preload.ts in the desktop app: a chosen File's path on disk. */
    plannerFiles?: PlannerFilesBridge;
    /** Exposed by main/transport/preload.ts in the desktop app: save pending edits before the window closes. */
    plannerLifecycle?: PlannerLifecycleBridge;
  }
}

type Transport = (name: CallName, input: unknown) => Promise<CallResult<unknown>>;

const electronTransport: Transport = (name, input) => window.planner![name](input);

/** Chromium sends a keepalive request only while the page's keepalive bodies fit in 64 KiB. */
const KEEPALIVE_BODY_LIMIT = 64 * 1024;

/**
 * serve mode: the token cookie set when the page loaded authenticates every call. `unloading`: the page
 * is going away (reload, tab closed), so the request is made with keepalive to outlive it.
 */
const httpTransport = async (
  name: CallName,
  input: unknown,
  unloading = false,
): Promise<CallResult<unknown>> => {
  const body = JSON.stringify(input ?? {});
  const res = await fetch(`./api/${encodeURIComponent(name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body,
    keepalive: unloading && new Blob([body]).size <= KEEPALIVE_BODY_LIMIT,
  });
  try {
    return (await res.json()) as CallResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${res.status} ${res.statusText}` } };
  }
};
const unloadingHttpTransport: Transport = (name, input) => httpTransport(name, input, true);

/** The one client for the contract, whichever host the renderer runs in. */
export function createApi(transport: Transport = window.planner ? electronTransport : httpTransport): Api {
  const api = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    api[name] = async (input) => {
      const result = await transport(name, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    };
  }
  return api as unknown as Api;
}

/**
 * The client for calls made while the page unloads: each request is on its way when the call returns
 * (Electron's IPC message is posted at once; over HTTP it is a keepalive fetch).
 */
export function createUnloadApi(): Api {
  return createApi(window.planner ? electronTransport : unloadingHttpTransport);
}
