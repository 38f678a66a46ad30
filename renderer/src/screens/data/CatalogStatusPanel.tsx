import type { DataStatus } from '@shared/import/jobs';
import { formatDateRange } from '@shared/catalog-scopes';
import { formatCount } from './data-format';

const NO_ROWS =
  'No price row comes from this source: it dates specs or spot bands, or newer sources have every figure it has';

const ORIGIN_TEXT: Record<DataStatus['origin'], string> = {
  shipped: 'Shipped snapshot (built from pricing-data/)',
  imported: 'Your imported catalog',
  custom: 'A catalog chosen by path',
};

/**
 * What the app is pricing with: where the catalog came from, the range of its price dates, each source
 * with its date and how many price rows it supplies, and how much it holds.
 */
export function CatalogStatusPanel({ status }: { status: DataStatus }) {
  const m = status.meta;
  return (
    <section className="data-panel" data-testid="data-status">
      <h2 className="section-title">Price catalog</h2>
      <dl className="data-facts">
        <dt>Origin</dt>
        <dd data-testid="data-origin" data-origin={status.origin}>
          {ORIGIN_TEXT[status.origin]}
        </dd>
        <dt>File</dt>
        <dd className="data-path">{status.catalogPath}</dd>
        <dt>Source</dt>
        <dd>{m.source}</dd>
        <dt>Prices as of</dt>
        <dd data-testid="data-as-of" className="strong">
          {formatDateRange(m.pricesAsOf, 'n/a (no prices)')}
        </dd>
        <dt>Contents</dt>
        <dd>
          {formatCount(m.regions)} regions · {formatCount(m.instanceTypes)} instance types · on-demand{' '}
          {formatCount(m.priceRows['on-demand'])} · reserved {formatCount(m.priceRows.reserved)} · Savings
          Plans {formatCount(m.priceRows['savings-plan'])} · spot {formatCount(m.priceRows.spot)} · EBS{' '}
          {formatCount(m.ebsPriceRows)} price rows
        </dd>
      </dl>
      <table className="data-table data-sources">
        <thead>
          <tr>
            <th>Price source</th>
            <th>As of</th>
            <th className="num">Rows</th>
            <th>Licence</th>
          </tr>
        </thead>
        <tbody>
          {m.sources.map((s) => (
            <tr key={s.id} data-testid="data-source" data-source-id={s.id}>
              <td title={s.note}>{s.name}</td>
              <td className="nowrap">{s.asOf}</td>
              <td className="num" title={s.rows === 0 ? NO_ROWS : undefined}>
                {s.rows === 0 ? '—' : formatCount(s.rows)}
              </td>
              <td>{s.licence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
