import type {
  EbsPrices,
  OfferingClass,
  OperatingSystem,
  PaymentOption,
  PlanType,
  TermYears,
} from '../catalog-types';
import type { UsdString } from '../money';
import type { SpotAdvisorBand } from './spot-interruption';
import type { InstanceCapacity } from '../capacity/demand';

/**
 * Everything the pricing engine needs from the catalog, resolved by main before a scenario is priced:
 * the engine itself never reads a database. A missing figure is null (the engine warns, never uses 0).
 */
export interface RiRate {
  termYears: TermYears;
  paymentOption: PaymentOption;
  offeringClass: OfferingClass;
  upfrontUsd: UsdString;
  hourlyUsd: UsdString;
  sourceId: string;
}

export interface SpRate {
  planType: PlanType;
  termYears: TermYears;
  paymentOption: PaymentOption;
  /** The plan's hourly rate for this instance type, region and OS. */
  hourlyUsd: UsdString;
  sourceId: string;
}

export interface InstancePrices {
  instanceType: string;
  region: string;
  os: OperatingSystem;
  /** False when the catalog does not know this type or region (the line is still loadable). */
  known: boolean;
  family: string | null;
  normalizationFactor: number | null;
  onDemandHourlyUsd: UsdString | null;
  onDemandSourceId: string | null;
  reserved: RiRate[];
  savingsPlans: SpRate[];
  spot: { hourlyUsd: UsdString; sourceId: string; asOf: string } | null;
  /** AWS's Spot Advisor band and savings figure for this type, region and OS; null when the catalog has none. */
  spotAdvisor: SpotAdvisorBand | null;
}

export interface PriceBook {
  /** Keyed by `${region}|${os}|${instanceType}` (see priceKey). */
  instances: Record<string, InstancePrices>;
  /** EBS prices by region; absent = the catalog has no EBS prices for that region. */
  ebs: Record<string, EbsPrices>;
  /** Source id -> as-of date, to date every figure (and an estimate by the prices it used). */
  sourceDates: Record<string, string>;
  /**
   * vCPUs and memory of each instance type the scenario names, by type (what demand sizing and the
   * quota check read); absent or missing a type = unknown.
   */
  specs?: Record<string, InstanceCapacity>;
}

export function priceKey(region: string, os: string, instanceType: string): string {
  return `${region}|${os}|${instanceType}`;
}
