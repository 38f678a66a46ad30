import type { ScenarioEstimate } from '@shared/pricing/estimate-types';
import { formatTable, money } from './table';

/** The estimate's cost per account (shared/pricing/account-totals.ts); empty when it names none. */
export function accountsText(e: Pick<ScenarioEstimate, 'accounts'>): string {
  if (!e.accounts?.length) return '';
  return (
    '\n\nCost per account (commitments in the account of the line that buys them):\n' +
    formatTable(
      ['Account', 'RI/SP sharing', 'Lines', 'Monthly', 'Upfront', 'Amortized', '1 year', '3 years'],
      e.accounts.map((a) => [
        a.name ? `${a.name} (${a.id})` : a.id,
        a.sharing ? 'on' : 'off',
        a.lineIds.length,
        money(a.totals.monthlyUsd),
        money(a.totals.upfrontUsd),
        money(a.totals.amortizedMonthlyUsd),
        money(a.totals.oneYearUsd),
        money(a.totals.threeYearUsd),
      ]),
    )
  );
}
