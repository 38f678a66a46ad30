import { useState } from 'react';
import type { Scenario } from '@shared/scenario/schema';
import type { SavedScenario } from '@shared/scenario/types';
import { ApiError } from '../../api-client';
import { useApi } from '../../api-context';
import { errorMessage } from '../../errors';
import { changesWords, planChanges } from './apply-changes';

export type ApplyOutcome =
  | { kind: 'applied'; message: string; before: SavedScenario; after: SavedScenario }
  | { kind: 'undone'; message: string }
  | { kind: 'error'; message: string };

export interface ApplyPlan {
  outcome: ApplyOutcome | null;
  busy: boolean;
  /** The scenario as last saved here (newer than what the screen first read), or null. */
  saved: SavedScenario | null;
  apply: (current: SavedScenario, document: Scenario) => Promise<void>;
  undo: () => Promise<void>;
}

/**
 * "Apply to scenario": saves the plan's scenario as a new revision of `current` (refused if it changed
 * elsewhere since it was read), and Undo saves the document from before back as a further revision.
 */
export function useApplyPlan(): ApplyPlan {
  const api = useApi();
  const [outcome, setOutcome] = useState<ApplyOutcome | null>(null);
  const [saved, setSaved] = useState<SavedScenario | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (target: SavedScenario, document: Scenario): Promise<SavedScenario | null> => {
    setBusy(true);
    try {
      const result = await api['scenarios.save']({ id: target.id, document, baseRevision: target.revision });
      setSaved(result);
      return result;
    } catch (err) {
      const conflict = err instanceof ApiError && err.error.field === 'baseRevision';
      setOutcome({
        kind: 'error',
        message: conflict
          ? 'Not saved: this scenario was changed elsewhere since the plan was made. Open the screen again to plan from the stored version.'
          : `Not saved: ${errorMessage(err)}`,
      });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const apply = async (current: SavedScenario, document: Scenario) => {
    const after = await save(current, document);
    if (!after) return;
    const changes = changesWords(planChanges(current.document, document));
    setOutcome({
      kind: 'applied',
      message: `Applied to “${after.name}” as revision ${after.revision}: ${changes}.`,
      before: current,
      after,
    });
  };

  const undo = async () => {
    if (outcome?.kind !== 'applied') return;
    const { before, after } = outcome;
    const restored = await save(after, before.document);
    if (!restored) return;
    setOutcome({
      kind: 'undone',
      message: `Undone: revision ${restored.revision} restores the lines of revision ${before.revision}.`,
    });
  };

  return { outcome, busy, saved, apply, undo };
}
