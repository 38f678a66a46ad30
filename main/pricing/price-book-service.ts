import type Database from 'better-sqlite3';
import type {
  OfferingClass,
  OperatingSystem,
  PaymentOption,
  PlanType,
  TermYears,
} from '../../shared/catalog-types';
import type { Scenario } from '../../shared/scenario/schema';
import { priceKey, type InstancePrices, type PriceBook } from '../../shared/pricing/price-book';
import type { CatalogService } from '../catalog/catalog-service';
import type { PriceDbRow } from '../catalog/price-options';

/** An ec2_prices row as this service selects it (no effective rate: the engine derives its own). */
type PriceRow = Omit<PriceDbRow, 'effective_hourly_usd'>;

/** Resolves from the catalog every price a scenario's lines need, so the engine can stay pure. */
export function createPriceBookService(db: Database.Database, catalog: CatalogService) {
  const typeStmt = db.prepare(
    'SELECT family, normalization_factor FROM instance_types WHERE instance_type = ?',
  );
  const regionStmt = db.prepare('SELECT 1 FROM regions WHERE code = ?').pluck();
  const pricesStmt =
    db.prepare(`SELECT model, term_years, payment_option, offering_class, plan_type, upfront_usd, hourly_usd, source_id
    FROM ec2_prices WHERE region = ? AND os = ? AND instance_type = ? AND tenancy = 'shared'`);
  const sourcesStmt = db.prepare('SELECT id, as_of FROM sources');
  const metaStmt = db.prepare("SELECT value FROM meta WHERE key = 'as_of'").pluck();

  function instancePrices(
    region: string,
    os: OperatingSystem,
    instanceType: string,
    dates: Record<string, string>,
  ): InstancePrices {
    const type = typeStmt.get(instanceType) as
      { family: string; normalization_factor: number | null } | undefined;
    const regionKnown = regionStmt.get(region) === 1;
    const rows = type && regionKnown ? (pricesStmt.all(region, os, instanceType) as PriceRow[]) : [];
    const od = rows.find((r) => r.model === 'on-demand');
    const spot = rows.find((r) => r.model === 'spot');
    return {
      instanceType,
      region,
      os,
      known: Boolean(type) && regionKnown,
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
            interruptionBand: null,
          }
        : null,
    };
  }

  return {
    forScenario(scenario: Scenario): PriceBook {
      const dates = Object.fromEntries(
        (sourcesStmt.all() as { id: string; as_of: string }[]).map((s) => [s.id, s.as_of]),
      );
      const instances: PriceBook['instances'] = {};
      const ebs: PriceBook['ebs'] = {};
      for (const line of scenario.lines) {
        const key = priceKey(line.region, line.os, line.instanceType);
        instances[key] ??= instancePrices(line.region, line.os, line.instanceType, dates);
        if (!(line.region in ebs) && regionStmt.get(line.region) === 1) {
          const prices = catalog.ebsPrices({ region: line.region });
          if (prices.volumes.some((v) => v.storageUsdPerGBMonth !== null)) ebs[line.region] = prices;
        }
      }
      return {
        instances,
        ebs,
        sourceDates: dates,
        catalogAsOf: (metaStmt.get() as string | undefined) ?? 'unknown',
      };
    },
  };
}

export type PriceBookService = ReturnType<typeof createPriceBookService>;
