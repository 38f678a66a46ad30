import { useEffect, useId, useRef, useState } from 'react';
import type { CallJobPhase } from '@shared/call-jobs';
import type { MenuCommand } from '@shared/call-names';
import type { PlannerMenuBridge } from '@shared/contract';
import { REPORT_FORMATS, type PaperSize, type ReportFormat } from '@shared/reports/formats';
import type { ScenarioInput } from '@shared/scenario/schema';
import { ApiError } from '../api-client';
import { useApi } from '../api-context';
import { errorMessage } from '../errors';
import './export.css';

declare global {
  interface Window {
    /** Exposed by main/transport/preload.ts in the desktop app: the File menu's commands. */
    plannerMenu?: PlannerMenuBridge;
  }
}

const FORMAT_LABEL: Record<ReportFormat, string> = {
  pdf: 'PDF (print-ready report with charts)',
  xlsx: 'Excel workbook (.xlsx)',
  csv: 'CSV (one row per line)',
  json: 'JSON (report model)',
};
const PROGRESS: Record<ReportFormat, string> = {
  pdf: 'Rendering PDF…',
  xlsx: 'Building workbook…',
  csv: 'Writing CSV…',
  json: 'Writing JSON…',
};
/** What a long export is doing, from jobs.status (main/workers/call-jobs.ts). */
const PHASE: Record<CallJobPhase, (format: ReportFormat) => string> = {
  waiting: () => 'Waiting for another calculation to finish…',
  pricing: () => 'Pricing every line…',
  rendering: (format) => PROGRESS[format],
  printing: () => 'Printing PDF…',
};
/** How often a running export asks what it is doing. */
const POLL_MS = 500;

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; jobId: string; phase: CallJobPhase | null; seconds: number; cancelling: boolean }
  | { kind: 'done'; fileName: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** Saves bytes as a file: a download in serve mode; in the desktop app main shows a save dialog. */
function downloadBase64(base64: string, mimeType: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Runs `onCommand` when the desktop app's menu sends `command`; does nothing outside Electron. */
export function useMenuCommand(command: MenuCommand, onCommand: () => void): void {
  const latest = useRef(onCommand);
  useEffect(() => {
    latest.current = onCommand;
  });
  useEffect(() => {
    const menu = window.plannerMenu;
    if (!menu) return;
    return menu.onCommand((c) => {
      if (c === command) latest.current();
    });
  }, [command]);
}

export interface ExportDialogProps {
  document: ScenarioInput | null;
  open: boolean;
  onClose(): void;
}

export function ExportDialog({ document: scenario, open, onClose }: ExportDialogProps) {
  const api = useApi();
  const id = useId();
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [bom, setBom] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';
  const jobId = status.kind === 'busy' ? status.jobId : null;

  // While an export runs: its phase and elapsed time, so a long one (thousands of lines) shows progress.
  useEffect(() => {
    if (!jobId) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const seconds = Math.floor((Date.now() - started) / 1000);
      void api['jobs.status']({ jobId })
        .then((job) => job.phase)
        .catch(() => null)
        .then((phase) =>
          setStatus((s) =>
            s.kind === 'busy' && s.jobId === jobId ? { ...s, phase: phase ?? s.phase, seconds } : s,
          ),
        );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [api, jobId]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, busy, onClose]);

  if (!open) return null;

  const submit = async () => {
    if (!scenario) return;
    const jobId = crypto.randomUUID();
    setStatus({ kind: 'busy', jobId, phase: null, seconds: 0, cancelling: false });
    try {
      const file = await api['reports.render']({ document: scenario, format, paper, csvBom: bom, jobId });
      downloadBase64(file.base64, file.mimeType, file.fileName);
      setStatus({ kind: 'done', fileName: file.fileName });
    } catch (err) {
      const cancelled = err instanceof ApiError && err.error.code === 'cancelled';
      setStatus(cancelled ? { kind: 'cancelled' } : { kind: 'error', message: errorMessage(err) });
    }
  };

  const cancel = () => {
    if (status.kind !== 'busy' || status.cancelling) return;
    setStatus({ ...status, cancelling: true });
    // The render call itself then answers 'cancelled' (see submit).
    api['jobs.cancel']({ jobId: status.jobId }).catch((err: unknown) =>
      setStatus({ kind: 'error', message: errorMessage(err) }),
    );
  };

  return (
    <div className="export-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="export-dialog"
      >
        <div className="export-header">
          <h2 id={`${id}-title`}>Export report</h2>
          <button type="button" className="export-close" aria-label="Close" onClick={onClose} disabled={busy}>
            ×
          </button>
        </div>
        {scenario ? (
          <p className="export-scenario">
            {scenario.name} · {scenario.lines.length} line{scenario.lines.length === 1 ? '' : 's'}
          </p>
        ) : (
          <p className="export-scenario">Open or create a scenario to export it.</p>
        )}
        <label className="export-field">
          <span>Format</span>
          <select
            data-testid="export-format"
            value={format}
            disabled={busy}
            onChange={(e) => setFormat(e.target.value as ReportFormat)}
          >
            {REPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
        {format === 'pdf' && (
          <label className="export-field">
            <span>Paper size</span>
            <select
              data-testid="export-paper"
              value={paper}
              disabled={busy}
              onChange={(e) => setPaper(e.target.value as PaperSize)}
            >
              <option value="a4">A4</option>
              <option value="letter">Letter</option>
            </select>
          </label>
        )}
        {format === 'csv' && (
          <label className="export-check">
            <input
              type="checkbox"
              data-testid="export-bom"
              checked={bom}
              disabled={busy}
              onChange={(e) => setBom(e.target.checked)}
            />
            <span>Add a byte-order mark (so Excel reads UTF-8 correctly)</span>
          </label>
        )}
        <div className="export-status" data-testid="export-status" role="status" aria-live="polite">
          {status.kind === 'busy' && (
            <span className="export-progress">
              {status.cancelling
                ? 'Cancelling…'
                : status.phase
                  ? PHASE[status.phase](format)
                  : PROGRESS[format]}
              {status.seconds >= 1 && ` (${status.seconds} s)`}
            </span>
          )}
          {status.kind === 'done' && <span>Saved {status.fileName}</span>}
          {status.kind === 'cancelled' && <span>Export cancelled; nothing was saved.</span>}
          {status.kind === 'error' && (
            <span className="export-error" role="alert">
              Export failed: {status.message}
            </span>
          )}
        </div>
        <div className="export-actions">
          {busy ? (
            <button
              type="button"
              className="export-secondary"
              data-testid="export-cancel"
              onClick={cancel}
              disabled={status.cancelling}
            >
              Cancel
            </button>
          ) : (
            <button type="button" className="export-secondary" onClick={onClose}>
              Close
            </button>
          )}
          <button
            type="button"
            className="export-primary"
            data-testid="export-submit"
            disabled={busy || !scenario}
            onClick={() => void submit()}
          >
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </div>
    </div>
  );
}

/** "Export…" button that opens the dialog; also opened by the desktop app's File ▸ Export report…. */
export function ExportButton({ document: scenario }: { document: ScenarioInput | null }) {
  const [open, setOpen] = useState(false);
  useMenuCommand('export-report', () => setOpen(true));
  return (
    <>
      <button
        type="button"
        className="export-secondary"
        data-testid="export-button"
        onClick={() => setOpen(true)}
      >
        Export…
      </button>
      <ExportDialog document={scenario} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
