import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { z } from 'zod';

/** A number field's text as kept in storage: digits and a point only, short; anything else falls back. */
export const storedNumberText = z
  .string()
  .max(12)
  .regex(/^[\d.]*$/);

/** How long a deferred write waits for the state to settle. */
const DEFERRED_WRITE_MS = 400;

/**
 * State that survives a reload, kept in localStorage under `key`. What is read back passes through
 * `restore`, which must return a valid value (falling back to defaults for anything it doesn't trust).
 * With `deferWrite` the state changes at once but is stored only once it has settled (a search box's
 * keystrokes), and whatever is pending is stored when the page is left or the component unmounts.
 */
export function usePersistentState<T>(
  key: string,
  restore: (stored: unknown) => T,
  options: { deferWrite?: boolean } = {},
): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => restore(readStored(key)));
  const deferWrite = options.deferWrite ?? false;
  // The value not stored yet (deferred writes only).
  const pending = useRef<{ key: string; value: T } | null>(null);
  const flush = useCallback(() => {
    const p = pending.current;
    pending.current = null;
    if (p) writeStored(p.key, p.value);
  }, []);
  useEffect(() => {
    if (!deferWrite) {
      writeStored(key, value);
      return;
    }
    pending.current = { key, value };
    const timer = setTimeout(flush, DEFERRED_WRITE_MS);
    return () => clearTimeout(timer);
  }, [key, value, deferWrite, flush]);
  // Listened to once, not per change: adding and removing a pagehide listener is dear in Chromium.
  useEffect(() => {
    if (!deferWrite) return;
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [deferWrite, flush]);
  return [value, setValue];
}

function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the state still works for this session.
  }
}

function readStored(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}
