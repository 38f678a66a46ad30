import type { InstanceRow } from '@shared/catalog-types';
import { useApiCall } from '../../hooks/useApiCall';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

const LOOKUP_DEBOUNCE_MS = 200;
const SUGGESTION_LIMIT = 40;

export interface InstanceLookup {
  /** Instance types matching what is typed, for the suggestion list. */
  suggestions: InstanceRow[];
  /** The catalog row of exactly the typed type, once found. */
  match: InstanceRow | null;
  /** Whether the typed type is in the region's catalog: null while still looking (or nothing typed: true). */
  known: boolean | null;
  error: string | null;
}

/** Looks the typed instance type up in the region's catalog, for suggestions and its EBS limits. */
export function useInstanceLookup(region: string, text: string): InstanceLookup {
  const typed = text.trim().toLowerCase();
  const debounced = useDebouncedValue(typed, LOOKUP_DEBOUNCE_MS);
  const lookup = useApiCall(
    'catalog.instances',
    debounced === ''
      ? null
      : {
          region,
          generation: 'all',
          search: debounced,
          sortBy: 'instanceType',
          sortDir: 'asc',
          limit: SUGGESTION_LIMIT,
        },
  );
  if (typed === '') return { suggestions: [], match: null, known: true, error: null };
  const rows = lookup.data?.region === region ? lookup.data.rows : [];
  const settled = debounced === typed && !lookup.loading && lookup.data?.region === region;
  const match = rows.find((r) => r.instanceType === typed) ?? null;
  // A failed lookup leaves the check to ebs.fit, which names an unknown type itself.
  const known = lookup.error ? true : settled ? match !== null : match !== null ? true : null;
  return { suggestions: rows, match, known, error: lookup.error };
}
