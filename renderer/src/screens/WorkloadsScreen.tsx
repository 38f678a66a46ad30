import { useCallback, useState } from 'react';
import type { Scenario } from '@shared/scenario/schema';
import type { SavedScenario } from '@shared/scenario/types';
import { useApi } from '../api-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { errorMessage } from '../errors';
import { useApiCall } from '../hooks/useApiCall';
import { useExplainLoader } from '../hooks/useExplainLoader';
import { useCurrentScenario } from '../hooks/useCurrentScenario';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { screenHref } from '../hooks/useHashParams';
import { downloadText } from './workloads/download';
import { EstimatePanel } from './workloads/EstimatePanel';
import { ScenarioEditor } from './workloads/ScenarioEditor';
import { ScenarioList } from './workloads/ScenarioList';
import { emptyScenario } from './workloads/scenario-draft';
import { useScenarioDraft } from './workloads/useScenarioDraft';
import { useScenarioList } from './workloads/useScenarioList';
import './workloads/workloads.css';

const ESTIMATE_DEBOUNCE_MS = 300;
const EMPTY_INPUT = {};

/** Workloads: the saved scenarios, the mix being edited (autosaved) and its live estimate. */
export function WorkloadsScreen({ shellErrors }: { shellErrors: string[] }) {
  const api = useApi();
  const [currentId, setCurrentId] = useCurrentScenario();
  const list = useScenarioList();
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const regions = useApiCall('catalog.regions', EMPTY_INPUT);

  const { refresh } = list;
  const onSaved = useCallback((_saved: SavedScenario) => refresh(), [refresh]);
  const onMissing = useCallback(() => {
    setCurrentId(null);
    refresh();
  }, [setCurrentId, refresh]);
  const draft = useScenarioDraft(currentId, onSaved, onMissing);
  const doc = draft.document;

  // Price the last version that validates, once typing pauses.
  const priced = doc && draft.validation.valid ? JSON.stringify(doc) : null;
  const debounced = useDebouncedValue(priced, ESTIMATE_DEBOUNCE_MS);
  const estimateInput = debounced === null ? null : { document: JSON.parse(debounced) as Scenario };
  const estimate = useApiCall('pricing.estimate', estimateInput);
  // Opening a figure asks for the same estimate with its arithmetic (never on the normal path).
  const explainEstimate = useExplainLoader('pricing.estimate', estimateInput);

  /** Runs a list action; the current draft is saved first so nothing typed is lost. */
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await draft.flush();
      await action();
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const onNew = () =>
    act(async () => {
      const created = await api['scenarios.create']({ document: emptyScenario() });
      setCurrentId(created.id);
    });
  const onDuplicate = () =>
    act(async () => {
      if (!currentId || !doc) return;
      const copy = await api['scenarios.duplicate']({
        id: currentId,
        name: `${doc.name} (copy)`.slice(0, 200),
      });
      setCurrentId(copy.id);
    });
  const onDelete = () =>
    act(async () => {
      if (!currentId) return;
      await api['scenarios.delete']({ id: currentId });
      const next = list.scenarios?.find((s) => s.id !== currentId);
      setCurrentId(next?.id ?? null);
    });
  const onImport = (file: File) =>
    act(async () => {
      const imported = await api['scenarios.import']({ text: await file.text(), fileName: file.name });
      setCurrentId(imported.id);
    });
  const onExport = () =>
    act(async () => {
      if (!currentId) return;
      const exported = await api['scenarios.export']({ id: currentId });
      downloadText(exported.fileName, exported.text);
    });

  const errors = [...shellErrors, list.error, regions.error, draft.loadError, actionError].filter(
    (m): m is string => m !== null,
  );

  return (
    <main className="workloads-screen">
      <ErrorBanner messages={errors} />
      <div className="workloads-body">
        <ScenarioList
          scenarios={list.scenarios}
          currentId={currentId}
          currentName={doc?.name ?? null}
          busy={busy}
          onSelect={(id) => void act(async () => setCurrentId(id))}
          onNew={() => void onNew()}
          onRename={(name) => draft.edit((d) => ({ ...d, name }))}
          onDuplicate={() => void onDuplicate()}
          onDelete={() => void onDelete()}
          onImport={(file) => void onImport(file)}
          onExport={() => void onExport()}
          {...(currentId ? { regionsHref: screenHref('regions', { scenario: currentId }) } : {})}
        />
        {doc ? (
          <>
            <ScenarioEditor document={doc} draft={draft} regions={regions.data} estimate={estimate.data} />
            <EstimatePanel
              estimate={estimate.data}
              loading={estimate.loading || priced !== debounced}
              error={estimate.error}
              stale={!draft.validation.valid}
              explain={priced === debounced ? explainEstimate : undefined}
            />
          </>
        ) : (
          <div className="workloads-placeholder muted">
            {currentId
              ? 'Loading the scenario…'
              : list.scenarios?.length
                ? 'Choose a scenario on the left, or start a new one.'
                : 'No scenario yet: “New” starts one, “Import…” reads a scenario file.'}
          </div>
        )}
      </div>
    </main>
  );
}
