import type { PurchasePlan } from '@shared/optimizer/types';
import type { SavedScenario } from '@shared/scenario/types';
import { changesWords, isUnchanged, planChanges } from './apply-changes';
import type { ApplyPlan } from './useApplyPlan';

export interface ApplyPlanBarProps {
  plan: PurchasePlan;
  scenario: SavedScenario;
  applying: ApplyPlan;
  /** The plan is for other constraints or another revision than shown (a new one is on its way). */
  stale: boolean;
}

/** Writes the plan's purchases into the scenario's lines (a new revision) and offers to undo it. */
export function ApplyPlanBar({ plan, scenario, applying, stale }: ApplyPlanBarProps) {
  const changes = planChanges(scenario.document, plan.scenario);
  const unchanged = isUnchanged(changes);
  const { outcome, busy } = applying;
  return (
    <div className="plan-apply" data-testid="plan-apply">
      <button
        type="button"
        className="button-primary"
        data-testid="plan-apply-button"
        disabled={busy || stale || unchanged}
        onClick={() => void applying.apply(scenario, plan.scenario)}
      >
        {busy ? 'Saving…' : 'Apply to scenario'}
      </button>
      <span className="muted small" data-testid="plan-apply-preview">
        {unchanged
          ? 'The scenario already buys this plan.'
          : `Saves a new revision of “${scenario.name}”: ${changesWords(changes)}.`}
      </span>
      {outcome && (
        <p
          className={outcome.kind === 'error' ? 'plan-apply-result is-error' : 'plan-apply-result'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          data-testid="plan-apply-result"
          data-kind={outcome.kind}
        >
          {outcome.message}{' '}
          {outcome.kind === 'applied' && (
            <button
              type="button"
              className="button-secondary"
              data-testid="plan-undo"
              disabled={busy}
              onClick={() => void applying.undo()}
            >
              Undo
            </button>
          )}
        </p>
      )}
    </div>
  );
}
