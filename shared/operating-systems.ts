import type { OperatingSystem, Tenancy } from './catalog-types';

/**
 * Everything the planner knows about an operating system (with its licence), in one place: its names,
 * how AWS's price list names it, and how AWS meters its running time.
 *
 * Price list: each (operating system, licence) is billed under its own RunInstances operation code,
 * with the product's `operatingSystem`, `preInstalledSw` and `licenseModel` attributes agreeing. Codes as
 * AWS's billing documentation lists them ("Operation" values: docs.aws.amazon.com/cur/latest/userguide/
 * product-columns.html and the price list), checked against the real 2025-09-12 offer-file rows in
 * tests/fixtures/price-list/AmazonEC2-offer-sample.csv (0202 = Windows with SQL Web, 0006 = Windows
 * with SQL Standard, 0800 = Windows BYOL, 0010 = RHEL, 000g = SUSE, 0g00 = Ubuntu Pro).
 *
 * Billing: per second with a 60-second minimum for Linux, Windows (with or without SQL Server, and
 * Windows BYOL, which AWS meters as Windows), RHEL and Ubuntu Pro; per started hour for SUSE. AWS
 * Knowledge Center "How am I billed for my Amazon EC2 instances?"
 * (repost.aws/knowledge-center/ec2-instance-hour-billing, read 2026-11-29): "Each partial instance-hour
 * consumed is billed per-second for instances launched in Linux, Windows, or Windows with SQL
 * Enterprise, SQL Standard, or SQL Web instances"; RHEL since 2024-04-01 (shared/pricing/billing-granularity.ts).
 */
export interface OperatingSystemFacts {
  /** Short name for tables and sentences: "Windows + SQL Web". */
  name: string;
  /** Name for pickers: "Windows with SQL Server Web". */
  label: string;
  /** The price list's `operation`. */
  operation: string;
  /** The price list's `operatingSystem`. */
  priceListOs: string;
  /** The price list's `preInstalledSw`. */
  preInstalledSw: 'NA' | 'SQL Web' | 'SQL Std' | 'SQL Ent';
  /** The price list's `licenseModel`: AWS's licence included, or the customer's own. */
  licenseModel: 'No License required' | 'Bring your own license';
  /** Billed per second (60-second minimum) rather than per started hour. */
  perSecond: boolean;
  /** Whether AWS sells it with shared tenancy: Windows BYOL runs only on Dedicated Instances or Hosts. */
  tenancies: readonly Tenancy[];
}

const ALL_TENANCIES: readonly Tenancy[] = ['shared', 'dedicated', 'host'];

export const OS_FACTS: Readonly<Record<OperatingSystem, OperatingSystemFacts>> = {
  linux: fact('Linux', 'Linux', 'RunInstances', 'Linux', 'NA', true),
  windows: fact('Windows', 'Windows', 'RunInstances:0002', 'Windows', 'NA', true),
  rhel: fact('RHEL', 'Red Hat (RHEL)', 'RunInstances:0010', 'RHEL', 'NA', true),
  sles: fact('SLES', 'SUSE (SLES)', 'RunInstances:000g', 'SUSE', 'NA', false),
  ubuntu: fact('Ubuntu', 'Ubuntu Pro', 'RunInstances:0g00', 'Ubuntu Pro', 'NA', true),
  'windows-sql-web': fact(
    'Windows + SQL Web',
    'Windows with SQL Server Web',
    'RunInstances:0202',
    'Windows',
    'SQL Web',
    true,
  ),
  'windows-sql-std': fact(
    'Windows + SQL Std',
    'Windows with SQL Server Standard',
    'RunInstances:0006',
    'Windows',
    'SQL Std',
    true,
  ),
  'windows-sql-ent': fact(
    'Windows + SQL Ent',
    'Windows with SQL Server Enterprise',
    'RunInstances:0102',
    'Windows',
    'SQL Ent',
    true,
  ),
  'windows-byol': {
    ...fact('Windows BYOL', 'Windows, bring your own licence', 'RunInstances:0800', 'Windows', 'NA', true),
    licenseModel: 'Bring your own license',
    tenancies: ['dedicated', 'host'],
  },
};

function fact(
  name: string,
  label: string,
  operation: string,
  priceListOs: string,
  preInstalledSw: OperatingSystemFacts['preInstalledSw'],
  perSecond: boolean,
): OperatingSystemFacts {
  return {
    name,
    label,
    operation,
    priceListOs,
    preInstalledSw,
    licenseModel: 'No License required',
    perSecond,
    tenancies: ALL_TENANCIES,
  };
}

/** Short names ("Linux", "Windows + SQL Web"). */
export const OS_NAMES: Readonly<Record<OperatingSystem, string>> = mapFacts((f) => f.name);
/** Picker labels ("Red Hat (RHEL)", "Windows with SQL Server Web"). */
export const OS_LABELS: Readonly<Record<OperatingSystem, string>> = mapFacts((f) => f.label);

function mapFacts<T>(pick: (f: OperatingSystemFacts) => T): Record<OperatingSystem, T> {
  return Object.fromEntries(Object.entries(OS_FACTS).map(([os, f]) => [os, pick(f)])) as Record<
    OperatingSystem,
    T
  >;
}
