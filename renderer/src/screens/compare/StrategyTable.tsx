import type { StrategyResult } from '@shared/pricing/estimate-types';
import type { TotalsExplanation } from '@shared/pricing/explanation-types';
import { spotBandsText } from '@shared/pricing/spot-interruption';
import { exceededWords } from '@shared/capacity/capacity-words';
import type { QuotaCheck } from '@shared/capacity/quotas';
import { StrategyFigure, type CompareExplainer } from './StrategyFigure';
import { StrategySupport } from './StrategySupport';
import { StrategyBudget } from './StrategyBudget';
import { useState } from 'react';
import { ON_DEMAND_ID, isComplete } from './strategy-selection';

/** The money columns of a row, in order: each figure opens its arithmetic. */
const FIGURES: {
  part: keyof TotalsExplanation;
  label: string;
  usd: 'monthlyUsd' | 'upfrontUsd' | 'amortizedMonthlyUsd' | 'oneYearUsd' | 'threeYearUsd';
  strong?: boolean;
}[] = [
  { part: 'monthly', label: 'monthly', usd: 'monthlyUsd' },
  { part: 'upfront', label: 'upfront', usd: 'upfrontUsd' },
  { part: 'amortizedMonthly', label: 'amortized monthly', usd: 'amortizedMonthlyUsd' },
  { part: 'oneYear', label: '1 year', usd: 'oneYearUsd' },
  { part: 'threeYear', label: '3 years', usd: 'threeYearUsd', strong: true },
];

export interface StrategyTableProps {
  results: StrategyResult[];
  cheapestId: string | null;
  charted: ReadonlySet<string>;
  colors: ReadonlyMap<string, string>;
  onToggle: (id: string, charted: boolean) => void;
  /** Asks for every strategy's arithmetic when a figure is opened. */
  explain?: CompareExplainer;
}

const UNAVAILABLE = 'n/a — import AWS’s price files';

/** One row per purchase strategy; the cheapest complete 3-year total is highlighted, unpriced ones muted. */
export function StrategyTable({
  results,
  cheapestId,
  charted,
  colors,
  onToggle,
  explain,
}: StrategyTableProps) {
  // Strategies the catalog cannot price (no Savings Plans rates in the snapshot, say) fold away below.
  const [showUnpriced, setShowUnpriced] = useState(false);
  const priced = results.filter(isComplete);
  const unpriced = results.filter((s) => !isComplete(s));
  // Quota flags beyond the all On-Demand reference's (the reference row says its own).
  const reference = results.find((s) => s.id === ON_DEMAND_ID);
  const row = (s: StrategyResult) => (
    <StrategyRow
      key={s.id}
      strategy={s}
      cheapest={s.id === cheapestId}
      charted={s.id === ON_DEMAND_ID || charted.has(s.id)}
      color={colors.get(s.id)}
      onToggle={onToggle}
      reference={s.id === ON_DEMAND_ID ? null : (reference?.quotas ?? null)}
      explain={explain}
    />
  );
  return (
    <div className="table-wrap">
      <table className="data-table compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col" className="chart-col">
              Chart
            </th>
            <th scope="col">Strategy</th>
            <th scope="col" className="num">
              Monthly
            </th>
            <th scope="col" className="num">
              Upfront
            </th>
            <th scope="col" className="num">
              Amortized / mo
            </th>
            <th scope="col" className="num">
              1 year
            </th>
            <th scope="col" className="num">
              3 years
            </th>
            <th scope="col" className="num">
              Saving
            </th>
            <th scope="col" className="num">
              Break-even
            </th>
          </tr>
        </thead>
        <tbody>{priced.map((s) => row(s))}</tbody>
        {unpriced.length > 0 && (
          <>
            <tbody>
              <tr className="unpriced-toggle">
                <td colSpan={9}>
                  <button
                    type="button"
                    className="link-button"
                    data-testid="toggle-unpriced"
                    aria-expanded={showUnpriced}
                    onClick={() => setShowUnpriced((v) => !v)}
                  >
                    {showUnpriced ? 'Hide' : 'Show'} {unpriced.length} strategies this catalog cannot price
                  </button>{' '}
                  <span className="muted">({UNAVAILABLE})</span>
                </td>
              </tr>
            </tbody>
            <tbody hidden={!showUnpriced}>{unpriced.map((s) => row(s))}</tbody>
          </>
        )}
      </table>
    </div>
  );
}

function StrategyRow({
  strategy: s,
  cheapest,
  charted,
  color,
  onToggle,
  reference,
  explain,
}: {
  strategy: StrategyResult;
  cheapest: boolean;
  charted: boolean;
  color: string | undefined;
  onToggle: (id: string, charted: boolean) => void;
  reference: QuotaCheck | null;
  explain: CompareExplainer | undefined;
}) {
  const available = s.complete && s.threeYearUsd !== null;
  const bands = spotBandsText(s.spotBands);
  const overQuota = exceededWords(s.quotas, reference);
  const reason = s.warnings.find((w) => w.code === 'strategy-unavailable') ?? s.warnings[0];
  const className = [
    'strategy-row',
    available ? '' : 'is-unavailable',
    cheapest ? 'is-cheapest' : '',
    s.id === ON_DEMAND_ID ? 'is-reference' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <tr
      className={className}
      data-testid="strategy-row"
      data-strategy-id={s.id}
      data-three-year-usd={s.threeYearUsd ?? ''}
      data-monthly-usd={s.monthlyUsd ?? ''}
      data-break-even={s.breakEvenMonth === null ? '' : String(s.breakEvenMonth)}
    >
      <td className="chart-col">
        <input
          type="checkbox"
          aria-label={`Chart ${s.label}`}
          data-testid="strategy-chart-toggle"
          checked={available && charted}
          disabled={!available || s.id === ON_DEMAND_ID}
          onChange={(e) => onToggle(s.id, e.target.checked)}
        />
        {available && charted && color && <span className="swatch" style={{ background: color }} />}
      </td>
      <th scope="row" className="strategy-label">
        <span>{s.label}</span>
        {cheapest && <span className="badge-cheapest">Cheapest over 3 years</span>}
        {s.id === ON_DEMAND_ID && <span className="badge-reference">reference</span>}
        {bands && (
          <span className="muted small strategy-spot-bands" data-testid="strategy-spot-bands">
            {bands}
          </span>
        )}
        {available && <StrategySupport strategy={s} />}
        {available && <StrategyBudget strategy={s} />}
        {overQuota && (
          <span
            className="small strategy-quota"
            data-testid="strategy-quota"
            title={s.quotas.uses.map((u) => u.message).join('\n')}
          >
            {overQuota}
          </span>
        )}
        {available && s.warnings.length > 0 && (
          <span className="muted small strategy-reason" title={s.warnings.map((w) => w.message).join('\n')}>
            {s.warnings.length} warning{s.warnings.length === 1 ? '' : 's'}: {s.warnings[0]!.message}
          </span>
        )}
      </th>
      {available ? (
        <>
          {FIGURES.map((f) => (
            <td key={f.part} className={f.strong ? 'num strong' : 'num'}>
              <StrategyFigure explain={explain} strategy={s} part={f.part} label={f.label} usd={s[f.usd]} />
            </td>
          ))}
          <td className="num">{s.savingsVsOnDemandPct === null ? 'n/a' : `${s.savingsVsOnDemandPct}%`}</td>
          <td className="num" data-testid="strategy-break-even">
            {s.breakEven}
          </td>
        </>
      ) : (
        <td className="unavailable-cell" colSpan={7}>
          <span className="unavailable-note">{UNAVAILABLE}</span>
          {reason && <span className="small strategy-reason">{withoutLabel(reason.message, s.label)}</span>}
        </td>
      )}
    </tr>
  );
}

/** The warning repeats the strategy's name, already in the row: drop it ("cannot be fully priced: …"). */
function withoutLabel(message: string, label: string): string {
  return message.startsWith(`${label} `) ? message.slice(label.length + 1) : message;
}
