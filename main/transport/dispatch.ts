import { isCallName, parseInput, type CallError, type CallResult, type Handlers } from '@shared/contract';
import { InputError, NotFoundError } from '@shared/errors';
import { CancelledError } from '../workers/protocol';

/** Turns any thrown error into the contract's error shape; a person never sees a stack trace. */
export function toCallError(err: unknown): CallError {
  if (err instanceof InputError) return { code: 'invalid-input', message: err.message, field: err.field };
  if (err instanceof NotFoundError) {
    return { code: 'not-found', message: err.message, ...(err.field ? { field: err.field } : {}) };
  }
  if (err instanceof CancelledError) return { code: 'cancelled', message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}

/** One entry for every transport: checks the call name, validates the input, runs the handler. */
export async function dispatch(handlers: Handlers, name: string, raw: unknown): Promise<CallResult<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'not-found', message: `unknown call ${name}` } };
  const parsed = parseInput(name, raw);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.value) };
  } catch (err) {
    return { ok: false, error: toCallError(err) };
  }
}
