import type { TermYears } from '../catalog-types';
import { Decimal, toUsdString } from '../money';
import { TERM_HOURS } from '../units';
import type { CommitmentEstimate, LineEstimate } from './estimate-types';
import { describeInstance } from './messages';
import { percentText } from './percent';
import type { PriceBook } from './price-book';
import type { Ratio } from './ratio';
import { of, ONE, ratio, ratioValue } from './ratio';
import { lineInterruption } from './line-interruption';
import { lineUsage } from './line-usage';
import { lineVolumesCost, type LineVolumesCost } from './volume-cost';
import type { ScenarioLine } from '../scenario/schema';
import type { ProfileStats } from './usage-profile';
import { UPFRONT_SHARE, ZERO, type LineState } from './estimate-state';

// Turns one line's allocated hours into money: compute by model, commitments, EBS, totals.

/**
 * A line's EBS: volumes billed all month for the peak count, or for the average running instances.
 * It does not depend on how the instances are bought (line-setup.ts works it once per line).
 */
export function lineEbs(
  line: ScenarioLine,
  index: number,
  stats: ProfileStats,
  periodHours: number,
  book: PriceBook,
  hoursPerMonth: number,
): LineVolumesCost {
  const instancesBilled =
    line.volumeLifetime === 'instance'
      ? ratio(Math.ceil(stats.peak), 1)
      : ratio(stats.instanceHours, periodHours);
  return lineVolumesCost(
    line.id,
    index,
    line.region,
    line.volumes,
    instancesBilled,
    book.ebs[line.region],
    hoursPerMonth,
  );
}

export interface PricedLine {
  estimate: LineEstimate;
  termYears: TermYears | null;
  known: { monthly: Decimal; upfront: Decimal; amortized: Decimal };
}

/**
 * The sum of the values that are known. A zero term is skipped: adding it gives back the sum as it
 * was (decimal.js rounds the sum again, and a sum it made is already rounded), so the result is the
 * same without the work.
 */
export function sumKnown(values: readonly (Decimal | null)[]): Decimal {
  let sum = ZERO;
  for (const v of values) if (v !== null && !v.isZero()) sum = sum.plus(v);
  return sum;
}

export function sumOrNull(values: readonly (Decimal | null)[]): Decimal | null {
  return values.some((v) => v === null) ? null : sumKnown(values);
}

export const str = (v: Decimal | null): string | null => (v === null ? null : toUsdString(v));

/** What pricing one line needs beside the line itself (the mix's timeline, pool utilization, the rates). */
export interface PriceLineContext {
  hoursPerMonth: number;
  timelineToMonth: Ratio;
  timelineUsageHours: number;
  timelineUnusedOnDemandHours: number;
  riUtilization: Ratio | null;
  spUtilization: Ratio | null;
  book: PriceBook;
}

/** A pool's utilization as a fraction and as shown, worked once for all the lines that bought the pool. */
const utilizationWorked = new WeakMap<Ratio, { used: Decimal; usedPct: string }>();

function utilizationOf(utilization: Ratio): { used: Decimal; usedPct: string } {
  let worked = utilizationWorked.get(utilization);
  if (worked === undefined) {
    const used = ratioValue(utilization);
    worked = { used, usedPct: percentText(used) };
    utilizationWorked.set(utilization, worked);
  }
  return worked;
}

export function priceLine(s: LineState, ctx: PriceLineContext): PricedLine {
  const { line } = s;
  const hoursPerMonth = new Decimal(ctx.hoursPerMonth);
  const usage = lineUsage(s, ctx);
  const { usageHours, onDemandUsd, spotUsd } = usage;
  const interruption = lineInterruption(s, usageHours, s.profile.periodHours);
  const interruptionUsd = interruption.usd;

  let commitment: CommitmentEstimate | null = null;
  let recurring: Decimal | null = ZERO;
  let upfront: Decimal | null = ZERO;
  let reservedUsd: Decimal | null = ZERO;
  let savingsPlanUsd: Decimal | null = ZERO;
  let unusedUsd: Decimal | null = ZERO;
  let termYears: TermYears | null = null;

  if (s.ri && line.purchase.model === 'reserved') {
    termYears = line.purchase.termYears;
    const utilization = ctx.riUtilization ?? ONE;
    const { used, usedPct } = utilizationOf(utilization);
    if (s.ri.rate === null && s.ri.count > 0) {
      recurring = upfront = reservedUsd = unusedUsd = null;
    } else if (s.ri.rate !== null) {
      recurring = new Decimal(s.ri.rate.hourlyUsd).times(s.ri.count).times(hoursPerMonth);
      upfront = new Decimal(s.ri.rate.upfrontUsd).times(s.ri.count);
      const amortized = recurring.plus(upfront.div(termYears * 12));
      reservedUsd = of(amortized, utilization);
      unusedUsd = amortized.minus(reservedUsd);
    }
    commitment = {
      model: 'reserved',
      termYears,
      count: s.ri.count,
      commitmentHourlyUsd: null,
      upfrontUsd: str(upfront),
      recurringMonthlyUsd: str(recurring),
      utilizationPct: s.ri.count === 0 ? null : usedPct,
    };
    if (s.ri.count > 0 && used.lt(1)) {
      s.warnings.push({
        code: 'unused-commitment',
        message: `${percentText(new Decimal(1).minus(used))}% of the RI hours bought on line ${line.id} (${s.ri.count} × ${describeInstance(line)}) cover no usage${unusedUsd === null ? '' : ` ($${toUsdString(unusedUsd.toDecimalPlaces(2))}/month amortized)`}: they are paid all the same`,
        lineId: line.id,
      });
    }
  } else if (s.sp && line.purchase.model === 'savings-plan') {
    termYears = s.sp.termYears;
    const utilization = ctx.spUtilization ?? ONE;
    const { used, usedPct } = utilizationOf(utilization);
    if (s.sp.commitment === null || (s.sp.rate === null && !s.sp.commitment.isZero())) {
      recurring = upfront = savingsPlanUsd = unusedUsd = null;
    } else {
      const share = UPFRONT_SHARE[s.sp.paymentOption];
      recurring = s.sp.commitment.times(hoursPerMonth).times(new Decimal(1).minus(share));
      upfront = s.sp.commitment.times(TERM_HOURS[termYears]).times(share);
      const amortized = recurring.plus(upfront.div(termYears * 12));
      savingsPlanUsd = of(amortized, utilization);
      unusedUsd = amortized.minus(savingsPlanUsd);
      if (!s.sp.commitment.isZero() && used.lt(1)) {
        s.warnings.push({
          code: 'unused-commitment',
          message: `${percentText(new Decimal(1).minus(used))}% of the $${toUsdString(s.sp.commitment)}/h Savings Plan bought on line ${line.id} covers no usage ($${toUsdString(unusedUsd.toDecimalPlaces(2))}/month amortized): it is paid all the same`,
          lineId: line.id,
        });
      }
    }
    commitment = {
      model: 'savings-plan',
      termYears,
      count: null,
      commitmentHourlyUsd: str(s.sp.commitment),
      upfrontUsd: str(upfront),
      recurringMonthlyUsd: str(recurring),
      utilizationPct: s.sp.commitment === null || s.sp.commitment.isZero() ? null : usedPct,
    };
  }

  const { ebs } = s;
  s.warnings.push(...ebs.warnings.map((w) => ({ ...w })));

  const computeMonthly = sumOrNull([onDemandUsd, spotUsd, interruptionUsd, recurring]);
  const computeAmortized = sumOrNull([
    onDemandUsd,
    spotUsd,
    interruptionUsd,
    reservedUsd,
    savingsPlanUsd,
    unusedUsd,
  ]);
  const monthly = sumOrNull([computeMonthly, ebs.storageMonthlyUsd, ebs.snapshotMonthlyUsd]);
  const amortized = sumOrNull([computeAmortized, ebs.storageMonthlyUsd, ebs.snapshotMonthlyUsd]);
  const complete = s.complete && monthly !== null && amortized !== null && upfront !== null;

  const estimate: LineEstimate = {
    id: line.id,
    name: line.name ?? null,
    instanceType: line.instanceType,
    region: line.region,
    os: line.os,
    model: s.model,
    instanceHours: usage.instanceHours,
    peakCount: s.peak,
    minCount: s.min,
    computeMonthlyUsd: str(computeMonthly),
    computeAmortizedMonthlyUsd: str(computeAmortized),
    storageMonthlyUsd: str(ebs.storageMonthlyUsd),
    snapshotMonthlyUsd: str(ebs.snapshotMonthlyUsd),
    upfrontUsd: str(upfront),
    monthlyUsd: str(monthly),
    amortizedMonthlyUsd: str(amortized),
    compute: {
      onDemandUsd: str(onDemandUsd),
      reservedUsd: str(reservedUsd),
      savingsPlanUsd: str(savingsPlanUsd),
      spotUsd: str(spotUsd),
      interruptionUsd: str(interruptionUsd),
      unusedCommitmentUsd: str(unusedUsd),
    },
    coverage: { ...usage.coverage },
    commitment,
    spotInterruption: interruption.estimate,
    demand: null, // estimate.ts sets it for a line sized from demand
    volumes: ebs.volumes.map((v) => ({ ...v })),
    complete,
    warnings: s.warnings,
  };
  if (usage.reservation && line.capacityReservation) {
    const { reservedHours, unusedHours, unusedOnDemandHours } = usage.reservation;
    estimate.capacityReservation = {
      count: line.capacityReservation.count,
      availabilityZone: line.capacityReservation.availabilityZone,
      reservedHours: reservedHours.toNumber(),
      unusedReservedHours: unusedHours.toNumber(),
      unusedOnDemandHours: unusedOnDemandHours.toNumber(),
      unusedReservationUsd: str(
        unusedOnDemandHours.isZero() ? ZERO : s.onDemandRate && s.onDemandRate.times(unusedOnDemandHours),
      ),
    };
  }
  return {
    estimate,
    termYears,
    // With nothing missing, the known sums are the sums themselves: the same terms added in the same
    // order (0 plus a partial sum is that sum).
    known: {
      monthly:
        monthly ??
        sumKnown([
          onDemandUsd,
          spotUsd,
          interruptionUsd,
          recurring,
          ebs.storageMonthlyUsd,
          ebs.snapshotMonthlyUsd,
        ]),
      upfront: upfront ?? ZERO,
      amortized:
        amortized ??
        sumKnown([
          onDemandUsd,
          spotUsd,
          interruptionUsd,
          reservedUsd,
          savingsPlanUsd,
          unusedUsd,
          ebs.storageMonthlyUsd,
          ebs.snapshotMonthlyUsd,
        ]),
    },
  };
}
