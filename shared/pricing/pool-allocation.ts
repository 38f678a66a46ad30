import type {
  AllocationLine,
  AllocationMemo,
  AllocationResult,
  RiPoolInput,
  SpPoolInput,
} from './allocation';
import { allocate, sharedTimeline } from './allocation';
import type { CommitmentPools } from './commitment-pools';
import type { EstimateWarning } from './estimate-types';
import type { LineState, RiPurchase, SpPurchase } from './estimate-state';
import { scaleFor } from './line-setup';

/**
 * Allocation, the second stage: the pools become the plain-number inputs of the hour-by-hour
 * allocation (only lines some pool can reach take part), which runs over one shared timeline.
 */
export interface PoolAllocation {
  result: AllocationResult;
  /** Hours of the shared timeline the figures in `result` are summed over. */
  timelineHours: number;
  /** Per Savings Plan pool: the factor its dollars were scaled by to make them integers. */
  spScales: number[];
  warnings: EstimateWarning[];
}

/**
 * `memo`: allocations already run for these lines (line-setup.ts's MixSetup); an allocation whose
 * inputs are the same as one there is not run again.
 */
export function allocatePools(
  states: LineState[],
  { riList, spList }: CommitmentPools,
  memo: AllocationMemo = new Map(),
): PoolAllocation {
  const allocationLines: AllocationLine[] = [];
  const pooledStates: LineState[] = [];
  const enlist = (line: number): number => {
    const s = states[line] as LineState;
    if (s.allocationIndex < 0) {
      s.allocationIndex = allocationLines.length;
      allocationLines.push({
        counts: s.profile.counts,
        periodHours: s.profile.periodHours,
        ...(s.reservation ? { unusedCounts: s.reservation.profile.unusedCounts } : {}),
      });
      pooledStates.push(s);
    }
    return s.allocationIndex;
  };
  const riInputs: RiPoolInput[] = riList.map((pool) => ({
    units: pool.units,
    consumers: pool.consumers.map((c) => ({ line: enlist(c.line), factor: c.factor })),
  }));
  const spScales = spList.map((pool) => scaleFor([pool.commitment, ...pool.consumers.map((c) => c.rate)]));
  const spInputs: SpPoolInput[] = spList.map((pool, i) => ({
    commitmentScaled: pool.commitment.times(spScales[i] as number).toNumber(),
    consumers: pool.consumers.map((c) => ({
      line: enlist(c.line),
      rateScaled: c.rate.times(spScales[i] as number).toNumber(),
    })),
  }));
  riList.forEach((pool, i) =>
    pool.purchasers.forEach((p) => (((states[p] as LineState).ri as RiPurchase).pool = i)),
  );
  spList.forEach((pool, i) =>
    pool.purchasers.forEach((p) => (((states[p] as LineState).sp as SpPurchase).pool = i)),
  );

  const warnings: EstimateWarning[] = [];
  const timeline = sharedTimeline(pooledStates.map((s) => s.profile.periodHours));
  if (!timeline.exact) {
    warnings.push({
      code: 'timeline-approximation',
      message: `usage series of different lengths share commitments hour by hour; the shorter ones are repeated over ${timeline.hours} hours, so their covered hours are approximate`,
      lineId: null,
    });
  }
  const key = allocationKey(pooledStates, riInputs, spInputs, timeline.hours);
  let result = memo.get(key);
  if (result === undefined) {
    result = allocate(allocationLines, riInputs, spInputs, timeline.hours);
    memo.set(key, result);
  }
  return { result, timelineHours: timeline.hours, spScales, warnings };
}

/**
 * Everything an allocation's result depends on: which lines take part (by their index in the mix,
 * whose profiles a memo's lines share), the pools' capacities and consumers, and the timeline.
 */
function allocationKey(
  pooled: readonly LineState[],
  ri: readonly RiPoolInput[],
  sp: readonly SpPoolInput[],
  timelineHours: number,
): string {
  const ris = ri.map((p) => `${p.units}:${p.consumers.map((c) => `${c.line}*${c.factor}`).join(',')}`);
  const sps = sp.map(
    (p) => `${p.commitmentScaled}:${p.consumers.map((c) => `${c.line}*${c.rateScaled}`).join(',')}`,
  );
  return `${timelineHours}|${pooled.map((s) => s.index).join(',')}|${ris.join(';')}|${sps.join(';')}`;
}
