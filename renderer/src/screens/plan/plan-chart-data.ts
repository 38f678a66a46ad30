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
      ? 'No commitment: all of it On-Demand.'
      : `Commitments from the bottom: ${bands.map((b) => `${b.label} up to ${countWords(b.to)}`).join('; ')}.`;
  return (
    `${pool.unitType} instances in use, busiest hour first: peak ${countWords(at(0))}, ` +
    `half the hours above ${countWords(at(50))}, 90 % of hours above ${countWords(at(90))}. ${layers}`
  );
}
