import type { Scenario } from '@shared/scenario/schema';
import { SUPPORT_PLAN_RULES, SUPPORT_PLANS, type SupportPlan } from '@shared/pricing/support-plan-rules';

/** The scenario's AWS Support plan: None (the default) or one of AWS's plans, priced in the estimate. */
export function SupportPlanField({
  value,
  onChange,
}: {
  value: SupportPlan | undefined;
  onChange: (plan: SupportPlan | undefined) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">AWS Support plan</span>
      <select
        data-testid="scenario-support"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as SupportPlan))}
      >
        <option value="">None</option>
        {SUPPORT_PLANS.map((p) => (
          <option key={p} value={p}>
            {SUPPORT_PLAN_RULES[p].label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The document with this support plan, or without the field for None. */
export function withSupport(doc: Scenario, plan: SupportPlan | undefined): Scenario {
  const next = { ...doc };
  if (plan) next.support = plan;
  else delete next.support;
  return next;
}
