import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Scenario } from '@shared/scenario/schema';
import type { SavedScenario } from '@shared/scenario/types';
import { ApiError, createUnloadApi } from '../../api-client';
import { useApi } from '../../api-context';
import { errorMessage } from '../../errors';
import { pendingSavesSettled, trackPendingSave } from '../../hooks/useCurrentScenario';
import { validateScenario, type Validation } from './scenario-draft';
import { withVolumeLimits } from './volume-limits';

const AUTOSAVE_IDLE_MS = 600;

const seqOf = (done: { id: string; seq: number } | null, id: string): number =>
  done?.id === id ? done.seq : 0;

/**
 * Every open draft's flush, so closing the desktop window can save them all first (main/window-close.ts
 * asks through the preload's plannerLifecycle and waits, boundedly, for the answer).
 */
const flushers = new Set<() => Promise<void>>();
let flushHandlerInstalled = false;
function registerFlusher(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  if (!flushHandlerInstalled && window.plannerLifecycle) {
    flushHandlerInstalled = true;
    window.plannerLifecycle.onFlushRequest(async () => {
      await Promise.allSettled([...flushers].map((f) => f()));
      await pendingSavesSettled();
    });
  }
  return () => {
    flushers.delete(flush);
  };
}

export type SaveStatus =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'invalid'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

interface Draft {
  id: string;
  document: Scenario;
  /** Bumped on every edit; a save records the one it carried, so later edits stay "unsaved". */
  editSeq: number;
  savedSeq: number;
}

interface Problem {
  kind: 'conflict' | 'error';
  message: string;
}

/** State that belongs to one scenario: ignored once another is chosen. */
interface Scoped<T> {
  id: string;
  value: T;
}

export interface ScenarioDraft {
  document: Scenario | null;
  validation: Validation;
  status: SaveStatus;
  loadError: string | null;
  edit: (update: (doc: Scenario) => Scenario) => void;
  /** Saves the local version over whatever is stored (after a conflict). */
  overwrite: () => void;
  /** Drops local edits and loads the stored version (after a conflict). */
  reload: () => void;
  /** Saves any edit not yet saved; resolves once stored (or failed). */
  flush: () => Promise<void>;
}

const VALID: Validation = { valid: true, errors: {}, first: null };

/**
 * The scenario being edited: loaded once, edited locally, saved after a pause when it validates, with
 * the revision it was based on so a change made elsewhere is reported instead of overwritten. A failed
 * save never drops the local edit.
 */
export function useScenarioDraft(
  id: string | null,
  onSaved: (saved: SavedScenario) => void,
  onMissing: () => void,
): ScenarioDraft {
  const api = useApi();
  const [storedDraft, setDraft] = useState<Draft | null>(null);
  const [loadFailure, setLoadError] = useState<Scoped<string> | null>(null);
  const [storedProblem, setProblem] = useState<Scoped<Problem> | null>(null);
  const draft = storedDraft?.id === id ? storedDraft : null;
  const problem = storedProblem?.id === id ? storedProblem.value : null;
  const loadError = loadFailure?.id === id ? loadFailure.value : null;
  const [saving, setSaving] = useState(0);
  const [reloadKey, setReloadKey] = useState(0);

  // Saves run one after another, each based on the revision the previous one returned.
  const revision = useRef<{ id: string; revision: number } | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  // Read synchronously by the unload path: the scenario whose queued save is on its way (at most one,
  // the chain), and the latest edit known stored or already sent while unloading.
  const inFlight = useRef<string | null>(null);
  const doneSeq = useRef<{ id: string; seq: number } | null>(null);
  const unloadApi = useMemo(() => createUnloadApi(), []);
  const latest = useRef<{ draft: Draft | null; valid: boolean; problem: Problem | null }>({
    draft: null,
    valid: true,
    problem: null,
  });
  const callbacks = useRef({ onSaved, onMissing });
  useEffect(() => {
    callbacks.current = { onSaved, onMissing };
  });

  // The schema, then each volume against its type's limits: a draft failing either is neither priced nor saved.
  const validation = useMemo(
    () => (draft ? withVolumeLimits(validateScenario(draft.document), draft.document) : VALID),
    [draft],
  );
  useEffect(() => {
    latest.current = { draft, valid: validation.valid, problem };
  });

  /**
   * One save of `target`. `unloading`: the page is going away, so the request is sent at once through
   * the unload client, based on the revision the save in flight (if any) will produce.
   */
  const save = useCallback(
    async (target: Draft, force: boolean, unloading = false): Promise<void> => {
      const known = revision.current?.id === target.id ? revision.current.revision : undefined;
      // Each stored save bumps the revision by one, so a save in flight will leave known + 1.
      const base =
        known === undefined ? undefined : known + (unloading && inFlight.current === target.id ? 1 : 0);
      const client = unloading ? unloadApi : api;
      if (unloading) doneSeq.current = { id: target.id, seq: target.editSeq };
      else inFlight.current = target.id;
      setSaving((n) => n + 1);
      try {
        const saved = await client['scenarios.save']({
          id: target.id,
          document: target.document,
          ...(force || base === undefined ? {} : { baseRevision: base }),
        });
        if (revision.current?.id === target.id && saved.revision > revision.current.revision)
          revision.current = { id: target.id, revision: saved.revision };
        if (target.editSeq > seqOf(doneSeq.current, target.id))
          doneSeq.current = { id: target.id, seq: target.editSeq };
        setDraft((d) =>
          d && d.id === target.id ? { ...d, savedSeq: Math.max(d.savedSeq, target.editSeq) } : d,
        );
        setProblem((p) => (p?.id === target.id ? null : p));
        callbacks.current.onSaved(saved);
      } catch (err) {
        const conflict = err instanceof ApiError && err.error.field === 'baseRevision';
        setProblem({
          id: target.id,
          value: {
            kind: conflict ? 'conflict' : 'error',
            message: conflict
              ? 'This scenario was changed elsewhere since it was opened. Your edits are kept here: save them over it, or load the stored version.'
              : `Not stored: ${errorMessage(err)} Your edits are kept; they will be saved with the next change.`,
          },
        });
      } finally {
        if (!unloading && inFlight.current === target.id) inFlight.current = null;
        setSaving((n) => n - 1);
      }
    },
    [api, unloadApi],
  );

  const enqueueSave = useCallback(
    (target: Draft, force: boolean): Promise<void> => {
      const next = chain.current.then(() => save(target, force));
      chain.current = next;
      trackPendingSave(next);
      return next;
    },
    [save],
  );

  // Load the scenario; on leaving it (switching or unmounting), save what is still unsaved.
  useEffect(() => {
    if (id === null) return;
    let current = true;
    const load = async () => {
      await pendingSavesSettled();
      try {
        const saved = await api['scenarios.get']({ id });
        if (!current) return;
        revision.current = { id, revision: saved.revision };
        setDraft({ id, document: saved.document, editSeq: 0, savedSeq: 0 });
        setProblem(null);
        setLoadError(null);
      } catch (err) {
        if (!current) return;
        if (err instanceof ApiError && err.error.code === 'not-found') callbacks.current.onMissing();
        else setLoadError({ id, value: errorMessage(err) });
      }
    };
    void load();
    return () => {
      current = false;
      const { draft: last, valid, problem: lastProblem } = latest.current;
      if (
        last &&
        last.id === id &&
        last.editSeq > last.savedSeq &&
        valid &&
        lastProblem?.kind !== 'conflict'
      ) {
        void enqueueSave(last, false);
      }
    };
  }, [api, id, reloadKey, enqueueSave]);

  // Autosave after a pause in editing.
  const dirty = draft !== null && draft.editSeq > draft.savedSeq;
  const blocked = problem?.kind === 'conflict';
  useEffect(() => {
    if (!draft || !dirty || !validation.valid || blocked) return;
    const timer = setTimeout(() => void enqueueSave(draft, false), AUTOSAVE_IDLE_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty, validation.valid, blocked, enqueueSave]);

  const edit = useCallback(
    (update: (doc: Scenario) => Scenario) => {
      setDraft((d) =>
        d && d.id === id ? { ...d, document: update(d.document), editSeq: d.editSeq + 1 } : d,
      );
    },
    [id],
  );

  const overwrite = useCallback(() => {
    const last = latest.current.draft;
    if (!last) return;
    setProblem(null);
    void enqueueSave(last, true);
  }, [enqueueSave]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  const flush = useCallback(async () => {
    const { draft: last, valid } = latest.current;
    const done = last ? Math.max(last.savedSeq, seqOf(doneSeq.current, last.id)) : 0;
    if (last && last.editSeq > done && valid) await enqueueSave(last, false);
    await chain.current;
  }, [enqueueSave]);

  // Leaving the page (reload, closing the tab or window) within the autosave pause must not lose the
  // last edit: it is sent at once, in a request that outlives the page. Hiding the page (switching
  // tabs, minimising) saves through the usual queue.
  useEffect(() => {
    let unloading = false;
    const sendNow = () => {
      const { draft: last, valid, problem: lastProblem } = latest.current;
      if (!last || !valid || lastProblem?.kind === 'conflict') return;
      if (last.editSeq <= Math.max(last.savedSeq, seqOf(doneSeq.current, last.id))) return;
      void save(last, false, true);
    };
    const onPageHide = () => {
      unloading = true;
      sendNow();
    };
    const onPageShow = () => {
      unloading = false;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden' && !unloading) void flush();
    };
    window.addEventListener('beforeunload', sendNow);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onVisibility);
    const unregister = registerFlusher(flush);
    return () => {
      window.removeEventListener('beforeunload', sendNow);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisibility);
      unregister();
    };
  }, [save, flush]);

  let status: SaveStatus;
  if (id === null) status = { kind: 'none' };
  else if (!draft) status = { kind: 'loading' };
  else if (problem?.kind === 'conflict') status = problem;
  else if (!validation.valid) status = { kind: 'invalid', message: validation.first ?? 'invalid scenario' };
  else if (saving > 0) status = { kind: 'saving' };
  else if (problem) status = problem;
  else if (dirty) status = { kind: 'saving' };
  else status = { kind: 'saved' };

  return {
    document: draft?.document ?? null,
    validation,
    status,
    loadError,
    edit,
    overwrite,
    reload,
    flush,
  };
}
