import { useCallback, useMemo, useRef, useState } from 'react';
import type { SortColumn } from '@shared/contract';
import type { OperatingSystem } from '@shared/catalog-types';
import { ErrorBanner } from '../components/ErrorBanner';
import { PRICE_UNITS, PRICE_UNIT_LABELS, type PriceUnit } from '../format';
import { useApiCall } from '../hooks/useApiCall';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { usePersistentState } from '../hooks/usePersistentState';
import {
  DEFAULT_FILTERS,
  DEFAULT_REGION,
  restoreCatalogState,
  toInstanceFilter,
  type CatalogFilters,
} from './catalog/catalog-state';
import { ColumnPicker } from './catalog/ColumnPicker';
import { COLUMNS, type ColumnId } from './catalog/columns';
import { DetailPanel } from './catalog/DetailPanel';
import { FilterBar } from './catalog/FilterBar';
import { InstanceTable } from './catalog/InstanceTable';
import { PaneResizer } from './catalog/PaneResizer';
import { clampWidth, paneBounds, restorePaneWidth, useElementWidth } from './catalog/pane-width';

const STORAGE_KEY = 'planner.catalog.v1';
const PANE_WIDTH_KEY = 'planner.catalog.detailWidth.v1';
const DEBOUNCE_MS = 150;
const EMPTY_INPUT = {};

type TextFilters = Pick<
  CatalogFilters,
  'search' | 'minVcpu' | 'maxVcpu' | 'minMemoryGiB' | 'maxMemoryGiB' | 'minNetworkGbps'
>;

/**
 * The catalog: every instance type of a region, filtered and sorted by main, with a resizable detail
 * pane beside the table (its width remembered).
 */
export function CatalogScreen({ shellErrors }: { shellErrors: string[] }) {
  const [state, setState] = usePersistentState(STORAGE_KEY, restoreCatalogState);
  const [selected, setSelected] = useState<string | null>(null);
  const [storedPaneWidth, setPaneWidth] = usePersistentState(PANE_WIDTH_KEY, restorePaneWidth);
  const bodyRef = useRef<HTMLDivElement>(null);
  const bodyWidth = useElementWidth(bodyRef);
  const { filters } = state;

  const regions = useApiCall('catalog.regions', EMPTY_INPUT);
  // A stored region this catalog doesn't have falls back rather than showing an empty table.
  const region =
    !regions.data || regions.data.some((r) => r.code === state.region)
      ? state.region
      : (regions.data.find((r) => r.code === DEFAULT_REGION)?.code ?? regions.data[0]?.code ?? state.region);

  const families = useApiCall('catalog.families', { region });
  const family =
    families.loading || !families.data || families.data.includes(filters.family) ? filters.family : '';

  // Typing waits for a pause; selects and checkboxes apply at once.
  const text: TextFilters = {
    search: filters.search,
    minVcpu: filters.minVcpu,
    maxVcpu: filters.maxVcpu,
    minMemoryGiB: filters.minMemoryGiB,
    maxMemoryGiB: filters.maxMemoryGiB,
    minNetworkGbps: filters.minNetworkGbps,
  };
  const debouncedText = useDebouncedValue(JSON.stringify(text), DEBOUNCE_MS);
  const query = toInstanceFilter(
    region,
    state.os,
    { ...filters, family, ...(JSON.parse(debouncedText) as TextFilters) },
    state.sortBy,
    state.sortDir,
  );
  const instances = useApiCall('catalog.instances', query);
  // After a failed query the previous rows no longer answer the filters on screen: show none.
  const rows = instances.error ? [] : instances.data?.rows;

  const priceOptions = useApiCall(
    'catalog.priceOptions',
    selected ? { instanceType: selected, region, os: state.os } : null,
  );

  const columns = useMemo(() => COLUMNS.filter((c) => state.columns.includes(c.id)), [state.columns]);

  const setFilters = (patch: Partial<CatalogFilters>) =>
    setState((s) => ({ ...s, filters: { ...s.filters, ...patch } }));
  const onRegionChange = (code: string) => {
    setSelected(null);
    setState((s) => ({ ...s, region: code, filters: { ...s.filters, family: '' } }));
  };
  const onSort = (column: SortColumn) =>
    setState((s) => ({
      ...s,
      sortBy: column,
      sortDir: s.sortBy === column && s.sortDir === 'asc' ? 'desc' : 'asc',
    }));
  const closeDetail = useCallback(() => setSelected(null), []);

  const errors = [...shellErrors, regions.error, families.error, instances.error, priceOptions.error].filter(
    (m): m is string => m !== null,
  );

  const count = instances.data
    ? countText(instances.data.rows.length, instances.data.total)
    : 'Loading instance types…';
  const selectedRow = selected ? rows?.find((r) => r.instanceType === selected) : undefined;
  // The pane sits beside the table, never over it: as wide as asked, while the table keeps its
  // instance type and price columns whole.
  const bounds = paneBounds(bodyWidth, columns);
  const paneWidth = clampWidth(storedPaneWidth, bounds);

  return (
    <main className="catalog-screen">
      <ErrorBanner messages={errors} />
      <FilterBar
        region={region}
        os={state.os}
        filters={{ ...filters, family }}
        regions={regions.data}
        families={families.data}
        onRegionChange={onRegionChange}
        onOsChange={(os: OperatingSystem) => setState((s) => ({ ...s, os }))}
        onFiltersChange={setFilters}
        onReset={() => setState((s) => ({ ...s, filters: DEFAULT_FILTERS }))}
      />
      <div className="toolbar">
        <span className="instance-count" data-testid="instance-count" aria-live="polite">
          {count}
        </span>
        {instances.loading && instances.data && (
          <span className="loading-indicator" role="status">
            Updating…
          </span>
        )}
        <span className="toolbar-hint muted">Click a row for purchase options and specs.</span>
        <div className="toolbar-spacer" />
        <label className="inline-field">
          <span className="filter-label">Prices</span>
          <select
            data-testid="price-unit-select"
            value={state.unit}
            onChange={(e) => setState((s) => ({ ...s, unit: e.target.value as PriceUnit }))}
          >
            {PRICE_UNITS.map((u) => (
              <option key={u} value={u}>
                {PRICE_UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </label>
        <ColumnPicker
          visible={state.columns}
          onChange={(ids: ColumnId[]) => setState((s) => ({ ...s, columns: ids }))}
        />
      </div>
      <div className="catalog-body" ref={bodyRef}>
        <InstanceTable
          rows={rows ?? []}
          columns={columns}
          unit={state.unit}
          sortBy={state.sortBy}
          sortDir={state.sortDir}
          onSort={onSort}
          selected={selected}
          onSelect={setSelected}
          loading={instances.loading}
          emptyMessage={
            instances.error
              ? 'Nothing to show: the catalog could not answer (see the message above).'
              : instances.data
                ? 'No instance types match these filters.'
                : 'Loading…'
          }
        />
        {selected && (
          <>
            <PaneResizer
              width={paneWidth}
              min={bounds.min}
              max={bounds.max}
              onResize={setPaneWidth}
              label={`Resize the ${selected} details`}
            />
            <div className="detail-pane" data-testid="detail-pane" style={{ width: paneWidth }}>
              <DetailPanel
                instanceType={selected}
                region={region}
                os={state.os}
                spec={selectedRow}
                priceOptions={priceOptions.data}
                loading={priceOptions.loading}
                failed={priceOptions.error !== null}
                onClose={closeDetail}
              />
            </div>
          </>
        )}
      </div>
    </main>
  );
}

function countText(shown: number, total: number): string {
  const noun = total === 1 ? 'instance type' : 'instance types';
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}
