import type { Report } from '@shared/reports/model';
import { reportLineName } from '@shared/reports/model';
import { escapeHtml as e } from './escape';

const num = (n: number) => n.toLocaleString('en-US');

/** The report's capacity section: lines sized from demand, and the quota check. */
export function capacitySection(r: Report): string {
  const sized = r.lines.filter((l) => l.demand !== null);
  const demand = sized.length
    ? `<h3>Lines sized from demand</h3><ul class="warnings">${sized
        .map(
          (l) =>
            `<li><strong>${e(reportLineName(r, l.id))}</strong>: ${e(l.demand!.summary)}<br><span class="muted">${e(
              l.demand!.working,
            )}</span></li>`,
        )
        .join('')}</ul>`
    : '';
  const q = r.quotas;
  const rows = q.uses
    .map(
      (u) =>
        `<tr><td>${e(u.name)}</td><td class="nowrap">${e(u.region)}</td><td class="num">${num(u.peakVcpus)}<br><span class="muted">${e(
          u.peakAt,
        )}</span></td><td class="num">${num(u.quotaVcpus)}${
          u.quotaSource === 'aws-default' ? '<br><span class="muted">AWS default</span>' : ''
        }</td><td class="${u.status === 'exceeds' ? 'status-exceeds-maximum' : 'status-within'}">${
          u.status === 'exceeds' ? `exceeds by ${num(u.peakVcpus - u.quotaVcpus)}` : 'within'
        }</td></tr>`,
    )
    .join('\n');
  const table = q.uses.length
    ? `<table class="quotas"><thead><tr><th>Quota</th><th>Region</th><th class="num">Peak vCPUs</th><th class="num">Quota</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`
    : '';
  const notCounted = q.notCounted.length
    ? `<ul class="warnings muted">${q.notCounted.map((n) => `<li>Not counted: line ${e(n.lineId)} (${e(n.reason)})</li>`).join('')}</ul>`
    : '';
  return `<h2>Capacity</h2>${demand}<h3>Quota check</h3><p>${e(q.verdict)}: the mix's peak running vCPUs, hour by hour, against each EC2 quota (a blank quota counts AWS's default for a new account).</p>${table}${notCounted}`;
}

/** The quotas compared strategies exceed (each beyond the all On-Demand reference's), under the table. */
export function strategyQuotaNotes(r: Report): string {
  const flagged = r.comparison.strategies.filter((s) => s.quotaExceeded !== null);
  if (flagged.length === 0) return '';
  return `<ul class="warnings">${flagged
    .map((s) => `<li class="status-exceeds-maximum">${e(s.label)}: ${e(s.quotaExceeded!)}</li>`)
    .join('')}</ul>`;
}
