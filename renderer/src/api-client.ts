import {
  CALL_NAMES,
  type Api,
  type CallError,
  type CallName,
  type CallResult,
  type PlannerBridge,
  type PlannerFilesBridge,
} from '../../shared/contract';

/** A call that main rejected; carries the contract's error (code, message, field). */
export class ApiError extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

declare global {
  interface Window {
    /** Exposed by main/preload.ts in the desktop app. */
    planner?: PlannerBridge;
    /** Exposed by main/preload.ts in the desktop app: a chosen File's path on disk. */
    plannerFiles?: PlannerFilesBridge;
  }
}

type Transport = (name: CallName, input: unknown) => Promise<CallResult<unknown>>;

const electronTransport: Transport = (name, input) => window.planner![name](input);

/** serve mode: the token cookie set when the page loaded authenticates every call. */
const httpTransport: Transport = async (name, input) => {
  const res = await fetch(`./api/${encodeURIComponent(name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  try {
    return (await res.json()) as CallResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `HTTP ${res.status} ${res.statusText}` } };
  }
};

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
