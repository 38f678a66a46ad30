import type { EbsPrices } from '@shared/catalog-types';
import type { InstancePrices, PriceBook } from '@shared/pricing/price-book';
import { priceKey } from '@shared/pricing/price-book';
import type { ScenarioInput } from '@shared/scenario/schema';
import { scenarioSchema } from '@shared/scenario/schema';

/**
 * A price book written by hand for the pricing tests. On-demand and RI figures are us-east-1 Linux
 * list prices (m5.large 0.096/h, m5.xlarge 0.192/h, RI standard 1y no-upfront 0.06/h, all-upfront 494).
 * Figures marked MADE UP are invented for the tests, so that the arithmetic is easy to follow.
 */
function instance(
  instanceType: string,
  family: string,
  normalizationFactor: number,
  onDemandHourlyUsd: string,
  extra: Partial<InstancePrices> = {},
): InstancePrices {
  return {
    instanceType,
    region: 'us-east-1',
    os: 'linux',
    tenancy: 'shared',
    known: true,
    family,
    normalizationFactor,
    onDemandHourlyUsd,
    onDemandSourceId: 'test',
    reserved: [],
    savingsPlans: [],
    spot: null,
    spotAdvisor: null,
    ...extra,
  };
}

const ri = (
  termYears: 1 | 3,
  paymentOption: 'no-upfront' | 'partial-upfront' | 'all-upfront',
  upfrontUsd: string,
  hourlyUsd: string,
) => ({
  termYears,
  paymentOption,
  offeringClass: 'standard' as const,
  upfrontUsd,
  hourlyUsd,
  sourceId: 'test',
});
const sp = (planType: 'compute' | 'ec2-instance', hourlyUsd: string) => ({
  planType,
  termYears: 1 as const,
  paymentOption: 'no-upfront' as const,
  hourlyUsd,
  sourceId: 'test',
});

export const usEast1Ebs: EbsPrices = {
  region: 'us-east-1',
  sourceId: 'test',
  asOf: '2025-09-12',
  volumes: [
    {
      volumeType: 'gp3',
      storageUsdPerGBMonth: '0.08',
      iopsUsdPerIopsMonth: '0.005',
      iopsTier2UsdPerIopsMonth: null,
      iopsTier3UsdPerIopsMonth: null,
      throughputUsdPerMiBpsMonth: '0.04',
      ioRequestsUsdPerMillion: null,
    },
  ],
  snapshots: {
    standardUsdPerGBMonth: '0.05',
    archiveUsdPerGBMonth: '0.0125',
    archiveRetrievalUsdPerGB: '0.03',
    fastSnapshotRestoreUsdPerDsuHour: null,
  },
};

export function testBook(): PriceBook {
  const list: InstancePrices[] = [
    instance('m5.large', 'm5', 4, '0.096', {
      reserved: [
        ri(1, 'no-upfront', '0', '0.06'),
        ri(1, 'all-upfront', '494', '0'),
        ri(3, 'all-upfront', '1300', '0'), // MADE UP
      ],
      savingsPlans: [
        sp('compute', '0.066'), // MADE UP
        sp('ec2-instance', '0.058'), // MADE UP
        { ...sp('compute', '0.062'), paymentOption: 'partial-upfront' }, // MADE UP
      ],
      spot: { hourlyUsd: '0.0366', sourceId: 'test', asOf: '2025-09-12' }, // MADE UP
      // MADE UP (the real us-east-1 Linux entry is 15-20%, see spot-advisor.test.ts)
      spotAdvisor: {
        label: '5-10%',
        rangeIndex: 1,
        upperBoundPct: 10,
        savingsPct: 62,
        asOf: '2025-06-28',
        sourceId: 'test',
      },
    }),
    instance('m5.xlarge', 'm5', 8, '0.192', {
      reserved: [ri(1, 'no-upfront', '0', '0.12')],
      savingsPlans: [sp('compute', '0.132'), sp('ec2-instance', '0.116')], // MADE UP
    }),
    instance('c5.large', 'c5', 4, '0.085', {
      savingsPlans: [sp('compute', '0.0595'), sp('ec2-instance', '0.054')], // MADE UP
      spot: { hourlyUsd: '0.03', sourceId: 'test', asOf: '2025-09-10' }, // MADE UP
    }),
  ];
  return {
    instances: Object.fromEntries(list.map((p) => [priceKey(p.region, p.os, p.instanceType), p])),
    ebs: { 'us-east-1': usEast1Ebs },
    sourceDates: { test: '2025-09-12' },
  };
}

type LineInput = ScenarioInput['lines'][number];

/** A parsed scenario (schema defaults applied) from its lines. */
export function scenario(lines: LineInput[], extra: Partial<ScenarioInput> = {}) {
  return scenarioSchema.parse({ name: 'test', lines, ...extra });
}

/** A line of m5.large in us-east-1 (Linux) unless overridden. */
export function line(id: string, fields: Partial<LineInput> & Pick<LineInput, 'usage'>): LineInput {
  return { id, instanceType: 'm5.large', region: 'us-east-1', ...fields };
}
