import { useRef, useState } from 'react';
import type { ScenarioSummary } from '@shared/scenario/types';

export interface ScenarioListProps {
  scenarios: ScenarioSummary[] | undefined;
  currentId: string | null;
  /** The current scenario's name as edited (the stored one may lag behind by an autosave). */
  currentName: string | null;
  busy: boolean;
  onSelect: (id: string) => void;
  onNew: () => void;
  onRename: (name: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onImport: (file: File) => void;
  onExport: () => void;
  /** The Regions screen with this scenario priced in every region (absent without a scenario). */
  regionsHref?: string;
}

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Saved scenarios with the actions on the selected one; delete asks to confirm in place. */
export function ScenarioList(props: ScenarioListProps) {
  const { scenarios, currentId } = props;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const hasCurrent = currentId !== null && scenarios?.some((s) => s.id === currentId) === true;

  const commitRename = () => {
    if (renaming !== null && renaming.trim() !== '') props.onRename(renaming.trim());
    setRenaming(null);
  };

  return (
    <aside className="scenario-sidebar" aria-label="Saved scenarios">
      <div className="sidebar-header">
        <h2 className="section-title">Scenarios</h2>
        <button
          type="button"
          className="button-primary"
          data-testid="scenario-new"
          disabled={props.busy}
          onClick={props.onNew}
        >
          New
        </button>
      </div>
      <ul className="scenario-list" data-testid="scenario-list">
        {scenarios?.length === 0 && <li className="muted scenario-empty">No saved scenarios yet.</li>}
        {scenarios?.map((s) => {
          const selected = s.id === currentId;
          const name = selected && props.currentName !== null ? props.currentName : s.name;
          return (
            <li
              key={s.id}
              className={selected ? 'scenario-item is-selected' : 'scenario-item'}
              data-testid="scenario-item"
              data-scenario-id={s.id}
            >
              {selected && renaming !== null ? (
                <form
                  className="rename-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    commitRename();
                  }}
                >
                  <input
                    aria-label="New name"
                    data-testid="scenario-rename-input"
                    value={renaming}
                    maxLength={200}
                    autoFocus
                    onChange={(e) => setRenaming(e.target.value)}
                    onBlur={commitRename}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') setRenaming(null);
                    }}
                  />
                </form>
              ) : (
                <button
                  type="button"
                  className="scenario-select"
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => {
                    setConfirmDelete(false);
                    props.onSelect(s.id);
                  }}
                >
                  <span className="scenario-name">{name || '(unnamed)'}</span>
                  <span className="muted small">
                    {s.lineCount} {s.lineCount === 1 ? 'line' : 'lines'} ·{' '}
                    {dateFormat.format(new Date(s.updatedAt))}
                  </span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="sidebar-actions">
        <button
          type="button"
          className="button-secondary"
          data-testid="scenario-rename"
          disabled={!hasCurrent || props.busy}
          onClick={() => setRenaming(props.currentName ?? '')}
        >
          Rename
        </button>
        <button
          type="button"
          className="button-secondary"
          data-testid="scenario-duplicate"
          disabled={!hasCurrent || props.busy}
          onClick={props.onDuplicate}
        >
          Duplicate
        </button>
        {confirmDelete ? (
          <span className="confirm-group" role="group" aria-label="Confirm delete">
            <button
              type="button"
              className="button-danger"
              data-testid="scenario-delete-confirm"
              onClick={() => {
                setConfirmDelete(false);
                props.onDelete();
              }}
            >
              Delete “{props.currentName}”
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button-secondary"
            data-testid="scenario-delete"
            disabled={!hasCurrent || props.busy}
            onClick={() => setConfirmDelete(true)}
          >
            Delete…
          </button>
        )}
        <button
          type="button"
          className="button-secondary"
          data-testid="scenario-import"
          disabled={props.busy}
          onClick={() => fileInput.current?.click()}
        >
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="scenario-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) props.onImport(file);
          }}
        />
        <button
          type="button"
          className="button-secondary"
          data-testid="scenario-export"
          disabled={!hasCurrent || props.busy}
          onClick={props.onExport}
        >
          Export
        </button>
        {props.regionsHref && (
          <a
            className="button-secondary link-as-button"
            data-testid="scenario-regions"
            href={props.regionsHref}
          >
            Price in every region
          </a>
        )}
      </div>
    </aside>
  );
}
