import type { Scenario } from '../scenario/schema';

/**
 * The accounts of an organization's consolidated bill, and how they share Reserved Instance and
 * Savings Plans discounts. AWS's rules (docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/ri-turn-off.html,
 * …/ri-behavior.html, aws.amazon.com/premiumsupport/knowledge-center/ec2-ri-consolidated-billing/):
 * - sharing is on for every account by default; to share a discount, both the buying and the using
 *   account must have it on;
 * - an account with sharing off: its RIs and Savings Plans apply only to its own usage, and it gets
 *   no discount from other accounts' commitments;
 * - a commitment applies to its purchasing account's usage first, then to the other sharing
 *   accounts' (for Savings Plans, those with the largest savings first).
 *
 * What is modelled: a commitment pool (commitment-pools.ts) of an account with sharing off gets the
 * account in its key — its commitments serve only its lines, and its lines consume no other pool.
 * The sharing accounts' commitments form the pools they always did, shared by all sharing accounts'
 * lines; within such a pool, the lines of the accounts that bought into it are served before the
 * others' (each group then in AWS's usual order: smallest size first for RIs, highest savings first
 * for Savings Plans). When several sharing accounts buy into the same pool, their lines are served
 * together: the organization's total is AWS's, but which of those buying accounts' usage is covered
 * may differ from AWS's own-account-first split between them.
 */
export interface LineAccounts {
  /** Each line's account id, by line index. */
  accountOf: readonly string[];
  /** Accounts with sharing turned off. */
  notSharing: ReadonlySet<string>;
}

/** The lines' accounts; null when the scenario names none (one implicit account: nothing changes). */
export function lineAccounts(scenario: Pick<Scenario, 'accounts' | 'lines'>): LineAccounts | null {
  const accounts = scenario.accounts ?? [];
  const first = accounts[0];
  if (first === undefined) return null;
  return {
    accountOf: scenario.lines.map((l) => l.account ?? first.id),
    notSharing: new Set(accounts.filter((a) => !a.sharing).map((a) => a.id)),
  };
}

/** What a line's pool key gains: its account when that account does not share, else nothing. */
export function poolScope(accounts: LineAccounts | null, line: number): string {
  if (accounts === null) return '';
  const id = accounts.accountOf[line] as string;
  return accounts.notSharing.has(id) ? `|account:${id}` : '';
}

/** Why a pool does not reach a line of another scope (a scope from poolScope, or a pool's key). */
export function accountReason(lineName: string, lineScope: string, poolKey: string): string | null {
  const at = poolKey.indexOf('|account:');
  const poolScope = at < 0 ? '' : poolKey.slice(at);
  if (poolScope === lineScope) return null;
  if (poolScope !== '')
    return `${lineName} is in another account than these, bought in account ${poolScope.slice('|account:'.length)} whose RI and Savings Plans sharing is off: they cover its own lines only`;
  return `${lineName} is in account ${lineScope.slice('|account:'.length)}, whose RI and Savings Plans sharing is off: it gets no other account's discounts`;
}

/** 0 for a line of an account that bought into the pool (served first), 1 for the others. */
export function ownRank(
  accounts: LineAccounts | null,
  purchasers: readonly number[],
): (line: number) => number {
  if (accounts === null) return () => 0;
  const owners = new Set(purchasers.map((p) => accounts.accountOf[p]));
  return (line) => (owners.has(accounts.accountOf[line]) ? 0 : 1);
}
