import type { PurchaseModel } from '../catalog-types';
import type { PriceBook } from '../pricing/price-book';
import type { UsageProfile } from '../pricing/usage-profile';
import { jobsConcurrentInstances, sizeDemandUsage, usageProfileView } from '../pricing/usage-profile';
import type { Scenario } from '../scenario/schema';
import type { DemandSizing, InstanceCapacity } from './demand';
import { checkQuotas, type QuotaCheck, type QuotaMarket } from './quotas';

/** What one instance of a type has (vCPUs, memory), as the price book carries it; null when unknown. */
export function capacityOf(instanceType: string, book: PriceBook): InstanceCapacity | null {
  return book.specs?.[instanceType] ?? null;
}

/** Each line's instances per hour, and for a line sized from demand how it was sized. */
export interface SizedLines {
  profiles: UsageProfile[];
  sizings: (DemandSizing | null)[];
  /**
   * Quota checks already made on these profiles, by how each line is bought and the quotas: Compare's
   * strategies mostly buy On-Demand instances, so most share one check.
   */
  quotaChecks: Map<string, QuotaCheck>;
}

export function sizeLines(scenario: Scenario, book: PriceBook): SizedLines {
  const profiles: UsageProfile[] = [];
  const sizings: (DemandSizing | null)[] = [];
  for (const line of scenario.lines) {
    if (line.usage.pattern === 'demand') {
      const sizing = sizeDemandUsage(line.usage, capacityOf(line.instanceType, book));
      profiles.push({ counts: sizing.counts, periodHours: sizing.periodHours });
      sizings.push(sizing);
    } else {
      profiles.push(usageProfileView(line.usage, null, line.os));
      sizings.push(null);
    }
  }
  return { profiles, sizings, quotaChecks: new Map() };
}

/**
 * The quota check of a priced mix: each line's instances per hour against the quota of the way the
 * estimate priced it (spot lines against the spot classes; On-Demand, RIs and Savings Plans against
 * the On-Demand ones), with the scenario's quotas.
 */
export function quotaCheckOf(
  scenario: Scenario,
  pricedModels: readonly PurchaseModel[],
  sized: SizedLines,
  book: PriceBook,
): QuotaCheck {
  const markets = pricedModels.map((m): QuotaMarket => (m === 'spot' ? 'spot' : 'on-demand'));
  const key = `${markets.map((m) => m[0]).join('')}|${JSON.stringify(scenario.quotas ?? {})}`;
  const known = sized.quotaChecks.get(key);
  if (known) return known;
  const check = checkQuotas(
    scenario.lines.map((line, i) => {
      const profile = sized.profiles[i] as UsageProfile;
      const usage = line.usage;
      return {
        lineId: line.id,
        instanceType: line.instanceType,
        region: line.region,
        market: markets[i] as QuotaMarket,
        vcpu: capacityOf(line.instanceType, book)?.vcpu ?? null,
        // A jobs line's counts are billed instance-hours; its quota counts the instances running at once.
        counts:
          usage.pattern === 'jobs'
            ? profile.counts.map((c) => (c > 0 ? jobsConcurrentInstances(usage) : 0))
            : profile.counts,
        periodHours: profile.periodHours,
      };
    }),
    scenario.quotas ?? {},
  );
  sized.quotaChecks.set(key, check);
  return check;
}
