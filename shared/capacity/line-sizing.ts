import type { PurchaseModel } from '../catalog-types';
import type { PriceBook } from '../pricing/price-book';
import type { UsageProfile } from '../pricing/usage-profile';
import { sizeDemandUsage, usageProfileView } from '../pricing/usage-profile';
import type { Scenario } from '../scenario/schema';
import type { DemandSizing, InstanceCapacity } from './demand';
import { checkQuotas, type QuotaCheck } from './quotas';

/** What one instance of a type has (vCPUs, memory), as the price book carries it; null when unknown. */
export function capacityOf(instanceType: string, book: PriceBook): InstanceCapacity | null {
  return book.specs?.[instanceType] ?? null;
}

/** Each line's instances per hour, and for a line sized from demand how it was sized. */
export interface SizedLines {
  profiles: UsageProfile[];
  sizings: (DemandSizing | null)[];
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
      profiles.push(usageProfileView(line.usage));
      sizings.push(null);
    }
  }
  return { profiles, sizings };
}

/**
 * The quota check of a priced mix: each line's instances per hour against the quota of the way the
 * estimate priced it (spot lines against the spot classes; On-Demand, RIs and Savings Plans against
 * the On-Demand ones), with the scenario's quotas.
 */
export function quotaCheckOf(
  scenario: Scenario,
  pricedModels: readonly PurchaseModel[],
  profiles: readonly UsageProfile[],
  book: PriceBook,
): QuotaCheck {
  return checkQuotas(
    scenario.lines.map((line, i) => {
      const profile = profiles[i] as UsageProfile;
      return {
        lineId: line.id,
        instanceType: line.instanceType,
        region: line.region,
        market: pricedModels[i] === 'spot' ? 'spot' : 'on-demand',
        vcpu: capacityOf(line.instanceType, book)?.vcpu ?? null,
        counts: profile.counts,
        periodHours: profile.periodHours,
      };
    }),
    scenario.quotas ?? {},
  );
}
