import { describe, expect, it } from 'vitest';
import { countedIops, throughputMiBps } from '@shared/ebs/io-accounting';

describe('EBS I/O accounting', () => {
  it('counts a 64 KiB random I/O on an SSD volume as one operation', () => {
    // 64 KiB ≤ 256 KiB SSD cap → 1 operation each: 1,000 × 1 = 1,000
    expect(countedIops({ media: 'ssd', ioSizeKiB: 64, iops: 1000, pattern: 'random' })).toBe(1000);
  });

  it('splits a 1,024 KiB I/O on an SSD volume into four operations', () => {
    // ceil(1,024 / 256) = 4 operations each: 1,000 × 4 = 4,000
    expect(countedIops({ media: 'ssd', ioSizeKiB: 1024, iops: 1000, pattern: 'random' })).toBe(4000);
  });

  it('merges sequential 128 KiB I/Os on an HDD volume, eight per operation', () => {
    // 1,024 KiB cap / 128 KiB = 8 I/Os per operation: 1,000 × 128 / 1,024 = 125
    expect(countedIops({ media: 'hdd', ioSizeKiB: 128, iops: 1000, pattern: 'sequential' })).toBe(125);
  });

  it('counts each small random I/O on an HDD volume as a whole operation', () => {
    // 16 KiB random on st1: no merging, 12,000 × 1 = 12,000 (st1 does 500 per volume)
    expect(countedIops({ media: 'hdd', ioSizeKiB: 16, iops: 12000, pattern: 'random' })).toBe(12000);
  });

  it('splits large sequential I/O on SSD into full 256 KiB operations', () => {
    // 100 × 1,024 KiB / 256 KiB = 400
    expect(countedIops({ media: 'ssd', ioSizeKiB: 1024, iops: 100, pattern: 'sequential' })).toBe(400);
  });

  it('turns IOPS and I/O size into MiB/s', () => {
    // 12,000 × 16 KiB / 1,024 = 187.5 MiB/s
    expect(throughputMiBps(12000, 16)).toBe(187.5);
  });
});
