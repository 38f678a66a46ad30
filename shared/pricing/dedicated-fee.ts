import { Decimal, formatUsd, toUsdString } from '../money';
import type { ScenarioLine } from '../scenario/schema';
import type { LineAccounts } from './accounts';
import { sharedTimeline } from './allocation';
import type { EstimateWarning } from './estimate-types';
import type { LineCharge } from './line-charges';
import { IMPORT_HINT } from './messages';
import type { PriceBook } from './price-book';
import type { DedicatedFeeEstimate } from './tenancy-types';
import type { UsageProfile } from './usage-profile';

/**
 * AWS's Dedicated per-Region fee: "An additional fee is charged once per hour in which at least one
 * Dedicated Instance of any type is running in a Region" (aws.amazon.com/ec2/pricing/dedicated-instances/;
 * in the price list, product family "Fee", group "EC2-Dedicated Usage": "$2.00 once per hour when you're
 * running at least one Dedicated Instance in the … Region"). It is read from the imported price file
 * (PriceBook.dedicatedFees), never assumed: until then it is n/a.
 *
 * The planner charges it per account and region (AWS bills it to the account running the instances),
 * for the hours in which any Dedicated Instance line of that account runs there: the lines' profiles are
 * lined up over their shared timeline (allocation.ts) and the hours with a running instance counted,
 * then scaled to a month. The fee sits on the group's first line. Instances on Dedicated Hosts do not
 * pay it.
 */

export interface FeeGroupLine {
  index: number;
  line: ScenarioLine;
  /** The instances the line runs each hour (running, not a capacity reservation's billed hours). */
  profile: UsageProfile;
}

/** The fee of each (account, region) with Dedicated Instance lines, keyed by the index of the line that carries it. */
export function dedicatedFees(
  lines: readonly FeeGroupLine[],
  accounts: LineAccounts | null,
  book: PriceBook,
  hoursPerMonth: number,
): Map<number, LineCharge<DedicatedFeeEstimate>> {
  const groups = new Map<string, FeeGroupLine[]>();
  for (const l of lines) {
    if (l.line.tenancy !== 'dedicated') continue;
    const account = accounts ? (accounts.accountOf[l.index] as string) : '';
    const key = `${account}|${l.line.region}`;
    const group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, [l]);
  }
  const charges = new Map<number, LineCharge<DedicatedFeeEstimate>>();
  for (const group of groups.values()) {
    const first = group[0] as FeeGroupLine;
    const account = accounts ? (accounts.accountOf[first.index] as string) : null;
    charges.set(first.index, groupFee(group, account, book, hoursPerMonth));
  }
  return charges;
}

function groupFee(
  group: readonly FeeGroupLine[],
  account: string | null,
  book: PriceBook,
  hoursPerMonth: number,
): LineCharge<DedicatedFeeEstimate> {
  const first = group[0] as FeeGroupLine;
  const region = first.line.region;
  const { hours: timeline } = sharedTimeline(group.map((l) => l.profile.periodHours));
  let running = 0;
  for (let h = 0; h < timeline; h++) {
    if (group.some((l) => (l.profile.counts[h % l.profile.periodHours] as number) > 0)) running++;
  }
  const billed = new Decimal(running).times(hoursPerMonth).div(timeline);
  const billedHours = billed.toNumber();
  const fee = book.dedicatedFees?.[region];
  const lineIds = group.map((l) => l.line.id);
  const whose = `${account === null ? '' : `account ${account}, `}${region}`;
  const hoursText = `${running} of ${timeline} h with a Dedicated Instance running × ${hoursPerMonth} h/month ÷ ${timeline} h = ${billed.toDecimalPlaces(2).toString()} h`;
  const monthly = fee === undefined ? null : billed.times(fee.hourlyUsd);
  const warnings: EstimateWarning[] =
    fee === undefined
      ? [
          {
            code: 'missing-price',
            message: `no Dedicated per-Region fee for ${region} in the catalog: the fee for line ${lineIds.join(', ')} is not priced — ${IMPORT_HINT}`,
            lineId: first.line.id,
            missing: { family: 'dedicated-fee', region, os: null, option: null },
          },
        ]
      : [];
  return {
    estimate: {
      region,
      account,
      lineIds,
      billedHours,
      hourlyUsd: fee?.hourlyUsd ?? null,
      monthlyUsd: monthly === null ? null : toUsdString(monthly),
      sourceId: fee?.sourceId ?? null,
      working:
        `Dedicated per-Region fee (${whose}): ${hoursText}` +
        (fee === undefined || monthly === null
          ? `; rate n/a — ${IMPORT_HINT}`
          : ` × $${fee.hourlyUsd}/h = ${formatUsd(monthly)}/month`),
    },
    monthly,
    upfront: monthly === null ? null : new Decimal(0),
    amortized: monthly,
    termYears: null,
    warnings,
    sourceIds: fee === undefined ? [] : [fee.sourceId],
  };
}
