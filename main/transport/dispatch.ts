import {
  contract,
  isCallName,
  parseInput,
  type CallError,
  type CallName,
  type CallResult,
  type Handlers,
} from '@shared/contract';
import { InputError, NotFoundError } from '@shared/errors';
import { fieldLabel } from '@shared/schema-fields';
import { CancelledError } from '../workers/protocol';

/** The call an error came from, so that its field can be named by its label. */
export interface CallContext {
  name: CallName;
  /** The call's validated input (a scenario's lines are named by their names). */
  input: unknown;
}

/**
 * A field path of a call's input by its label ("Line 2 (Web tier) › Volume 1 › IOPS"). Pricing and
 * reports name a field of the scenario by its path in the document, so a path the input does not
 * have is looked for under `document` too.
 */
export function inputFieldLabel(call: CallContext, field: string): string | undefined {
  const path = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const schema = contract[call.name].input;
  return fieldLabel(schema, path, call.input) ?? fieldLabel(schema, ['document', ...path], call.input);
}

/** Turns any thrown error into the contract's error shape; a person never sees a stack trace. */
export function toCallError(err: unknown, call?: CallContext): CallError {
  if (err instanceof InputError || err instanceof NotFoundError) {
    const { field } = err;
    const label = err.label ?? (field && call ? inputFieldLabel(call, field) : undefined);
    return {
      code: err instanceof InputError ? 'invalid-input' : 'not-found',
      message: err.message,
      ...(field ? { field } : {}),
      ...(label ? { label } : {}),
    };
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
    return { ok: false, error: toCallError(err, { name, input: parsed.value }) };
  }
}
