import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { z } from 'zod';

/** A number field's text as kept in storage: digits and a point only, short; anything else falls back. */
export const storedNumberText = z
  .string()
  .max(12)
  .regex(/^[\d.]*$/);

/**
 * State that survives a reload, kept in localStorage under `key`. What is read back passes through
 * `restore`, which must return a valid value (falling back to defaults for anything it doesn't trust).
 */
export function usePersistentState<T>(
  key: string,
  restore: (stored: unknown) => T,
): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => restore(readStored(key)));
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the state still works for this session.
    }
  }, [key, value]);
  return [value, setValue];
}

function readStored(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}
