import type Database from 'better-sqlite3';
import type {
  OfferingClass,
  OperatingSystem,
  PaymentOption,
  PlanType,
  Tenancy,
  TermYears,
} from '@shared/catalog-types';
import type { Scenario } from '@shared/scenario/schema';
import { hostKey, priceKey, type InstancePrices, type PriceBook } from '@shared/pricing/price-book';
import type { CatalogService } from '../catalog/catalog-service';
import { readDedicatedFee, readHostPrices } from '../catalog/dedicated-prices';
import { instanceTypeParts } from '@shared/instance-name';
import { readSpotAdvisorBand } from '../catalog/spot-advisor';
import { prepareCatalogReads } from '../catalog/statements';

/** Resolves from the catalog every price a scenario's lines need, so the engine can stay pure. */
export function createPriceBookService(db: Database.Database, catalog: CatalogService) {
  const q = prepareCatalogReads(db);
  const regionKnown = (region: string) => q.region.get(region) !== undefined;

  function instancePrices(
    region: string,
    os: OperatingSystem,
    instanceType: string,
    tenancy: Tenancy,
    dates: Record<string, string>,
  ): InstancePrices {
    const type = q.instanceType.get(instanceType);
    const known = Boolean(type) && regionKnown(region);
    // No effective rate is read: the engine derives its own from upfront and hourly.
    const rows = known ? q.pricesOfTypeInTenancy.all(region, os, instanceType, tenancy) : [];
    const od = rows.find((r) => r.model === 'on-demand');
    const spot = rows.find((r) => r.model === 'spot');
    return {
      instanceType,
      region,
      os,
      tenancy,
      known,
      family: type?.family ?? null,
      normalizationFactor: type?.normalization_factor ?? null,
      onDemandHourlyUsd: od?.hourly_usd ?? null,
      onDemandSourceId: od?.source_id ?? null,
      reserved: rows
        .filter((r) => r.model === 'reserved')
        .map((r) => ({
          termYears: r.term_years as TermYears,
          paymentOption: r.payment_option as PaymentOption,
          offeringClass: r.offering_class as OfferingClass,
          upfrontUsd: r.upfront_usd,
          hourlyUsd: r.hourly_usd,
          sourceId: r.source_id,
        })),
      savingsPlans: rows
        .filter((r) => r.model === 'savings-plan')
        .map((r) => ({
          planType: r.plan_type as PlanType,
          termYears: r.term_years as TermYears,
          paymentOption: r.payment_option as PaymentOption,
          hourlyUsd: r.hourly_usd,
          sourceId: r.source_id,
        })),
      spot: spot
        ? {
            hourlyUsd: spot.hourly_usd,
            sourceId: spot.source_id,
            asOf: dates[spot.source_id] ?? 'unknown',
          }
        : null,
      // The Spot Advisor's bands are of shared-tenancy spot.
      spotAdvisor: known && tenancy === 'shared' ? readSpotAdvisorBand(q, region, os, instanceType) : null,
    };
  }

  return {
    forScenario(scenario: Scenario): PriceBook {
      const dates = Object.fromEntries(q.sources.all().map((s) => [s.id, s.as_of]));
      const instances: PriceBook['instances'] = {};
      const ebs: PriceBook['ebs'] = {};
      const specs: NonNullable<PriceBook['specs']> = {};
      const hosts: NonNullable<PriceBook['hosts']> = {};
      const dedicatedFees: NonNullable<PriceBook['dedicatedFees']> = {};
      for (const line of scenario.lines) {
        const type = line.instanceType in specs ? undefined : q.instanceType.get(line.instanceType);
        if (type) specs[line.instanceType] = { vcpu: type.vcpu, memoryGiB: type.memory_gib };
        const key = priceKey(line.region, line.os, line.instanceType, line.tenancy);
        instances[key] ??= instancePrices(line.region, line.os, line.instanceType, line.tenancy, dates);
        if (line.tenancy === 'host') {
          const family = instanceTypeParts(line.instanceType).family;
          const hk = hostKey(line.region, family);
          const host = hk in hosts ? null : readHostPrices(q, line.region, family);
          if (host) hosts[hk] = host;
        }
        if (line.tenancy === 'dedicated' && !(line.region in dedicatedFees)) {
          const fee = readDedicatedFee(q, line.region);
          if (fee) dedicatedFees[line.region] = fee;
        }
        if (!(line.region in ebs) && regionKnown(line.region)) {
          const prices = catalog.ebsPrices({ region: line.region });
          if (prices.volumes.some((v) => v.storageUsdPerGBMonth !== null)) ebs[line.region] = prices;
        }
      }
      return {
        instances,
        ...(Object.keys(hosts).length > 0 ? { hosts } : {}),
        ...(Object.keys(dedicatedFees).length > 0 ? { dedicatedFees } : {}),
        ebs,
        sourceDates: dates,
        specs,
      };
    },
  };
}

export type PriceBookService = ReturnType<typeof createPriceBookService>;
