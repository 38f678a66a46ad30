import { createContext, useContext } from 'react';
import type { Api } from '@shared/contract';

/** The contract client, provided once at the root so screens never know which host they run in. */
export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext>');
  return api;
}
