import { useId } from 'react';
import type { CatalogMeta } from '@shared/catalog-types';
import { usePopover } from '../hooks/usePopover';

/** "Prices as of <date>", always in view; opens the list of sources, each with its own date and licence. */
export function AsOfBadge({ meta, failed }: { meta: CatalogMeta | undefined; failed: boolean }) {
  const { open, setOpen, rootRef } = usePopover<HTMLDivElement>();
  const panelId = useId();

  if (!meta) {
    return <span className="as-of muted">{failed ? 'Catalog date unavailable' : 'Loading catalog…'}</span>;
  }

  return (
    <div className="popover-anchor" ref={rootRef}>
      <button
        type="button"
        className="as-of"
        data-testid="as-of"
        aria-expanded={open}
        aria-controls={panelId}
        title={meta.source}
        onClick={() => setOpen((o) => !o)}
      >
        Prices as of <time dateTime={meta.asOf}>{meta.asOf}</time> ▾
      </button>
      {open && (
        <div
          className="popover popover-right sources-popover"
          id={panelId}
          role="dialog"
          aria-label="Data sources"
        >
          <p className="sources-summary">
            {meta.source}. {meta.instanceTypes.toLocaleString('en-US')} instance types in {meta.regions}{' '}
            regions.
          </p>
          <table className="sources-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">As of</th>
                <th scope="col">Licence</th>
              </tr>
            </thead>
            <tbody>
              {meta.sources.map((s) => (
                <tr key={s.id}>
                  <td>
                    <div>{s.name}</div>
                    <div className="muted small">{s.url}</div>
                  </td>
                  <td className="nowrap">{s.asOf}</td>
                  <td>{s.licence}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Catalog built {meta.builtAt.slice(0, 10)}. Import AWS's price files to refresh.
          </p>
        </div>
      )}
    </div>
  );
}
