import { useEffect, useMemo, useState } from 'react';
import {
  TENANCY_LABELS,
  type InstanceSpec,
  type OperatingSystem,
  type PriceOptions,
  type PriceSource,
  type Tenancy,
} from '@shared/catalog-types';
import { HOURS_PER_MONTH } from '@shared/money';
import { OS_LABELS } from '@shared/operating-systems';
import { useApiCall } from '../../hooks/useApiCall';
import { screenHref } from '../../hooks/useHashParams';
import { OptionsChart } from '../../charts/OptionsChart';
import { PriceOptionsTable } from './PriceOptionsTable';
import { InstanceNameParts } from './InstanceNameParts';
import { SpecList } from './SpecList';
import { TenancyExtras, TenancyPicker, tenancyFor } from './TenancyPrices';

export interface DetailPanelProps {
  instanceType: string;
  region: string;
  os: OperatingSystem;
  /** The row's specs from the table, shown while the purchase options load. */
  spec: InstanceSpec | undefined;
  /**
   * The shared-tenancy `catalog.priceOptions` answer; may still be the previous type's while the new one
   * loads. The pane asks for another tenancy's itself.
   */
  priceOptions: PriceOptions | undefined;
  loading: boolean;
  failed: boolean;
  onClose: () => void;
}

/**
 * Side panel for one instance type: specs, every purchase option with its source in a tenancy (shared,
 * a Dedicated Instance with its per-Region fee, or a Dedicated Host with the host's prices), and a cost chart.
 */
export function DetailPanel(props: DetailPanelProps) {
  const { instanceType, region, os, spec, onClose } = props;
  const [wanted, setTenancy] = useState<Tenancy>('shared');
  // An OS not sold on shared hardware (Windows BYOL) opens on a dedicated tenancy.
  const tenancy = tenancyFor(os, wanted);
  const own = useApiCall(
    'catalog.priceOptions',
    tenancy === 'shared' ? null : { instanceType, region, os, tenancy },
  );
  const data = tenancy === 'shared' ? props.priceOptions : own.data;
  const loading = tenancy === 'shared' ? props.loading : own.loading;
  const failed = tenancy === 'shared' ? props.failed : own.error !== null;
  const current =
    data &&
    data.instanceType === instanceType &&
    data.region === region &&
    data.os === os &&
    (data.tenancy ?? 'shared') === tenancy
      ? data
      : null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  // On a host the instance pays only its licence, On-Demand: reservations are of the host (TenancyExtras).
  const options = useMemo(
    () =>
      current?.tenancy === 'host' ? current.options.filter((o) => o.model === 'on-demand') : current?.options,
    [current],
  );
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
            {region} · {OS_LABELS[os]} · {TENANCY_LABELS[tenancy]} ·{' '}
            {current?.hoursPerMonth ?? HOURS_PER_MONTH} h/month
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
          <div className="detail-section-head">
            <h3>Purchase options</h3>
            <TenancyPicker os={os} value={tenancy} onChange={setTenancy} />
          </div>
          {current ? (
            <>
              <TenancyExtras data={current} sources={sources} />
              <PriceOptionsTable
                options={options ?? []}
                sources={sources}
                query={{ instanceType, region, os, tenancy }}
              />
              <p className="footnote muted">
                Spot is an average of observed prices, never a guaranteed price. Effective hourly spreads any
                upfront payment over the term's hours.
              </p>
            </>
          ) : (
            <p className="muted">
              {loading
                ? 'Loading purchase options…'
                : failed
                  ? `Purchase options are unavailable${own.error && tenancy !== 'shared' ? `: ${own.error}` : '.'}`
                  : ''}
            </p>
          )}
        </section>
        {current && (
          <section>
            <h3>Monthly cost by option</h3>
            <OptionsChart options={options ?? []} />
          </section>
        )}
      </div>
    </aside>
  );
}
