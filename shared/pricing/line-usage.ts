import { Decimal } from '../money';
import { ZERO, type LineState, type LineUsage } from './estimate-state';
import type { Ratio } from './ratio';
import { of } from './ratio';

/** What a line's usage needs beside the line: the month, and the shared timeline when commitments applied. */
export interface UsageContext {
  hoursPerMonth: number;
  timelineToMonth: Ratio;
  timelineUsageHours: number;
  /** Of those, a reservation's unused instance-hours no commitment covered (allocation.ts). */
  timelineUnusedOnDemandHours: number;
}

/**
 * A line's usage (estimate-state.ts's LineUsage), worked once for each set of inputs it depends on:
 * Compare's strategies that leave a line On-Demand, or cover it alike (every RI variant runs one
 * allocation), share it.
 */
export function lineUsage(s: LineState, ctx: UsageContext): LineUsage {
  const key = usageKey(s, ctx);
  let usage = s.usageWorked.get(key);
  if (usage === undefined) {
    usage = workUsage(s, ctx);
    s.usageWorked.set(key, usage);
  }
  return usage;
}

/**
 * What workUsage reads beyond the line's profile and rates (the same for a line whatever the
 * strategy): how the line is bought, whether its compute can be priced, and what commitments covered.
 */
function usageKey(s: LineState, ctx: UsageContext): string {
  const own = `${s.model}|${s.computeUnknown}|${ctx.hoursPerMonth}`;
  if (!covered(s)) return own;
  const { num, den } = ctx.timelineToMonth;
  return `${own}|${ctx.timelineUsageHours}|${s.riCoveredHours}|${s.spCoveredHours}|${num}/${den}|${ctx.timelineUnusedOnDemandHours}`;
}

/** Whether commitments were applied to the line's usage (over the shared timeline). */
const covered = (s: LineState) => s.model !== 'spot' && s.allocationIndex >= 0;

function workUsage(s: LineState, ctx: UsageContext): LineUsage {
  // Instance-hours are kept over their own period (the profile's, or the shared timeline when
  // commitments were applied) with the ratio that turns them into a month, so that money is multiplied
  // before it is divided: rate × instance-hours × hoursPerMonth / periodHours.
  const ownToMonth: Ratio = { num: new Decimal(ctx.hoursPerMonth), den: new Decimal(s.profile.periodHours) };
  const usageHours = new Decimal(s.periodInstanceHours);
  const monthHours = of(usageHours, ownToMonth);

  let reservedHours = ZERO;
  let savingsPlanHours = ZERO;
  let onDemand = { hours: s.model === 'spot' ? ZERO : usageHours, toMonth: ownToMonth };
  if (covered(s)) {
    reservedHours = of(s.riCoveredHours, ctx.timelineToMonth);
    savingsPlanHours = of(s.spCoveredHours, ctx.timelineToMonth);
    const left = new Decimal(ctx.timelineUsageHours).minus(s.riCoveredHours).minus(s.spCoveredHours);
    onDemand = { hours: Decimal.max(left, ZERO), toMonth: ctx.timelineToMonth };
  }
  const reservation = s.reservation && reservationUsage(s, ctx, ownToMonth);
  // A spot line's reservation is all unused and billed On-Demand (capacity-reservation.ts).
  if (s.model === 'spot' && reservation)
    onDemand = { hours: reservation.periodReservedHours, toMonth: ownToMonth };
  const onDemandHours = of(onDemand.hours, onDemand.toMonth);
  const spotHours = s.model === 'spot' ? monthHours : ZERO;

  const onDemandUsd = s.computeUnknown
    ? null
    : onDemand.hours.isZero()
      ? ZERO
      : s.onDemandRate === null
        ? null
        : of(s.onDemandRate.times(onDemand.hours), onDemand.toMonth);
  const spotUsd =
    s.model !== 'spot' ? ZERO : s.spotRate === null ? null : of(s.spotRate.times(usageHours), ownToMonth);
  return {
    usageHours,
    ownToMonth,
    monthHours,
    reservedHours,
    savingsPlanHours,
    onDemandHours,
    spotHours,
    onDemandUsd,
    spotUsd,
    reservation: reservation && {
      reservedHours: reservation.reservedHours,
      unusedHours: reservation.unusedHours,
      unusedOnDemandHours: reservation.unusedOnDemandHours,
    },
    instanceHours: monthHours.toNumber(),
    coverage: {
      onDemandHours: onDemandHours.toNumber(),
      reservedHours: reservedHours.toNumber(),
      savingsPlanHours: savingsPlanHours.toNumber(),
      spotHours: spotHours.toNumber(),
    },
  };
}

/**
 * A reservation's instance-hours in a month: reserved, unused, and of the unused those left
 * On-Demand (commitments cover the running instances first; a spot line's reservation is all unused
 * and all On-Demand).
 */
function reservationUsage(s: LineState, ctx: UsageContext, ownToMonth: Ratio) {
  const { profile } = s.reservation as NonNullable<LineState['reservation']>;
  const periodReservedHours = new Decimal(profile.reservedHours);
  const periodUnused = s.model === 'spot' ? periodReservedHours : new Decimal(profile.unusedHours);
  const unusedHours = of(periodUnused, ownToMonth);
  return {
    periodReservedHours,
    reservedHours: of(periodReservedHours, ownToMonth),
    unusedHours,
    unusedOnDemandHours: covered(s)
      ? of(new Decimal(ctx.timelineUnusedOnDemandHours), ctx.timelineToMonth)
      : unusedHours,
  };
}
