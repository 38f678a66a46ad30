import { Decimal, formatUsd } from '@shared/money';
import type { Report } from '@shared/reports/model';
import { escapeHtml as e } from './escape';

/** The report's cost per account (nothing when the scenario names no accounts). */
export function accountsSection(report: Report): string {
  const accounts = report.accounts;
  if (!accounts?.length) return '';
  const usd = (v: string) => formatUsd(new Decimal(v));
  const rows = accounts.map(
    (a) =>
      `<tr data-account="${e(a.id)}"><td>${e(a.name ? `${a.name} (${a.id})` : a.id)}</td><td>${a.sharing ? 'on' : 'off'}</td><td>${e(
        a.lineIds.join(', ') || 'none',
      )}</td><td class="num">${usd(a.monthlyUsd)}</td><td class="num">${usd(a.upfrontUsd)}</td><td class="num">${usd(
        a.amortizedMonthlyUsd,
      )}</td><td class="num">${usd(a.oneYearUsd)}</td><td class="num">${usd(a.threeYearUsd)}</td></tr>`,
  );
  return `<h2>Cost per account</h2>
<p class="muted">Reserved Instances and Savings Plans count in the account of the line that buys them, whichever account's usage they cover; an account with sharing off neither gives nor gets their discounts.</p>
<table class="accounts"><thead><tr><th>Account</th><th>RI/SP sharing</th><th>Lines</th><th class="num">Monthly</th><th class="num">Upfront</th><th class="num">Amortized</th><th class="num">1 year</th><th class="num">3 years</th></tr></thead><tbody>${rows.join(
    '\n',
  )}</tbody></table>`;
}
