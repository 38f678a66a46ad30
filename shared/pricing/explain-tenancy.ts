import { explanation, type Explanation } from '../explanation';
import { priceRow as row } from './explain-rows';
import type { LineEstimate } from './estimate-types';
import type { PriceBook } from './price-book';

/**
 * The arithmetic of a line's dedicated charges (tenancy.ts): its Dedicated Hosts and the Dedicated
 * per-Region fee it carries, as parts of the line's compute, with the price rows they used.
 */
export interface TenancyExplanation {
  /** Recurring per month (compute parts). */
  recurring: Explanation[];
  /** The same with upfronts spread over their term. */
  amortized: Explanation[];
  /** A host reservation's upfront; null when nothing is paid upfront. */
  upfront: Explanation | null;
}

export function explainTenancy(e: LineEstimate, book: PriceBook): TenancyExplanation {
  const recurring: Explanation[] = [];
  const amortized: Explanation[] = [];
  let upfront: Explanation | null = null;
  const host = e.dedicatedHost;
  if (host) {
    const rows =
      host.hostHourlyUsd === null
        ? []
        : [
            row(
              book,
              `${host.family} Dedicated Host ${host.region}`,
              host.hostHourlyUsd,
              'USD/h per host',
              host.sourceId,
            ),
          ];
    const recurringPart = explanation('Dedicated Hosts', host.working, host.monthlyUsd, { rows });
    recurring.push(recurringPart);
    if (host.purchase.kind === 'reservation') {
      amortized.push(
        explanation('Dedicated Hosts, upfront spread over the term', host.working, host.amortizedMonthlyUsd, {
          rows,
        }),
      );
      upfront = explanation(
        `Upfront — Dedicated Host Reservation`,
        host.upfrontUsd === null ? 'n/a — no host reservation price in the catalog' : host.working,
        host.upfrontUsd,
        { rows },
      );
    } else {
      amortized.push(recurringPart);
    }
  }
  const fee = e.dedicatedFee;
  if (fee) {
    const part = explanation('Dedicated per-Region fee', fee.working, fee.monthlyUsd, {
      rows:
        fee.hourlyUsd === null
          ? []
          : [row(book, `Dedicated per-Region fee ${fee.region}`, fee.hourlyUsd, 'USD/h', fee.sourceId)],
      note: `Counted over the hours any of ${fee.lineIds.join(', ')} runs.`,
    });
    recurring.push(part);
    amortized.push(part);
  }
  return { recurring, amortized, upfront };
}
