import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServices, openCatalog, type Services } from '../../main/services';
import { createCatalogService, type CatalogService } from '../../main/catalog/catalog-service';
import { catalogMigrations } from '../../main/db/migrations/catalog';
import { dispatch } from '../../main/transport/dispatch';
import { parseInput } from '@shared/contract';
import type { InstanceList, PriceOptions } from '@shared/catalog-types';

let services: Services;
let catalog: CatalogService;
let close: () => void;
beforeAll(() => {
  services = createServices({ catalogPath: inject('catalogPath') });
  const db = openCatalog(inject('catalogPath'));
  catalog = createCatalogService(db);
  close = () => db.close();
});
afterAll(() => {
  services.close();
  close();
});

const instances = (raw: object): InstanceList => {
  const p = parseInput('catalog.instances', raw);
  if (!p.ok) throw new Error(p.error.message);
  return catalog.instances(p.value);
};
const priceOptions = (instanceType: string, region: string, os = 'linux') => {
  const p = parseInput('catalog.priceOptions', { instanceType, region, os });
  if (!p.ok) throw new Error(p.error.message);
  return catalog.priceOptions(p.value);
};
const option = (
  p: PriceOptions,
  model: string,
  term: number | null = null,
  payment: string | null = null,
  cls: string | null = null,
) =>
  p.options.find(
    (o) =>
      o.model === model &&
      o.termYears === term &&
      o.paymentOption === payment &&
      (cls === null || o.offeringClass === cls),
  )!;

describe('catalog meta', () => {
  it('counts the regions and instance types of the shipped snapshot', () => {
    const m = catalog.meta();
    // 34 regions in AWS's pricing-page feed + ap-east-2 and ap-southeast-6 from ec2instances.info
    expect(m).toMatchObject({
      regions: 36,
      instanceTypes: 1373,
      asOf: '2026-07-20',
      schemaVersion: catalogMigrations.length,
    });
    // Savings Plans rates are not in the snapshot: zero rows, never invented ones.
    expect(m.priceRows['savings-plan']).toBe(0);
    expect(m.priceRows['on-demand']).toBeGreaterThan(50_000);
    expect(m.sources.map((s) => s.id)).toContain('karpenter-od-2026-07');
  });

  it('has the six regions the planner must cover', () => {
    const codes = catalog.regions().map((r) => r.code);
    for (const r of [
      'us-east-1',
      'us-west-2',
      'eu-west-1',
      'eu-central-1',
      'ap-northeast-1',
      'ap-northeast-2',
    ]) {
      expect(codes).toContain(r);
    }
  });
});

describe('on-demand prices, newest source per figure', () => {
  it('uses Karpenter 2026-07 for us-east-1 m5.large: $0.096/h, 0.096 x 730 = $70.08/month', () => {
    const od = option(priceOptions('m5.large', 'us-east-1'), 'on-demand');
    expect(od).toMatchObject({ hourlyUsd: '0.096', monthlyUsd: '70.08', sourceId: 'karpenter-od-2026-07' });
  });

  it('uses ec2instances.info 2026-05 elsewhere: eu-west-1 $0.107/h, Seoul $0.118/h', () => {
    expect(option(priceOptions('m5.large', 'eu-west-1'), 'on-demand')).toMatchObject({
      hourlyUsd: '0.107',
      monthlyUsd: '78.11', // 0.107 x 730
      sourceId: 'vantage-2026-05',
    });
    expect(option(priceOptions('m5.large', 'ap-northeast-2'), 'on-demand').hourlyUsd).toBe('0.118');
  });

  it('has Windows on-demand: m5.large us-east-1 $0.188/h', () => {
    expect(option(priceOptions('m5.large', 'us-east-1', 'windows'), 'on-demand').hourlyUsd).toBe('0.188');
  });
});

describe('reserved and spot', () => {
  const p = () => priceOptions('m5.large', 'ap-northeast-2');

  it('derives the 1-year standard all-upfront fee: 0.068607 x 8,760 = 600.99732 -> $601 (whole dollars)', () => {
    expect(option(p(), 'reserved', 1, 'all-upfront', 'standard')).toMatchObject({
      upfrontUsd: '601',
      upfrontDerived: true,
      hourlyUsd: '0',
      effectiveHourlyUsd: '0.06860731', // 601 / 8,760 = 0.0686073059…
      monthlyUsd: '50.08', // 601 / 8,760 x 730 = 50.0833…
    });
  });

  it('carries no-upfront RIs as hourly rates: standard 3y $0.051/h, convertible 1y $0.085/h', () => {
    expect(option(p(), 'reserved', 3, 'no-upfront', 'standard')).toMatchObject({
      upfrontUsd: '0',
      hourlyUsd: '0.051',
    });
    expect(option(p(), 'reserved', 1, 'no-upfront', 'convertible').hourlyUsd).toBe('0.085');
    // saving (0.118 - 0.051) / 0.118 = 56.78% -> 56.8
    expect(option(p(), 'reserved', 3, 'no-upfront', 'standard').savingsPct).toBe('56.8');
  });

  it('shows partial upfront and Savings Plans as n/a until an import brings them', () => {
    expect(option(p(), 'reserved', 1, 'partial-upfront', 'standard')).toMatchObject({
      hourlyUsd: null,
      upfrontUsd: null,
    });
    const plans = p().options.filter((o) => o.model === 'savings-plan');
    // 2 plan types x 2 terms x 3 payment options, each listed and none priced.
    expect(plans).toHaveLength(12);
    expect(plans.map((o) => o.hourlyUsd)).toEqual(Array(12).fill(null));
  });

  it('prefers the 2026 spot average over the 2024 one ($0.03375 over $0.0354)', () => {
    expect(option(p(), 'spot')).toMatchObject({ hourlyUsd: '0.03375', sourceId: 'vantage-2026-05' });
    expect(option(p(), 'spot').note).toMatch(/not a guaranteed price/);
  });
});

describe('instance list', () => {
  it('filters to one family and sorts by on-demand price', () => {
    const l = instances({ region: 'us-east-1', families: ['m5'], sortBy: 'onDemandHourlyUsd' });
    expect(l.rows[0]).toMatchObject({
      instanceType: 'm5.large',
      vcpu: 2,
      memoryGiB: 8,
      onDemandHourlyUsd: '0.096',
    });
    expect(l.rows.every((r) => r.family === 'm5')).toBe(true);
    const prices = l.rows.filter((r) => r.onDemandHourlyUsd).map((r) => Number(r.onDemandHourlyUsd));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('reports the best 1-year and 3-year commitment for m5.large in us-east-1', () => {
    const m5 = instances({ region: 'us-east-1', search: 'm5.large' }).rows.find(
      (r) => r.instanceType === 'm5.large',
    )!;
    // candidates 1y: std no-upfront 0.06, conv no-upfront 0.071, std all-upfront 494 / 8,760 = 0.0563926… -> that
    // 3y: 0.041, 0.049, 949 / 26,280 = 0.0361111… -> that (All Upfront fees in whole dollars, effective = fee / hours)
    expect(m5).toMatchObject({
      best1yHourlyUsd: '0.056392694063926940639',
      best3yHourlyUsd: '0.036111111111111111111',
      spotHourlyUsd: '0.04366',
    });
    // instance EBS limits (describe-instance-types): 650/4,750 Mbps, 81.25/593.75 MB/s, 3,600/18,750 IOPS
    expect(m5).toMatchObject({
      ebsBaselineBandwidthMbps: 650,
      ebsMaxBandwidthMbps: 4750,
      ebsBaselineThroughputMBps: 81.25,
      ebsMaxThroughputMBps: 593.75,
      ebsBaselineIops: 3600,
      ebsMaxIops: 18750,
      normalizationFactor: 4,
    });
  });

  it('applies vCPU, memory and architecture filters together', () => {
    const l = instances({ region: 'eu-central-1', minVcpu: 4, maxVcpu: 4, minMemoryGiB: 16, arch: 'arm64' });
    expect(l.total).toBeGreaterThan(0);
    for (const r of l.rows) {
      expect(r.vcpu).toBe(4);
      expect(r.memoryGiB).toBeGreaterThanOrEqual(16);
      expect(r.arch).toBe('arm64');
    }
  });

  it('filters by price range on the on-demand rate', () => {
    const l = instances({
      region: 'us-east-1',
      minHourlyUsd: '0.09',
      maxHourlyUsd: '0.1',
      families: ['m5', 'c5'],
    });
    // m5.large 0.096 is inside; c5.large 0.085 and m5.xlarge 0.192 are outside.
    expect(l.rows.map((r) => r.instanceType)).toContain('m5.large');
    expect(l.rows.map((r) => r.instanceType)).not.toContain('c5.large');
    expect(l.rows.map((r) => r.instanceType)).not.toContain('m5.xlarge');
  });

  it('offers several hundred current-generation types in Seoul', () => {
    expect(instances({ region: 'ap-northeast-2' }).total).toBeGreaterThan(500);
  });

  it('treats search text literally (a % matches nothing)', () => {
    expect(instances({ region: 'us-east-1', search: '%' }).total).toBe(0);
  });
});

describe('EBS', () => {
  it('prices us-east-1 volumes from AWS’s feed; gp3 throughput 40.96 per GiBps-month / 1024 = $0.04 per MiBps-month', () => {
    const e = catalog.ebsPrices({ region: 'us-east-1' });
    const gp3 = e.volumes.find((v) => v.volumeType === 'gp3')!;
    expect(gp3).toMatchObject({
      storageUsdPerGBMonth: '0.08',
      iopsUsdPerIopsMonth: '0.005',
      throughputUsdPerMiBpsMonth: '0.04',
    });
    expect(e.volumes.find((v) => v.volumeType === 'io2')).toMatchObject({
      iopsUsdPerIopsMonth: '0.065',
      iopsTier2UsdPerIopsMonth: '0.0455',
      iopsTier3UsdPerIopsMonth: '0.03185',
    });
    expect(e.snapshots).toMatchObject({ standardUsdPerGBMonth: '0.05', archiveUsdPerGBMonth: '0.0125' });
    expect(e.asOf).toBe('2024-07-18');
  });

  it('prices Seoul gp3 at $0.0912/GB-month', () => {
    const e = catalog.ebsPrices({ region: 'ap-northeast-2' });
    expect(e.volumes.find((v) => v.volumeType === 'gp3')?.storageUsdPerGBMonth).toBe('0.0912');
  });

  it('lists the seven volume types with the 2025 gp3 limits', () => {
    const types = catalog.volumeTypes();
    expect(types.map((t) => t.volumeType)).toEqual(['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard']);
    expect(types[0]).toMatchObject({
      maxSizeGiB: 65536,
      maxIopsPerVolume: 80000,
      maxThroughputMiBpsPerVolume: 2000,
    });
  });

  it('says n/a for a region whose EBS prices are not in the feed', async () => {
    const r = await dispatch(services.handlers, 'ebs.prices', { region: 'mx-central-1' });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(
        (r.value as { volumes: { storageUsdPerGBMonth: string | null }[] }).volumes[0]!.storageUsdPerGBMonth,
      ).toBeNull();
  });
});

describe('errors', () => {
  it('answers an unknown region with not-found naming the field', async () => {
    const r = await dispatch(services.handlers, 'catalog.priceOptions', {
      instanceType: 'm5.large',
      region: 'us-east-9',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', field: 'region' } });
  });

  it('answers an unknown instance type with not-found naming the field', async () => {
    const r = await dispatch(services.handlers, 'catalog.priceOptions', {
      instanceType: 'zz9.huge',
      region: 'us-east-1',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', field: 'instanceType' } });
  });
});
