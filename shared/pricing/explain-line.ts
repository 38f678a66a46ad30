import { OS_NAMES } from '../catalog-scopes';
import { explainFastSnapshotRestore, explainSnapshotStorage, explainVolumeComponents } from '../ebs/explain';
import { explanation, num, rateText, sumExplanation, usdText, type Explanation } from '../explanation';
import { Decimal } from '../money';
import { lineName } from '../reports/describe';
import { TERM_HOURS } from '../units';
import type { LineState } from './estimate-state';
import type { LineExplanation } from './explanation-types';
import { UPFRONT_SHARE, ZERO } from './estimate-state';
import { explainTenancy } from './explain-tenancy';
import { priceRow as row } from './explain-rows';
import type { PriceLineContext, PricedLine } from './price-line';
import { billedSecondsPerRun, billingRuleText } from './billing-granularity';
import { jobsInstanceHoursPerDay } from './usage-profile';
import { OFFERING_CLASS_LABELS, PAYMENT_LABELS, PLAN_TYPE_LABELS } from './purchase-options';
import type { Ratio } from './ratio';
import { of, ONE, ratio, ratioValue } from './ratio';

/*
 * One line's figures as arithmetic (estimate table: compute, storage, snapshots, upfront, monthly,
 * amortized), from the same line state and rates the engine priced it with (price-line.ts), each
 * node's value the engine's own figure.
 */

export interface LineExplainContext extends PriceLineContext {
  /** Allocation nodes (RI and Savings Plan pools) that cover or were bought by this line. */
  allocation: Explanation[];
}

/**
 * "4 × 0.096 USD/h × 730 h" when the hours are a whole number of instances every hour of the period,
 * else "0.17 USD/h × 100 instance-hours × 730 h ÷ 168 h" (what the engine multiplies, then divides).
 */
export function hoursFormula(rate: Decimal, hours: Decimal, toMonth: Ratio): string {
  const perHour = hours.div(toMonth.den);
  if (perHour.isInteger()) return `${num(perHour)} × ${rateText(rate)} USD/h × ${num(toMonth.num)} h`;
  return `${rateText(rate)} USD/h × ${num(hours)} instance-hours × ${num(toMonth.num)} h ÷ ${num(toMonth.den)} h`;
}

export function explainLine(s: LineState, priced: PricedLine, ctx: LineExplainContext): LineExplanation {
  const e = priced.estimate;
  const { line } = s;
  const { book } = ctx;
  const H = new Decimal(ctx.hoursPerMonth);
  const what = `${line.instanceType} ${line.region} ${OS_NAMES[line.os]}`;
  const ownToMonth: Ratio = { num: H, den: new Decimal(s.profile.periodHours) };
  const usageHours = new Decimal(s.periodInstanceHours);

  // On-Demand: the usage left after commitments, over the period it was counted in (a spot line's
  // capacity reservation is all On-Demand: capacity-reservation.ts).
  const spotReserved = s.reservation ? new Decimal(s.reservation.profile.reservedHours) : ZERO;
  let onDemand = { hours: s.model === 'spot' ? spotReserved : usageHours, toMonth: ownToMonth };
  if (s.model !== 'spot' && s.allocationIndex >= 0) {
    const left = new Decimal(ctx.timelineUsageHours).minus(s.riCoveredHours).minus(s.spCoveredHours);
    onDemand = { hours: Decimal.max(left, ZERO), toMonth: ctx.timelineToMonth };
  }
  const onDemandRows =
    s.onDemandRate === null
      ? []
      : [row(book, `${what} On-Demand`, s.onDemandRate, 'USD/h', s.prices?.onDemandSourceId ?? null)];
  const parts: Explanation[] = [];
  if (s.model !== 'spot') {
    parts.push(
      explanation(
        'On-Demand',
        e.compute.onDemandUsd === null
          ? 'n/a — no On-Demand price in the catalog'
          : onDemand.hours.isZero()
            ? '0 instance-hours left to On-Demand'
            : hoursFormula(s.onDemandRate as Decimal, onDemand.hours, onDemand.toMonth),
        e.compute.onDemandUsd,
        {
          rows: onDemandRows,
          note: joinNotes(jobsNote(s), reservationNote(e), coverageNote(e)),
          children: ctx.allocation,
        },
      ),
    );
  } else {
    if (e.capacityReservation) {
      parts.push(
        explanation(
          'On-Demand: unused capacity reservation',
          e.compute.onDemandUsd === null
            ? 'n/a — no On-Demand price in the catalog'
            : hoursFormula(s.onDemandRate as Decimal, onDemand.hours, onDemand.toMonth),
          e.compute.onDemandUsd,
          { rows: onDemandRows, note: reservationNote(e) },
        ),
      );
    }
    const spot = s.prices?.spot ?? null;
    parts.push(
      explanation(
        'Spot',
        s.spotRate === null
          ? 'n/a — no spot price in the catalog'
          : hoursFormula(s.spotRate, usageHours, ownToMonth),
        e.compute.spotUsd,
        {
          rows: spot
            ? [row(book, `${what} Spot (observed average)`, spot.hourlyUsd, 'USD/h', spot.sourceId)]
            : [],
          note: joinNotes(jobsNote(s), 'Spot usage is never covered by Reserved Instances or Savings Plans.'),
        },
      ),
    );
    if (e.spotInterruption?.kind) {
      const band = s.prices?.spotAdvisor ?? null;
      parts.push(
        explanation(
          'Expected interruption cost',
          e.spotInterruption.working ?? 'n/a',
          e.compute.interruptionUsd,
          {
            note: e.spotInterruption.label,
            rows: band
              ? [
                  row(
                    book,
                    `${what} Spot Advisor band ${band.label}`,
                    band.upperBoundPct,
                    '% interrupted a month (upper bound)',
                    band.sourceId,
                  ),
                ]
              : [],
          },
        ),
      );
    }
  }
  const commitment = explainCommitment(s, e.commitment?.count ?? null, ctx, what);
  if (commitment) parts.push(commitment.recurring);
  const tenancy = explainTenancy(e, book);
  parts.push(...tenancy.recurring);
  const compute = sumExplanation(`Compute per month — ${lineName(e)}`, parts);

  const prices = book.ebs[line.region];
  const billed = billedVolumes(s);
  const volumes = line.volumes.map((v, i) => ({ v, ve: e.volumes[i] }));
  const storage = sumExplanation(
    `EBS storage per month — ${lineName(e)}`,
    volumes.map(({ v, ve }, i) =>
      explainVolumeComponents(
        `Volume ${i + 1}: ${v.count} × ${v.volumeType} ${num(v.sizeGiB)} GiB per instance`,
        ve ? ve.components : [],
        ve?.monthlyUsd ?? null,
        billed(v.count),
        prices,
        v.volumeType,
      ),
    ),
  );
  const snapshots = sumExplanation(
    `EBS snapshots per month — ${lineName(e)}`,
    volumes.flatMap(({ v, ve }, i) =>
      v.snapshot
        ? [
            sumExplanation(`Volume ${i + 1} snapshots`, [
              explainSnapshotStorage(v, billed(v.count), prices),
              ...(v.snapshot.fastSnapshotRestore
                ? [
                    explainFastSnapshotRestore(
                      v.snapshot.fastSnapshotRestore,
                      ctx.hoursPerMonth,
                      billed(v.count),
                      prices,
                      ve?.fastSnapshotRestoreMonthlyUsd ?? null,
                    ),
                  ]
                : []),
            ]),
          ]
        : [],
    ),
  );
  const upfront =
    commitment?.upfront ??
    tenancy.upfront ??
    explanation(`Upfront — ${lineName(e)}`, 'nothing is paid upfront', '0');
  const monthly = sumExplanation(`Monthly — ${lineName(e)}`, [compute, storage, snapshots]);
  const amortizedCompute = sumExplanation('Compute, upfronts spread over their term', [
    ...parts.filter((p) => p !== commitment?.recurring && !tenancy.recurring.includes(p)),
    ...(commitment ? [commitment.amortized] : []),
    ...tenancy.amortized,
  ]);
  const amortizedMonthly = sumExplanation(`Amortized monthly — ${lineName(e)}`, [
    amortizedCompute,
    storage,
    snapshots,
  ]);
  return { lineId: line.id, compute, storage, snapshots, upfront, monthly, amortizedMonthly };
}

/** A jobs line's instance-hours: runs × billed seconds, as AWS meters the line's operating system. */
function jobsNote(s: LineState): string | null {
  const u = s.line.usage;
  if (u.pattern !== 'jobs') return null;
  const billed = billedSecondsPerRun(s.line.os, u.durationSeconds);
  const days = new Set(u.days).size;
  return (
    `${num(u.runsPerDay)} runs a day × ${num(billed)} billed seconds (runs of ${num(u.durationSeconds)} s; ` +
    `${OS_NAMES[s.line.os]} is ${billingRuleText(s.line.os)}) = ${num(u.runsPerDay * billed)} s = ` +
    `${num(jobsInstanceHoursPerDay(u, s.line.os))} instance-hours a day, on ${days} ${days === 1 ? 'day' : 'days'} a week.`
  );
}

/** "Reserved Instances 2,920, Savings Plans 0, On-Demand 0 of 2,920 instance-hours a month." */
function coverageNote(e: PricedLine['estimate']): string | null {
  const c = e.coverage;
  if (c.reservedHours === 0 && c.savingsPlanHours === 0) return null;
  return `Of this line's ${num(e.instanceHours)} instance-hours a month: Reserved Instances covered ${num(c.reservedHours)}, Savings Plans ${num(c.savingsPlanHours)}, On-Demand ran ${num(c.onDemandHours)}.`;
}

const joinNotes = (...notes: (string | null)[]): string | null =>
  notes.filter((n) => n !== null).join(' ') || null;

/** What the line's capacity reservation holds and what its unused part costs (capacity-reservation.ts). */
function reservationNote(e: PricedLine['estimate']): string | null {
  const r = e.capacityReservation;
  if (!r) return null;
  return (
    `Capacity reservation of ${r.count} in ${r.availabilityZone}, held every month: billed at the On-Demand rate whether used or not, ` +
    `each hour the greater of the running and the reserved instances (${num(r.reservedHours)} reserved instance-hours a month, ${num(r.unusedReservedHours)} unused). ` +
    `Reserved Instances and Savings Plans cover the running instances first, then the unused ones; ` +
    `${num(r.unusedOnDemandHours)} unused instance-hours are left On-Demand: ${r.unusedReservationUsd === null ? 'n/a' : usdText(r.unusedReservationUsd)} a month.`
  );
}

/** Volumes billed all month: instances × volumes each (peak instances, or average running ones). */
function billedVolumes(s: LineState): (perInstance: number) => Ratio {
  // Unused reserved capacity runs no instance, so has no volumes: EBS follows the running instances.
  const running = s.reservation?.running ?? { peak: s.peak, instanceHours: s.periodInstanceHours };
  return (perInstance) =>
    s.line.volumeLifetime === 'instance'
      ? ratio(Math.ceil(running.peak) * perInstance, 1)
      : ratio(running.instanceHours * perInstance, s.profile.periodHours);
}

/** The line's own commitment: what it pays per month, upfront, and spread over the term. */
function explainCommitment(
  s: LineState,
  count: number | null,
  ctx: LineExplainContext,
  what: string,
): { recurring: Explanation; upfront: Explanation; amortized: Explanation } | null {
  const { line } = s;
  const p = line.purchase;
  const H = new Decimal(ctx.hoursPerMonth);
  const name = lineName(line);
  if (s.ri && p.model === 'reserved') {
    const r = s.ri.rate;
    const label = `${OFFERING_CLASS_LABELS[p.offeringClass]} RIs, ${p.termYears}-year, ${PAYMENT_LABELS[p.paymentOption].toLowerCase()}`;
    const n = count ?? s.ri.count;
    if (r === null) {
      const na = 'n/a — no price for these RIs in the catalog';
      return {
        recurring: explanation(`${label}: hourly fees`, n === 0 ? '0 RIs bought' : na, n === 0 ? '0' : null),
        upfront: explanation(`Upfront — ${name}`, n === 0 ? '0 RIs bought' : na, n === 0 ? '0' : null),
        amortized: explanation(`${label}, amortized`, n === 0 ? '0 RIs bought' : na, n === 0 ? '0' : null),
      };
    }
    const rows = [
      row(ctx.book, `${what} ${label}, hourly fee`, r.hourlyUsd, 'USD/h per RI', r.sourceId),
      row(ctx.book, `${what} ${label}, upfront fee`, r.upfrontUsd, 'USD once per RI', r.sourceId),
    ];
    const recurring = new Decimal(r.hourlyUsd).times(n).times(H);
    const upfront = new Decimal(r.upfrontUsd).times(n);
    const months = p.termYears * 12;
    const used = ctx.riUtilization ?? ONE;
    const note = `Paid every hour of the term, used or not; ${num(ratioValue(used).times(100), 1)}% of the RI hours covered usage.`;
    return {
      recurring: explanation(
        `${label}: hourly fees`,
        `${n} × ${rateText(r.hourlyUsd)} USD/h × ${num(H)} h`,
        recurring,
        { rows, note },
      ),
      upfront: explanation(`Upfront — ${name}`, `${n} × ${rateText(r.upfrontUsd)} USD`, upfront, {
        rows,
        note: `Paid once per ${p.termYears}-year term.`,
      }),
      amortized: explanation(
        `${label}, amortized`,
        `${usdText(recurring)} + ${usdText(upfront)} ÷ ${months} months = ${usdText(recurring.plus(upfront.div(months)))}`,
        recurring.plus(upfront.div(months)),
        { rows, note },
      ),
    };
  }
  if (s.sp && p.model === 'savings-plan') {
    const label = `${PLAN_TYPE_LABELS[p.planType]} Savings Plan, ${p.termYears}-year, ${PAYMENT_LABELS[p.paymentOption].toLowerCase()}`;
    const c = s.sp.commitment;
    const spRate = s.prices?.savingsPlans.find(
      (r) => r.planType === p.planType && r.termYears === p.termYears && r.paymentOption === p.paymentOption,
    );
    const rows = spRate
      ? [row(ctx.book, `${what} ${label} rate`, spRate.hourlyUsd, 'USD/h', spRate.sourceId)]
      : [];
    if (c === null || (s.sp.rate === null && !c.isZero())) {
      const na = 'n/a — no Savings Plans rate for this line in the catalog';
      return {
        recurring: explanation(`${label}: commitment`, na, null),
        upfront: explanation(`Upfront — ${name}`, na, null),
        amortized: explanation(`${label}, amortized`, na, null),
      };
    }
    const share = UPFRONT_SHARE[s.sp.paymentOption];
    const termHours = TERM_HOURS[p.termYears];
    const recurring = c.times(H).times(new Decimal(1).minus(share));
    const upfront = c.times(termHours).times(share);
    const months = p.termYears * 12;
    const sized =
      p.commitmentHourlyUsd === undefined && s.sp.rate !== null
        ? ` (sized to the steady usage: ${s.min} × ${rateText(s.sp.rate)} USD/h)`
        : '';
    const used = ctx.spUtilization ?? ONE;
    const note = `Commitment ${rateText(c)} USD/h${sized}, paid every hour; ${num(ratioValue(used).times(100), 1)}% of it paid for usage.`;
    return {
      recurring: explanation(
        `${label}: commitment paid monthly`,
        `${rateText(c)} USD/h × ${num(H)} h × ${num(new Decimal(1).minus(share))}`,
        recurring,
        { rows, note },
      ),
      upfront: explanation(
        `Upfront — ${name}`,
        `${rateText(c)} USD/h × ${num(termHours)} h × ${num(share)}`,
        upfront,
        { rows, note },
      ),
      amortized: explanation(
        `${label}, amortized`,
        `${usdText(recurring)} + ${usdText(upfront)} ÷ ${months} months = ${usdText(recurring.plus(upfront.div(months)))}`,
        recurring.plus(upfront.div(months)),
        { rows, note },
      ),
    };
  }
  return null;
}

/** The covered hours of a pool's consumer as a month: timeline hours × month / timeline. */
export const monthOf = (hours: Decimal, toMonth: Ratio): Decimal => of(hours, toMonth);
