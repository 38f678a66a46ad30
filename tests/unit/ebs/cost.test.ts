import { describe, expect, it } from 'vitest';
import { MissingPriceError, ebsVolumeMonthlyCost } from '@shared/ebs/cost';
import { toUsdString } from '@shared/money';
import { thrownField } from './helpers';
import { usEast1Prices, withMissing } from './prices-us-east-1';

const prices = usEast1Prices();

describe('EBS volume monthly cost', () => {
  it('charges gp3 IOPS above 3,000 and throughput above 125 MiB/s', () => {
    // 1,024 × 0.08 + (6,000 − 3,000) × 0.005 + (250 − 125) × 0.04 = 81.92 + 15 + 5 = 101.92
    const cost = ebsVolumeMonthlyCost(prices, {
      volumeType: 'gp3',
      sizeGiB: 1024,
      iops: 6000,
      throughputMiBps: 250,
    });
    expect(toUsdString(cost.monthlyUsd)).toBe('101.92');
    expect(cost.components.map((c) => [c.dimension, c.quantity, toUsdString(c.monthlyUsd)])).toEqual([
      ['storage', 1024, '81.92'],
      ['iops', 3000, '15'],
      ['throughput', 125, '5'],
    ]);
  });

  it('charges nothing beyond storage for gp3 at its included baseline', () => {
    // 100 × 0.08 = 8; 3,000 IOPS and 125 MiB/s are included
    const cost = ebsVolumeMonthlyCost(prices, {
      volumeType: 'gp3',
      sizeGiB: 100,
      iops: 3000,
      throughputMiBps: 125,
    });
    expect(toUsdString(cost.monthlyUsd)).toBe('8');
    expect(cost.components).toHaveLength(1);
  });

  it('prices io2 IOPS across all three tiers', () => {
    // storage 100 × 0.125 = 12.5
    // 32,000 × 0.065 + 32,000 × 0.0455 + 16,000 × 0.03185 = 2,080 + 1,456 + 509.6 = 4,045.6
    // total 12.5 + 4,045.6 = 4,058.1
    const cost = ebsVolumeMonthlyCost(prices, { volumeType: 'io2', sizeGiB: 100, iops: 80000 });
    expect(toUsdString(cost.monthlyUsd)).toBe('4058.1');
    expect(cost.components.map((c) => [c.dimension, c.quantity, toUsdString(c.monthlyUsd)])).toEqual([
      ['storage', 100, '12.5'],
      ['iops', 32000, '2080'],
      ['iops-tier2', 32000, '1456'],
      ['iops-tier3', 16000, '509.6'],
    ]);
  });

  it('prices io2 within the first two tiers without needing the third price', () => {
    // 40,000 IOPS: 32,000 × 0.065 + 8,000 × 0.0455 = 2,080 + 364 = 2,444; storage 40 × 0.125 = 5 → 2,449
    const cost = ebsVolumeMonthlyCost(withMissing('io2', 'iopsTier3UsdPerIopsMonth'), {
      volumeType: 'io2',
      sizeGiB: 40,
      iops: 40000,
    });
    expect(toUsdString(cost.monthlyUsd)).toBe('2449');
  });

  it('charges io1 for every provisioned IOPS', () => {
    // 200 × 0.125 + 10,000 × 0.065 = 25 + 650 = 675
    const cost = ebsVolumeMonthlyCost(prices, { volumeType: 'io1', sizeGiB: 200, iops: 10000 });
    expect(toUsdString(cost.monthlyUsd)).toBe('675');
  });

  it('charges gp2, st1 and sc1 for storage only', () => {
    // gp2 500 × 0.10 = 50; st1 2,048 × 0.045 = 92.16; sc1 1,024 × 0.015 = 15.36
    expect(toUsdString(ebsVolumeMonthlyCost(prices, { volumeType: 'gp2', sizeGiB: 500 }).monthlyUsd)).toBe(
      '50',
    );
    expect(toUsdString(ebsVolumeMonthlyCost(prices, { volumeType: 'st1', sizeGiB: 2048 }).monthlyUsd)).toBe(
      '92.16',
    );
    expect(toUsdString(ebsVolumeMonthlyCost(prices, { volumeType: 'sc1', sizeGiB: 1024 }).monthlyUsd)).toBe(
      '15.36',
    );
  });

  it('charges magnetic volumes for storage and I/O requests', () => {
    // 100 × 0.05 + 20 million × 0.05 = 5 + 1 = 6
    const cost = ebsVolumeMonthlyCost(prices, {
      volumeType: 'standard',
      sizeGiB: 100,
      ioRequestsPerMonthMillions: 20,
    });
    expect(toUsdString(cost.monthlyUsd)).toBe('6');
  });

  it('names the missing price and the region', () => {
    const run = (): unknown =>
      ebsVolumeMonthlyCost(withMissing('io2', 'iopsTier3UsdPerIopsMonth'), {
        volumeType: 'io2',
        sizeGiB: 100,
        iops: 80000,
      });
    expect(run).toThrow(MissingPriceError);
    expect(run).toThrow('no IOPS tier 3 price for io2 in us-east-1');
  });
});

describe('EBS volume validation', () => {
  const cost = (v: Parameters<typeof ebsVolumeMonthlyCost>[1]) => () => ebsVolumeMonthlyCost(prices, v);

  it('rejects a size outside the type range', () => {
    // gp3 is 1-65,536 GiB; st1 starts at 125 GiB
    expect(thrownField(cost({ volumeType: 'gp3', sizeGiB: 70000 }))).toBe('sizeGiB');
    expect(thrownField(cost({ volumeType: 'st1', sizeGiB: 100 }))).toBe('sizeGiB');
    expect(thrownField(cost({ volumeType: 'gp2', sizeGiB: -1 }))).toBe('sizeGiB');
  });

  it('rejects IOPS above the type maximum', () => {
    // io2 takes at most 256,000
    expect(thrownField(cost({ volumeType: 'io2', sizeGiB: 1000, iops: 300000 }))).toBe('iops');
  });

  it('rejects IOPS above the IOPS-per-GiB ratio', () => {
    // io1 50/GiB: 100 GiB → 5,000 max; gp3 500/GiB: 10 GiB → 5,000 max
    expect(thrownField(cost({ volumeType: 'io1', sizeGiB: 100, iops: 6000 }))).toBe('iops');
    expect(thrownField(cost({ volumeType: 'gp3', sizeGiB: 10, iops: 6000 }))).toBe('iops');
  });

  it('rejects gp3 throughput above 0.25 MiB/s per IOPS or 2,000 MiB/s', () => {
    // 3,000 IOPS × 0.25 = 750 MiB/s at most
    expect(thrownField(cost({ volumeType: 'gp3', sizeGiB: 100, iops: 3000, throughputMiBps: 1000 }))).toBe(
      'throughputMiBps',
    );
    expect(thrownField(cost({ volumeType: 'gp3', sizeGiB: 100, iops: 10000, throughputMiBps: 2100 }))).toBe(
      'throughputMiBps',
    );
  });

  it('rejects IOPS or throughput for types that do not take them', () => {
    expect(thrownField(cost({ volumeType: 'gp2', sizeGiB: 100, iops: 300 }))).toBe('iops');
    expect(thrownField(cost({ volumeType: 'st1', sizeGiB: 500, throughputMiBps: 200 }))).toBe(
      'throughputMiBps',
    );
    expect(thrownField(cost({ volumeType: 'io1', sizeGiB: 100, throughputMiBps: 200, iops: 1000 }))).toBe(
      'throughputMiBps',
    );
  });

  it('rejects negative and missing numbers', () => {
    expect(thrownField(cost({ volumeType: 'gp3', sizeGiB: 100, iops: -5 }))).toBe('iops');
    expect(thrownField(cost({ volumeType: 'io2', sizeGiB: 100 }))).toBe('iops');
    expect(thrownField(cost({ volumeType: 'standard', sizeGiB: 100, ioRequestsPerMonthMillions: -1 }))).toBe(
      'ioRequestsPerMonthMillions',
    );
  });
});
