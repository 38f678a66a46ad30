import { useCallback, useEffect, useState } from 'react';
import type { ScenarioSummary } from '@shared/scenario/types';
import { useApi } from '../../api-context';
import { errorMessage } from '../../errors';

export interface ScenarioListState {
  scenarios: ScenarioSummary[] | undefined;
  error: string | null;
  refresh: () => void;
}

/** The saved scenarios, newest first as main returns them; `refresh` after anything that changes them. */
export function useScenarioList(): ScenarioListState {
  const api = useApi();
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    api['scenarios.list']({}).then(
      (list) => {
        if (!current) return;
        setScenarios(list);
        setError(null);
      },
      (err: unknown) => {
        if (current) setError(errorMessage(err));
      },
    );
    return () => {
      current = false;
    };
  }, [api, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { scenarios, error, refresh };
}
