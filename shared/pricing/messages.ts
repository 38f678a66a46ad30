import type { OfferingClass, PaymentOption, PlanType, TermYears } from '../catalog-types';
import { TENANCY_LABELS } from '../catalog-types';
import type { ScenarioLine } from '../scenario/schema';

/** Wording of warnings: each says exactly which price is missing, for what, and what to do. */
export const IMPORT_HINT = "import AWS's price files";

export function describeInstance(
  line: Pick<ScenarioLine, 'instanceType' | 'region' | 'os'> & { tenancy?: ScenarioLine['tenancy'] },
): string {
  const tenancy =
    line.tenancy === undefined || line.tenancy === 'shared' ? '' : `, ${TENANCY_LABELS[line.tenancy]}`;
  return `${line.instanceType} in ${line.region} (${line.os}${tenancy})`;
}

export function describeReserved(
  offeringClass: OfferingClass,
  termYears: TermYears,
  payment: PaymentOption,
): string {
  return `reserved ${offeringClass} ${termYears}y ${payment}`;
}

export function describePlan(planType: PlanType, termYears: TermYears, payment: PaymentOption): string {
  return `${planType} ${termYears}y ${payment}`;
}
