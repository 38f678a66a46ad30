import { useEffect, useMemo } from 'react';
import type { InstanceSpec, OperatingSystem, PriceOptions, PriceSource } from '@shared/catalog-types';
import { HOURS_PER_MONTH } from '@shared/money';
import { screenHref } from '../../hooks/useHashParams';
import { OptionsChart } from '../../charts/OptionsChart';
import { PriceOptionsTable } from './PriceOptionsTable';
import { InstanceNameParts } from './InstanceNameParts';
import { SpecList } from './SpecList';

export interface DetailPanelProps {
  instanceType: string;
  region: string;
  os: OperatingSystem;
  /** The row's specs from the table, shown while the purchase options load. */
  spec: InstanceSpec | undefined;
  /** The `catalog.priceOptions` answer; may still be the previous type's while the new one loads. */
  priceOptions: PriceOptions | undefined;
  loading: boolean;
  failed: boolean;
  onClose: () => void;
}

/** Side panel for one instance type: specs, every purchase option with its source, and a cost chart. */
export function DetailPanel(props: DetailPanelProps) {
  const { instanceType, region, os, spec, priceOptions: data, loading, failed, onClose } = props;
  const current =
    data && data.instanceType === instanceType && data.region === region && data.os === os ? data : null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const sources = useMemo(
    () => new Map<string, PriceSource>((current?.sources ?? []).map((s) => [s.id, s])),
    [current],
  );
  const shownSpec = current?.spec ?? spec;

  return (
    <aside className="detail-panel" aria-label={`${instanceType} details`} data-testid="detail-panel">
      <header className="detail-header">
        <div>
          <h2>{instanceType}</h2>
          <p className="muted">
            {region} · {os} · shared tenancy · {current?.hoursPerMonth ?? HOURS_PER_MONTH} h/month
          </p>
          <a
            className="detail-link"
            data-testid="compare-regions"
            href={screenHref('regions', { types: instanceType, os })}
          >
            Compare regions
          </a>
        </div>
        <button
          type="button"
          className="close-button"
          data-testid="close-detail"
          aria-label="Close details"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="detail-body">
        <section>
          <h3>The name, part by part</h3>
          <InstanceNameParts instanceType={instanceType} />
        </section>
        <section>
          <h3>Specifications</h3>
          {shownSpec ? <SpecList spec={shownSpec} /> : <p className="muted">Loading…</p>}
        </section>
        <section>
          <h3>Purchase options</h3>
          {current ? (
            <>
              <PriceOptionsTable
                options={current.options}
                sources={sources}
                query={{ instanceType, region, os }}
              />
              <p className="footnote muted">
                Spot is an average of observed prices, never a guaranteed price. Effective hourly spreads any
                upfront payment over the term's hours.
              </p>
            </>
          ) : (
            <p className="muted">
              {loading ? 'Loading purchase options…' : failed ? 'Purchase options are unavailable.' : ''}
            </p>
          )}
        </section>
        {current && (
          <section>
            <h3>Monthly cost by option</h3>
            <OptionsChart options={current.options} />
          </section>
        )}
      </div>
    </aside>
  );
}
