import type {
  EbsPrices,
  OfferingClass,
  OperatingSystem,
  PaymentOption,
  PlanType,
  Tenancy,
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
  /**
   * Shared, Dedicated Instance, or on a Dedicated Host. A Dedicated Host's instance prices are the
   * per-instance charge on top of the host (AWS prices Linux at 0 there, licence-included OSes at their
   * licence); the host itself is in PriceBook.hosts.
   */
  tenancy: Tenancy;
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

/** A Dedicated Host Reservation for one host of a family in a region (1 or 3 years; no offering class). */
export interface HostReservationRate {
  termYears: TermYears;
  paymentOption: PaymentOption;
  upfrontUsd: UsdString;
  hourlyUsd: UsdString;
  sourceId: string;
}

/**
 * One Dedicated Host type (AWS names it by instance family: "m5") in one region: its On-Demand price
 * per host-hour, its reservations, and how many instances of each size one host holds (the price
 * list's "Instance Capacity - <size>" attributes).
 */
export interface HostPrices {
  region: string;
  family: string;
  onDemandHourlyUsd: UsdString | null;
  onDemandSourceId: string | null;
  reservations: HostReservationRate[];
  /** Instances of each size one host holds, by size ("large": 48); a size absent cannot run on it. */
  instancesPerHost: Record<string, number>;
  /** The host's vCPUs and physical cores, as the price list gives them (null when it does not). */
  vcpu: number | null;
  physicalCores: number | null;
}

export interface PriceBook {
  /** Keyed by `${region}|${os}|${instanceType}`, then `|${tenancy}` for other than shared (see priceKey). */
  instances: Record<string, InstancePrices>;
  /** Dedicated Hosts by `${region}|${family}` (hostKey); absent = the catalog has none imported. */
  hosts?: Record<string, HostPrices>;
  /** AWS's Dedicated per-Region fee by region (the price list's "Fee" of group EC2-Dedicated Usage); absent = not imported. */
  dedicatedFees?: Record<string, { hourlyUsd: UsdString; sourceId: string }>;
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

export function priceKey(
  region: string,
  os: string,
  instanceType: string,
  tenancy: Tenancy = 'shared',
): string {
  const key = `${region}|${os}|${instanceType}`;
  return tenancy === 'shared' ? key : `${key}|${tenancy}`;
}

export function hostKey(region: string, family: string): string {
  return `${region}|${family}`;
}
