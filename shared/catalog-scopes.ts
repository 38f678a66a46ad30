import type { DateRange, PurchaseModel, ScopeDate } from './catalog-types';
import { TENANCY_LABELS } from './catalog-types';
import { PLAN_TYPE_LABELS } from './pricing/purchase-options';
import { OS_NAMES } from './operating-systems';
export { OS_NAMES } from './operating-systems';

/**
 * Scopes in words and dates as ranges, said the same way by the import, the CLI and the screens.
 * A scope is what one price file replaces at once (shared/catalog-types.ts ScopeDate).
 */
export type Scope = Pick<ScopeDate, 'product' | 'region' | 'model' | 'os' | 'planType' | 'tenancy'>;

const MODEL_NAMES: Record<PurchaseModel, string> = {
  'on-demand': 'On-Demand',
  reserved: 'Reserved Instance',
  'savings-plan': 'Savings Plans',
  spot: 'Spot',
};

/**
 * "Linux On-Demand", "Dedicated Instance Windows BYOL On-Demand", "Dedicated Host Reservation",
 * "Dedicated Instance per-Region fee", "EC2 Instance Savings Plans", "EBS".
 */
export function scopeName(s: Omit<Scope, 'region'>): string {
  if (s.product === 'ebs' || s.model === null) return 'EBS';
  const other = s.tenancy !== undefined && s.tenancy !== 'shared' ? s.tenancy : null;
  if (s.model === 'savings-plan') {
    const plan = `${s.planType ? PLAN_TYPE_LABELS[s.planType] + ' ' : ''}Savings Plans`;
    return other ? `${plan} (${TENANCY_LABELS[other]})` : plan;
  }
  if (other === 'host' && s.os === null) {
    return `Dedicated Host ${s.model === 'reserved' ? 'Reservation' : MODEL_NAMES[s.model]}`;
  }
  if (other === 'dedicated' && s.os === null) return 'Dedicated Instance per-Region fee';
  return `${other ? TENANCY_LABELS[other] + ' ' : ''}${s.os ? OS_NAMES[s.os] + ' ' : ''}${MODEL_NAMES[s.model]}`;
}

/** "us-east-1 Linux On-Demand". */
export const scopeLabel = (s: Scope): string => `${s.region} ${scopeName(s)}`;

/**
 * One key per scope (a Savings Plans scope has no OS and covers every tenancy, the others no plan
 * type); a shared-tenancy scope's key has no tenancy part, so it is what it was before tenancies.
 */
export const scopeKey = (s: Scope): string => {
  const key = [s.product, s.region, s.model ?? '', s.os ?? '', s.planType ?? ''].join('|');
  return s.tenancy === undefined || s.tenancy === 'shared' || s.model === 'savings-plan'
    ? key
    : `${key}|${s.tenancy}`;
};

/** The oldest and newest of some ISO dates; null when there are none. */
export function dateRangeOf(dates: Iterable<string>): DateRange | null {
  let oldest: string | null = null;
  let newest: string | null = null;
  for (const d of dates) {
    if (!d) continue;
    if (oldest === null || d < oldest) oldest = d;
    if (newest === null || d > newest) newest = d;
  }
  return oldest === null || newest === null ? null : { oldest, newest };
}

/** The range that spans all of these (ranges that are null add nothing). */
export const spanOf = (ranges: Iterable<DateRange | null>): DateRange | null =>
  dateRangeOf([...ranges].flatMap((r) => (r ? [r.oldest, r.newest] : [])));

/** "2024-07-18 … 2026-07-20", one date when both ends are the same, `none` when there is no range. */
export function formatDateRange(range: DateRange | null, none = 'n/a'): string {
  if (range === null) return none;
  return range.oldest === range.newest ? range.oldest : `${range.oldest} … ${range.newest}`;
}
