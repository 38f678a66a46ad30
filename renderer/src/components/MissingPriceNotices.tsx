import {
  DATA_SCREEN_HREF,
  DATA_SCREEN_LINK_TEXT,
  missingPriceNotices,
} from '@shared/pricing/missing-price-words';
import type { MissingPrice } from '@shared/pricing/missing-prices';
import './notices.css';

export interface MissingPriceNoticesProps {
  missing: readonly MissingPrice[];
  /** What a line is called, from its id. */
  lineName: (id: string) => string;
  testId?: string;
}

/**
 * Prices the catalog lacks: one notice per family, with the way to get them (a link to the Data
 * screen) and the lines it concerns named once, never a warning per line and option.
 */
export function MissingPriceNotices({ missing, lineName, testId }: MissingPriceNoticesProps) {
  if (missing.length === 0) return null;
  return (
    <ul className="missing-price-notices" data-testid={testId} aria-label="Prices not in this catalog">
      {missingPriceNotices(missing, lineName).map((n) => (
        <li
          key={n.family}
          className="missing-price-notice"
          data-family={n.family}
          data-testid="missing-price-notice"
        >
          <div>
            <strong>{n.title}</strong> <span className="muted">({n.scopes})</span> — {n.wayOut}:{' '}
            <a href={DATA_SCREEN_HREF} data-testid="missing-price-data-link">
              {DATA_SCREEN_LINK_TEXT}
            </a>
          </div>
          {n.lines.length > 0 && (
            <div className="small" data-testid="missing-price-lines">
              {n.lines.length === 1 ? 'Line' : 'Lines'}: {n.lines.join(', ')}
            </div>
          )}
          {n.options.length > 0 && (
            <details className="small">
              <summary>
                {n.family === 'instance-type'
                  ? `${n.options.length} instance type${n.options.length === 1 ? '' : 's'}`
                  : `${n.options.length} way${n.options.length === 1 ? '' : 's'} of buying not priced`}
              </summary>
              {n.options.join('; ')}
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
