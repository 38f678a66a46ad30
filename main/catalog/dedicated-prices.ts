import type { HostPrices } from '@shared/pricing/price-book';
import type { HostOptions, PaymentOption, TermYears } from '@shared/catalog-types';
import { Decimal, toUsdString } from '@shared/money';
import type { prepareCatalogReads } from './statements';

type Reads = ReturnType<typeof prepareCatalogReads>;

/**
 * A Dedicated Host family's prices in a region as the catalog holds them (host_prices, host_capacity;
 * migration 5): On-Demand per host-hour, reservations, what one host holds. null when the catalog
 * holds neither prices nor capacity for it (nothing imported from AWS's price files yet).
 */
export function readHostPrices(q: Reads, region: string, family: string): HostPrices | null {
  const prices = q.hostPricesOf.all(region, family);
  const capacity = q.hostCapacityOf.get(region, family);
  if (prices.length === 0 && !capacity) return null;
  const od = prices.find((p) => p.model === 'on-demand');
  return {
    region,
    family,
    onDemandHourlyUsd: od?.hourly_usd ?? null,
    onDemandSourceId: od?.source_id ?? null,
    reservations: reservationsOf(prices).map(({ rate }) => rate),
    instancesPerHost: capacity ? instancesPerSize(capacity.instances_per_size) : {},
    vcpu: capacity?.vcpu ?? null,
    physicalCores: capacity?.physical_cores ?? null,
  };
}

type HostPriceRow = ReturnType<Reads['hostPricesOf']['all']>[number];

/** A family's reservations as the price book holds them, each with the catalog row it came from. */
function reservationsOf(prices: readonly HostPriceRow[]) {
  return prices
    .filter((p) => p.model === 'reserved' && p.term_years !== 0 && p.payment_option !== '')
    .map((row) => ({
      row,
      rate: {
        termYears: row.term_years as TermYears,
        paymentOption: row.payment_option as PaymentOption,
        upfrontUsd: row.upfront_usd,
        hourlyUsd: row.hourly_usd,
        sourceId: row.source_id,
      },
    }));
}

/** The stored JSON object of sizes → instances per host; anything but whole positive counts is dropped. */
function instancesPerSize(json: string): Record<string, number> {
  const parsed: unknown = JSON.parse(json);
  const out: Record<string, number> = {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
  for (const [size, n] of Object.entries(parsed)) {
    if (Number.isInteger(n) && (n as number) > 0) out[size] = n as number;
  }
  return out;
}

/**
 * What `price TYPE --tenancy host` shows of the host TYPE runs on: its prices per host-hour (the
 * reservations' effective rates rounded to 8 decimals for transport, as the purchase options are) and
 * how many of TYPE's size one host holds; n/a with the way to get them when the catalog has none.
 */
export function readHostOptions(q: Reads, region: string, family: string, size: string): HostOptions {
  const prices = q.hostPricesOf.all(region, family);
  const capacity = q.hostCapacityOf.get(region, family);
  const od = prices.find((p) => p.model === 'on-demand');
  return {
    family,
    onDemandHourlyUsd: od?.hourly_usd ?? null,
    onDemandSourceId: od?.source_id ?? null,
    reservations: reservationsOf(prices).map(({ rate, row }) => ({
      ...rate,
      effectiveHourlyUsd: toUsdString(
        new Decimal(row.effective_hourly_usd).toDecimalPlaces(8, Decimal.ROUND_HALF_UP),
      ),
    })),
    instancesOfThisSize: capacity ? (instancesPerSize(capacity.instances_per_size)[size] ?? null) : null,
    vcpu: capacity?.vcpu ?? null,
    physicalCores: capacity?.physical_cores ?? null,
    note:
      prices.length === 0
        ? `n/a — no ${family} Dedicated Host price for this region in the catalog: import AWS's price files`
        : null,
  };
}

/** The region's per-Region Dedicated fee; null when the catalog has none. */
export function readDedicatedFee(q: Reads, region: string): { hourlyUsd: string; sourceId: string } | null {
  const fee = q.dedicatedFeeOf.get(region);
  return fee ? { hourlyUsd: fee.hourly_usd, sourceId: fee.source_id } : null;
}
