import { useEffect } from 'react';
import { FINDER_PURCHASE_LABELS } from '@shared/capacity/finder';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApiCall } from '../hooks/useApiCall';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useHashParams } from '../hooks/useHashParams';
import { usePersistentState } from '../hooks/usePersistentState';
import {
  DEFAULT_FINDER_FORM,
  formFromParams,
  restoreFinderForm,
  toFinderInput,
  type FinderForm,
} from './finder/finder-state';
import { FinderFormView } from './finder/FinderFormView';
import { FinderTable } from './finder/FinderTable';
import './regions/regions.css';

const STORAGE_KEY = 'planner.finder.v1';
const DEBOUNCE_MS = 250;
const EMPTY_INPUT = {};

/**
 * The instance finder: from minimum vCPU, memory, network, EBS baseline, GPUs and the rest, the
 * cheapest types across families in one region or all, for a chosen way of buying. A link
 * (#finder?minVcpu=16&…, as the EBS screen makes) fills the requirements in.
 */
export function FinderScreen({ shellErrors }: { shellErrors: string[] }) {
  const [form, setForm] = usePersistentState(STORAGE_KEY, restoreFinderForm);
  const regions = useApiCall('catalog.regions', EMPTY_INPUT);
  const params = useHashParams();
  const linked = params.toString();
  useEffect(() => {
    const fromLink = formFromParams(new URLSearchParams(linked));
    if (fromLink) setForm(fromLink as FinderForm);
  }, [linked, setForm]);

  const { input, errors } = toFinderInput(form);
  const debounced = useDebouncedValue(input === null ? null : JSON.stringify(input), DEBOUNCE_MS);
  const found = useApiCall(
    'catalog.find',
    debounced === null ? null : (JSON.parse(debounced) as typeof input),
  );
  const result = found.error ? undefined : found.data;

  const messages = [...shellErrors, regions.error, found.error].filter((m): m is string => m !== null);
  return (
    <main className="regions-screen finder-screen">
      <ErrorBanner messages={messages} />
      <section className="regions-panel" aria-labelledby="finder-heading">
        <div className="regions-panel-head">
          <h2 className="regions-title" id="finder-heading">
            Find the cheapest instance types
          </h2>
          {(found.loading || (input !== null && JSON.stringify(input) !== debounced)) && (
            <span className="loading-indicator" role="status">
              Searching…
            </span>
          )}
        </div>
        <FinderFormView
          form={form}
          errors={errors}
          regions={regions.data}
          onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          onReset={() => setForm(DEFAULT_FINDER_FORM)}
        />
      </section>
      <section className="regions-panel" aria-labelledby="finder-results-heading">
        <h2 className="regions-title" id="finder-results-heading">
          Cheapest first
        </h2>
        {result && (
          <p className="muted small" data-testid="finder-summary">
            {result.matchedTypes} instance types meet the requirements
            {result.region === 'all'
              ? ' across all regions (each listed once, at its cheapest region)'
              : ` in ${result.region}`}
            ; ranked by {FINDER_PURCHASE_LABELS[result.purchase]} ({result.os}, month = {result.hoursPerMonth}{' '}
            h)
            {result.unpricedTypes > 0
              ? `; ${result.unpricedTypes} have no such price in the catalog and are not ranked`
              : ''}
            .{form.burstable ? '' : ' Burstable (T) types are left out: their full vCPU is not sustained.'}
          </p>
        )}
        <FinderTable result={result} loading={found.loading} />
      </section>
    </main>
  );
}
