import { Decimal, formatUsd } from '../money';
import type { SpotInterruption } from '../scenario/schema';
import type { SpotBandSummary, SpotInterruptionEstimate } from './estimate-types';

/**
 * Spot interruption bands and what an interruption costs.
 *
 * The bands are AWS's Spot Instance Advisor data (spot-advisor-data.json): per region, OS and type, a
 * "frequency of interruption" band and the savings over On-Demand. AWS defines them on the advisor
 * page (aws.amazon.com/ec2/spot/instance-advisor/, quoted in pkg.go.dev/github.com/grailbio/base/cloud/spotadvisor):
 * "Frequency of interruption represents the rate at which Spot has reclaimed capacity during the
 * trailing month. They are in ranges of < 5%, 5-10%, 10-15%, 15-20% and >20%", and "Savings compared
 * to On-Demand are calculated over the last 30 days".
 *
 * So a band's upper bound is a share of instances interrupted in a month. The expected cost of a
 * line's interruptions, at that bound (an upper estimate, never a forecast):
 *   interruptions / month = average running instances × upper bound
 *   extra instance-hours  = interruptions × minutes each costs ÷ 60
 *   re-run:   the lost work runs again on spot      → extra hours × spot rate
 *   fallback: those hours run On-Demand, not spot   → extra hours × (On-Demand − spot rate)
 * (a fallback's hours are already billed at the spot rate in the line's spot cost, so only the
 * difference is extra; it is never below 0).
 */

/** Where the Spot Advisor bands come from, for a figure without one. */
export const SPOT_ADVISOR_HINT = "Update from AWS, or import AWS's spot-advisor-data.json";

/** One (region, OS, type)'s Spot Advisor entry, dated, as the price book carries it. */
export interface SpotAdvisorBand {
  /** AWS's label: "<5%", "5-10%", "10-15%", "15-20%" or ">20%". */
  label: string;
  /** The band's index in the file's `ranges` (0 = least interrupted). */
  rangeIndex: number;
  /** The band's upper bound, percent of instances interrupted per month (bandUpperBoundPct). */
  upperBoundPct: number;
  /** The advisor's savings over On-Demand, percent (AWS's own figure, over the last 30 days). */
  savingsPct: number;
  asOf: string;
  sourceId: string;
}

/**
 * A band's upper bound in percent: the label's upper figure ("<5%" → 5, "15-20%" → 20); ">20%" has
 * none, so the advisor file's own `max` for it (100). The file's `max` of the other bands (11, 16, 22)
 * is not the figure AWS shows people, so the label wins. null for a label of another shape.
 */
export function bandUpperBoundPct(label: string, maxPct: number): number | null {
  const t = label.replace(/\s+/g, '');
  const below = /^<(\d+(?:\.\d+)?)%$/.exec(t);
  if (below) return Number(below[1]);
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)%$/.exec(t);
  if (range && Number(range[1]) < Number(range[2])) return Number(range[2]);
  const above = /^>(\d+(?:\.\d+)?)%$/.exec(t);
  if (above && maxPct > Number(above[1]) && maxPct <= 100) return maxPct;
  return null;
}

/** "15-20% (Spot Advisor, 2025-06-28)". */
export function bandText(band: SpotAdvisorBand | null): string {
  return band === null ? 'n/a' : `${band.label} (Spot Advisor, ${band.asOf})`;
}

/** The band range across several entries, least to most interrupted: "5-10% … 15-20%", or one label. */
export function bandRangeText(bands: readonly SpotAdvisorBand[]): string | null {
  if (bands.length === 0) return null;
  const sorted = [...bands].sort((a, b) => a.rangeIndex - b.rangeIndex);
  const low = sorted[0]!.label;
  const high = sorted[sorted.length - 1]!.label;
  return low === high ? low : `${low} … ${high}`;
}

/**
 * A spot strategy's bands in words: "Interruption band 5-10% … 15-20% (Spot Advisor, 2025-06-28)";
 * null when it puts no line on spot.
 */
export function spotBandsText(s: SpotBandSummary | null): string | null {
  if (s === null || s.lines === 0) return null;
  if (s.range === null)
    return `Interruption band n/a: no Spot Advisor band for these lines — ${SPOT_ADVISOR_HINT}`;
  const missing = s.linesWithoutBand > 0 ? `; n/a for ${s.linesWithoutBand} of ${s.lines} spot lines` : '';
  return `Interruption band ${s.range} (Spot Advisor, ${s.asOf})${missing}`;
}

/**
 * A spot line's band and interruption cost in one line, as the estimate shows it: "Interruption band
 * 15-20% (Spot Advisor, 2025-06-28; saves 66 %) · expected interruption cost (derived from the Spot
 * Advisor's upper bound 20 %, 2025-06-28): $1.23/month".
 */
export function spotLineText(si: SpotInterruptionEstimate): string {
  const band =
    si.band === null
      ? 'Interruption band n/a'
      : `Interruption band ${si.band} (Spot Advisor, ${si.asOf}; saves ${si.advisorSavingsPct} %)`;
  if (si.kind === null) return band;
  const cost =
    si.label !== null && si.monthlyUsd !== null
      ? `${si.label}: ${formatUsd(new Decimal(si.monthlyUsd))}/month`
      : 'expected interruption cost: n/a';
  return `${band} · ${cost}`;
}

export interface InterruptionCost {
  /** Expected interruptions per month at the band's upper bound. */
  interruptions: Decimal;
  /** Extra instance-hours per month they cost. */
  extraInstanceHours: Decimal;
  /** The hourly rate those hours are priced at (spot, or On-Demand minus spot). */
  rateUsd: Decimal;
  monthlyUsd: Decimal;
}

/**
 * The expected monthly cost of a spot line's interruptions (see the rule above). null when a rate it
 * needs is missing (a fallback without an On-Demand price).
 */
export function interruptionCost(args: {
  averageInstances: Decimal;
  upperBoundPct: number;
  interruption: SpotInterruption;
  spotRate: Decimal;
  onDemandRate: Decimal | null;
}): InterruptionCost | null {
  const { interruption } = args;
  const interruptions = args.averageInstances.times(args.upperBoundPct).div(100);
  const minutes = interruption.kind === 'rerun' ? interruption.rerunMinutes : interruption.fallbackMinutes;
  const extraInstanceHours = interruptions.times(minutes).div(60);
  let rateUsd: Decimal;
  if (interruption.kind === 'rerun') rateUsd = args.spotRate;
  else if (args.onDemandRate === null) return null;
  else rateUsd = Decimal.max(args.onDemandRate.minus(args.spotRate), 0);
  return { interruptions, extraInstanceHours, rateUsd, monthlyUsd: extraInstanceHours.times(rateUsd) };
}

/** How the estimate line names the figure, with the bound and the date it comes from. */
export function interruptionCostLabel(band: SpotAdvisorBand): string {
  return `expected interruption cost (derived from the Spot Advisor's upper bound ${band.upperBoundPct} %, ${band.asOf})`;
}

/** The arithmetic in words: "0.8 interruptions × 30 min = 0.4 instance-hours × $0.0366/h (spot)". */
export function interruptionCostWorking(
  cost: InterruptionCost,
  interruption: SpotInterruption,
  averageInstances: Decimal,
  band: SpotAdvisorBand,
): string {
  const minutes = interruption.kind === 'rerun' ? interruption.rerunMinutes : interruption.fallbackMinutes;
  const num = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
  const rate =
    interruption.kind === 'rerun'
      ? `${formatUsd(cost.rateUsd, { rate: true })}/h (spot, the work runs again)`
      : `${formatUsd(cost.rateUsd, { rate: true })}/h (On-Demand minus spot: the hours run On-Demand)`;
  return (
    `${num(averageInstances)} instances × ${band.upperBoundPct} % = ${num(cost.interruptions)} interruptions a month` +
    ` × ${minutes} min = ${num(cost.extraInstanceHours)} instance-hours × ${rate} = ${formatUsd(cost.monthlyUsd)}/month`
  );
}
