import type { CatalogProblem } from '@shared/import/jobs';

/**
 * Shown when the imported catalog could not be opened and the shipped one is in use: which file, why,
 * and a way out that keeps the file (it is renamed beside itself, never deleted).
 */
export function CatalogProblemNotice({
  problem,
  busy,
  onReset,
}: {
  problem: CatalogProblem;
  busy: boolean;
  onReset: () => void;
}) {
  return (
    <section className="data-panel catalog-problem" role="alert" data-testid="catalog-problem">
      <h2 className="section-title">Your imported catalog cannot be used</h2>
      <p>
        <span className="data-path" data-testid="catalog-problem-file">
          {problem.file}
        </span>{' '}
        could not be opened: <span data-testid="catalog-problem-reason">{problem.reason}</span>. The planner
        is using the shipped catalog instead, so prices are those of the shipped snapshot.
      </p>
      <p className="muted small">
        Resetting moves the unusable file aside (renamed to <code>catalog.sqlite.bad-&lt;date&gt;</code> in
        the same folder, never deleted) so the next import starts from the shipped catalog.
      </p>
      <button type="button" disabled={busy} onClick={onReset} data-testid="catalog-reset">
        Reset to the shipped catalog
      </button>
    </section>
  );
}
