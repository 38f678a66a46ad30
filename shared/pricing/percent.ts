import type { Decimal } from '../money';

/**
 * Percentages as people read them next to money: one decimal place, rounded half-up ("40.0",
 * "12.5"), computed in Decimal. Every savings, utilization and unused share is written this way.
 */
export function percentText(fraction: Decimal): string {
  return fraction.times(100).toFixed(1);
}

/**
 * Saving of `usd` against a reference (on-demand), in percent with one decimal ("40.0"); null when
 * the reference is missing or not above zero (there is nothing to save against).
 */
export function savingsPct(referenceUsd: Decimal | null, usd: Decimal): string | null {
  if (referenceUsd === null || referenceUsd.lte(0)) return null;
  return percentText(referenceUsd.minus(usd).div(referenceUsd));
}
