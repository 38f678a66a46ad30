import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { expandListing, rowKey, type ListingRow } from '@shared/catalog-listing';
import type { SortColumn } from '@shared/contract';
import type { OperatingSystem } from '@shared/catalog-types';
import { useCatalogRevision } from '../catalog-revision';
import { ErrorBanner } from '../components/ErrorBanner';
import { PRICE_UNITS, PRICE_UNIT_LABELS, type PriceUnit } from '../format';
import { useApiCall } from '../hooks/useApiCall';
import { usePersistentState } from '../hooks/usePersistentState';
import {
  ALL_REGIONS,
  DEFAULT_FILTERS,
  DEFAULT_REGION,
  restoreCatalogState,
  toRowFilter,
  type CatalogFilters,
} from './catalog/catalog-state';
import { ColumnPicker } from './catalog/ColumnPicker';
import { type ColumnId } from './catalog/columns';
import { DetailPanel } from './catalog/DetailPanel';
import { FilterBar } from './catalog/FilterBar';
import { filterRows, sortRows } from './catalog/filter-sort';
import { InstanceTable, type InstanceTableHandle } from './catalog/InstanceTable';
import { PaneResizer } from './catalog/PaneResizer';
import { clampWidth, paneBounds, restorePaneWidth, useElementWidth } from './catalog/pane-width';
import { tableColumns } from './catalog/table-columns';

const STORAGE_KEY = 'planner.catalog.v1';
const PANE_WIDTH_KEY = 'planner.catalog.detailWidth.v1';
const EMPTY_INPUT = {};
const NO_ROWS: ListingRow[] = [];
// The details (a chart among them) don't change while the filters do: a keystroke leaves them be.
const Details = memo(DetailPanel);

/**
 * The catalog: every instance type of a region (or of every region, a row per type and region),
 * loaded once per region and OS (catalog.listing) and filtered and sorted here in memory, at each
 * keystroke, with a resizable detail pane beside the table (its width remembered).
 */
export function CatalogScreen({ shellErrors }: { shellErrors: string[] }) {
  // Stored once typing pauses (a write per keystroke would cost each one): the state itself is immediate.
  const [state, setState] = usePersistentState(STORAGE_KEY, restoreCatalogState, { deferWrite: true });
  const [selected, setSelected] = useState<string | null>(null);
  const [storedPaneWidth, setPaneWidth] = usePersistentState(PANE_WIDTH_KEY, restorePaneWidth);
  const bodyRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<InstanceTableHandle>(null);
  const bodyWidth = useElementWidth(bodyRef);
  const { revision } = useCatalogRevision();
  const { filters } = state;

  const regions = useApiCall('catalog.regions', EMPTY_INPUT, revision);
  // A stored region this catalog doesn't have falls back rather than showing an empty table.
  const region =
    state.region === ALL_REGIONS || !regions.data || regions.data.some((r) => r.code === state.region)
      ? state.region
      : (regions.data.find((r) => r.code === DEFAULT_REGION)?.code ?? regions.data[0]?.code ?? state.region);
  const allRegions = region === ALL_REGIONS;

  // The region's rows, once; an import's new catalog (revision) loads them again.
  const listing = useApiCall('catalog.listing', { region, os: state.os }, revision);
  const loaded = useMemo(() => (listing.data ? expandListing(listing.data) : null), [listing.data]);
  // After a failed load the previous rows no longer answer the choices on screen: show none.
  const rows = listing.error ? NO_ROWS : (loaded ?? NO_ROWS);

  const families = useMemo(
    () => (loaded ? [...new Set(loaded.map((r) => r.family))].sort() : undefined),
    [loaded],
  );
  const family = !families || families.includes(filters.family) ? filters.family : '';

  const sorted = useMemo(
    () => sortRows(rows, state.sortBy, state.sortDir),
    [rows, state.sortBy, state.sortDir],
  );
  const rowFilter = useMemo(() => toRowFilter({ ...filters, family }), [filters, family]);
  const shown = useMemo(() => filterRows(sorted, rowFilter), [sorted, rowFilter]);

  const selectedRow = selected ? rows.find((r) => rowKey(r) === selected) : undefined;
  const priceOptions = useApiCall(
    'catalog.priceOptions',
    selectedRow ? { instanceType: selectedRow.instanceType, region: selectedRow.region, os: state.os } : null,
  );

  const columns = useMemo(() => tableColumns(state.columns, allRegions), [state.columns, allRegions]);

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

  const errors = [...shellErrors, regions.error, listing.error, priceOptions.error].filter(
    (m): m is string => m !== null,
  );

  const count = loaded ? countText(shown.length, rows.length, allRegions) : 'Loading instance types…';
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
        families={families}
        onRegionChange={onRegionChange}
        onOsChange={(os: OperatingSystem) => setState((s) => ({ ...s, os }))}
        onFiltersChange={setFilters}
        onReset={() => setState((s) => ({ ...s, filters: DEFAULT_FILTERS }))}
        onSearchArrowDown={() => tableRef.current?.focusFirstRow()}
      />
      <div className="toolbar">
        <span className="instance-count" data-testid="instance-count" aria-live="polite">
          {count}
        </span>
        {listing.loading && listing.data && (
          <span className="loading-indicator" role="status">
            Updating…
          </span>
        )}
        <span className="toolbar-hint muted">
          Click a row, or move with the arrow keys and press Enter, for purchase options and specs.
        </span>
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
          ref={tableRef}
          rows={shown}
          columns={columns}
          unit={state.unit}
          sortBy={state.sortBy}
          sortDir={state.sortDir}
          onSort={onSort}
          selected={selected}
          onSelect={setSelected}
          loading={listing.loading}
          emptyMessage={
            listing.error
              ? 'Nothing to show: the catalog could not answer (see the message above).'
              : loaded
                ? 'No instance types match these filters.'
                : 'Loading…'
          }
        />
        {selectedRow && (
          <>
            <PaneResizer
              width={paneWidth}
              min={bounds.min}
              max={bounds.max}
              onResize={setPaneWidth}
              label={`Resize the ${selectedRow.instanceType} details`}
            />
            <div className="detail-pane" data-testid="detail-pane" style={{ width: paneWidth }}>
              <Details
                instanceType={selectedRow.instanceType}
                region={selectedRow.region}
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

/** One formatter for the count (toLocaleString makes a new one at each call: dear per keystroke). */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

function countText(shown: number, total: number, allRegions: boolean): string {
  const n = (v: number) => COUNT_FORMAT.format(v);
  const noun = allRegions
    ? 'rows (instance type × region)'
    : total === 1
      ? 'instance type'
      : 'instance types';
  return shown === total ? `${n(total)} ${noun}` : `${n(shown)} of ${n(total)} ${noun}`;
}
