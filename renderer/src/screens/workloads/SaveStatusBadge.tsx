import type { ScenarioDraft } from './useScenarioDraft';

/**
 * "Saved", "Saving…", "Not saved: fix the highlighted fields" with the first problem (an invalid draft
 * is never saved), or a failed save with its way out.
 */
export function SaveStatusBadge({ draft }: { draft: ScenarioDraft }) {
  const { status } = draft;
  return (
    <div
      className={`save-status save-${status.kind}`}
      data-testid="save-status"
      role="status"
      aria-live="polite"
    >
      {status.kind === 'saved' && '✓ Saved'}
      {status.kind === 'saving' && 'Saving…'}
      {status.kind === 'loading' && 'Loading…'}
      {status.kind === 'none' && ''}
      {status.kind === 'invalid' && (
        <span title={status.message}>
          <strong>Not saved: fix the highlighted fields</strong>
          <span className="save-status-detail">{status.message}</span>
        </span>
      )}
      {status.kind === 'error' && <span>{status.message}</span>}
      {status.kind === 'conflict' && (
        <>
          <span>{status.message}</span>
          <span className="status-actions">
            <button
              type="button"
              className="button-secondary small-button"
              data-testid="save-overwrite"
              onClick={draft.overwrite}
            >
              Save mine over it
            </button>
            <button
              type="button"
              className="button-secondary small-button"
              data-testid="save-reload"
              onClick={draft.reload}
            >
              Load stored version
            </button>
          </span>
        </>
      )}
    </div>
  );
}
