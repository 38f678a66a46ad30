import type { PriceOption, PurchaseModel } from '@shared/catalog-types';
import {
  OFFERING_CLASS_LABELS,
  PAYMENT_LABELS,
  PLAN_TYPE_LABELS,
  PURCHASE_MODEL_LABELS,
  purchaseOptionOf,
} from '@shared/pricing/purchase-options';

export { PAYMENT_LABELS };

/** The catalog's model column: its spot figure is an observed average, so it says so. */
export const MODEL_LABELS: Record<PurchaseModel, string> = { ...PURCHASE_MODEL_LABELS, spot: 'Spot (avg)' };

export function termLabel(option: PriceOption): string {
  return option.termYears === null ? '—' : `${option.termYears} yr`;
}

export function paymentLabel(option: PriceOption): string {
  return option.paymentOption === null ? '—' : PAYMENT_LABELS[option.paymentOption];
}

export function classOrPlanLabel(option: PriceOption): string {
  if (option.offeringClass) return OFFERING_CLASS_LABELS[option.offeringClass];
  if (option.planType) return PLAN_TYPE_LABELS[option.planType];
  return '—';
}

/** One line naming an option, e.g. "RI Standard 1 yr, All upfront". */
export function optionLabel(option: PriceOption): string {
  if (option.model === 'on-demand' || option.model === 'spot') return MODEL_LABELS[option.model];
  return purchaseOptionOf(option)?.shortLabel ?? MODEL_LABELS[option.model];
}
