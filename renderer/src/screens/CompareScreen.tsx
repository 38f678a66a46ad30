import { useMemo } from 'react';
import { formatDateRange, spanOf } from '@shared/catalog-scopes';
import { COST_BY_LINE_TITLE } from '@shared/charts/cost-by-line';
import { CUMULATIVE_COST_TITLE, strategyColors } from '@shared/charts/cumulative-cost';
import { REFERENCE_SERIES_COLOR } from '@shared/charts/palette';
import { CumulativeCostChart, type CumulativeSeries } from '../charts/CumulativeCostChart';
import { WorkloadCostChart } from '../charts/WorkloadCostChart';
import { mergeMissingPrices } from '@shared/pricing/missing-prices';
import { lineName } from '@shared/reports/describe';
import { ErrorBanner } from '../components/ErrorBanner';
import { MissingPriceNotices } from '../components/MissingPriceNotices';
import { ExportButton } from '../components/ExportDialog';
import { useApiCall } from '../hooks/useApiCall';
import { useExplainLoader } from '../hooks/useExplainLoader';
import { useCurrentScenario } from '../hooks/useCurrentScenario';
import { usePersistentState } from '../hooks/usePersistentState';
import { StrategyPicker } from './compare/StrategyPicker';
import {
  ON_DEMAND_ID,
  byThreeYear,
  cheapestId,
  defaultSelection,
  isComplete,
  restoreSelection,
} from './compare/strategy-selection';
import { StrategyTable } from './compare/StrategyTable';
import { NoLines, NoScenario } from './compare/ScenarioGaps';
import { useSavedScenario } from './compare/useSavedScenario';
import './workloads/workloads.css';
import './compare/compare.css';

const SELECTION_KEY = 'planner.compare.charted.v1';

/** Compare: the current scenario priced under every purchase strategy, with cumulative cash over 3 years. */
export function CompareScreen({ shellErrors }: { shellErrors: string[] }) {
  const [currentId] = useCurrentScenario();
  const saved = useSavedScenario(currentId);
  const input = saved.scenario ? { document: saved.scenario.document } : null;
  const compare = useApiCall('pricing.compare', input);
  // Opening a figure asks for the comparison with every strategy's arithmetic.
  const explainCompare = useExplainLoader('pricing.compare', input);
  const estimate = useApiCall('pricing.estimate', input);
  const [picked, setPicked] = usePersistentState<string[] | null>(SELECTION_KEY, restoreSelection);

  const results = useMemo(() => compare.data ?? [], [compare.data]);
  const cheapest = cheapestId(results);
  const available = new Set(results.filter(isComplete).map((s) => s.id));
  const selection = (picked ?? defaultSelection(results)).filter(
    (id) => available.has(id) && id !== ON_DEMAND_ID,
  );
  const charted = new Set(selection);

  // Colours follow the charted strategies in table order, so the few on the chart stay distinct.
  const colors = strategyColors(
    results.filter((s) => charted.has(s.id)).map((s) => s.id),
    ON_DEMAND_ID,
  );

  const series: CumulativeSeries[] = results
    .filter(isComplete)
    .filter((s) => s.id === ON_DEMAND_ID || charted.has(s.id))
    .map((s) => ({
      id: s.id,
      label: s.label,
      color: colors.get(s.id) ?? REFERENCE_SERIES_COLOR,
      cumulativeUsd: s.cumulativeUsd,
      breakEvenMonth: s.breakEvenMonth,
      reference: s.id === ON_DEMAND_ID,
    }));

  const setSelection = (ids: string[]) => setPicked(ids);
  const toggle = (id: string, on: boolean) =>
    setSelection(on ? [...selection.filter((x) => x !== id), id] : selection.filter((x) => x !== id));

  const errors = [...shellErrors, saved.error, compare.error, estimate.error].filter(
    (m): m is string => m !== null,
  );

  if (currentId === null || saved.missing) {
    return (
      <NoScenario
        missing={saved.missing}
        shellErrors={shellErrors}
        purpose="compare purchase strategies"
        className="compare-screen"
        testId="compare-no-scenario"
      />
    );
  }

  const doc = saved.scenario?.document;
  return (
    <main className="compare-screen">
      <ErrorBanner messages={errors} />
      <div className="compare-header">
        <h2 className="section-title">{doc ? doc.name : 'Loading…'}</h2>
        {doc && (
          <span className="muted">
            {doc.lines.length} {doc.lines.length === 1 ? 'line' : 'lines'} · {doc.hoursPerMonth} h/month ·{' '}
            <a href="#workloads">edit on Workloads</a>
          </span>
        )}
        {compare.loading && <span className="loading-indicator">Pricing…</span>}
        <span className="header-spacer" />
        <ExportButton document={doc ?? null} />
      </div>
      {doc && doc.lines.length === 0 ? (
        <NoLines />
      ) : (
        <div className="compare-body">
          <section className="compare-panel compare-table-panel">
            <MissingPriceNotices
              missing={mergeMissingPrices(results.map((s) => s.missingPrices))}
              lineName={(id) => {
                const line = doc?.lines.find((l) => l.id === id);
                return line ? lineName(line) : id;
              }}
              testId="compare-missing-prices"
            />
            <StrategyTable
              results={results}
              cheapestId={cheapest}
              charted={charted}
              colors={colors}
              onToggle={toggle}
              explain={explainCompare}
            />
            {compare.data && (
              <p className="muted small">
                The optimized plan is the cheapest mix of RIs, Savings Plans, spot and on-demand (every
                product allowed, no upfront limit). Each other strategy buys for every line’s steady usage,
                the rest on-demand; EBS is the same in each. 1-year terms are renewed twice over 3 years.
                Strategies without a price in this catalog show n/a, never $0.{' '}
                <span data-testid="compare-prices-as-of">
                  Prices as of{' '}
                  {formatDateRange(spanOf(results.map((s) => s.pricesAsOf)), 'n/a (nothing priced)')}.
                </span>
              </p>
            )}
          </section>
          <section className="compare-panel compare-chart-panel">
            <div className="section-header">
              <h3 className="subsection-title">{CUMULATIVE_COST_TITLE}</h3>
              <StrategyPicker
                onPick={(kind) =>
                  setSelection(
                    kind === 'cheapest'
                      ? defaultSelection(results)
                      : kind === 'all'
                        ? byThreeYear(results).map((s) => s.id)
                        : [],
                  )
                }
              />
            </div>
            {compare.data && (
              <CumulativeCostChart
                series={series}
                budgetUsd={results.find((r) => r.budget)?.budget?.budgetUsd}
              />
            )}
          </section>
          <section className="compare-panel compare-chart-panel">
            <h3 className="subsection-title">{COST_BY_LINE_TITLE} (scenario as bought)</h3>
            {estimate.data && (
              <WorkloadCostChart lines={estimate.data.lines} budgetUsd={estimate.data.budget?.budgetUsd} />
            )}
          </section>
        </div>
      )}
    </main>
  );
}
