import { useEffect, useRef, useState } from 'react';
import type { SizingOptionDto } from '@shared/ebs/transport';
import type { SavedScenario } from '@shared/scenario/types';
import { useApi } from '../../api-context';
import { errorMessage } from '../../errors';
import { useApiCall } from '../../hooks/useApiCall';
import { useCurrentScenario } from '../../hooks/useCurrentScenario';
import { formatCount } from './ebs-format';
import {
  addedMessage,
  appendVolume,
  defaultLine,
  defaultScenarioId,
  lineLabel,
  volumeForOption,
} from './scenario-volume';
import type { SnapshotPolicyValues } from './sizing-state';

const EMPTY_INPUT = {};

export interface UseLayoutDialogProps {
  option: SizingOptionDto;
  /** The instance type the sizing is for, if any: a line running it is offered first. */
  instanceType: string | null;
  /** The snapshot panel's policy, or null when its fields are invalid. */
  snapshotPolicy: SnapshotPolicyValues | null;
  onClose: () => void;
}

type Outcome = { ok: true; message: string } | { ok: false; message: string } | null;

/**
 * Adds a sizing option as a volume entry to one line of a saved scenario. It starts on the scenario open
 * in Workloads and on a line that runs the sized instance type; the person may pick any other.
 */
export function UseLayoutDialog({ option, instanceType, snapshotPolicy, onClose }: UseLayoutDialogProps) {
  const api = useApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [currentScenarioId] = useCurrentScenario();
  const scenarios = useApiCall('scenarios.list', EMPTY_INPUT);
  const [scenarioId, setScenarioId] = useState<string>('');
  const [lineId, setLineId] = useState<string>('');
  const [withSnapshot, setWithSnapshot] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saved, setSaved] = useState<SavedScenario | null>(null);

  const list = scenarios.data ?? [];
  const chosenId = defaultScenarioId(list, scenarioId, currentScenarioId);
  const fetched = useApiCall('scenarios.get', chosenId ? { id: chosenId } : null);
  // After a save the stored revision moved on: keep working on what was saved.
  const scenario =
    saved && saved.id === chosenId ? saved : fetched.data?.id === chosenId ? fetched.data : undefined;
  const lines = scenario?.document.lines ?? [];
  const chosenLine = defaultLine(lines, lineId, instanceType);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const confirm = async () => {
    if (!scenario || !chosenLine) return;
    setSaving(true);
    setOutcome(null);
    try {
      const volume = volumeForOption(option, withSnapshot ? snapshotPolicy : null);
      const document = appendVolume(scenario.document, chosenLine.id, volume);
      const result = await api['scenarios.save']({
        id: scenario.id,
        document,
        baseRevision: scenario.revision,
      });
      setSaved(result);
      setOutcome({ ok: true, message: addedMessage(volume, chosenLine, result.name) });
    } catch (err) {
      setOutcome({ ok: false, message: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  const loadError = scenarios.error ?? fetched.error;
  const noScenarios = scenarios.data !== undefined && list.length === 0;

  return (
    <dialog
      ref={dialogRef}
      className="ebs-dialog"
      aria-labelledby="use-layout-title"
      data-testid="use-layout-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <h2 id="use-layout-title" className="ebs-dialog-title">
          Use {option.volumes} × {formatCount(option.sizeGiBPerVolume)} GiB {option.volumeType}
        </h2>
        <p className="muted small ebs-dialog-lead">
          Appends this layout as a volume entry to a line of a saved scenario.
        </p>
        {loadError && <p className="ebs-inline-error">{loadError}</p>}
        {scenarios.loading && !scenarios.data && <p className="muted">Loading scenarios…</p>}
        {noScenarios ? (
          <p className="ebs-dialog-empty" data-testid="use-layout-result">
            No saved scenarios yet — create one on the Workloads screen.
          </p>
        ) : (
          <div className="ebs-dialog-fields">
            <label className="filter-field">
              <span className="filter-label">Scenario</span>
              <select
                data-testid="use-layout-scenario"
                value={chosenId}
                disabled={list.length === 0}
                onChange={(e) => {
                  setScenarioId(e.target.value);
                  setLineId('');
                  setOutcome(null);
                }}
              >
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.lineCount} {s.lineCount === 1 ? 'line' : 'lines'})
                  </option>
                ))}
              </select>
            </label>
            <label className="filter-field">
              <span className="filter-label">Line</span>
              <select
                data-testid="use-layout-line"
                value={chosenLine?.id ?? ''}
                disabled={lines.length === 0}
                onChange={(e) => {
                  setLineId(e.target.value);
                  setOutcome(null);
                }}
              >
                {lines.length === 0 && <option value="">{scenario ? 'No lines' : 'Loading…'}</option>}
                {lines.map((l) => (
                  <option key={l.id} value={l.id}>
                    {lineLabel(l)} — {l.instanceType}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter-check">
              <input
                type="checkbox"
                data-testid="use-layout-snapshot"
                checked={withSnapshot && snapshotPolicy !== null}
                disabled={snapshotPolicy === null}
                onChange={(e) => setWithSnapshot(e.target.checked)}
              />
              Include snapshot policy
              {snapshotPolicy && (
                <span className="muted small">
                  ({snapshotPolicy.frequency}, keep {snapshotPolicy.retentionCount},{' '}
                  {snapshotPolicy.dailyChangePct}% daily change, {snapshotPolicy.tier})
                </span>
              )}
            </label>
          </div>
        )}
        {outcome && (
          <p
            className={outcome.ok ? 'ebs-dialog-result is-ok' : 'ebs-dialog-result is-error'}
            role={outcome.ok ? 'status' : 'alert'}
            data-testid="use-layout-result"
          >
            {outcome.message}
          </p>
        )}
        <div className="ebs-dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {outcome?.ok ? 'Close' : 'Cancel'}
          </button>
          <button
            type="submit"
            className="ebs-button-primary"
            data-testid="use-layout-confirm"
            disabled={!scenario || !chosenLine || saving}
          >
            {saving ? 'Adding…' : 'Add to line'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
