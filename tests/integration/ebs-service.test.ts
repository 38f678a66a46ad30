import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dispatch } from '../../main/transport/dispatch';
import { runCli } from '../../main/cli';
import { createServices, type Services } from '../../main/services';
import type { EbsPrices, InstanceList } from '@shared/catalog-types';
import { formatInstanceThroughput } from '@shared/ebs/solver';
import { COLUMNS } from '../../renderer/src/screens/catalog/columns';
import type { EbsCostResult, EbsFitResult, EbsSizingResult, SnapshotCostResult } from '@shared/ebs/transport';

let services: Services;
beforeAll(() => {
  services = createServices({ catalogPath: inject('catalogPath') });
});
afterAll(() => services.close());

async function call<T>(name: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const r = await dispatch(services.handlers, name, input);
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.field ?? ''} ${r.error.message}`);
  return r.value as T;
}

describe('EBS sizing on the real catalog', () => {
  it('finds gp3 cheapest for 500 GiB, 12,000 IOPS, 250 MiB/s in us-east-1', async () => {
    const r = await call<EbsSizingResult>('ebs.size', {
      region: 'us-east-1',
      capacityGiB: 500,
      iops: 12000,
      throughputMiBps: 250,
    });
    // gp3, 4 x 125 GiB: each 3,000 IOPS and 62.5 MiB/s, within the free baseline: 500 x 0.08 = $40.
    // One volume: 500 x 0.08 + (12,000 - 3,000) x 0.005 + (250 - 125) x 0.04 = 40 + 45 + 5 = $90.
    expect(r.options.slice(0, 2)).toMatchObject([
      { volumeType: 'gp3', choice: 'cheapest', volumes: 4, sizeGiBPerVolume: 125, monthlyUsd: '40' },
      { volumeType: 'gp3', choice: 'fewest-volumes', volumes: 1, sizeGiBPerVolume: 500, monthlyUsd: '90' },
    ]);
    // gp2 needs 12,000 / 3 = 4,000 GiB x 0.10 = $400; io1 500 x 0.125 + 12,000 x 0.065 = 62.5 + 780 = $842.50
    expect(r.options.find((o) => o.volumeType === 'gp2')).toMatchObject({
      sizeGiBPerVolume: 4000,
      monthlyUsd: '400',
      bindingConstraint: 'iops',
    });
    expect(r.options.find((o) => o.volumeType === 'io1')?.monthlyUsd).toBe('842.5');
    const costs = r.options.map((o) => Number(o.monthlyUsd));
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(r.infeasible.map((i) => i.volumeType).sort()).toEqual(['sc1', 'st1']);
    expect(r.pricesAsOf).toBe('2024-07-18');
  });

  it('ranks 8 x 256 GiB gp3 above 1 x 2,048 GiB: 2,048 GiB, 20,000 IOPS of 16 KiB, 500 MiB/s', async () => {
    const prices = await call<EbsPrices>('ebs.prices', { region: 'us-east-1' });
    // The catalog's gp3 prices in us-east-1, which the figures below are worked with.
    expect(prices.volumes.find((v) => v.volumeType === 'gp3')).toMatchObject({
      storageUsdPerGBMonth: '0.08',
      iopsUsdPerIopsMonth: '0.005',
      throughputUsdPerMiBpsMonth: '0.04',
    });
    const r = await call<EbsSizingResult>('ebs.size', {
      region: 'us-east-1',
      capacityGiB: 2048,
      iops: 20000,
      ioSizeKiB: 16,
      throughputMiBps: 500,
    });
    // 8 x 256 GiB: 2,500 IOPS <= 3,000 and 62.5 MiB/s <= 125 each, free: 8 x 256 x 0.08 = $163.84.
    // 1 x 2,048 GiB: 2,048 x 0.08 = 163.84 + 17,000 x 0.005 = 85 + 375 x 0.04 = 15 -> $263.84.
    // gp2 next: 2 x 3,334 GiB (10,000 IOPS / 3 per GiB) x 0.10 = $666.80.
    expect(
      r.options.map((o) => [o.volumeType, o.choice, o.volumes, o.sizeGiBPerVolume, o.monthlyUsd]),
    ).toEqual([
      ['gp3', 'cheapest', 8, 256, '163.84'],
      ['gp3', 'fewest-volumes', 1, 2048, '263.84'],
      ['gp2', 'cheapest', 2, 3334, '666.8'],
      ['io1', 'cheapest', 1, 2048, '1556'],
      ['io2', 'cheapest', 1, 2048, '1556'],
    ]);
    expect(r.options[0]?.notes[0]).toContain('losing any one loses the whole array');
  });

  it("shows r6i.2xlarge's EBS throughput in one unit: MiB/s with AWS's MB/s beside it, MB/s in the catalog", async () => {
    const list = await call<InstanceList>('catalog.instances', {
      region: 'us-east-1',
      search: 'r6i.2xlarge',
      generation: 'all',
    });
    const row = list.rows.find((r) => r.instanceType === 'r6i.2xlarge')!;
    // AWS (describe-instance-types): 312.5 MB/s baseline, 1,250 MB/s maximum.
    expect([row.ebsBaselineThroughputMBps, row.ebsMaxThroughputMBps]).toEqual([312.5, 1250]);
    const cell = (id: string) => COLUMNS.find((c) => c.id === id)!;
    expect([cell('ebsBaselineThroughput').header, cell('ebsBaselineThroughput').cell(row, 'hour')]).toEqual([
      'EBS base MB/s',
      '312.5 MB/s',
    ]);
    expect([cell('ebsMaxThroughput').header, cell('ebsMaxThroughput').cell(row, 'hour')]).toEqual([
      'EBS max MB/s',
      '1,250 MB/s',
    ]);
    // EBS Sizing: 1,250 × 10^6 / 2^20 = 1,192.09 MiB/s; 312.5 × 10^6 / 2^20 = 298.02 MiB/s.
    const r = await call<EbsSizingResult>('ebs.size', {
      region: 'us-east-1',
      capacityGiB: 500,
      iops: 3000,
      throughputMiBps: 125,
      instanceType: 'r6i.2xlarge',
    });
    const limits = r.instance!;
    expect(formatInstanceThroughput(limits.maxThroughputMiBps!, limits.maxThroughputMBps)).toBe(
      '1,192.1 MiB/s (AWS: 1,250 MB/s)',
    );
    expect(formatInstanceThroughput(limits.baselineThroughputMiBps!, limits.baselineThroughputMBps)).toBe(
      '298 MiB/s (AWS: 312.5 MB/s)',
    );
  });

  it('uses Seoul prices in Seoul: gp3 1,024 GiB at 6,000 IOPS and 250 MiB/s', async () => {
    const c = await call<EbsCostResult>('ebs.cost', {
      region: 'ap-northeast-2',
      volumeType: 'gp3',
      sizeGiB: 1024,
      iops: 6000,
      throughputMiBps: 250,
    });
    // 1,024 x 0.0912 + 3,000 x 0.0057 + 125 x (46.6944 / 1024 = 0.0456) = 93.3888 + 17.1 + 5.7 = $116.1888
    expect(c.monthlyUsd).toBe('116.1888');
  });

  it('says a sustained need beyond the instance is infeasible, naming the instance', async () => {
    const r = await call<EbsSizingResult>('ebs.size', {
      region: 'us-east-1',
      capacityGiB: 200,
      iops: 10000,
      throughputMiBps: 100,
      instanceType: 'm5.large',
    });
    // m5.large's EBS baseline is 3,600 IOPS (describe-instance-types); 10,000 sustained cannot be delivered.
    expect(r.options).toEqual([]);
    expect(r.infeasible[0]?.reason).toContain('m5.large');
    expect(r.instance).toMatchObject({ instanceType: 'm5.large', baselineIops: 3600, maxIops: 18750 });
  });

  it('returns the fit chart data: an envelope per type and a cost curve', async () => {
    const f = await call<EbsFitResult>('ebs.fit', {
      region: 'us-east-1',
      capacityGiB: 2000,
      iops: 12000,
      throughputMiBps: 400,
    });
    expect(f.envelopes.map((e) => e.volumeType)).toEqual(['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1']);
    expect(f.curve.points).toHaveLength(60);
    expect(f.requirement).toEqual({ iops: 12000, throughputMiBps: 400 });
  });

  it('prices standard-tier snapshots incrementally: 100 GiB, 10%/day, 7 daily kept', async () => {
    const s = await call<SnapshotCostResult>('ebs.snapshotCost', {
      region: 'us-east-1',
      volumeSizeGiB: 100,
      dailyChangePct: 10,
      frequency: 'daily',
      retentionCount: 7,
    });
    // first full 100 GiB + 6 incrementals of 10 GiB = 160 GiB x $0.05 = $8.00
    expect(s).toMatchObject({ storedGiB: 160, monthlyUsd: '8' });
  });

  it('answers a region the catalog lacks with not-found naming the field', async () => {
    const r = await dispatch(services.handlers, 'ebs.size', {
      region: 'eu-west-9',
      capacityGiB: 1,
      iops: 1,
      throughputMiBps: 1,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', field: 'region' } });
  });
});

describe('EBS CLI', () => {
  const cli = (...args: string[]) => runCli(args, { catalogPath: inject('catalogPath') });

  it('ebs size prints options sorted by monthly cost as JSON', async () => {
    const r = await cli(
      'ebs',
      'size',
      '--region',
      'us-east-1',
      '--capacity-gib',
      '500',
      '--iops',
      '12000',
      '--throughput-mibps',
      '250',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      options: { volumeType: string; monthlyUsd: string; bindingConstraint: string }[];
      infeasible: unknown[];
    };
    expect(out.options[0]).toMatchObject({
      volumeType: 'gp3',
      monthlyUsd: '40',
      bindingConstraint: 'capacity',
    });
    expect(out.options[1]).toMatchObject({ volumeType: 'gp3', monthlyUsd: '90', bindingConstraint: 'iops' });
    expect(Object.keys(out.options[0]!)).toEqual(
      expect.arrayContaining([
        'volumes',
        'sizeGiBPerVolume',
        'iopsPerVolume',
        'throughputMiBpsPerVolume',
        'deliveredIops',
        'deliveredThroughputMiBps',
      ]),
    );
  });

  it('ebs cost prints components: gp3 1,024 GiB, 6,000 IOPS, 250 MiB/s = $101.92', async () => {
    const r = await cli(
      'ebs',
      'cost',
      '--region',
      'us-east-1',
      '--type',
      'gp3',
      '--size-gib',
      '1024',
      '--iops',
      '6000',
      '--throughput-mibps',
      '250',
      '--format',
      'json',
    );
    // 1,024 x 0.08 + 3,000 x 0.005 + 125 x 0.04 = 81.92 + 15 + 5
    expect(JSON.parse(r.stdout)).toMatchObject({
      monthlyUsd: '101.92',
      components: [
        { dimension: 'storage', quantity: 1024, unitUsd: '0.08', monthlyUsd: '81.92' },
        { dimension: 'iops', quantity: 3000, unitUsd: '0.005', monthlyUsd: '15' },
        { dimension: 'throughput', quantity: 125, unitUsd: '0.04', monthlyUsd: '5' },
      ],
    });
  });

  it('exits 2 naming the flag for a negative size, and lists infeasible rows for an impossible need', async () => {
    const neg = await cli(
      'ebs',
      'size',
      '--region',
      'us-east-1',
      '--capacity-gib=-5',
      '--iops',
      '1',
      '--throughput-mibps',
      '1',
    );
    expect(neg.code).toBe(2);
    expect(neg.stderr).toContain('--capacity-gib');
    const huge = await cli(
      'ebs',
      'size',
      '--region',
      'us-east-1',
      '--capacity-gib',
      '100',
      '--iops',
      '10000000',
      '--throughput-mibps',
      '1',
      '--format',
      'json',
    );
    expect(huge.code).toBe(0);
    const out = JSON.parse(huge.stdout) as { options: unknown[]; infeasible: unknown[] };
    expect(out.options).toEqual([]);
    expect(out.infeasible).toHaveLength(6);
    const badType = await cli('ebs', 'cost', '--region', 'us-east-1', '--type', 'gp9', '--size-gib', '10');
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('--type');
  });
});
