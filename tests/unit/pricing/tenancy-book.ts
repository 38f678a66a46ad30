import type { HostPrices, InstancePrices, PriceBook } from '@shared/pricing/price-book';
import { hostKey, priceKey } from '@shared/pricing/price-book';
import type { OperatingSystem, Tenancy } from '@shared/catalog-types';

/**
 * A price book of real AWS figures for dedicated tenancy and Dedicated Hosts, as the importer reads them:
 * - From the real 2025-09-12 offer-file rows in tests/fixtures/price-list/AmazonEC2-offer-sample.csv:
 *   r7i.2xlarge Windows BYOL Dedicated eu-central-1 On-Demand 0.70224/h; c6i.large Windows with SQL
 *   Server Web Dedicated ap-northeast-1 On-Demand 0.2773/h and 3-year standard Partial Upfront
 *   2,750 + 0.10463/h; a Linux instance on a Dedicated Host pays 0 per instance-hour (c6g.4xlarge row).
 * - The Dedicated per-Region fee, $2.00 per hour (the price list's Fee of group EC2-Dedicated Usage,
 *   tests/fixtures/price-list/README.md; AWS's pricing page gives the same $2 for every Region).
 * - An i2 Dedicated Host in us-east-2: On-Demand 7.502/h, holding 8 xlarge, 4 2xlarge, 2 4xlarge or 1
 *   8xlarge (AWS price list version 20161213014831, effective 2017-07-01; same README).
 * - m4 Dedicated Host Reservations, from the AWS CLI reference's describe-host-reservation-offerings
 *   example (1-year No Upfront 1.499/h; 3-year Partial Upfront 12,720 + 0.484/h; 3-year All Upfront
 *   23,913): AWS does not say which Region; they are placed in eu-west-2 here, where a real 2019 m4 host
 *   record gives its capacity (22 large, 11 xlarge, 5 2xlarge, 2 4xlarge, 1 10xlarge).
 */
function prices(
  instanceType: string,
  region: string,
  os: OperatingSystem,
  tenancy: Tenancy,
  onDemandHourlyUsd: string,
  extra: Partial<InstancePrices> = {},
): InstancePrices {
  return {
    instanceType,
    region,
    os,
    tenancy,
    known: true,
    family: instanceType.split('.')[0] as string,
    normalizationFactor: null,
    onDemandHourlyUsd,
    onDemandSourceId: 'aws-offer',
    reserved: [],
    savingsPlans: [],
    spot: null,
    spotAdvisor: null,
    ...extra,
  };
}

const host = (region: string, family: string, extra: Partial<HostPrices>): HostPrices => ({
  region,
  family,
  onDemandHourlyUsd: null,
  onDemandSourceId: null,
  reservations: [],
  instancesPerHost: {},
  vcpu: null,
  physicalCores: null,
  ...extra,
});

export function tenancyBook(options: { fees?: boolean; hosts?: boolean } = {}): PriceBook {
  const list = [
    prices('r7i.2xlarge', 'eu-central-1', 'windows-byol', 'dedicated', '0.70224'),
    prices('c6i.large', 'ap-northeast-1', 'windows-sql-web', 'dedicated', '0.2773', {
      reserved: [
        {
          termYears: 3,
          paymentOption: 'partial-upfront',
          offeringClass: 'standard',
          upfrontUsd: '2750',
          hourlyUsd: '0.10463',
          sourceId: 'aws-offer',
        },
      ],
    }),
    prices('i2.xlarge', 'us-east-2', 'linux', 'host', '0'),
    prices('m4.xlarge', 'eu-west-2', 'linux', 'host', '0'),
  ];
  const hosts: HostPrices[] = [
    host('us-east-2', 'i2', {
      onDemandHourlyUsd: '7.502',
      onDemandSourceId: 'aws-offer-2017',
      instancesPerHost: { xlarge: 8, '2xlarge': 4, '4xlarge': 2, '8xlarge': 1 },
      vcpu: 32,
      physicalCores: 20,
    }),
    host('eu-west-2', 'm4', {
      reservations: [
        {
          termYears: 1,
          paymentOption: 'no-upfront',
          upfrontUsd: '0',
          hourlyUsd: '1.499',
          sourceId: 'aws-cli-doc',
        },
        {
          termYears: 3,
          paymentOption: 'partial-upfront',
          upfrontUsd: '12720',
          hourlyUsd: '0.484',
          sourceId: 'aws-cli-doc',
        },
        {
          termYears: 3,
          paymentOption: 'all-upfront',
          upfrontUsd: '23913',
          hourlyUsd: '0',
          sourceId: 'aws-cli-doc',
        },
      ],
      instancesPerHost: { large: 22, xlarge: 11, '2xlarge': 5, '4xlarge': 2, '10xlarge': 1 },
    }),
  ];
  const fee = { hourlyUsd: '2', sourceId: 'aws-offer' };
  return {
    instances: Object.fromEntries(list.map((p) => [priceKey(p.region, p.os, p.instanceType, p.tenancy), p])),
    ...(options.hosts === false
      ? {}
      : { hosts: Object.fromEntries(hosts.map((h) => [hostKey(h.region, h.family), h])) }),
    ...(options.fees === false ? {} : { dedicatedFees: { 'eu-central-1': fee, 'ap-northeast-1': fee } }),
    ebs: {},
    sourceDates: { 'aws-offer': '2025-09-12', 'aws-offer-2017': '2017-07-01', 'aws-cli-doc': '2026-11-29' },
  };
}
