export type PickKind = 'cheapest' | 'all' | 'none';

/** Quick choices of which strategies to chart; single ones are ticked in the table's Chart column. */
export function StrategyPicker({ onPick }: { onPick: (kind: PickKind) => void }) {
  return (
    <div className="strategy-picker" role="group" aria-label="Strategies to chart">
      <span className="muted small">Chart:</span>
      <button
        type="button"
        className="button-secondary small-button"
        data-testid="chart-cheapest"
        onClick={() => onPick('cheapest')}
      >
        3 cheapest
      </button>
      <button
        type="button"
        className="button-secondary small-button"
        data-testid="chart-all"
        onClick={() => onPick('all')}
      >
        All priced
      </button>
      <button
        type="button"
        className="button-secondary small-button"
        data-testid="chart-none"
        onClick={() => onPick('none')}
      >
        On-demand only
      </button>
    </div>
  );
}
