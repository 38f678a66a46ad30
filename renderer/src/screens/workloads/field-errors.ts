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
