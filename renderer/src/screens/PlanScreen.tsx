import { useMemo } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useApiCall } from '../hooks/useApiCall';
import { useCurrentScenario } from '../hooks/useCurrentScenario';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { usePersistentState } from '../hooks/usePersistentState';
import { NoLines, NoScenario } from './compare/ScenarioGaps';
import { useSavedScenario } from './compare/useSavedScenario';
import { ApplyPlanBar } from './plan/ApplyPlanBar';
import { CommitmentCurveChart } from './plan/CommitmentCurveChart';
import { ConstraintsForm } from './plan/ConstraintsForm';
import { checkDraft, restoreDraft } from './plan/constraints-draft';
import { DurationChart } from './plan/DurationChart';
import { PlanLinesTable } from './plan/PlanLinesTable';
import { PlanNotes } from './plan/PlanNotes';
import { PlanTotals } from './plan/PlanTotals';
import { PurchaseTable } from './plan/PurchaseTable';
import { SensitivityChart } from './plan/SensitivityChart';
import { useApplyPlan } from './plan/useApplyPlan';
import { WeekCoverageMap } from './plan/WeekCoverageMap';
import './workloads/workloads.css';
import './compare/compare.css';
import './plan/plan.css';

const DRAFT_KEY = 'planner.plan.constraints.v1';
/** Typing in a number box asks for a plan once the typing pauses. */
const TYPING_PAUSE_MS = 300;

/** Plan: the cheapest mix of Reserved Instances, Savings Plans, spot and On-Demand for the current scenario. */
export function PlanScreen({ shellErrors }: { shellErrors: string[] }) {
  const [currentId] = useCurrentScenario();
  const stored = useSavedScenario(currentId);
  const applying = useApplyPlan();
  // After Apply or Undo the stored revision moved on: plan from what was saved here.
  const scenario = applying.saved?.id === currentId ? applying.saved : stored.scenario;

  const [draft, setDraft] = usePersistentState(DRAFT_KEY, restoreDraft);
  const checked = useMemo(() => checkDraft(draft), [draft]);
  const constraints = useDebouncedValue(checked.ok ? checked.constraints : null, TYPING_PAUSE_MS);
  const input = scenario && constraints ? { document: scenario.document, constraints } : null;
  const optimize = useApiCall('pricing.optimize', input);
  const plan = optimize.data;

  const errors = [...shellErrors, stored.error, optimize.error].filter((m): m is string => m !== null);

  if (currentId === null || stored.missing) {
    return (
      <NoScenario
        missing={stored.missing}
        shellErrors={shellErrors}
        purpose="plan what to buy"
        className="compare-screen plan-screen"
        testId="plan-no-scenario"
      />
    );
  }

  const doc = scenario?.document;
  return (
    <main className="compare-screen plan-screen">
      <ErrorBanner messages={errors} />
      <div className="compare-header">
        <h2 className="section-title">{doc ? doc.name : 'Loading…'}</h2>
        {doc && (
          <span className="muted">
            {doc.lines.length} {doc.lines.length === 1 ? 'line' : 'lines'} · revision {scenario?.revision} ·{' '}
            <a href="#workloads">edit on Workloads</a> · <a href="#compare">compare fixed strategies</a>
          </span>
        )}
        {optimize.loading && (
          <span className="loading-indicator" data-testid="plan-loading">
            Optimizing…
          </span>
        )}
      </div>
      <section className="compare-panel">
        <ConstraintsForm draft={draft} onChange={setDraft} errors={checked.ok ? {} : checked.errors} />
      </section>
      {doc && doc.lines.length === 0 ? (
        <NoLines />
      ) : (
        plan && (
          <div
            className="plan-body"
            data-testid="plan-body"
            data-stale={optimize.loading || !checked.ok || undefined}
          >
            <section className="compare-panel plan-wide">
              <PurchaseTable purchases={plan.purchases} />
              <PlanTotals plan={plan} />
              {scenario && (
                <ApplyPlanBar
                  plan={plan}
                  scenario={scenario}
                  applying={applying}
                  stale={optimize.loading || !checked.ok}
                />
              )}
            </section>
            <section className="compare-panel plan-wide">
              <PlanLinesTable lines={plan.lines} />
              <PlanNotes plan={plan} document={doc} />
            </section>
            {plan.pools.map((pool) => (
              <section key={pool.label} className="compare-panel plan-wide plan-pool" data-testid="plan-pool">
                <DurationChart pool={pool} />
                <WeekCoverageMap pool={pool} />
              </section>
            ))}
            {plan.curves.map((curve) => (
              <section key={curve.label} className="compare-panel">
                <CommitmentCurveChart curve={curve} />
              </section>
            ))}
            {plan.sensitivity.length > 0 && (
              <section className="compare-panel">
                <SensitivityChart points={plan.sensitivity} />
              </section>
            )}
          </div>
        )
      )}
    </main>
  );
}
