import { useMemo, useState } from 'react';
import { OPERATING_SYSTEMS, type OperatingSystem } from '@shared/catalog-types';
import { sortRegionRows, type RegionPriceSort } from '@shared/capacity/region-prices';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PRICE_UNIT_LABELS, type PriceUnit } from '../../format';
import { useApiCall } from '../../hooks/useApiCall';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { TypeRegionsTable } from './TypeRegionsTable';

const DEBOUNCE_MS = 300;
const MAX_TYPES = 20;
const UNITS: PriceUnit[] = ['hour', 'month'];

/** "m5.large, M6i.large  m5.large" → ["m5.large", "m6i.large"]: each type once, at most 20. */
export function parseTypes(text: string): string[] {
  const names = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  return [...new Set(names)].slice(0, MAX_TYPES);
}

export interface TypeRegionsPanelProps {
  typesText: string;
  os: OperatingSystem;
  onChange: (patch: { typesText?: string; os?: OperatingSystem }) => void;
}

/** One instance type (or a few) in every region, sortable by any figure. */
export function TypeRegionsPanel({ typesText, os, onChange }: TypeRegionsPanelProps) {
  const [sort, setSort] = useState<{ by: RegionPriceSort; dir: 'asc' | 'desc' }>({
    by: 'region',
    dir: 'asc',
  });
  const [unit, setUnit] = useState<PriceUnit>('hour');
  const types = parseTypes(useDebouncedValue(typesText, DEBOUNCE_MS));
  const prices = useApiCall('catalog.regionPrices', types.length ? { instanceTypes: types, os } : null);
  // After a failed call the previous rows no longer answer the types typed: show none.
  const data = prices.error ? undefined : prices.data;
  const rows = useMemo(() => (data ? sortRegionRows(data.rows, sort.by, sort.dir) : []), [data, sort]);

  const onSort = (by: RegionPriceSort) =>
    setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }));
  const offered = data ? new Set(data.rows.filter((r) => r.offered).map((r) => r.region)).size : 0;

  return (
    <section className="regions-panel" aria-labelledby="type-regions-heading" data-testid="type-regions">
      <div className="regions-panel-head">
        <h2 className="regions-title" id="type-regions-heading">
          Instance types in every region
        </h2>
        <label className="filter-field">
          <span className="filter-label">Instance types</span>
          <input
            type="search"
            className="regions-types-input"
            data-testid="regions-types"
            value={typesText}
            placeholder="m5.large, m6i.large"
            aria-describedby="regions-types-hint"
            onChange={(e) => onChange({ typesText: e.target.value })}
          />
        </label>
        <label className="filter-field">
          <span className="filter-label">OS</span>
          <select
            data-testid="regions-os"
            value={os}
            onChange={(e) => onChange({ os: e.target.value as OperatingSystem })}
          >
            {OPERATING_SYSTEMS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          <span className="filter-label">Prices</span>
          <select
            data-testid="regions-unit"
            value={unit}
            onChange={(e) => setUnit(e.target.value as PriceUnit)}
          >
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {PRICE_UNIT_LABELS[u]}
              </option>
            ))}
          </select>
        </label>
        {prices.loading && (
          <span className="loading-indicator" role="status">
            Loading…
          </span>
        )}
      </div>
      <ErrorBanner messages={prices.error ? [prices.error] : []} />
      <p className="muted small" id="regions-types-hint">
        {data
          ? `${data.instanceTypes.join(', ')}: offered in ${offered} of ${new Set(data.rows.map((r) => r.region)).size} regions (${data.os}, shared tenancy). Click a heading to sort; the date under a figure is its source's.`
          : 'Separate several types with commas.'}
      </p>
      <TypeRegionsTable
        rows={rows}
        unit={unit}
        showType={(data?.instanceTypes.length ?? 0) > 1}
        sortBy={sort.by}
        sortDir={sort.dir}
        onSort={onSort}
        bandNote={data?.spotAdvisor.note ?? null}
        loading={prices.loading}
      />
      {data && (
        <p className="footnote muted small" data-testid="regions-notes">
          Best 1-/3-year: the lowest effective rate of any Reserved Instance or Savings Plan of that term,
          upfront spread over the term (hover a figure for the option). Spot is an average of observed prices,
          never a guaranteed price.{' '}
          {data.spotAdvisor.note
            ? `Interruption: n/a — ${data.spotAdvisor.note}.`
            : 'Interruption: AWS Spot Advisor’s band of how often spot capacity was reclaimed in the last month.'}
        </p>
      )}
    </section>
  );
}
