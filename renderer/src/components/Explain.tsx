import { useState, type ReactNode } from 'react';
import type { Explanation } from '@shared/explanation';
import { errorMessage } from '../errors';
import { formatMoney } from '../format';
import { usePopover } from '../hooks/usePopover';
import './explain.css';

export interface ExplainProps<T> {
  /** The figure as shown. */
  children: ReactNode;
  /** What the figure is, for the button's name ("Show calculation: Monthly — Web tier"). */
  label: string;
  /** Asks for the explained answer (useExplainLoader); without one the figure is shown plain. */
  load: (() => Promise<T>) | undefined;
  /** The figure's node in that answer. */
  pick: (answer: T) => Explanation | null | undefined;
  testId?: string;
}

type State =
  | { kind: 'idle' | 'loading' }
  | { kind: 'ready'; node: Explanation | null }
  | { kind: 'error'; message: string };

/**
 * A money figure that opens to its arithmetic: a button (keyboard: Tab, Enter or Space; Escape closes)
 * whose panel shows the formula with its numbers, the catalog rows it used (rate, unit, source, date)
 * and the figures it adds up, each of which opens in turn.
 */
export function Explain<T>({ children, label, load, pick, testId }: ExplainProps<T>) {
  const { open, setOpen, rootRef } = usePopover<HTMLSpanElement>();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  if (!load) return <>{children}</>;

  const toggle = (button: HTMLButtonElement) => {
    if (open) {
      setOpen(false);
      return;
    }
    const r = button.getBoundingClientRect();
    const width = Math.min(560, window.innerWidth - 16);
    setPlace({ top: r.bottom + 4, left: Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) });
    setOpen(true);
    if (state.kind === 'ready') return;
    setState({ kind: 'loading' });
    load().then(
      (answer) => setState({ kind: 'ready', node: pick(answer) ?? null }),
      (err: unknown) => setState({ kind: 'error', message: errorMessage(err) }),
    );
  };

  return (
    <span className="explain" ref={rootRef}>
      <button
        type="button"
        className="explain-figure"
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={`Show calculation: ${label}`}
        title="Show calculation"
        data-testid={testId ?? 'explain-figure'}
        onClick={(e) => toggle(e.currentTarget)}
      >
        {children}
      </button>
      {open && place && (
        <div
          className="explain-panel"
          role="dialog"
          aria-label={`Calculation: ${label}`}
          data-testid="explain-panel"
          style={{ top: place.top, left: place.left }}
        >
          {state.kind === 'loading' && <p className="muted small">Working it out…</p>}
          {state.kind === 'error' && (
            <p className="field-error">The calculation could not be shown: {state.message}</p>
          )}
          {state.kind === 'ready' &&
            (state.node ? (
              <ExplanationView node={state.node} depth={0} />
            ) : (
              <p className="muted">No calculation for this figure.</p>
            ))}
        </div>
      )}
    </span>
  );
}

/**
 * A sum of one part says nothing the part does not: show the part under the sum's label
 * ("Compute — Web tier: 4 × 0.096 USD/h × 730 h" rather than "280.32 USD: On-Demand" above it).
 */
function collapsed(node: Explanation): Explanation {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (!only || only.valueUsd !== node.valueUsd || node.rows.length > 0 || node.note) return node;
  return collapsed({ ...only, label: node.label });
}

/** One node: label and value, the formula, the note, its rows, then its parts (folded two levels down). */
export function ExplanationView({ node: whole, depth }: { node: Explanation; depth: number }) {
  const node = collapsed(whole);
  const body = (
    <>
      <div className="explain-formula" data-testid="explain-formula">
        {node.formula}
      </div>
      {node.note && <p className="explain-note">{node.note}</p>}
      {node.rows.length > 0 && (
        <table className="explain-rows">
          <thead>
            <tr>
              <th scope="col">Catalog row</th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col">Unit</th>
              <th scope="col">Source, as of</th>
            </tr>
          </thead>
          <tbody>
            {node.rows.map((r, i) => (
              <tr key={i} data-testid="explain-row">
                <td>{r.what}</td>
                <td className="num mono">{r.rate}</td>
                <td>{r.unit}</td>
                <td>
                  {r.sourceId ?? 'n/a'}
                  {r.asOf ? `, ${r.asOf}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {node.children.length > 0 && (
        <ul className="explain-children">
          {node.children.map((c, i) => (
            <li key={i}>
              <ExplanationView node={c} depth={depth + 1} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
  const heading = (
    <>
      <span className="explain-label">{node.label}</span>
      {node.valueUsd !== null && <span className="explain-value">{formatMoney(node.valueUsd)}</span>}
    </>
  );
  if (depth === 0) {
    return (
      <div className="explain-node" data-testid="explain-node">
        <div className="explain-heading">{heading}</div>
        {body}
      </div>
    );
  }
  return (
    <details className="explain-node" data-testid="explain-node" open={depth <= 2}>
      <summary className="explain-heading">{heading}</summary>
      {body}
    </details>
  );
}
