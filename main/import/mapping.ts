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
  VolumeType,
} from '@shared/catalog-types';
import { VOLUME_TYPES } from '@shared/catalog-types';
import { effectiveHourlyUsd } from '@shared/pricing/rates';
import { Decimal, toUsdString } from '@shared/money';
import { own } from './parse-slice';
import type { Attributes, ComputeRef, EbsRef } from './types';

/**
 * The five operating systems the catalog prices, keyed by the RunInstances operation code AWS
 * bills them under, with the operatingSystem value that must agree. License-included SQL Server,
 * BYOL and RHEL add-ons have other operation codes and are dropped.
 */
const OS_BY_OPERATION: Record<string, { os: OperatingSystem; name: string }> = {
  RunInstances: { os: 'linux', name: 'Linux' },
  'RunInstances:0002': { os: 'windows', name: 'Windows' },
  'RunInstances:0010': { os: 'rhel', name: 'RHEL' },
  'RunInstances:000g': { os: 'sles', name: 'SUSE' },
  'RunInstances:0g00': { os: 'ubuntu', name: 'Ubuntu Pro' },
};

export function osForOperation(operation: string | undefined): OperatingSystem | null {
  return own(OS_BY_OPERATION, operation)?.os ?? null;
}

export type SkipReason = 'not-compute' | 'tenancy' | 'capacity-status' | 'os' | 'no-region' | 'unknown-type';

/**
 * A compute product the catalog keeps: shared tenancy, capacity status "Used" (not reservation
 * placeholders), one of the five OSes with no pre-installed software.
 */
export function mapComputeProduct(
  family: string | undefined,
  a: Attributes,
): { ref: ComputeRef } | { skip: SkipReason } {
  if (family === undefined || !family.startsWith('Compute Instance')) return { skip: 'not-compute' };
  if (a.tenancy !== 'Shared') return { skip: 'tenancy' };
  if (a.capacitystatus !== 'Used') return { skip: 'capacity-status' };
  const os = own(OS_BY_OPERATION, a.operation);
  if (!os || a.operatingSystem !== os.name || (a.preInstalledSw ?? 'NA') !== 'NA') return { skip: 'os' };
  if (os.os === 'windows' ? a.licenseModel !== 'No License required' : !isNoLicense(a.licenseModel)) {
    return { skip: 'os' };
  }
  const region = a.regionCode;
  const instanceType = a.instanceType;
  if (!region || !instanceType) return { skip: 'no-region' };
  return { ref: { kind: 'compute', region, instanceType, os: os.os } };
}

const isNoLicense = (m: string | undefined) => m === undefined || m === 'No License required' || m === 'NA';

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
