import { niceTicks, tickDomain } from '@shared/charts/axis';
import { PURCHASE_MODEL_COLORS } from '@shared/charts/palette';
import type { PlanPool } from '@shared/optimizer/types';

/** Geometry and words for the Plan screen's charts (numbers for drawing only; money is shown from strings). */

/** A count as a label: up to one decimal, thousands grouped. */
export const countWords = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Savings Plan layers in the plan's colour, Reserved Instance layers in the RI colour. */
export function layerColor(label: string): string {
  return /savings plan/i.test(label) ? PURCHASE_MODEL_COLORS['savings-plan'] : PURCHASE_MODEL_COLORS.reserved;
}

/** Each layer as a band from the one below it: [from, to). */
export function layerBands(pool: PlanPool): { label: string; from: number; to: number; color: string }[] {
  let from = 0;
  return pool.layers.map((l) => {
    const band = { label: l.label, from, to: l.upTo, color: layerColor(l.label) };
    from = Math.max(from, l.upTo);
    return band;
  });
}

/** A count axis from 0 to the first nice tick at or above the highest usage or commitment. */
export function countAxis(max: number): { domain: [number, number]; ticks: number[] } {
  const ticks = niceTicks(Math.max(max, 1));
  return { domain: tickDomain(ticks), ticks };
}

/** Highest usage and commitment of a pool. */
export function poolPeak(pool: PlanPool): number {
  const usage = pool.duration.reduce((m, p) => Math.max(m, p.usage), 0);
  const committed = pool.layers.reduce((m, l) => Math.max(m, l.upTo), 0);
  return Math.max(usage, committed);
}

/** The duration curve in words: peak, median and the usage exceeded in nine hours of ten. */
export function durationWords(pool: PlanPool): string {
  const at = (share: number) =>
    pool.duration.reduce(
      (best, p) => (Math.abs(p.sharePct - share) < Math.abs(best.sharePct - share) ? p : best),
      pool.duration[0] ?? { sharePct: 0, usage: 0 },
    ).usage;
  const bands = layerBands(pool);
  const layers =
    bands.length === 0
      ? 'No commitment in this pool: its usage runs On-Demand (or on spot where allowed).'
      : `Commitments from the bottom: ${bands.map((b) => `${b.label} up to ${countWords(b.to)}`).join('; ')}.`;
  return (
    `${pool.unitType} instances in use, busiest hour first: peak ${countWords(at(0))}; ` +
    `at least ${countWords(at(50))} in half the hours, at least ${countWords(at(90))} in 90 % of them. ${layers}`
  );
}

/**
 * An axis over [min, max] that need not start at 0 (cost against commitment varies far less than its
 * size): ticks in the money axes' nice steps, from the step at or below `min` to the one at or above `max`.
 */
export function rangeAxis(min: number, max: number): { domain: [number, number]; ticks: number[] } {
  const step = niceTicks(Math.max(max - min, 1e-9))[1] ?? 1;
  const low = Math.floor(min / step) * step;
  const count = Math.max(1, Math.ceil((max - low) / step - 1e-9));
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((low + i * step).toPrecision(12)));
  return { domain: [ticks[0] ?? min, ticks[ticks.length - 1] ?? max], ticks };
}
