import { describe, expect, it } from 'vitest';
import { ebsVolumeMonthlyCost } from '@shared/ebs/cost';
import { solveEbsLayout } from '@shared/ebs/solver';
import { maxIopsOf } from '@shared/ebs/volume-limits';
import { toUsdString } from '@shared/money';
import { iopsRange, volumeLimitProblem } from '../../../renderer/src/screens/workloads/volume-limits';
import { thrownField } from './helpers';
import { usEast1Prices } from './prices-us-east-1';

// AWS: gp3 volumes have "a consistent baseline performance of 3,000 IOPS … at any volume size"
// (docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html); the 500 IOPS per GiB ratio limits
// only what is provisioned above it.
const prices = usEast1Prices();

describe('a gp3 volume under 6 GiB keeps its free 3,000 IOPS', () => {
  it('prices a 1 GiB gp3 volume with no IOPS given: storage only, 1 × $0.08', () => {
    const cost = ebsVolumeMonthlyCost(prices, { volumeType: 'gp3', sizeGiB: 1 });
    expect(toUsdString(cost.monthlyUsd)).toBe('0.08');
    expect(cost.components.map((c) => c.dimension)).toEqual(['storage']);
    // Naming the baseline is the same volume.
    expect(
      thrownField(() => ebsVolumeMonthlyCost(prices, { volumeType: 'gp3', sizeGiB: 1, iops: 3000 })),
    ).toBe('no error');
  });

  it('still refuses IOPS above the baseline that the size cannot take (500 per GiB)', () => {
    // 1 GiB: 500 × 1 = 500 < 3,000, so nothing above the baseline; 8 GiB: up to 4,000.
    expect(
      thrownField(() => ebsVolumeMonthlyCost(prices, { volumeType: 'gp3', sizeGiB: 1, iops: 3001 })),
    ).toBe('iops');
    expect(maxIopsOf('gp3', 1)).toBe(3000);
    expect(maxIopsOf('gp3', 8)).toBe(4000);
    expect(maxIopsOf('io1', 4)).toBe(200); // io1 has no baseline: 50 per GiB
    expect(maxIopsOf('gp2', 100)).toBeNull();
  });

  it('lets the solver use a 2 GiB gp3 volume at the baseline, not a 6 GiB one', () => {
    const result = solveEbsLayout(
      { capacityGiB: 2, iops: 3000, throughputMiBps: 100, volumeTypes: ['gp3'] },
      prices,
    );
    const [best] = result.options;
    expect(best).toMatchObject({ volumeType: 'gp3', volumes: 1, sizeGiBPerVolume: 2, iopsPerVolume: 3000 });
    expect(best && toUsdString(best.monthlyUsd)).toBe('0.16'); // 2 × 0.08
  });

  it('gives the Workloads form the same range as the engine: 3,000 at 1 GiB', () => {
    expect(iopsRange('gp3', 1)).toEqual({ min: 3000, max: 3000 });
    expect(volumeLimitProblem({ volumeType: 'gp3', sizeGiB: 1, count: 1 })).toBeNull();
    expect(volumeLimitProblem({ volumeType: 'gp3', sizeGiB: 1, count: 1, iops: 3001 })?.field).toBe('iops');
  });
});
