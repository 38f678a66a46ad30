import { createContext, useContext } from 'react';

/** Bumped when an import swaps a new catalog in, so views of catalog data (the as-of badge) refetch. */
export interface CatalogRevision {
  revision: number;
  bump: () => void;
}

export const CatalogRevisionContext = createContext<CatalogRevision>({ revision: 0, bump: () => undefined });

export function useCatalogRevision(): CatalogRevision {
  return useContext(CatalogRevisionContext);
}
