import { describe, expect, it } from 'vitest';
import type { LayoutChoice, SizingRequirement } from '@shared/ebs/solver';
import { instanceEbsLimits, solveEbsLayout } from '@shared/ebs/solver';
import { toUsdString } from '@shared/money';
import { usEast1Prices, withMissing } from './prices-us-east-1';

const prices = usEast1Prices();

/** A type's cheapest layout, or its fewest-volumes layout when that is a different row. */
function optionFor(req: SizingRequirement, type: string, choice: LayoutChoice = 'cheapest') {
  const rows = solveEbsLayout(req, prices).options.filter((o) => o.volumeType === type);
  const option = rows.find((o) => o.choice === choice) ?? (choice === 'fewest-volumes' ? rows[0] : undefined);
  if (!option) throw new Error(`no ${type} option`);
  return option;
}

// m5.large, EC2 instance-types guide: baseline 3,600 IOPS / 81.25 MB/s, max 18,750 IOPS / 593.75 MB/s.
const m5Large = instanceEbsLimits({
  instanceType: 'm5.large',
  ebsBaselineIops: 3600,
  ebsMaxIops: 18750,
  ebsBaselineThroughputMBps: 81.25,
  ebsMaxThroughputMBps: 593.75,
});

describe('EBS sizing solver', () => {
  it('sizes gp2 up for IOPS and finds gp3 cheaper', () => {
    // 100 GiB, 6,000 IOPS of 16 KiB random (93.75 MiB/s), sustained.
    // gp2: 6,000 / 3 IOPS per GiB = 2,000 GiB × 0.10 = $200, sized by IOPS (striping adds up the same).
    // gp3: 2 × 50 GiB, each within the free 3,000 IOPS and 125 MiB/s: 100 × 0.08 = $8; one volume:
    // 100 × 0.08 + (6,000 − 3,000) × 0.005 = 8 + 15 = $23.
    const result = solveEbsLayout(
      { capacityGiB: 100, iops: 6000, throughputMiBps: 0, volumeTypes: ['gp2', 'gp3'] },
      prices,
    );
    const rows = result.options.map((o) => [o.volumeType, o.choice, o.volumes, toUsdString(o.monthlyUsd)]);
    expect(rows).toEqual([
      ['gp3', 'cheapest', 2, '8'],
      ['gp3', 'fewest-volumes', 1, '23'],
      ['gp2', 'cheapest', 1, '200'],
    ]);
    const gp2 = result.options[2];
    expect(gp2?.sizeGiBPerVolume).toBe(2000);
    expect(gp2?.bindingConstraint).toBe('iops');
  });

  it('ranks the cheapest layout first, not the fewest volumes: 2,048 GiB, 20,000 IOPS, 500 MiB/s', () => {
    // gp3 us-east-1: $0.08 per GiB-month, $0.005 per IOPS-month above 3,000, $0.04 per MiB/s-month above 125.
    // One volume: 2,048 × 0.08 = 163.84 + (20,000 − 3,000) × 0.005 = 85 + (500 − 125) × 0.04 = 15 → $263.84.
    // 8 × 256 GiB: each 2,500 IOPS ≤ 3,000 and 62.5 MiB/s ≤ 125, both free → 8 × 256 × 0.08 = $163.84.
    // (7 volumes: 7 × ceil(2,048 / 7) = 7 × 293 = 2,051 GiB → $164.08; 16 × 128 GiB ties at $163.84 and
    // the tie goes to fewer volumes.)
    const result = solveEbsLayout(
      { capacityGiB: 2048, iops: 20000, ioSizeKiB: 16, throughputMiBps: 500, volumeTypes: ['gp3'] },
      prices,
    );
    const [cheapest, fewest] = result.options;
    expect(result.options).toHaveLength(2);
    expect(cheapest).toMatchObject({ choice: 'cheapest', volumes: 8, sizeGiBPerVolume: 256 });
    expect(cheapest && toUsdString(cheapest.monthlyUsd)).toBe('163.84');
    expect(fewest).toMatchObject({ choice: 'fewest-volumes', volumes: 1, sizeGiBPerVolume: 2048 });
    expect(fewest && toUsdString(fewest.monthlyUsd)).toBe('263.84');
    // What striping costs, in plain words, first; then how the two rows compare.
    expect(cheapest?.notes.slice(0, 2)).toEqual([
      '8 volumes striped (RAID 0): losing any one loses the whole array; 8× the snapshot operations (each backup is 8 snapshots taken together).',
      'The cheapest gp3 layout: $100.00 a month less than 1 × 2,048 GiB gp3, the fewest volumes that meet the need: each gp3 volume includes 3,000 IOPS and 125 MiB/s free.',
    ]);
    expect(fewest?.notes[0]).toBe(
      'The fewest gp3 volumes that meet the need (one volume, no striping): $100.00 a month more than the cheapest gp3 layout, 8 × 256 GiB gp3.',
    );
  });

  it('shows one row for a type whose cheapest layout is also its fewest volumes', () => {
    // 1,000 GiB, 125 MiB/s sequential st1: 3,200 GiB on one volume or the same GiB split: a tie, one row.
    const result = solveEbsLayout(
      {
        capacityGiB: 1000,
        iops: 0,
        throughputMiBps: 125,
        ioSizeKiB: 1024,
        pattern: 'sequential',
        volumeTypes: ['st1'],
      },
      prices,
    );
    expect(result.options.map((o) => [o.choice, o.volumes])).toEqual([['cheapest', 1]]);
  });

  it('charges each small random HDD I/O a full 1 MiB of throughput credit', () => {
    // AWS: on st1/sc1 "an I/O request of 1 MiB or less counts as a 1 MiB I/O credit".
    // 400 random 16 KiB IOPS move only 400 x 16 / 1,024 = 6.25 MiB/s, but spend 400 x 1 MiB = 400 MiB/s
    // of credits: sustained, st1 needs 400 / 40 MiB/s per TiB = 10 TiB = 10,240 GiB -> 10,240 x 0.045 = $460.80.
    const st1 = optionFor(
      {
        capacityGiB: 200,
        iops: 400,
        throughputMiBps: 0,
        ioSizeKiB: 16,
        pattern: 'random',
        volumeTypes: ['st1'],
      },
      'st1',
    );
    expect(st1.sizeGiBPerVolume).toBe(10240);
    expect(toUsdString(st1.monthlyUsd)).toBe('460.8');
    // The same bytes written sequentially merge into ceil(6.25) = 7 operations of 1 MiB: 7 MiB/s of credits
    // needs 7 x 1,024 / 40 = 179.2 GiB, less than the 200 GiB capacity: 200 x 0.045 = $9.
    const seq = optionFor(
      {
        capacityGiB: 200,
        iops: 400,
        throughputMiBps: 0,
        ioSizeKiB: 16,
        pattern: 'sequential',
        volumeTypes: ['st1'],
      },
      'st1',
    );
    expect(seq.sizeGiBPerVolume).toBe(200);
    expect(toUsdString(seq.monthlyUsd)).toBe('9');
  });

  it('sizes st1 up for sustained throughput', () => {
    // 200 MiB/s at 40 MiB/s per TiB = 5 TiB = 5,120 GiB; 5,120 × 0.045 = $230.40
    const st1 = optionFor(
      {
        capacityGiB: 500,
        iops: 0,
        throughputMiBps: 200,
        ioSizeKiB: 1024,
        pattern: 'sequential',
        volumeTypes: ['st1'],
      },
      'st1',
    );
    expect(st1.sizeGiBPerVolume).toBe(5120);
    expect(toUsdString(st1.monthlyUsd)).toBe('230.4');
    expect(st1.bindingConstraint).toBe('throughput');
    expect(st1.burst).toBeNull();
  });

  it('lets st1 shrink on burst credits when the peak is 10% of the day', () => {
    // Peak 200 MiB/s for 0.1 × 24 h = 8,640 s. Size must satisfy:
    //   burst:   200 × 1,024 / 250 = 819.2 → 820 GiB
    //   average: 0.1 × 200 = 20 MiB/s ≤ baseline → 20 × 1,024 / 40 = 512 GiB
    //   bucket:  (200 − 40 s/1,024) × 8,640 ≤ 1,024 s → 1,728,000 ≤ s × (1,024 + 337.5) → s ≥ 1,269.2 → 1,270 GiB
    // 1,270 × 0.045 = $57.15. Burst from a full bucket: 1,270 × 1,024 = 1,300,480 MiB drained at
    // 200 − 40 × 1,270 / 1,024 = 200 − 49.609375 = 150.390625 MiB/s → 8,647.35 s.
    const st1 = optionFor(
      {
        capacityGiB: 500,
        iops: 0,
        throughputMiBps: 200,
        ioSizeKiB: 1024,
        pattern: 'sequential',
        dutyCycle: 0.1,
        volumeTypes: ['st1'],
      },
      'st1',
    );
    expect(st1.sizeGiBPerVolume).toBe(1270);
    expect(toUsdString(st1.monthlyUsd)).toBe('57.15');
    expect(st1.bindingConstraint).toBe('burst');
    expect(st1.burst?.kind).toBe('hdd-throughput');
    expect(st1.burst?.durationSeconds).toBeCloseTo(1300480 / 150.390625, 3);
    expect(st1.notes.join(' ')).toContain('burst');
  });

  it('lets a small gp2 volume carry a short daily peak on credits', () => {
    // 3,000 IOPS for 1% of the day (864 s) on 100 GiB (baseline 300):
    // average 0.01 × 3,000 = 30 ≤ 300; a full bucket lasts 5,400,000 / (3,000 − 300) = 2,000 s ≥ 864 s.
    // Size stays 100 GiB → 100 × 0.10 = $10 (sustained would need 3,000 / 3 = 1,000 GiB = $100).
    const gp2 = optionFor(
      { capacityGiB: 100, iops: 3000, throughputMiBps: 0, dutyCycle: 0.01, volumeTypes: ['gp2'] },
      'gp2',
    );
    expect(gp2.sizeGiBPerVolume).toBe(100);
    expect(toUsdString(gp2.monthlyUsd)).toBe('10');
    expect(gp2.burst).toEqual({ kind: 'gp2-credits', durationSeconds: 2000 });
  });

  it('grows gp2 so one stretch of a longer peak fits in the credit bucket', () => {
    // 3,000 IOPS for 10% of the day (8,640 s): (3,000 − baseline) × 8,640 ≤ 5,400,000
    // → baseline ≥ 3,000 − 625 = 2,375 → 2,375 / 3 = 791.7 → 792 GiB × 0.10 = $79.20
    const gp2 = optionFor(
      { capacityGiB: 100, iops: 3000, throughputMiBps: 0, dutyCycle: 0.1, volumeTypes: ['gp2'] },
      'gp2',
      'fewest-volumes',
    );
    expect(gp2.sizeGiBPerVolume).toBe(792);
    expect(toUsdString(gp2.monthlyUsd)).toBe('79.2');
    expect(gp2.bindingConstraint).toBe('burst');
    // 5,400,000 / (3,000 − 2,376) = 8,653.8 s, just over the 8,640 s peak
    expect(gp2.burst?.durationSeconds).toBeCloseTo(5400000 / 624, 6);
  });

  it('spreads a gp2 peak over volumes that each carry it on their own credits', () => {
    // 5 × 20 GiB, 600 IOPS each for 8,640 s: (600 − 100) × 8,640 = 4,320,000 ≤ 5,400,000, average
    // 60 ≤ the 100 IOPS minimum baseline → 100 GiB × 0.10 = $10 (4 volumes need 4 × 42 GiB for
    // (750 − 3 × 42) × 8,640 ≤ 5,400,000: 168 GiB, $16.80).
    const gp2 = optionFor(
      { capacityGiB: 100, iops: 3000, throughputMiBps: 0, dutyCycle: 0.1, volumeTypes: ['gp2'] },
      'gp2',
    );
    expect([gp2.volumes, gp2.sizeGiBPerVolume, toUsdString(gp2.monthlyUsd)]).toEqual([5, 20, '10']);
  });

  it('stripes gp3 across two volumes beyond 80,000 IOPS, and cheapest across sixteen', () => {
    // 120,000 IOPS of 16 KiB = 1,875 MiB/s; one gp3 tops out at 80,000 → at least 2 volumes.
    // Per volume: 60,000 IOPS, 1,875 / 2 = 937.5 → 938 MiB/s, size max(250, 60,000 / 500 = 120) = 250 GiB.
    // 250 × 0.08 + 57,000 × 0.005 + 813 × 0.04 = 20 + 285 + 32.52 = 337.52; × 2 = $675.04
    const req: SizingRequirement = {
      capacityGiB: 500,
      iops: 120000,
      throughputMiBps: 0,
      volumeTypes: ['gp3'],
    };
    const fewest = optionFor(req, 'gp3', 'fewest-volumes');
    expect([
      fewest.volumes,
      fewest.sizeGiBPerVolume,
      fewest.iopsPerVolume,
      fewest.throughputMiBpsPerVolume,
    ]).toEqual([2, 250, 60000, 938]);
    expect(toUsdString(fewest.monthlyUsd)).toBe('675.04');
    expect(fewest.deliveredIops).toBe(120000);
    // 16 volumes: 7,500 IOPS and 117.2 MiB/s (free) each, ceil(500 / 16) = 32 GiB:
    // 16 × (32 × 0.08 + 4,500 × 0.005) = 16 × (2.56 + 22.5) = $400.96
    const cheapest = optionFor(req, 'gp3');
    expect([cheapest.volumes, cheapest.sizeGiBPerVolume, cheapest.iopsPerVolume]).toEqual([16, 32, 7500]);
    expect(toUsdString(cheapest.monthlyUsd)).toBe('400.96');
  });

  it('stripes gp3 beyond 2,000 MiB/s with IOPS raised to 4 per MiB/s', () => {
    // 3,000 MiB/s → 2 × 1,500 MiB/s; each needs ≥ 1,500 / 0.25 = 6,000 IOPS; 250 GiB each.
    // 250 × 0.08 + 3,000 × 0.005 + 1,375 × 0.04 = 20 + 15 + 55 = 90; × 2 = $180
    const gp3 = optionFor(
      {
        capacityGiB: 500,
        iops: 0,
        throughputMiBps: 3000,
        ioSizeKiB: 256,
        pattern: 'sequential',
        volumeTypes: ['gp3'],
      },
      'gp3',
      'fewest-volumes',
    );
    expect([gp3.volumes, gp3.iopsPerVolume, gp3.throughputMiBpsPerVolume]).toEqual([2, 6000, 1500]);
    expect(toUsdString(gp3.monthlyUsd)).toBe('180');
    expect(gp3.bindingConstraint).toBe('throughput');
    expect(gp3.components.find((c) => c.dimension === 'throughput')?.quantity).toBe(2750); // 1,375 × 2
  });

  it('sums components over striped volumes', () => {
    // From the 120,000 IOPS two-volume layout: storage 2 × 250 = 500 GiB → 40; IOPS 2 × 57,000 = 114,000 → 570
    const gp3 = optionFor(
      { capacityGiB: 500, iops: 120000, throughputMiBps: 0, volumeTypes: ['gp3'] },
      'gp3',
      'fewest-volumes',
    );
    const storage = gp3.components.find((c) => c.dimension === 'storage');
    const iops = gp3.components.find((c) => c.dimension === 'iops');
    expect([storage?.quantity, storage && toUsdString(storage.monthlyUsd)]).toEqual([500, '40']);
    expect([iops?.quantity, iops && toUsdString(iops.monthlyUsd)]).toEqual([114000, '570']);
  });

  it('keeps the cheapest stripe within the widest allowed', () => {
    // 100 GiB, 6,000 IOPS with at most one volume: only 1 × 100 GiB, $23, and no second row.
    const result = solveEbsLayout(
      { capacityGiB: 100, iops: 6000, throughputMiBps: 0, volumeTypes: ['gp3'], maxStripeVolumes: 1 },
      prices,
    );
    expect(result.options.map((o) => [o.choice, o.volumes, toUsdString(o.monthlyUsd)])).toEqual([
      ['cheapest', 1, '23'],
    ]);
  });

  it('merges sequential I/O so st1 meets it on one volume', () => {
    // 1,000 IOPS of 128 KiB sequential: 1,000 × 128 / 1,024 = 125 operations (≤ 500) and 125 MiB/s.
    // 125 MiB/s at 40 per TiB = 3.125 TiB = 3,200 GiB × 0.045 = $144
    const st1 = optionFor(
      {
        capacityGiB: 1000,
        iops: 1000,
        throughputMiBps: 0,
        ioSizeKiB: 128,
        pattern: 'sequential',
        volumeTypes: ['st1'],
      },
      'st1',
    );
    expect([st1.volumes, st1.sizeGiBPerVolume]).toEqual([1, 3200]);
    expect(toUsdString(st1.monthlyUsd)).toBe('144');
  });

  it('rules out st1 for small random I/O beyond 16 striped volumes', () => {
    // 12,000 IOPS of 16 KiB random = 12,000 operations; st1: 500 per volume, 500 × 16 = 8,000
    const result = solveEbsLayout(
      { capacityGiB: 1000, iops: 12000, throughputMiBps: 0, volumeTypes: ['st1'] },
      prices,
    );
    expect(result.options).toEqual([]);
    expect(result.infeasible[0]?.reason).toBe(
      'st1: 12,000 IOPS of 16 KiB random I/O counts as 12,000 operations; st1 delivers at most 500 operations/s per volume, 8,000 across 16 volumes',
    );
  });

  it('converts the instance MB/s limits to MiB/s', () => {
    // 81.25 × 10^6 / 2^20 = 77.486 MiB/s; 593.75 × 10^6 / 2^20 = 566.244 MiB/s
    expect(m5Large.baselineThroughputMiBps).toBeCloseTo(77.486, 3);
    expect(m5Large.maxThroughputMiBps).toBeCloseTo(566.244, 3);
  });

  it('rules out every type when a sustained need exceeds the instance baseline', () => {
    // 10,000 IOPS sustained > m5.large's 3,600 IOPS baseline
    const result = solveEbsLayout(
      { capacityGiB: 100, iops: 10000, throughputMiBps: 0, instance: m5Large },
      prices,
    );
    expect(result.options).toEqual([]);
    expect(result.infeasible).toHaveLength(6);
    for (const entry of result.infeasible) {
      expect(entry.reason).toContain('m5.large delivers at most 3,600 IOPS sustained');
    }
  });

  it("prints an instance's throughput cap in MiB/s with AWS's MB/s figure beside it", () => {
    // 100 MiB/s sustained > m5.large's 81.25 MB/s = 77.49 MiB/s baseline; its maximum 593.75 MB/s = 566.24 MiB/s
    const result = solveEbsLayout(
      { capacityGiB: 100, iops: 0, throughputMiBps: 100, volumeTypes: ['gp3'], instance: m5Large },
      prices,
    );
    expect(result.infeasible[0]?.reason).toBe(
      'm5.large delivers at most 77.5 MiB/s (AWS: 81.25 MB/s) sustained (its EBS baseline), below the 100 MiB/s required; its 566.2 MiB/s (AWS: 593.75 MB/s) maximum is only guaranteed for 30 minutes at least once every 24 hours — give a duty cycle if the peak is short',
    );
  });

  it('rules out every type when the peak exceeds the instance maximum', () => {
    // 20,000 IOPS > m5.large's 18,750 IOPS maximum, even for 5% of the day
    const result = solveEbsLayout(
      { capacityGiB: 100, iops: 20000, throughputMiBps: 0, dutyCycle: 0.05, instance: m5Large },
      prices,
    );
    expect(result.options).toEqual([]);
    expect(result.infeasible[0]?.reason).toContain('m5.large delivers at most 18,750 IOPS');
  });

  it('accepts a short peak on the instance burst and says so', () => {
    // 10,000 IOPS for 10% of the day: ≤ 18,750 max, average 1,000 ≤ 3,600 baseline.
    const gp3 = optionFor(
      {
        capacityGiB: 100,
        iops: 10000,
        throughputMiBps: 0,
        dutyCycle: 0.1,
        instance: m5Large,
        volumeTypes: ['gp3'],
      },
      'gp3',
    );
    expect(gp3.bindingConstraint).toBe('instance-cap');
    expect(gp3.notes.join(' ')).toContain("m5.large's EBS burst");
    // 2.4 h a day is longer than the 30 minutes AWS guarantees once every 24 hours
    expect(gp3.notes.join(' ')).toContain('2.4 h a day');
  });

  it('caps delivered performance at the instance limit', () => {
    // 2,000 GiB of gp2 has a 6,000 IOPS baseline; m5.large sustains 3,600 IOPS
    const gp2 = optionFor(
      { capacityGiB: 2000, iops: 1000, throughputMiBps: 0, instance: m5Large, volumeTypes: ['gp2'] },
      'gp2',
    );
    expect(gp2.deliveredIops).toBe(3600);
    expect(gp2.bindingConstraint).toBe('capacity');
  });

  it('marks a type without a price in the region infeasible', () => {
    const result = solveEbsLayout(
      { capacityGiB: 100, iops: 3000, throughputMiBps: 0, volumeTypes: ['io1', 'gp3'] },
      withMissing('io1', 'storageUsdPerGBMonth'),
    );
    expect(result.infeasible).toEqual([{ volumeType: 'io1', reason: 'no price for io1 in us-east-1' }]);
    expect(result.options.map((o) => o.volumeType)).toEqual(['gp3']);
  });

  it('sorts options from cheapest to dearest', () => {
    const { options } = solveEbsLayout({ capacityGiB: 500, iops: 3000, throughputMiBps: 100 }, prices);
    expect(options.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < options.length; i++) {
      expect(options[i - 1]?.monthlyUsd.lte(options[i]?.monthlyUsd ?? 0)).toBe(true);
    }
  });

  it('leaves previous-generation magnetic out unless asked', () => {
    const req = { capacityGiB: 100, iops: 50, throughputMiBps: 0 };
    const types = (r: ReturnType<typeof solveEbsLayout>) =>
      [...r.options, ...r.infeasible].map((o) => o.volumeType);
    expect(types(solveEbsLayout(req, prices))).not.toContain('standard');
    // Asked: 100 × 0.05 = 5 storage; 50 IOPS × 2,628,000 s (730 h) = 131.4 million I/O × 0.05 = 6.57 → $11.57
    const standard = optionFor({ ...req, volumeTypes: ['standard'] }, 'standard');
    expect(toUsdString(standard.monthlyUsd)).toBe('11.57');
  });
});
