import type { StrategyResult, ScenarioEstimate } from '@shared/pricing/estimate-types';
import { tierArithmetic } from '@shared/pricing/support-plan';
import { SUPPORT_PLANS, type SupportPlan } from '@shared/pricing/support-plan-rules';
import type { SupportEstimate } from '@shared/pricing/support-estimate';
import { patchDocument } from './call-input';
import { explanationText } from './explain-text';
import { money } from './table';
import type { Flag, ParsedArgs } from './types';

/**
 * `--support PLAN` on estimate and compare: the scenario's AWS Support plan, set or replaced (a value
 * outside the choices exits 2 naming the flag and the plans, as every choice flag does).
 */
export const SUPPORT_FLAG: Flag = {
  name: 'support',
  kind: 'choice',
  choices: SUPPORT_PLANS,
  label: 'AWS Support plan',
  description:
    "an AWS Support plan priced on the scenario's monthly charges (AWS bases it on the whole account's charges)",
  valueName: 'PLAN',
};

/** The input with the document's support plan set from --support. */
export function withSupportFlag(input: Record<string, unknown>, args: ParsedArgs): Record<string, unknown> {
  const plan = args.values[SUPPORT_FLAG.name] as SupportPlan | undefined;
  return plan === undefined ? input : patchDocument(input, () => ({ support: plan }));
}

/** The estimate's support paragraph: the month's fee with its tier arithmetic and the totals with it. */
export function supportText(e: Pick<ScenarioEstimate, 'support'>): string {
  const s: SupportEstimate | undefined = e.support;
  if (!s) return '';
  if (!s.monthly) return `\n\n${s.label} Support: ${s.note}`;
  const fee = s.monthly;
  const rule =
    fee.rule === 'minimum'
      ? `the ${money(fee.minimumUsd)} minimum (${tierArithmetic(fee)} is less)`
      : `${tierArithmetic(fee)} (more than the ${money(fee.minimumUsd)} minimum)`;
  return (
    `\n\n${s.label} Support: ${money(s.supportMonthlyUsd)}/month on ${money(fee.chargesUsd)} of charges = ${rule}` +
    (s.firstMonthUsd !== s.supportMonthlyUsd
      ? `; ${money(s.firstMonthUsd)} in a month with its upfront fees`
      : '') +
    `\nWith support: monthly ${money(s.monthlyWithSupportUsd)}, amortized ${money(
      s.amortizedMonthlyWithSupportUsd,
    )}/month, 1 year ${money(s.oneYearWithSupportUsd)}, 3 years ${money(s.threeYearWithSupportUsd)}` +
    `\n  ${s.note} Rules: ${s.source}, as of ${s.asOf}.` +
    (s.explanation ? '\n' + explanationText(s.explanation) : '')
  );
}

/** A compare row's support cells: the month's fee and the 3 years with support. */
export const supportCells = (r: Pick<StrategyResult, 'support'>): string[] => [
  money(r.support?.supportMonthlyUsd ?? null),
  money(r.support?.threeYearWithSupportUsd ?? null),
];
