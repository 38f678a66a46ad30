import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJobStatus } from '@shared/import/jobs';
import { useApi } from '../api-context';
import { useCatalogRevision } from '../catalog-revision';
import { ErrorBanner } from '../components/ErrorBanner';
import { errorMessage } from '../errors';
import { useApiCall } from '../hooks/useApiCall';
import { AwsUpdatePanel } from './data/AwsUpdatePanel';
import { CatalogProblemNotice } from './data/CatalogProblemNotice';
import { CatalogStatusPanel } from './data/CatalogStatusPanel';
import { formatBytes } from './data/data-format';
import { ImportForm, type ImportRequest } from './data/ImportForm';
import { ImportProgressView } from './data/ImportProgressView';
import { ScopeDatesTable } from './data/ScopeDatesTable';
import { fileDate, uploadFile } from './data/upload';
import './data/data.css';

const EMPTY = {};
const POLL_MS = 300;

/** Data: what the prices are and how old, and bringing in AWS's own price files to refresh them. */
export function DataScreen({ shellErrors }: { shellErrors: string[] }) {
  const api = useApi();
  const { revision, bump } = useCatalogRevision();
  const status = useApiCall('data.status', EMPTY, revision);
  const regions = useApiCall('catalog.regions', EMPTY, revision);
  const [started, setJob] = useState<ImportJobStatus | null>(null);
  // An import started before this screen was opened is shown (and polled) too.
  const job = started ?? status.data?.job ?? null;
  const [upload, setUpload] = useState<{ sent: number; total: number; abort: AbortController } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const finished = useRef<string | null>(null);

  // Poll while an import runs; when it ends well, everything showing catalog data refetches.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setInterval(() => {
      api['import.status']({ jobId: job.id }).then(setJob, (err: unknown) => setError(errorMessage(err)));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [api, job]);
  useEffect(() => {
    if (job && job.state === 'done' && finished.current !== job.id) {
      finished.current = job.id;
      bump();
    }
  }, [job, bump]);

  const start = useCallback(
    async (r: ImportRequest) => {
      setError(null);
      try {
        let path = r.path;
        // An upload is saved with today's date: send the date the person's file has (a path has its own).
        let dated: { fileModifiedAt?: string } = {};
        if (r.file) {
          const local = window.plannerFiles?.pathForFile(r.file);
          if (local) path = local;
          else {
            const abort = new AbortController();
            setUpload({ sent: 0, total: r.file.size, abort });
            path = await uploadFile(r.file, (sent, total) => setUpload({ sent, total, abort }), abort.signal);
            setUpload(null);
            dated = fileDate(r.file);
          }
        }
        const region = r.region !== undefined ? { region: r.region } : {};
        setJob(await api['import.start']({ path, kind: r.kind, force: r.force, ...region, ...dated }));
      } catch (err) {
        setUpload(null);
        setError(errorMessage(err));
      }
    },
    [api],
  );
  const updateFromAws = useCallback(
    async (chosen: string[]) => {
      setError(null);
      try {
        setJob(await api['import.updateFromAws']({ regions: chosen }));
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [api],
  );
  const [resetting, setResetting] = useState(false);
  const resetCatalog = useCallback(async () => {
    setError(null);
    setResetting(true);
    try {
      await api['data.resetCatalog']({});
      // The catalog in use may have changed: everything showing catalog data refetches.
      bump();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setResetting(false);
    }
  }, [api, bump]);
  const cancel = useCallback(() => {
    if (upload) upload.abort.abort();
    if (job?.state === 'running') {
      api['import.cancel']({ jobId: job.id }).then(setJob, (err: unknown) => setError(errorMessage(err)));
    }
  }, [api, job, upload]);

  const busy = upload !== null || job?.state === 'running';
  const errors = [...shellErrors, status.error, regions.error, error].filter((m): m is string => m !== null);
  return (
    <main className="data-screen">
      <ErrorBanner messages={errors} />
      {status.data?.catalogProblem && (
        <CatalogProblemNotice
          problem={status.data.catalogProblem}
          busy={busy || resetting}
          onReset={() => void resetCatalog()}
        />
      )}
      {status.data ? <CatalogStatusPanel status={status.data} /> : <p className="muted">Loading catalog…</p>}
      {status.data && <ScopeDatesTable meta={status.data.meta} />}
      <section className="data-panel">
        <h2 className="section-title">Import AWS price files</h2>
        <p className="muted small">
          AWS publishes its prices for anyone as Price List Bulk API offer files (for example
          AmazonEC2/current/us-east-1/index.json, several hundred MB) and Savings Plans files; spot history
          comes from <code>aws ec2 describe-spot-price-history --output json</code>, Dedicated Host
          Reservation prices from <code>aws ec2 describe-host-reservation-offerings --output json</code>.
          Files are read as a stream, checked, and swapped in only when complete: a failed or cancelled import
          leaves the catalog as it was.
        </p>
        <ImportForm busy={busy} regions={regions.data ?? []} onImport={(r) => void start(r)} />
        {upload && (
          <div className="import-job" data-testid="import-upload">
            <span className="strong">Uploading</span> {formatBytes(upload.sent)} of{' '}
            {formatBytes(upload.total)}
            <progress max={upload.total || 1} value={upload.sent} aria-label="Upload progress" />
            <button type="button" className="button-secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        )}
        {job && <ImportProgressView job={job} onCancel={cancel} />}
      </section>
      <AwsUpdatePanel regions={regions.data ?? []} busy={busy} onUpdate={(r) => void updateFromAws(r)} />
    </main>
  );
}
