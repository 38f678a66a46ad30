import type { CatalogMeta } from '@shared/catalog-types';
import type { CatalogProblem } from '@shared/import/jobs';
import './as-of.css';

/**
 * "Prices as of <oldest> … <newest>", always in view: the range of the catalog's price dates (each
 * scope has its own). It opens the Data screen, which lists every source and scope with its date.
 * When the imported catalog could not be used, a warning chip beside it says so and opens the same
 * screen (where the reason and the way out are).
 */
export function AsOfBadge({
  meta,
  problem,
  failed,
}: {
  meta: CatalogMeta | undefined;
  problem: CatalogProblem | null;
  failed: boolean;
}) {
  const chip = problem && (
    <a
      className="as-of-problem"
      href="#data"
      data-testid="header-catalog-problem"
      title={`${problem.file}: ${problem.reason}`}
    >
      ⚠ Imported catalog unusable: using the shipped one
    </a>
  );
  if (!meta) {
    return (
      <>
        {chip}
        <span className="as-of muted">{failed ? 'Catalog date unavailable' : 'Loading catalog…'}</span>
      </>
    );
  }
  const range = meta.pricesAsOf;
  return (
    <>
      {chip}
      <a
        className="as-of"
        href="#data"
        data-testid="as-of"
        title="Each source and scope with its own date: open the Data screen"
      >
        Prices as of{' '}
        {range === null ? (
          'n/a (no prices)'
        ) : range.oldest === range.newest ? (
          <time dateTime={range.newest}>{range.newest}</time>
        ) : (
          <>
            <time dateTime={range.oldest}>{range.oldest}</time> …{' '}
            <time dateTime={range.newest}>{range.newest}</time>
          </>
        )}
      </a>
    </>
  );
}
