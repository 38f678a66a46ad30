import { describe, expect, it } from 'vitest';
import type { VolumeType } from '@shared/catalog-types';
import { scenarioSchema, type Volume } from '@shared/scenario/schema';
import { validateScenario } from '../../../renderer/src/screens/workloads/scenario-draft';
import {
  iopsHint,
  iopsRange,
  throughputHint,
  throughputRange,
  volumeLimitProblem,
  withVolumeLimits,
} from '../../../renderer/src/screens/workloads/volume-limits';

const volume = (over: Partial<Volume> & Pick<Volume, 'volumeType'>): Volume => ({
  sizeGiB: 100,
  count: 1,
  ...over,
});

describe('a volume’s allowed IOPS and throughput, from the EBS engine’s limits', () => {
  it('gives gp3 its 3,000 IOPS baseline up to 500 IOPS per GiB, capped at 80,000', () => {
    expect(iopsRange('gp3', 100)).toEqual({ min: 3000, max: 50_000 }); // 100 × 500
    expect(iopsRange('gp3', 1000)).toEqual({ min: 3000, max: 80_000 });
    expect(iopsHint(volume({ volumeType: 'gp3' }))).toBe(
      'Allowed: 3,000–50,000 IOPS at 100 GiB (gp3: at most 500 IOPS per GiB)',
    );
  });

  it('gives gp3 throughput from 125 MiB/s up to 0.25 MiB/s per IOPS, capped at 2,000', () => {
    expect(throughputRange({ volumeType: 'gp3' })).toEqual({ min: 125, max: 750 }); // 3,000 × 0.25
    expect(throughputRange({ volumeType: 'gp3', iops: 6000 })).toEqual({ min: 125, max: 1500 });
    expect(throughputRange({ volumeType: 'gp3', iops: 16_000 })).toEqual({ min: 125, max: 2000 });
    expect(throughputHint(volume({ volumeType: 'gp3' }))).toBe(
      'Allowed: 125–750 MiB/s at 3,000 IOPS (at most 0.25 MiB/s per IOPS)',
    );
    // While the IOPS figure is itself out of range, only the type's bounds.
    expect(throughputHint(volume({ volumeType: 'gp3', iops: 100_000 }))).toBe(
      'Allowed: 125–2,000 MiB/s, at most 0.25 MiB/s per IOPS',
    );
  });

  it('gives io1 and io2 from 100 IOPS up to their per-GiB ratio, and no throughput figure', () => {
    expect(iopsRange('io1', 100)).toEqual({ min: 100, max: 5000 }); // 50 per GiB
    expect(iopsRange('io2', 100)).toEqual({ min: 100, max: 100_000 }); // 1,000 per GiB
    expect(iopsRange('io2', 1000)).toEqual({ min: 100, max: 256_000 });
    expect(throughputRange({ volumeType: 'io2' })).toBeNull();
    expect(iopsRange('st1', 500)).toBeNull();
    expect(iopsHint(volume({ volumeType: 'st1', sizeGiB: 500 }))).toBeNull();
  });

  it('agrees with the engine’s own check at both ends of every range', () => {
    const types: VolumeType[] = ['gp3', 'io1', 'io2'];
    for (const volumeType of types)
      for (const sizeGiB of [10, 100, 1000, 16_384]) {
        const range = iopsRange(volumeType, sizeGiB)!;
        const at = (iops: number) => volumeLimitProblem(volume({ volumeType, sizeGiB, iops }));
        const where = `${volumeType} ${sizeGiB} GiB`;
        expect(at(range.min), where).toBeNull();
        expect(at(range.max), where).toBeNull();
        expect(at(range.min - 1)?.field, where).toBe('iops');
        expect(at(range.max + 1)?.field, where).toBe('iops');
      }
    for (const iops of [3000, 5000, 16_000]) {
      const range = throughputRange({ volumeType: 'gp3', iops })!;
      const at = (throughputMiBps: number) =>
        volumeLimitProblem(volume({ volumeType: 'gp3', sizeGiB: 1000, iops, throughputMiBps }));
      expect(at(range.min)).toBeNull();
      expect(at(range.max)).toBeNull();
      expect(at(range.min - 1)?.field).toBe('throughputMiBps');
      expect(at(range.max + 1)?.field).toBe('throughputMiBps');
    }
  });
});

describe('a scenario draft with a volume out of range', () => {
  const doc = (iops: number | undefined) =>
    scenarioSchema.parse({
      name: 'Limits',
      lines: [
        { id: 'db', instanceType: 'r5.large', region: 'us-east-1', usage: { pattern: 'constant', count: 1 } },
        {
          id: 'web',
          name: 'Web tier',
          instanceType: 'm5.large',
          region: 'us-east-1',
          usage: { pattern: 'constant', count: 1 },
          volumes: [{ volumeType: 'gp3', sizeGiB: 100, ...(iops === undefined ? {} : { iops }) }],
        },
      ],
    });
  const check = (iops: number | undefined) => {
    const d = doc(iops);
    return withVolumeLimits(validateScenario(d), d);
  };

  it('passes the schema (0 and 100,000 are within its bounds) but is invalid at the volume’s field', () => {
    for (const iops of [0, 100_000]) {
      expect(validateScenario(doc(iops)).valid).toBe(true);
      const v = check(iops);
      expect(v.valid).toBe(false);
      expect(Object.keys(v.errors)).toEqual(['lines.1.volumes.0.iops']);
      expect(v.first).toMatch(/^Line 2 \(Web tier\) › Volume 1 › IOPS: /);
    }
    expect(check(0).errors['lines.1.volumes.0.iops']).toContain('3000');
  });

  it('leaves a draft whose volumes are within their limits valid', () => {
    expect(check(undefined)).toEqual({ valid: true, errors: {}, first: null });
    expect(check(16_000).valid).toBe(true);
  });
});
