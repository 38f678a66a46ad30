import { formatDateRange } from '@shared/catalog-scopes';
import { COST_BY_LINE_TITLE } from '@shared/charts/cost-by-line';
import { CUMULATIVE_COST_TITLE } from '@shared/charts/cumulative-cost';
import { Decimal, formatUsd } from '@shared/money';
import { TENANCY_LABELS } from '@shared/catalog-types';
import { OS_NAMES } from '@shared/operating-systems';
import { PURCHASE_MODEL_LABELS } from '@shared/pricing/purchase-options';
import { EBS_STATUS_LABEL } from '@shared/reports/ebs-check';
import { reportLineName, type Report, type ReportLine } from '@shared/reports/model';
import { escapeHtml as e } from './escape';
import { missingPricesSection } from './missing-prices-html';
import { accountsSection } from './accounts-html';
import { capacitySection, strategyQuotaNotes } from './capacity-html';
import { tenancySection } from './tenancy-html';
import { tenancyLabels } from '@shared/reports/tenancy-notes';
import { NA_HTML } from './na';
import { costByLineChart, cumulativeChart, ebsFitChart } from './svg-charts';

export type Paper = 'a4' | 'letter';

/** Display formatting only: the model's decimal strings, rounded to cents; null is "n/a". */
export const usdText = (v: string | null): string => formatUsd(v === null ? null : new Decimal(v));
const hours = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
const int = (v: number | null) => (v === null ? 'n/a' : Math.round(v).toLocaleString('en-US'));

/** "2026-11-24 03:27 UTC" */
export function producedText(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}

/** The dates of the prices the report used: "2024-07-18 … 2026-07-20" (one date when all share it). */
export const pricesAsOfText = (report: Report): string =>
  formatDateRange(report.catalog.pricesAsOf, 'n/a (nothing priced)');

/** The footer Chromium draws on every page (its own tiny document: inline styles only). */
export function footerTemplate(report: Report): string {
  return (
    '<div style="font-size:8px;font-family:Helvetica,Arial,sans-serif;color:#6b7280;width:100%;padding:0 12mm;display:flex;justify-content:space-between">' +
    `<span>${e(report.scenarioName)} · prices as of ${e(pricesAsOfText(report))}</span>` +
    '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
  );
}

const CSS = (paper: Paper) => `
@page { size: ${paper === 'a4' ? 'A4' : 'Letter'}; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; color: #1f2933; margin: 0; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #c7cdd4; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
.meta { color: #6b7280; margin: 0 0 4mm; }
.kpis { display: flex; gap: 3mm; flex-wrap: wrap; margin: 3mm 0; }
.kpi { border: 1px solid #dfe3e8; border-radius: 4px; padding: 2mm 3mm; min-width: 30mm; background: #f6f7f9; }
.kpi .label { font-size: 8pt; color: #6b7280; text-transform: uppercase; letter-spacing: .03em; }
.kpi .value { font-size: 13pt; font-weight: bold; }
.notice { border: 1px solid #f3b4b4; background: #fdecec; color: #8a1c1c; padding: 2mm 3mm; border-radius: 4px; margin: 3mm 0; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; font-size: 8.5pt; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 1.2mm 1.6mm; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
th { background: #e8f0fe; font-weight: bold; }
.nowrap { white-space: nowrap; }
th.purchase { min-width: 26mm; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: bold; border-top: 1.5px solid #1f2933; }
tr.best td { font-weight: bold; background: #f0fdf4; }
.na { color: #8a1c1c; }
.muted { color: #6b7280; }
.chart { break-inside: avoid; margin: 2mm 0 4mm; }
.status-within { color: #047857; } .status-binding { color: #b45309; }
.status-exceeds-baseline, .status-exceeds-maximum { color: #b91c1c; font-weight: bold; }
ul.warnings { padding-left: 5mm; margin: 1mm 0; font-size: 8.5pt; } ul.warnings li { margin: .4mm 0; break-inside: avoid; }
`;

const money = (v: string | null) => (v === null ? NA_HTML : usdText(v));

function linesTable(r: Report): string {
  const row = (l: ReportLine) =>
    `<tr><td><span class="nowrap">${e(l.id)}</span>${l.name ? `<br><span class="muted">${e(l.name)}</span>` : ''}</td><td class="nowrap">${e(l.instanceType)}</td><td class="nowrap">${e(
      l.region,
    )}<br><span class="muted">${e(OS_NAMES[l.os])}${
      l.tenancy === 'shared' ? '' : `<br>${e(TENANCY_LABELS[l.tenancy])}`
    }</span></td><td>${e(l.purchase)}${
      l.purchase === PURCHASE_MODEL_LABELS.spot && l.pricedModel !== 'spot'
        ? '<br><span class="muted">priced on-demand</span>'
        : ''
    }</td><td class="num">${hours(l.instanceHours)}</td><td class="num">${money(l.computeMonthlyUsd)}</td><td class="num">${money(
      l.storageMonthlyUsd,
    )}</td><td class="num">${money(l.snapshotMonthlyUsd)}</td><td class="num">${money(l.upfrontUsd)}</td><td class="num">${money(
      l.monthlyUsd,
    )}</td><td class="num">${money(l.amortizedMonthlyUsd)}</td></tr>`;
  const t = r.totals;
  return `<table class="lines"><thead><tr><th>Line</th><th>Instance</th><th>Region / OS</th><th class="purchase">Purchase</th><th class="num">Instance-hours</th><th class="num">Compute</th><th class="num">Storage</th><th class="num">Snapshots</th><th class="num">Upfront</th><th class="num">Monthly</th><th class="num">Amortized</th></tr></thead>
<tbody>${r.lines.map(row).join('\n')}</tbody>
<tfoot><tr><td colspan="4">Total (${r.lines.length} line${r.lines.length === 1 ? '' : 's'})</td><td class="num">${hours(
    t.instanceHours,
  )}</td><td class="num">${usdText(t.computeMonthlyUsd)}</td><td class="num">${usdText(t.storageMonthlyUsd)}</td><td class="num">${usdText(
    t.snapshotMonthlyUsd,
  )}</td><td class="num">${usdText(t.upfrontUsd)}</td><td class="num">${usdText(t.monthlyUsd)}</td><td class="num">${usdText(
    t.amortizedMonthlyUsd,
  )}</td></tr></tfoot></table>`;
}

function storageTable(r: Report): string {
  const withStorage = r.lines.filter((l) => l.volumes.length > 0);
  if (withStorage.length === 0) return '<p class="muted">No EBS volumes in this scenario.</p>';
  const rows = withStorage.map(
    (l) =>
      `<tr><td>${e(l.id)}</td><td class="num">${money(l.storage.capacityUsd)}</td><td class="num">${money(
        l.storage.iopsUsd,
      )}</td><td class="num">${money(l.storage.throughputUsd)}</td><td class="num">${money(
        l.storage.ioRequestsUsd,
      )}</td><td class="num">${money(l.storageMonthlyUsd)}</td><td class="num">${money(l.snapshotMonthlyUsd)}</td></tr>`,
  );
  const s = r.totals.storage;
  return `<table><thead><tr><th>Line</th><th class="num">Capacity</th><th class="num">IOPS</th><th class="num">Throughput</th><th class="num">I/O requests</th><th class="num">Storage</th><th class="num">Snapshots</th></tr></thead>
<tbody>${rows.join('\n')}</tbody><tfoot><tr><td>Total</td><td class="num">${usdText(s.capacityUsd)}</td><td class="num">${usdText(
    s.iopsUsd,
  )}</td><td class="num">${usdText(s.throughputUsd)}</td><td class="num">${usdText(s.ioRequestsUsd)}</td><td class="num">${usdText(
    r.totals.storageMonthlyUsd,
  )}</td><td class="num">${usdText(r.totals.snapshotMonthlyUsd)}</td></tr></tfoot></table>`;
}

/** One row per line: its volumes and the instance EBS cap check. */
function layouts(r: Report): string {
  const rows = r.lines
    .filter((l) => l.volumes.length > 0)
    .map((l) => {
      const vols = l.volumes
        .map(
          (v) =>
            `${v.countPerInstance} × ${e(v.volumeType)} ${v.sizeGiB.toLocaleString('en-US')} GiB, ${int(v.deliveredIops)} IOPS, ${int(
              v.deliveredThroughputMiBps,
            )} MiB/s${v.snapshotPolicy ? `; snapshots ${e(v.snapshotPolicy)}` : ''}`,
        )
        .join('<br>');
      const c = l.ebsCheck;
      const check = c
        ? `<span class="status-${c.status}">${e(EBS_STATUS_LABEL[c.status])}</span><br><span class="muted">${e(c.summary)}</span>`
        : '';
      return `<tr><td class="nowrap">${e(l.id)}</td><td class="nowrap">${e(l.instanceType)}</td><td>${vols}</td><td class="num">${money(
        l.storageMonthlyUsd,
      )}</td><td>${check}</td></tr>`;
    });
  return `<table class="layouts"><thead><tr><th>Line</th><th>Instance</th><th>Volumes per instance</th><th class="num">Storage</th><th>Instance EBS limit check (per instance)</th></tr></thead><tbody>${rows.join(
    '\n',
  )}</tbody></table>`;
}

/** Usage descriptions, each listed once with the lines that share it. */
function usageRows(r: Report): string {
  const groups = new Map<string, string[]>();
  for (const u of r.assumptions.usage)
    groups.set(u.description, [...(groups.get(u.description) ?? []), reportLineName(r, u.lineId)]);
  return [...groups]
    .map(
      ([d, ids]) =>
        `<tr><th>Usage: ${e(ids.length > 6 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', '))}</th><td>${e(d)}</td></tr>`,
    )
    .join('\n');
}

function comparisonTable(r: Report): string {
  const budgeted = r.budget !== null;
  const rows = r.comparison.strategies.map(
    (s) =>
      `<tr${s.id === r.comparison.cheapestId ? ' class="best"' : ''}><td>${e(s.label)}${
        s.id === r.comparison.cheapestId ? ' (cheapest)' : ''
      }</td><td class="num">${money(s.upfrontUsd)}</td><td class="num">${money(s.monthlyUsd)}</td><td class="num">${money(
        s.amortizedMonthlyUsd,
      )}</td><td class="num">${money(s.oneYearUsd)}</td><td class="num">${money(s.threeYearUsd)}</td><td class="num">${
        s.savingsVsOnDemandPct === null ? NA_HTML : `${e(s.savingsVsOnDemandPct)}%`
      }</td><td class="num">${e(s.breakEven)}</td>${budgeted ? `<td>${e(s.budget ?? 'n/a')}</td>` : ''}</tr>`,
  );
  return `<table class="comparison"><thead><tr><th>Strategy</th><th class="num">Upfront</th><th class="num">Monthly</th><th class="num">Amortized</th><th class="num">1 year</th><th class="num">3 years</th><th class="num">Saving</th><th class="num">Break-even</th>${budgeted ? '<th>Budget thresholds crossed</th>' : ''}</tr></thead><tbody>${rows.join(
    '\n',
  )}</tbody></table>`;
}

/** The budget, its thresholds and the months that cross them (nothing when the scenario sets none). */
function budgetSection(r: Report): string {
  const b = r.budget;
  if (!b) return '';
  return `<h2>Budget</h2><p class="${b.within ? 'muted' : 'notice'}" data-budget>${e(b.summary)}</p><ul class="warnings">${b.thresholds
    .map((t) => `<li>${e(t.words)}</li>`)
    .join('')}</ul>`;
}

/** The print-ready report: self-contained (inline CSS and SVG, no scripts, no remote content). */
export function reportHtml(report: Report, paper: Paper = 'a4'): string {
  const t = report.totals;
  const a = report.assumptions;
  const kpi = (label: string, value: string) =>
    `<div class="kpi"><div class="label">${e(label)}</div><div class="value">${value}</div></div>`;
  const sources = report.catalog.sources.length
    ? `<table><thead><tr><th>Price source</th><th>As of</th></tr></thead><tbody>${report.catalog.sources
        .map((s) => `<tr><td>${e(s.name)}</td><td>${e(s.asOf)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const empty = report.lines.length === 0;
  const charts = [
    [COST_BY_LINE_TITLE, costByLineChart(report)],
    [CUMULATIVE_COST_TITLE, cumulativeChart(report)],
    ['EBS fit against the instance limits', ebsFitChart(report)],
  ]
    .filter(([, s]) => s)
    .map(([title, s]) => `<div class="chart"><h3>${title}</h3>${s}</div>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(report.title)}</title><style>${CSS(paper)}</style></head>
<body>
<h1>${e(report.title)}</h1>
<p class="meta">Scenario <strong>${e(report.scenarioName)}</strong> · produced ${e(producedText(report.producedAt))} · catalog: ${e(
    report.catalog.source,
  )}, prices as of <strong data-prices-as-of>${e(pricesAsOfText(report))}</strong></p>
${report.description ? `<p>${e(report.description)}</p>` : ''}
<div class="kpis">${kpi('Monthly', usdText(t.monthlyUsd))}${kpi('Upfront', usdText(t.upfrontUsd))}${kpi(
    'Amortized monthly',
    usdText(t.amortizedMonthlyUsd),
  )}${kpi('1 year', usdText(t.oneYearUsd))}${kpi('3 years', usdText(t.threeYearUsd))}</div>
${empty ? '<p class="notice">This scenario has no lines: there is nothing to price.</p>' : ''}
${
  t.complete
    ? ''
    : `<p class="notice">Incomplete: some figures could not be priced (${e(
        t.incompleteLineIds.join(', '),
      )}); they show as n/a and are left out of the totals. See the warnings.</p>`
}
${budgetSection(report)}
${accountsSection(report)}
<h2>Assumptions</h2>
<table><tbody>
<tr><th>Hours per month</th><td>${a.hoursPerMonth}</td></tr>
<tr><th>Regions</th><td>${e(a.regions.join(', ') || 'none')}</td></tr>
<tr><th>Operating systems</th><td>${e(a.operatingSystems.map((os) => OS_NAMES[os]).join(', ') || 'none')}</td></tr>
<tr><th>Tenancy</th><td>${e(tenancyLabels(a.tenancies))}</td></tr>
${usageRows(report)}
</tbody></table>
<ul class="warnings muted">${a.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>
${sources}
${charts ? `<h2>Charts</h2>${charts}` : ''}
<h2>Lines</h2>
${empty ? '<p class="muted">No lines.</p>' : linesTable(report)}
${tenancySection(report)}
${empty ? '' : capacitySection(report)}
<h2>EBS storage by dimension</h2>
${storageTable(report)}
${report.lines.some((l) => l.volumes.length) ? `<h2>EBS layouts</h2>${layouts(report)}` : ''}
<h2>Purchase strategies</h2>
${report.comparison.strategies.length ? comparisonTable(report) : '<p class="muted">No strategies to compare.</p>'}
${strategyQuotaNotes(report)}
${missingPricesSection(report)}
<h2>Warnings</h2>
${
  report.warnings.length
    ? `<ul class="warnings">${report.warnings.map((w) => `<li><strong>${e(w.scope)}</strong>: ${e(w.message)}</li>`).join('\n')}</ul>`
    : '<p class="muted">None.</p>'
}
</body></html>
`;
}
