/** Below this, a difference between two computed figures is float noise (60000.0000001 is 60000). */
export const FLOAT_TOLERANCE = 1e-9;

/** Rounds up, forgiving float noise (60000.0000001 → 60000). */
export function ceilTolerant(value: number): number {
  return Math.ceil(value - FLOAT_TOLERANCE);
}
