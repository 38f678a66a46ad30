import { budgetSchema } from '@shared/scenario/schema';
import { crossingsText, type BudgetCheck } from '@shared/pricing/budget';
import { patchDocument } from './call-input';
import { money } from './table';
import type { Flag, ParsedArgs } from './types';

/**
 * `--budget-usd N` on estimate and compare: the scenario's monthly budget, set or replaced; the
 * scenario's own alert thresholds stay, else the defaults (80 % actual, 100 % forecasted).
 */
export const BUDGET_FLAG: Flag = {
  name: 'budget-usd',
  kind: 'string',
  label: 'Monthly budget ($)',
  description:
    "the scenario's monthly budget in USD (replaces its own amount; its thresholds stay, else 80 % actual and 100 % forecasted)",
  valueName: 'N',
};

/** The input with the document's budget set from --budget-usd, or the refusal naming the flag. */
export function withBudgetFlag(
  input: Record<string, unknown>,
  args: ParsedArgs,
): Record<string, unknown> | string {
  const given = args.values[BUDGET_FLAG.name];
  if (given === undefined) return input;
  const text = String(given).trim();
  const amount = budgetSchema.shape.monthlyUsd.safeParse(text);
  if (!amount.success)
    return `--${BUDGET_FLAG.name}: ${amount.error.issues[0]?.message ?? 'is not valid'} — ${BUDGET_FLAG.label}; got ${JSON.stringify(String(given))}`;
  return patchDocument(input, (document) => {
    const own = document.budget;
    const thresholds =
      typeof own === 'object' && own !== null && 'thresholds' in own ? { thresholds: own.thresholds } : {};
    return { budget: { monthlyUsd: text, ...thresholds } };
  });
}

/** A compare row's budget cell. */
export const budgetCell = (b: BudgetCheck | undefined): string => (b ? crossingsText(b) : 'n/a');

/** The estimate's budget paragraph: the summary and one line per threshold. */
export function budgetText(b: BudgetCheck | undefined): string {
  if (!b) return '';
  const head = b.within
    ? b.summary
    : `Budget: ${money(b.monthlyUsd)} of ${money(b.budgetUsd)} (${b.usedPct} %) a month`;
  return (
    `\n\n${head}${b.complete ? '' : ' (at least: some prices are missing)'}\n` +
    b.thresholds.map((t) => `  - ${t.words}`).join('\n')
  );
}
