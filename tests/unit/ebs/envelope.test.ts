import { describe, expect, it } from 'vitest';
import { costCurve, costCurveRange, fitEnvelopes, layoutEnvelope } from '@shared/ebs/envelope';
import { requiredThroughputMiBps } from '@shared/ebs/solver';
import { thrownField } from './helpers';
import { usEast1Prices } from './prices-us-east-1';

describe('EBS fit envelope', () => {
  it('bounds one 100 GiB gp3 volume by 500 IOPS per GiB and 2,000 MiB/s', () => {
    // IOPS: 500 × 100 = 50,000 (below 80,000); throughput: min(2,000, 0.25 × 50,000) = 2,000
    const env = layoutEnvelope('gp3', { volumes: 1, sizeGiB: 100 });
    expect(env.max).toEqual({ iops: 50000, throughputMiBps: 2000 });
    // The 256 KiB diagonal meets the 2,000 MiB/s ceiling at 2,000 × 1,024 / 256 = 8,000 IOPS
    expect(env.points).toContainEqual({ iops: 8000, throughputMiBps: 2000 });
    expect(env.points).toContainEqual({ iops: 50000, throughputMiBps: 2000 });
  });

  it('adds up striped volumes', () => {
    // 16 volumes of 7 GiB: 7 × 500 = 3,500 IOPS and 3,500 × 0.25 = 875 MiB/s each
    // → 16 × 3,500 = 56,000 IOPS, 16 × 875 = 14,000 MiB/s
    const env = layoutEnvelope('gp3', { volumes: 16, sizeGiB: 7 });
    expect(env.max).toEqual({ iops: 56000, throughputMiBps: 14000 });
  });

  it('bounds st1 by 500 operations and its baseline throughput', () => {
    // 1 TiB st1: 500 IOPS, 40 MiB/s sustained; the 1,024 KiB diagonal meets 40 MiB/s at 40 operations
    const env = layoutEnvelope('st1', { volumes: 1, sizeGiB: 1024 });
    expect(env.max).toEqual({ iops: 500, throughputMiBps: 40 });
    expect(env.points).toContainEqual({ iops: 40, throughputMiBps: 40 });
  });

  it('draws each type for the layout proposed for it, not for the capacity asked', () => {
    // 20,480 GiB at 300 MiB/s sustained on sc1 (12 MiB/s per TiB): 300 / 12 = 25 TiB = 25,600 GiB, two
    // volumes of 12,800 GiB (16 TiB at most each): 2 × 150 MiB/s = 300 MiB/s, 2 × 250 = 500 operations.
    const [sc1] = fitEnvelopes(
      ['sc1'],
      20480,
      [{ volumeType: 'sc1', choice: 'cheapest', volumes: 2, sizeGiBPerVolume: 12800 }],
      { maxStripeVolumes: 16 },
    );
    expect(sc1).toMatchObject({ kind: 'proposed', volumes: 2, sizeGiB: 12800 });
    expect(sc1?.max).toEqual({ iops: 500, throughputMiBps: 300 });
  });

  it('draws a type that meets no layout at its widest stripe, or not at all when that cannot hold the capacity', () => {
    // st1: no option → 16 volumes of ceil(20,480 / 16) = 1,280 GiB: 16 × 1.25 TiB × 40 = 800 MiB/s.
    // gp2 with one volume allowed: 20,000 GiB is more than its 16,384 GiB.
    const [st1] = fitEnvelopes(['st1'], 20480, [], { maxStripeVolumes: 16 });
    expect(st1).toMatchObject({ kind: 'widest', volumes: 16, sizeGiB: 1280 });
    expect(st1?.max.throughputMiBps).toBe(800);
    const [gp2] = fitEnvelopes(['gp2'], 20000, [], { maxStripeVolumes: 1 });
    expect(gp2?.points).toEqual([]);
  });

  it('refuses a layout smaller than the type allows', () => {
    expect(thrownField(() => layoutEnvelope('st1', { volumes: 1, sizeGiB: 100 }))).toBe('sizeGiB');
    expect(thrownField(() => layoutEnvelope('gp3', { volumes: 0, sizeGiB: 100 }))).toBe('volumes');
  });
});

describe('EBS cost curve', () => {
  it('prices the cheapest layout per type along an IOPS sweep', () => {
    // 100 GiB, 16 KiB random; x = 1,000, 50,500, 100,000 IOPS
    const curve = costCurve(
      { capacityGiB: 100, iops: 0, throughputMiBps: 0, volumeTypes: ['gp3', 'st1'] },
      usEast1Prices(),
      {
        dimension: 'iops',
        from: 1000,
        to: 100000,
        steps: 3,
      },
    );
    expect(curve.map((p) => p.x)).toEqual([1000, 50500, 100000]);
    // 1,000 IOPS: gp3 100 × 0.08 = $8
    expect(curve[0]?.byType.gp3).toBe('8');
    // 100,000 IOPS (1,562.5 MiB/s): the cheapest gp3 layout is 16 volumes (the widest stripe), each
    // 6,250 IOPS, 97.7 MiB/s (within the free 125), max(ceil(100 / 16) = 7, 6,250 / 500 = 12.5) → 13 GiB:
    // 16 × (13 × 0.08 + 3,250 × 0.005) = 16 × (1.04 + 16.25) = $276.64 (the fewest, 2 volumes: $538.56)
    expect(curve[2]?.byType.gp3).toBe('276.64');
    // st1 cannot do 100,000 small random operations (500 per volume)
    expect(curve[2]?.byType.st1).toBeNull();
  });

  it('rejects a sweep with fewer than two steps', () => {
    const run = () =>
      costCurve({ capacityGiB: 100, iops: 0, throughputMiBps: 0 }, usEast1Prices(), {
        dimension: 'iops',
        from: 1,
        to: 10,
        steps: 1,
      });
    expect(thrownField(run)).toBe('steps');
  });
});

describe('EBS cost curve range', () => {
  it('sweeps from a twentieth to five times the requirement', () => {
    // 12,000 IOPS: 12,000 / 20 = 600 to 12,000 × 5 = 60,000
    expect(costCurveRange('iops', { iops: 12000, throughputMiBps: 400 })).toEqual({
      at: 12000,
      from: 600,
      to: 60000,
    });
  });

  it("reaches at least gp3's free baseline and never starts below 1", () => {
    // 100 IOPS: 100 × 5 = 500 < 3,000 gp3 baseline; 20 MiB/s: 20 / 20 = 1, 20 × 5 = 100 < 125
    expect(costCurveRange('iops', { iops: 100, throughputMiBps: 0 })).toMatchObject({ from: 5, to: 3000 });
    expect(costCurveRange('throughput', { iops: 0, throughputMiBps: 10 })).toMatchObject({
      at: 10,
      from: 1,
      to: 125,
    });
  });

  it('needs the throughput the I/Os move when it is more than asked', () => {
    // 12,000 × 16 KiB / 1,024 = 187.5 MiB/s > 100 asked; the default I/O size is 16 KiB
    expect(requiredThroughputMiBps({ iops: 12000, throughputMiBps: 100 })).toBe(187.5);
    expect(requiredThroughputMiBps({ iops: 12000, throughputMiBps: 100, ioSizeKiB: 4 })).toBe(100);
  });
});
