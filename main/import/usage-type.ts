import type { Tenancy } from '@shared/catalog-types';
import { own } from './parse-slice';

/**
 * AWS billing usage types carry a region prefix ("APE2-BoxUsage:r7g.large"); us-east-1 has none.
 * Only needed where a file gives no region code (older Savings Plans JSON, older offer files' host and
 * fee products); codes as AWS bills them.
 */
const PREFIX_REGION: Record<string, string> = {
  USE1: 'us-east-1',
  USE2: 'us-east-2',
  USW1: 'us-west-1',
  USW2: 'us-west-2',
  CAN1: 'ca-central-1',
  SAE1: 'sa-east-1',
  EUW1: 'eu-west-1',
  EUW2: 'eu-west-2',
  EUW3: 'eu-west-3',
  EUC1: 'eu-central-1',
  EUN1: 'eu-north-1',
  EUS1: 'eu-south-1',
  APN1: 'ap-northeast-1',
  APN2: 'ap-northeast-2',
  APN3: 'ap-northeast-3',
  APS1: 'ap-southeast-1',
  APS2: 'ap-southeast-2',
  APS3: 'ap-south-1',
  APE1: 'ap-east-1',
  APE2: 'ap-east-2',
  MES1: 'me-south-1',
  AFS1: 'af-south-1',
};

export interface UsageType {
  region: string | null;
  /**
   * BoxUsage = shared tenancy, DedicatedUsage = a Dedicated Instance; null for the rest (HostUsage,
   * Unused*, reservations), which the catalog does not take from a rate file.
   */
  tenancy: Tenancy | null;
  instanceType: string;
}

const TENANCY_OF_USAGE: Readonly<Record<string, Tenancy>> = {
  BoxUsage: 'shared',
  DedicatedUsage: 'dedicated',
};

export function parseUsageType(usage: string): UsageType | null {
  const m = /^(?:([A-Z]{2,3}\d)-)?([A-Za-z]+):([a-z0-9-]+\.[a-z0-9-]+)$/.exec(usage);
  if (!m) return null;
  return {
    region: regionOfPrefix(m[1]),
    tenancy: own(TENANCY_OF_USAGE, m[2]) ?? null,
    instanceType: m[3]!,
  };
}

/**
 * The region a usage type's prefix names ("SAE1-DedicatedUsage" → sa-east-1; no prefix: us-east-1);
 * null for a prefix this table does not know. For products that carry no region code.
 */
export function regionOfUsageType(usage: string | undefined): string | null {
  const m = /^(?:([A-Z]{2,3}\d)-)?[A-Za-z]+(?::|$)/.exec(usage ?? '');
  return m ? regionOfPrefix(m[1]) : null;
}

/** A usage type's region prefix as a region code: none is us-east-1; null for a prefix not in the table. */
const regionOfPrefix = (prefix: string | undefined): string | null =>
  prefix ? (own(PREFIX_REGION, prefix) ?? null) : 'us-east-1';
