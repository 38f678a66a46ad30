import { Decimal } from '../money';
import type { CommitmentPools } from './commitment-pools';
import type { LineState } from './estimate-state';
import type { PoolAllocation } from './pool-allocation';
import type { Ratio } from './ratio';
import { ONE } from './ratio';

/**
 * Distribution, the third stage: what each pool covered goes back to the lines that ran the usage
 * (as instance-hours), and each pool's utilization to the lines that bought it.
 */
export interface PoolUtilization {
  ri: Ratio[];
  sp: Ratio[];
}

export function distributeCoverage(
  states: LineState[],
  { riList, spList }: CommitmentPools,
  { result, timelineHours, spScales }: PoolAllocation,
): PoolUtilization {
  riList.forEach((pool, i) => {
    const r = result.ri[i];
    if (!r) return;
    pool.consumers.forEach((c, k) => {
      const s = states[c.line] as LineState;
      s.riCoveredHours = s.riCoveredHours.plus(new Decimal(r.coveredUnits[k] as number).div(c.factor));
    });
  });
  spList.forEach((pool, i) => {
    const r = result.sp[i];
    if (!r) return;
    const scale = spScales[i] as number;
    pool.consumers.forEach((c, k) => {
      const s = states[c.line] as LineState;
      const coveredUsd = new Decimal(r.coveredScaled[k] as number).div(scale);
      s.spCoveredHours = s.spCoveredHours.plus(coveredUsd.div(c.rate));
    });
  });

  const utilization = (used: number, capacityPerHour: number): Ratio =>
    capacityPerHour === 0
      ? ONE
      : { num: new Decimal(used), den: new Decimal(capacityPerHour).times(timelineHours) };
  return {
    ri: riList.map((pool, i) => utilization(result.ri[i]?.usedUnits ?? 0, pool.units)),
    sp: spList.map((pool, i) =>
      utilization(result.sp[i]?.usedScaled ?? 0, pool.commitment.times(spScales[i] as number).toNumber()),
    ),
  };
}
