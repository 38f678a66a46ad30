/**
 * Axis ticks and tick labels every money chart uses, in the app and in the report. Numbers here are
 * geometry only: a tick label is a rounded axis position, never a figure from the model.
 */

/** Steps an axis may take, times a power of ten. */
const NICE_STEPS = [1, 2, 5, 10];
/** At most this many intervals on a money axis. */
export const MAX_TICK_INTERVALS = 5;

/** Clears float noise from a tick (0.1 × 3 is 0.30000000000000004). */
const clean = (v: number) => Number(v.toPrecision(12));

/**
 * Ticks from 0 to the first step at or above `max`, in steps of 1, 2 or 5 × 10^k, at most
 * `maxIntervals` of them: 14,190 → 0, 5,000, 10,000, 15,000. The last tick is the axis maximum.
 */
export function niceTicks(max: number, maxIntervals = MAX_TICK_INTERVALS): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / maxIntervals;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = clean(NICE_STEPS.map((m) => m * power).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * power);
  const intervals = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: intervals + 1 }, (_, i) => clean(i * step));
}

/** The axis range the ticks span: [0, last tick]. */
export function tickDomain(ticks: number[]): [number, number] {
  return [0, ticks[ticks.length - 1] ?? 1];
}

/** A money tick label, short: $0, $250, $2.5k, $15k, $1.25M. */
export function moneyTick(v: number): string {
  const a = Math.abs(v);
  const [scaled, suffix] = a >= 1e6 ? [a / 1e6, 'M'] : a >= 1e3 ? [a / 1e3, 'k'] : [a, ''];
  const digits = scaled.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return `${v < 0 ? '-' : ''}$${digits}${suffix}`;
}

/** The month axis of a 36-month chart: every half year. */
export const MONTH_TICKS = [0, 6, 12, 18, 24, 30, 36] as const;
export const MONTH_AXIS_LABEL = 'Month';
export const monthLabel = (month: number) => `Month ${month}`;
