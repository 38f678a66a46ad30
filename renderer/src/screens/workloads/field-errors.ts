import type { FieldProblem } from '@shared/validation';

/**
 * The scenario's problems by field path ("lines.0.usage.count"), for the form: each field shows its
 * message under its own label, so the message is the plain words alone ("must be a whole number from
 * 0 to 100,000"); the first problem of a field wins.
 */
export function fieldErrors(problems: readonly FieldProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) errors[p.field ?? ''] ??= p.message;
  return errors;
}

/** The messages under `prefix` ("lines.0."), keyed by the rest of their path ("usage.endHour"). */
export function under(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, m] of Object.entries(errors)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = m;
  return out;
}

/** A copy of `value` without the optional field `key` (an emptied optional box removes its field). */
export function omit<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  delete copy[key];
  return copy as Omit<T, K>;
}
