import { useEffect, useState } from 'react';
import type { SavedScenario } from '@shared/scenario/types';
import { ApiError } from '../../api-client';
import { useApi } from '../../api-context';
import { errorMessage } from '../../errors';
import { pendingSavesSettled } from '../../hooks/useCurrentScenario';

export interface SavedScenarioState {
  scenario: SavedScenario | null;
  loading: boolean;
  error: string | null;
  /** The id no longer names a stored scenario (deleted elsewhere). */
  missing: boolean;
}

/** The stored scenario `id`, read once any save still in flight (the last edit) has landed. */
export function useSavedScenario(id: string | null): SavedScenarioState {
  const api = useApi();
  // Keyed by id: an answer for another scenario is never shown as this one's.
  const [settled, setSettled] = useState<{ id: string; state: SavedScenarioState } | null>(null);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    const load = async () => {
      await pendingSavesSettled();
      try {
        const scenario = await api['scenarios.get']({ id });
        if (current) setSettled({ id, state: { scenario, loading: false, error: null, missing: false } });
      } catch (err) {
        if (!current) return;
        const missing = err instanceof ApiError && err.error.code === 'not-found';
        setSettled({
          id,
          state: { scenario: null, loading: false, error: missing ? null : errorMessage(err), missing },
        });
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [api, id]);

  if (id !== null && settled?.id === id) return settled.state;
  return { scenario: null, loading: id !== null, error: null, missing: false };
}
