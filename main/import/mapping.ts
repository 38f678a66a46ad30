/**
 * Maps AWS Price List product attributes and terms onto catalog rows. Field names and values follow
 * AWS's offer-file documentation ("Reading the price list files",
 * docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/reading-an-offer.html).
 */
import type {
  EbsDimension,
  OfferingClass,
  OperatingSystem,
  PaymentOption,
  Tenancy,
  VolumeType,
} from '@shared/catalog-types';
import { VOLUME_TYPES } from '@shared/catalog-types';
import { OS_FACTS, type OperatingSystemFacts } from '@shared/operating-systems';
import { effectiveHourlyUsd } from '@shared/pricing/rates';
import { Decimal, toUsdString } from '@shared/money';
import { own } from './parse-slice';
import type { Attributes, ComputeRef, EbsRef, FeeRef, HostRef } from './types';

/**
 * The operating systems (with their licences) the catalog prices, keyed by the RunInstances operation
 * code AWS bills them under: derived from OS_FACTS (shared/operating-systems.ts), the one table of
 * them. Other codes (RHEL with HA, SQL Server on Linux, …) are dropped.
 */
const OS_BY_OPERATION: Readonly<Record<string, { os: OperatingSystem; facts: OperatingSystemFacts }>> =
  Object.fromEntries(
    (Object.entries(OS_FACTS) as [OperatingSystem, OperatingSystemFacts][]).map(([os, facts]) => [
      facts.operation,
      { os, facts },
    ]),
  );

export function osForOperation(operation: string | undefined): OperatingSystem | null {
  return own(OS_BY_OPERATION, operation)?.os ?? null;
}

/** The price list's tenancy attribute of an instance SKU. */
const TENANCY_OF: Readonly<Record<string, Tenancy>> = {
  Shared: 'shared',
  Dedicated: 'dedicated',
  Host: 'host',
};

export type SkipReason =
  'not-compute' | 'tenancy' | 'capacity-status' | 'os' | 'no-region' | 'unknown-type' | 'host-unmapped';

/**
 * A compute product the catalog keeps: tenancy Shared, Dedicated or Host (the per-instance charge on a
 * Dedicated Host), capacity status "Used" (not reservation placeholders), an operation code of
 * OS_FACTS with the product's operatingSystem, preInstalledSw and licenseModel agreeing, sold with
 * that tenancy (Windows BYOL: Dedicated or Host only).
 */
export function mapComputeProduct(
  family: string | undefined,
  a: Attributes,
): { ref: ComputeRef } | { skip: SkipReason } {
  if (family === undefined || !family.startsWith('Compute Instance')) return { skip: 'not-compute' };
  const tenancy = own(TENANCY_OF, a.tenancy);
  if (!tenancy) return { skip: 'tenancy' };
  if (a.capacitystatus !== 'Used') return { skip: 'capacity-status' };
  const entry = own(OS_BY_OPERATION, a.operation);
  if (!entry || !osAgrees(entry.facts, a) || !entry.facts.tenancies.includes(tenancy)) return { skip: 'os' };
  const region = a.regionCode;
  const instanceType = a.instanceType;
  // Local and Wavelength Zones ("AWS Local Zone") are not regions the planner prices, as in the build.
  if (!region || !instanceType || (a.locationType ?? 'AWS Region') !== 'AWS Region') {
    return { skip: 'no-region' };
  }
  return { ref: { kind: 'compute', region, instanceType, os: entry.os, tenancy } };
}

/** Whether the product's operatingSystem, preInstalledSw and licenseModel are the operation code's. */
function osAgrees(f: OperatingSystemFacts, a: Attributes): boolean {
  if (a.operatingSystem !== f.priceListOs || (a.preInstalledSw ?? 'NA') !== f.preInstalledSw) return false;
  // Windows (licence included or not) must say which; the other OSes' older files leave it out.
  if (f.priceListOs === 'Windows' || f.licenseModel !== 'No License required') {
    return a.licenseModel === f.licenseModel;
  }
  return isNoLicense(a.licenseModel);
}

const isNoLicense = (m: string | undefined) => m === undefined || m === 'No License required' || m === 'NA';

/**
 * A Dedicated Host product (productFamily "Dedicated Host"): usagetype "<PFX>-HostUsage:<family>"
 * (tenancy Host: On-Demand) or "<PFX>-ReservedHostUsage:<family>" (tenancy Reserved: Dedicated Host
 * Reservations), the family agreeing with instanceType when given, and what one host holds: vcpu,
 * physicalCores, instanceCapacity<Size> (CSV "Instance Capacity - <size>"). null: not a host product;
 * { skip }: a host product that cannot be mapped.
 */
export function mapHostProduct(
  family: string | undefined,
  a: Attributes,
  region: string | null,
): { ref: HostRef } | { skip: SkipReason } | null {
  if (family !== 'Dedicated Host') return null;
  const m = /^(?:[A-Z0-9]+-)?(Reserved)?HostUsage:([a-z0-9-]+)$/.exec(a.usagetype ?? '');
  if (!m || a.tenancy !== (m[1] ? 'Reserved' : 'Host')) return { skip: 'host-unmapped' };
  const hostFamily = m[2]!;
  if (a.instanceType !== undefined && a.instanceType !== hostFamily) return { skip: 'host-unmapped' };
  if (!region) return { skip: 'no-region' };
  const instancesPerSize: Record<string, number> = {};
  for (const [name, value] of Object.entries(a)) {
    if (!name.startsWith('instanceCapacity') || name.length === 'instanceCapacity'.length) continue;
    const n = count(value);
    const size = name.slice('instanceCapacity'.length);
    if (n !== null && n > 0) instancesPerSize[size[0]!.toLowerCase() + size.slice(1)] = n;
  }
  return {
    ref: {
      kind: 'host',
      region,
      family: hostFamily,
      vcpu: count(a.vcpu),
      physicalCores: count(a.physicalCores),
      instancesPerSize,
    },
  };
}

/** A whole number as the price list writes it ("32"); null for anything else ("NA", ""). */
function count(v: string | undefined): number | null {
  return v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : null;
}

/**
 * The per-Region Dedicated fee: productFamily "Fee", group "EC2-Dedicated Usage", usagetype
 * "<PFX>-DedicatedUsage" (no instance type), operation "Surcharge". null: not that product.
 */
export function mapFeeProduct(
  family: string | undefined,
  a: Attributes,
  region: string | null,
): FeeRef | null {
  if (family !== 'Fee' || a.group !== 'EC2-Dedicated Usage' || a.operation !== 'Surcharge') return null;
  if (!/^(?:[A-Z0-9]+-)?DedicatedUsage$/.test(a.usagetype ?? '') || !region) return null;
  return { kind: 'fee', region };
}

const EBS_VOLUME_TYPES: ReadonlySet<string> = new Set(VOLUME_TYPES);
const isEbsVolumeType = (v: string | undefined): v is VolumeType =>
  v !== undefined && EBS_VOLUME_TYPES.has(v);

/**
 * EBS prices mapped with confidence: volume storage (productFamily Storage, usagetype
 * …EBS:VolumeUsage…), gp3/io1/io2 provisioned IOPS and gp3 throughput. Snapshots, I/O requests
 * and fast snapshot restore are not mapped yet (their usage types vary by tier).
 */
export function mapEbsProduct(family: string | undefined, a: Attributes): EbsRef | null {
  const vt = a.volumeApiName;
  const region = a.regionCode;
  const usage = a.usagetype ?? '';
  if (!isEbsVolumeType(vt) || !region) return null;
  if (family === 'Storage' && /EBS:VolumeUsage(\.[a-z0-9]+)?$/.test(usage)) {
    return ebs(region, vt, 'storage', 'GB-month', `${vt} storage`, 1);
  }
  if (family === 'System Operation' && /EBS:VolumeP-IOPS\.(gp3|piops|io2)$/.test(usage)) {
    return ebs(region, vt, 'iops', 'IOPS-month', `${vt} provisioned IOPS`, 1);
  }
  if (family === 'System Operation' && vt === 'io2' && /EBS:VolumeP-IOPS\.io2\.tier([23])$/.test(usage)) {
    const tier = usage.endsWith('tier2') ? 'iops-tier2' : 'iops-tier3';
    return ebs(region, vt, tier, 'IOPS-month', `io2 provisioned IOPS (${tier})`, 1);
  }
  if (family === 'Provisioned Throughput' && vt === 'gp3' && /EBS:VolumeP-Throughput\.gp3$/.test(usage)) {
    return ebs(region, vt, 'throughput', 'MiBps-month', 'gp3 throughput', 1024);
  }
  return null;
}

function ebs(
  region: string,
  volumeType: VolumeType,
  dimension: EbsDimension,
  unit: string,
  description: string,
  divisor: number,
): EbsRef {
  return { kind: 'ebs', region, volumeType, dimension, unit, description, divisor };
}

/** Reserved term attributes → catalog columns; null for legacy or unknown terms. */
export function reservedTerm(
  lease: string | undefined,
  purchase: string | undefined,
  offeringClass: string | undefined,
): { termYears: 1 | 3; paymentOption: PaymentOption; offeringClass: OfferingClass } | null {
  const termYears = lease === '1yr' || lease === '1 yr' ? 1 : lease === '3yr' || lease === '3 yr' ? 3 : null;
  const paymentOption =
    purchase === 'No Upfront'
      ? 'no-upfront'
      : purchase === 'Partial Upfront'
        ? 'partial-upfront'
        : purchase === 'All Upfront'
          ? 'all-upfront'
          : null;
  if (!termYears || !paymentOption) return null;
  if (offeringClass !== 'standard' && offeringClass !== 'convertible') return null;
  return { termYears, paymentOption, offeringClass };
}

/** Effective hourly of a commitment, from canonical decimal strings (decimal.js, never floats). */
export function effectiveHourly(upfront: string, hourly: string, termYears: 1 | 3 | null): string {
  if (upfront === '0' || termYears === null) return hourly;
  return toUsdString(effectiveHourlyUsd(new Decimal(upfront), new Decimal(hourly), termYears));
}

export function divideUsd(price: string, divisor: number): string {
  return divisor === 1 ? price : toUsdString(new Decimal(price).div(divisor));
}
