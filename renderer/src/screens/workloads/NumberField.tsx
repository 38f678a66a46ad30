import { useId, useState, type ReactNode } from 'react';

export interface NumberFieldProps {
  label: ReactNode;
  value: number | undefined;
  /** Called with the typed number; `undefined` only when `optional` and the box is emptied. */
  onChange: (value: number | undefined) => void;
  testId: string;
  optional?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  placeholder?: string;
  disabled?: boolean;
  /** A validation message for this field, shown under it. */
  error?: string | undefined;
  /** What the field allows ("Allowed: 3,000–16,000 IOPS…"): shown while it is edited or flagged. */
  hint?: string | null | undefined;
  wide?: boolean;
}

/**
 * A labelled number box that keeps what is typed (an emptied required box stays empty and flagged
 * rather than snapping back) and passes every parsable number on; the scenario's validation judges it.
 */
export function NumberField(props: NumberFieldProps) {
  const [text, setText] = useState(format(props.value));
  const [shown, setShown] = useState(props.value);
  if (props.value !== shown) {
    // Changed from outside (switching pattern, duplicating): show the new value unless the text means it.
    setShown(props.value);
    if (parse(text) !== props.value) setText(format(props.value));
  }
  const id = useId();
  const empty = text.trim() === '';
  const invalid = (empty && !props.optional) || props.error !== undefined;

  return (
    <label
      className={props.wide ? 'field field-wide' : 'field'}
      data-invalid={invalid || undefined}
      title={props.hint ?? undefined}
    >
      <span className="field-label">{props.label}</span>
      <input
        type="number"
        className="number-input"
        data-testid={props.testId}
        value={text}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-invalid={invalid}
        aria-describedby={`${id}-error ${id}-hint`}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') {
            if (props.optional) {
              setShown(undefined);
              props.onChange(undefined);
            }
            return;
          }
          const n = Number(next);
          if (Number.isFinite(n)) {
            setShown(n);
            props.onChange(n);
          }
        }}
      />
      {empty && !props.optional && <span className="field-error">required</span>}
      {props.error !== undefined && (
        <span className="field-error field-message" id={`${id}-error`}>
          {props.error}
        </span>
      )}
      {props.hint && !props.disabled && (
        <span className="field-hint field-message" id={`${id}-hint`} data-testid={`${props.testId}-hint`}>
          {props.hint}
        </span>
      )}
    </label>
  );
}

function format(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function parse(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
