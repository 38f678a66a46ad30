import {
  TENANCY_LABELS,
  type OperatingSystem,
  type PurchaseModel,
  type Tenancy,
} from '@shared/catalog-types';
import { OS_FACTS, OS_LABELS } from '@shared/operating-systems';
import type { ScenarioLine } from '@shared/scenario/schema';
import { omit } from './field-errors';
import { switchPurchase } from './scenario-draft';

/** Whether AWS sells the OS (with its licence) on the tenancy: Windows BYOL only on dedicated hardware. */
export function soldOn(os: OperatingSystem, tenancy: Tenancy): boolean {
  return OS_FACTS[os].tenancies.includes(tenancy);
}

/** "Dedicated Instance or Dedicated Host": where an OS runs, in words. */
export function tenanciesOf(os: OperatingSystem): string {
  return OS_FACTS[os].tenancies.map((t) => TENANCY_LABELS[t]).join(' or ');
}

/**
 * The OS a line moves to when its tenancy cannot run its OS: the same Windows with AWS's licence
 * (Windows BYOL → Windows), otherwise the first OS sold there.
 */
function nearestSold(os: OperatingSystem, tenancy: Tenancy): OperatingSystem {
  const sameWindows = (Object.keys(OS_FACTS) as OperatingSystem[]).find(
    (o) =>
      soldOn(o, tenancy) &&
      OS_FACTS[o].priceListOs === OS_FACTS[os].priceListOs &&
      OS_FACTS[o].preInstalledSw === OS_FACTS[os].preInstalledSw,
  );
  return sameWindows ?? (Object.keys(OS_FACTS) as OperatingSystem[]).find((o) => soldOn(o, tenancy))!;
}

/** How a host line is bought: hosts On-Demand or a Dedicated Host Reservation (dedicated-hosts.ts). */
export const HOST_PURCHASE_MODELS: readonly PurchaseModel[] = ['on-demand', 'reserved'];
export const HOST_PURCHASE_LABELS: Partial<Record<PurchaseModel, string>> = {
  'on-demand': 'On-Demand hosts',
  reserved: 'Dedicated Host Reservation',
};

/**
 * The line on another tenancy, never left invalid: an OS the tenancy cannot run becomes the nearest one
 * sold there, a host line drops its capacity reservation and buys its hosts On-Demand unless reserved.
 * `notes` say what changed besides the tenancy, for the card to show.
 */
export function switchTenancy(line: ScenarioLine, tenancy: Tenancy): { line: ScenarioLine; notes: string[] } {
  if (line.tenancy === tenancy) return { line, notes: [] };
  let next: ScenarioLine = { ...line, tenancy };
  const notes: string[] = [];
  if (!soldOn(line.os, tenancy)) {
    const os = nearestSold(line.os, tenancy);
    next = { ...next, os };
    notes.push(
      `OS changed from ${OS_LABELS[line.os]} to ${OS_LABELS[os]}: ${OS_LABELS[line.os]} runs only as ${tenanciesOf(line.os)}.`,
    );
  }
  if (tenancy === 'host') {
    if (next.capacityReservation !== undefined) {
      next = omit(next, 'capacityReservation');
      notes.push('Capacity reservation removed: Capacity Reservations are not available on Dedicated Hosts.');
    }
    if (!HOST_PURCHASE_MODELS.includes(next.purchase.model)) {
      const was = next.purchase.model === 'spot' ? 'Spot' : 'A Savings Plan';
      next = { ...next, purchase: switchPurchase(next.purchase, 'on-demand') };
      notes.push(`Purchase changed to On-Demand hosts: ${was} does not buy Dedicated Hosts here.`);
    }
    if (next.purchase.model === 'reserved' && next.purchase.count !== undefined) {
      next = { ...next, purchase: omit(next.purchase, 'count') };
      notes.push('RI count removed: a Dedicated Host Reservation covers each of the line’s hosts.');
    }
  }
  return { line: next, notes };
}
