import { useId } from 'react';
import { usePopover } from '../../hooks/usePopover';
import { COLUMNS, DEFAULT_COLUMNS, type ColumnId } from './columns';

export interface ColumnPickerProps {
  visible: ColumnId[];
  onChange: (visible: ColumnId[]) => void;
}

/** A button opening a checklist of columns; closes on Escape or a click elsewhere. */
export function ColumnPicker({ visible, onChange }: ColumnPickerProps) {
  const { open, setOpen, rootRef } = usePopover<HTMLDivElement>();
  const panelId = useId();

  const toggle = (id: ColumnId, checked: boolean) => {
    // Keep the picker's order, whatever order the clicks came in.
    onChange(COLUMNS.map((c) => c.id).filter((c) => (c === id ? checked : visible.includes(c))));
  };

  return (
    <div className="popover-anchor" ref={rootRef}>
      <button
        type="button"
        className="button-secondary"
        data-testid="column-picker"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Columns ({visible.length}) ▾
      </button>
      {open && (
        <div
          className="popover popover-right column-picker"
          id={panelId}
          role="group"
          aria-label="Visible columns"
        >
          {COLUMNS.map((c) => (
            <label key={c.id} className="column-option">
              <input
                type="checkbox"
                data-testid={`column-toggle-${c.id}`}
                checked={visible.includes(c.id)}
                disabled={c.id === 'instanceType'}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
              {c.label}
            </label>
          ))}
          <button type="button" className="link-button" onClick={() => onChange(DEFAULT_COLUMNS)}>
            Default columns
          </button>
        </div>
      )}
    </div>
  );
}
