import { describe, expect, it } from 'vitest';
import { gp2BurstSeconds, hddBurstSeconds, volumePerformance } from '@shared/ebs/performance';

describe('EBS volume performance', () => {
  it('gives a small gp2 volume 3 IOPS per GiB with a 3,000 IOPS burst', () => {
    // 100 GiB × 3 = 300 IOPS baseline; below 1,000 GiB so it bursts to 3,000; ≤170 GiB → 128 MiB/s
    const perf = volumePerformance('gp2', 100);
    expect(perf.baselineIops).toBe(300);
    expect(perf.burstIops).toBe(3000);
    expect(perf.maxThroughputMiBps).toBe(128);
  });

  it('never lets a gp2 baseline fall below 100 IOPS', () => {
    // 10 GiB × 3 = 30 → raised to the 100 IOPS minimum
    expect(volumePerformance('gp2', 10).baselineIops).toBe(100);
  });

  it('caps gp2 at 16,000 IOPS and stops bursting from 1,000 GiB', () => {
    // 6,000 × 3 = 18,000 → capped at 16,000; 1,000 × 3 = 3,000 = the burst, so no burst
    expect(volumePerformance('gp2', 6000).baselineIops).toBe(16000);
    expect(volumePerformance('gp2', 1000).burstIops).toBeNull();
  });

  it('gives gp2 between 170 and 334 GiB 250 MiB/s only on credits', () => {
    const mid = volumePerformance('gp2', 200);
    expect([mid.baselineThroughputMiBps, mid.burstThroughputMiBps]).toEqual([128, 250]);
    const large = volumePerformance('gp2', 500);
    expect([large.baselineThroughputMiBps, large.burstThroughputMiBps]).toEqual([250, null]);
  });

  it('times a gp2 burst from a full 5.4 million credit bucket', () => {
    // 5,400,000 / (3,000 − 3 × 100) = 5,400,000 / 2,700 = 2,000 s
    expect(gp2BurstSeconds(100, 3000)).toBe(2000);
    // 1,000 GiB: baseline 3,000 covers the burst → no limit
    expect(gp2BurstSeconds(1000, 3000)).toBeNull();
  });

  it('scales st1 throughput per TiB and caps it at 500 MiB/s', () => {
    // 2 TiB: baseline 2 × 40 = 80; burst 2 × 250 = 500 (= the cap)
    const st1 = volumePerformance('st1', 2048);
    expect([st1.baselineThroughputMiBps, st1.burstThroughputMiBps]).toEqual([80, 500]);
    // 16 TiB: baseline 16 × 40 = 640 → capped 500; burst no higher → none
    const big = volumePerformance('st1', 16384);
    expect([big.baselineThroughputMiBps, big.burstThroughputMiBps]).toEqual([500, null]);
  });

  it('scales sc1 at 12 and 80 MiB/s per TiB', () => {
    const sc1 = volumePerformance('sc1', 1024);
    expect([sc1.baselineThroughputMiBps, sc1.burstThroughputMiBps]).toEqual([12, 80]);
  });

  it('times an st1 burst from a bucket of 1 TiB of credits per TiB', () => {
    // 1 TiB: bucket 1,048,576 MiB, drained at 250 − 40 = 210 MiB/s → 4,993.22 s
    expect(hddBurstSeconds('st1', 1024)).toBeCloseTo(1048576 / 210, 6);
  });

  it('gives gp3 3,000 IOPS and 125 MiB/s unless more is provisioned', () => {
    expect(volumePerformance('gp3', 1)).toMatchObject({ baselineIops: 3000, maxThroughputMiBps: 125 });
    expect(volumePerformance('gp3', 100, { iops: 6000, throughputMiBps: 250 })).toMatchObject({
      baselineIops: 6000,
      maxThroughputMiBps: 250,
    });
  });

  it('derives io1 and io2 throughput from provisioned IOPS', () => {
    // io1 ≤ 32,000 IOPS: 256 KiB per IOPS up to 500 → 2,000 × 0.25 = 500
    expect(volumePerformance('io1', 100, { iops: 2000 }).maxThroughputMiBps).toBe(500);
    // io1 above 32,000: 16 KiB per IOPS → 48,000 × 16 / 1,024 = 750
    expect(volumePerformance('io1', 1000, { iops: 48000 }).maxThroughputMiBps).toBe(750);
    // io2 Block Express: 16,000 × 0.25 = 4,000 (its cap)
    expect(volumePerformance('io2', 100, { iops: 16000 }).maxThroughputMiBps).toBe(4000);
  });
});
