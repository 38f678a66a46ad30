import type {
  OfferingClass,
  PaymentOption,
  PlanType,
  PriceOption,
  PurchaseModel,
} from '../../shared/catalog-types';

export const MODEL_LABELS: Record<PurchaseModel, string> = {
  'on-demand': 'On-demand',
  reserved: 'Reserved',
  'savings-plan': 'Savings Plan',
  spot: 'Spot (avg)',
};

export const PAYMENT_LABELS: Record<PaymentOption, string> = {
  'no-upfront': 'No upfront',
  'partial-upfront': 'Partial upfront',
  'all-upfront': 'All upfront',
};

const CLASS_LABELS: Record<OfferingClass, string> = { standard: 'Standard', convertible: 'Convertible' };
const PLAN_LABELS: Record<PlanType, string> = { compute: 'Compute', 'ec2-instance': 'EC2 Instance' };

export function termLabel(option: PriceOption): string {
  return option.termYears === null ? '—' : `${option.termYears} yr`;
}

export function paymentLabel(option: PriceOption): string {
  return option.paymentOption === null ? '—' : PAYMENT_LABELS[option.paymentOption];
}

export function classOrPlanLabel(option: PriceOption): string {
  if (option.offeringClass) return CLASS_LABELS[option.offeringClass];
  if (option.planType) return PLAN_LABELS[option.planType];
  return '—';
}

/** One line naming an option, e.g. "RI Standard 1 yr, All upfront". */
export function optionLabel(option: PriceOption): string {
  if (option.model === 'on-demand' || option.model === 'spot') return MODEL_LABELS[option.model];
  const kind = option.model === 'reserved' ? 'RI' : 'SP';
  return `${kind} ${classOrPlanLabel(option)} ${termLabel(option)}, ${paymentLabel(option)}`;
}
