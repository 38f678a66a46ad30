import type { Scenario, ScenarioLine } from '../scenario/schema';
import { lineAccounts } from './accounts';
import { dedicatedFees } from './dedicated-fee';
import { hostCharge } from './dedicated-hosts';
import { addCharge } from './line-charges';
import type { LineBasis } from './line-setup';
import type { PriceBook } from './price-book';
import type { PricedLine } from './price-line';

/**
 * Where a line runs, priced: a Dedicated Instance line pays its own (dedicated) prices through the
 * usual pools, plus its account's Dedicated per-Region fee (dedicated-fee.ts); a Dedicated Host line
 * pays its hosts (dedicated-hosts.ts) and, per instance-hour, only its licence On-Demand.
 */

/** The line as the instance-hour pools see it: a Dedicated Host line buys hosts, not instance commitments. */
export function instancesView(line: ScenarioLine): ScenarioLine {
  return line.tenancy === 'host' && line.purchase.model !== 'on-demand'
    ? { ...line, purchase: { model: 'on-demand' } }
    : line;
}

/**
 * Adds each line's hosts and each account and region's dedicated fee to the priced lines; returns the
 * sources of the prices it used.
 */
export function addTenancyCharges(
  scenario: Scenario,
  bases: readonly LineBasis[],
  lines: PricedLine[],
  book: PriceBook,
): Set<string> {
  const sources = new Set<string>();
  if (scenario.lines.every((l) => l.tenancy === 'shared')) return sources;
  const hoursPerMonth = scenario.hoursPerMonth;
  const fees = dedicatedFees(
    scenario.lines.map((line, index) => ({ index, line, profile: (bases[index] as LineBasis).profile })),
    lineAccounts(scenario),
    book,
    hoursPerMonth,
  );
  scenario.lines.forEach((line, i) => {
    const priced = lines[i] as PricedLine;
    if (line.tenancy === 'shared') return;
    priced.estimate.tenancy = line.tenancy;
    if (line.tenancy === 'host') {
      const charge = hostCharge(line, (bases[i] as LineBasis).stats.peak, book, hoursPerMonth);
      priced.estimate.dedicatedHost = charge.estimate;
      addCharge(priced, charge);
      for (const id of charge.sourceIds) sources.add(id);
    }
    const fee = fees.get(i);
    if (fee) {
      priced.estimate.dedicatedFee = fee.estimate;
      addCharge(priced, fee);
      for (const id of fee.sourceIds) sources.add(id);
    }
  });
  return sources;
}
