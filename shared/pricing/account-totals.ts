import type { Scenario } from '../scenario/schema';
import { lineAccounts } from './accounts';
import type { AccountEstimate } from './estimate-types';
import { sumTotals } from './estimate-totals';
import type { PricedLine } from './price-line';

// Cost per account (accounts.ts): each line's figures go to its own account, commitments to the
// account of the line that buys them, so the accounts' totals add up to the scenario's.

/** Each named account's lines and their totals; undefined when the scenario names no accounts. */
export function accountEstimates(
  scenario: Pick<Scenario, 'accounts' | 'lines'>,
  lines: readonly PricedLine[],
): AccountEstimate[] | undefined {
  const accounts = lineAccounts(scenario);
  if (accounts === null) return undefined;
  return (scenario.accounts ?? []).map((a) => {
    const own = lines.filter((_, i) => accounts.accountOf[i] === a.id);
    return {
      id: a.id,
      name: a.name ?? null,
      sharing: a.sharing,
      lineIds: own.map((l) => l.estimate.id),
      totals: sumTotals(own),
    };
  });
}
