import type { ImportJobStatus } from '@shared/import/jobs';
import { IMPORT_KIND_LABELS } from '@shared/import/kinds';
import type { ImportSummary } from '@shared/import/types';
import { formatBytes, formatCount, formatSeconds } from './data-format';

/** The running or finished import: a real progress bar, rates, and what it changed (or why it failed). */
export function ImportProgressView({ job, onCancel }: { job: ImportJobStatus; onCancel: () => void }) {
  const p = job.progress;
  const pct = p && p.totalBytes > 0 ? Math.min(100, (p.bytesRead / p.totalBytes) * 100) : 0;
  return (
    <div className="import-job" data-testid="import-progress" data-state={job.state}>
      <div className="import-job-head">
        <span className="strong">{job.kind === 'aws-update' ? 'Update from AWS' : 'Import'}</span>
        <span className="muted data-path">{job.label}</span>
        {job.state === 'running' && (
          <button type="button" className="button-secondary" data-testid="import-cancel" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {job.state === 'running' && (
        <>
          <progress max={100} value={pct} aria-label="Import progress" />
          <div className="muted small" data-testid="import-rates">
            {job.phase ?? 'starting'} ·{' '}
            {p
              ? `${formatBytes(p.bytesRead)} of ${formatBytes(p.totalBytes)} · ${formatCount(p.rows)} rows · ${p.mbPerSecond.toFixed(1)} MB/s · ${formatSeconds(p.etaSeconds)} left`
              : 'preparing…'}
          </div>
        </>
      )}
      {job.state === 'done' && (
        <ul className="import-summary" data-testid="import-summary">
          {job.summaries.map((s) => (
            <li key={s.sourceId}>
              {s.hostReservations ? (
                <HostReservationsLine summary={s} imported={s.hostReservations} />
              ) : (
                <>
                  {IMPORT_KIND_LABELS[s.kind]} {s.format.toUpperCase()} published{' '}
                  {s.publicationDate.slice(0, 10)}: {formatCount(s.rows)} price rows (
                  {formatCount(s.instanceTypes)} instance types, {formatCount(s.regions)} regions
                  {s.ebsRows ? `, ${formatCount(s.ebsRows)} EBS rows` : ''})
                </>
              )}{' '}
              in {s.seconds.toFixed(1)} s at {s.mbPerSecond.toFixed(0)} MB/s
              {s.skippedInstanceTypes.length > 0 &&
                ` · ${s.skippedInstanceTypes.length} types without specs skipped`}
              {s.skippedScopes && s.skippedScopes.length > 0 && (
                <div className="muted small" data-testid="import-skipped-scopes">
                  Kept the catalog&apos;s newer prices for {s.skippedScopes.length} scope
                  {s.skippedScopes.length === 1 ? '' : 's'} ({formatCount(s.skippedRows ?? 0)} rows of the
                  file not imported): {s.skippedScopes.map((k) => `${k.scope} (${k.catalogAsOf})`).join(', ')}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {(job.state === 'failed' || job.state === 'cancelled') && job.error && (
        <p
          className={job.state === 'failed' ? 'import-error' : 'muted'}
          data-testid="import-error"
          role="alert"
        >
          {job.error.message}
        </p>
      )}
    </div>
  );
}

/** A Dedicated Host Reservation offerings import: its rows, the region it was told and the families. */
function HostReservationsLine({
  summary,
  imported,
}: {
  summary: ImportSummary;
  imported: NonNullable<ImportSummary['hostReservations']>;
}) {
  const families = imported.families;
  const rows = summary.hostRows ?? 0;
  return (
    <span data-testid="import-host-reservations" data-region={imported.region}>
      {IMPORT_KIND_LABELS[summary.kind]} dated {summary.publicationDate.slice(0, 10)} (the file&apos;s
      modification time): {formatCount(rows)} host reservation {rows === 1 ? 'row' : 'rows'} imported for{' '}
      <strong>{imported.region}</strong>, {families.length === 1 ? 'family' : 'families'}{' '}
      <strong>{families.join(', ')}</strong>
    </span>
  );
}
