import { TENANCY_LABELS } from '@shared/catalog-types';
import { Decimal, formatUsd } from '@shared/money';
import { reportLineName, type Report } from '@shared/reports/model';
import { escapeHtml as e } from './escape';
import { NA_HTML } from './na';

const money = (v: string | null, rate = false) =>
  v === null ? NA_HTML : e(formatUsd(new Decimal(v), { rate }));
const int = (v: number | null) => (v === null ? NA_HTML : v.toLocaleString('en-US'));
const hours = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * The report's Dedicated Hosts and Dedicated per-Region fees, each with its arithmetic (nothing when
 * every line runs on shared tenancy). Their cost is already within each line's compute.
 */
export function tenancySection(r: Report): string {
  const hosts = r.lines.filter((l) => l.dedicatedHost !== null);
  const fees = r.lines.filter((l) => l.dedicatedFee !== null);
  if (hosts.length === 0 && fees.length === 0) return '';
  const hostTable = hosts.length
    ? `<h3>Dedicated Hosts</h3><table class="hosts"><thead><tr><th>Line</th><th>Host</th><th>Purchase</th><th class="num">Per host</th><th class="num">Hosts</th><th class="num">Host rate</th><th class="num">Upfront</th><th class="num">Monthly</th><th class="num">Amortized</th></tr></thead><tbody>${hosts
        .map((l) => {
          const h = l.dedicatedHost!;
          return `<tr data-host="${e(l.id)}"><td>${e(reportLineName(r, l.id))}</td><td class="nowrap">${e(h.family)}, ${e(
            l.region,
          )}</td><td>${e(h.purchase)}</td><td class="num">${int(h.instancesPerHost)}</td><td class="num">${int(
            h.hosts,
          )}</td><td class="num">${money(h.hostHourlyUsd, true)}/h</td><td class="num">${money(h.upfrontUsd)}</td><td class="num">${money(
            h.monthlyUsd,
          )}</td><td class="num">${money(h.amortizedMonthlyUsd)}</td></tr><tr class="working"><td></td><td colspan="8" class="muted">${e(
            h.working,
          )}</td></tr>`;
        })
        .join('\n')}</tbody></table>`
    : '';
  const feeTable = fees.length
    ? `<h3>Dedicated per-Region fee</h3><table class="fees"><thead><tr><th>Line</th><th>Region</th><th>Account</th><th>Lines counted</th><th class="num">Billed hours</th><th class="num">Rate</th><th class="num">Monthly</th></tr></thead><tbody>${fees
        .map((l) => {
          const f = l.dedicatedFee!;
          return `<tr data-fee="${e(l.id)}"><td>${e(reportLineName(r, l.id))}</td><td class="nowrap">${e(f.region)}</td><td>${e(
            f.account ?? '—',
          )}</td><td>${e(f.lineIds.join(', '))}</td><td class="num">${hours(f.billedHours)}</td><td class="num">${money(
            f.hourlyUsd,
            true,
          )}/h</td><td class="num">${money(f.monthlyUsd)}</td></tr><tr class="working"><td></td><td colspan="6" class="muted">${e(
            f.working,
          )}</td></tr>`;
        })
        .join('\n')}</tbody></table>`
    : '';
  const which = [
    ...new Set(r.lines.filter((l) => l.tenancy !== 'shared').map((l) => TENANCY_LABELS[l.tenancy])),
  ];
  return `<h2>Dedicated tenancy</h2><p class="muted">${e(which.join(' and '))} lines: what their hosts and the per-Region fee cost, within each line's compute above.</p>${hostTable}${feeTable}`;
}
