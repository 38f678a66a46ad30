import { instanceTypeParts } from '@shared/instance-name';
import { OS_NAMES } from '@shared/catalog-scopes';
import type { TermYears } from '@shared/catalog-types';
import { formatUsd, usdOrNull } from '@shared/money';
import { OFFERING_CLASS_LABELS, PAYMENT_LABELS, PLAN_TYPE_LABELS } from '@shared/pricing/purchase-options';
import type { PlanPurchase } from '@shared/optimizer/types';

/** How the Plan screen names a purchase and its figures (table cells, chart descriptions, messages). */

/** "m5.large Standard RIs" / "Compute Savings Plan" / "EC2 Instance Savings Plan (m5)". */
export function purchaseWhat(p: PlanPurchase): string {
  if (p.kind === 'reserved') return `${p.instanceType} ${OFFERING_CLASS_LABELS[p.offeringClass]} RIs`;
  const family = p.family ? ` (${p.family})` : '';
  return `${PLAN_TYPE_LABELS[p.planType]} Savings Plan${family}`;
}

/** "us-east-1 · Linux" / "us-east-1" / "any region". */
export function purchaseWhere(p: PlanPurchase): string {
  if (p.kind === 'reserved') return `${p.region} · ${OS_NAMES[p.os]}`;
  return p.region ?? 'any region';
}

/** "4" RIs or "$0.1234/h" of commitment. */
export function purchaseAmount(p: PlanPurchase): string {
  if (p.kind === 'reserved') return String(p.count);
  return `${formatUsd(usdOrNull(p.commitmentHourlyUsd), { rate: true })}/h`;
}

/** A short note under the name: what the RIs or the plan cover. */
export function purchaseScope(p: PlanPurchase): string {
  if (p.kind === 'reserved')
    return p.sizeFlexible
      ? `any ${instanceTypeParts(p.instanceType).family} size in the region`
      : 'this type only';
  if (p.planType === 'compute') return 'any family, size, region and OS';
  const sizes = p.family ? `any ${p.family} size` : 'any size';
  return `${sizes} and OS in ${p.region ?? 'the region'}`;
}

export const termWords = (t: TermYears): string => `${t}-year`;
export const paymentWords = (p: PlanPurchase): string => PAYMENT_LABELS[p.paymentOption];

/** A percent string from the engine ("87.5") as shown; null is n/a, never 0 %. */
export function pctWords(pct: string | null): string {
  return pct === null ? 'n/a' : `${pct}%`;
}

/** A money string as shown; null is n/a, never $0. */
export function usdWords(usd: string | null): string {
  return formatUsd(usdOrNull(usd));
}

/** "1 line", "3 lines". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "4 × m5.large Standard RIs, 3-year, all upfront" / "Compute Savings Plan at $0.12/h, 1-year, no upfront". */
export function purchaseSentence(p: PlanPurchase): string {
  const head =
    p.kind === 'reserved' ? `${p.count} × ${purchaseWhat(p)}` : `${purchaseWhat(p)} at ${purchaseAmount(p)}`;
  return `${head}, ${termWords(p.termYears)}, ${paymentWords(p).toLowerCase()}`;
}
