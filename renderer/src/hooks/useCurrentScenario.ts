import { useSyncExternalStore } from 'react';

/**
 * The scenario the Workloads and Compare screens work on, remembered in localStorage so it survives a
 * reload and is shared between the screens (and windows, through the storage event).
 */
export const CURRENT_SCENARIO_KEY = 'planner.currentScenario.v1';
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    const raw = localStorage.getItem(CURRENT_SCENARIO_KEY);
    const value = raw === null ? null : (JSON.parse(raw) as unknown);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

let current: string | null = readStored();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== CURRENT_SCENARIO_KEY) return;
    current = readStored();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function setCurrentScenarioId(id: string | null): void {
  if (id === current) return;
  current = id;
  try {
    if (id === null) localStorage.removeItem(CURRENT_SCENARIO_KEY);
    else localStorage.setItem(CURRENT_SCENARIO_KEY, JSON.stringify(id));
  } catch {
    // Storage full or disabled: the choice still holds for this session.
  }
  for (const listener of listeners) listener();
}

/** The current scenario id (null when none is chosen) and a setter shared by every screen. */
export function useCurrentScenario(): [string | null, (id: string | null) => void] {
  const id = useSyncExternalStore(subscribe, () => current);
  return [id, setCurrentScenarioId];
}

/**
 * Saves still in flight. Leaving the Workloads screen flushes the last edit; a screen that reads the
 * saved scenario waits for these first so it never prices the version before that edit.
 */
const pendingSaves = new Set<Promise<unknown>>();

export function trackPendingSave(save: Promise<unknown>): void {
  pendingSaves.add(save);
  const done = () => {
    pendingSaves.delete(save);
  };
  save.then(done, done);
}

export async function pendingSavesSettled(): Promise<void> {
  await Promise.allSettled([...pendingSaves]);
}
