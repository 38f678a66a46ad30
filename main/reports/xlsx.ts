import { formatDateRange } from '@shared/catalog-scopes';
import ExcelJS from 'exceljs';
import { Decimal, toUsdString } from '@shared/money';
import { TENANCY_LABELS } from '@shared/catalog-types';
import { OS_NAMES } from '@shared/operating-systems';
import { tenancyLabels } from '@shared/reports/tenancy-notes';
import { reportLineName, type Report, type ReportLine } from '@shared/reports/model';
import { capacityRows } from './capacity-xlsx';
import { accountsSheet } from './accounts-xlsx';
import { tenancySheet } from './tenancy-xlsx';
import { numberOrNa } from './na';

/**
 * Workbook: Summary, Lines, Comparison (Accounts when the scenario names accounts, Dedicated when a line
 * runs on Dedicated Instances or Hosts). Money is converted to a number only here, at the last moment
 * (a spreadsheet cell has no decimal type), kept in currency formats; totals are live formulas, each
 * carrying the engine's figure as its cached result so readers that do not recalculate still see it.
 */
export const MONEY_FORMAT = '"$"#,##0.00';
export const PERCENT_FORMAT = '0.0%';
export const HOURS_FORMAT = '#,##0.00';
export const SHEETS = ['Summary', 'Lines', 'Comparison'] as const;

const num = numberOrNa;

interface LineColumn {
  header: string;
  width: number;
  format?: string;
  value: (l: ReportLine) => string | number;
  /** The model's total for this column, when it has one (becomes a SUM formula). */
  total?: (r: Report) => string | number;
}

const LINE_COLUMNS: LineColumn[] = [
  { header: 'Line', width: 14, value: (l) => l.id, total: () => 'Total' },
  { header: 'Name', width: 24, value: (l) => l.name ?? '' },
  { header: 'Instance type', width: 14, value: (l) => l.instanceType },
  { header: 'Region', width: 13, value: (l) => l.region },
  { header: 'OS', width: 16, value: (l) => OS_NAMES[l.os] },
  { header: 'Tenancy', width: 18, value: (l) => TENANCY_LABELS[l.tenancy] },
  { header: 'Purchase', width: 34, value: (l) => l.purchase },
  { header: 'Priced as', width: 12, value: (l) => l.pricedModel },
  {
    header: 'Instance-hours',
    width: 14,
    format: HOURS_FORMAT,
    value: (l) => l.instanceHours,
    total: (r) => r.totals.instanceHours,
  },
  ...(
    [
      ['Compute', (l) => l.computeMonthlyUsd, (r) => r.totals.computeMonthlyUsd],
      ['Compute amortized', (l) => l.computeAmortizedMonthlyUsd, (r) => r.totals.computeAmortizedMonthlyUsd],
      ['Storage capacity', (l) => l.storage.capacityUsd, (r) => r.totals.storage.capacityUsd],
      ['Storage IOPS', (l) => l.storage.iopsUsd, (r) => r.totals.storage.iopsUsd],
      ['Storage throughput', (l) => l.storage.throughputUsd, (r) => r.totals.storage.throughputUsd],
      ['Storage I/O requests', (l) => l.storage.ioRequestsUsd, (r) => r.totals.storage.ioRequestsUsd],
      ['Storage', (l) => l.storageMonthlyUsd, (r) => r.totals.storageMonthlyUsd],
      ['Snapshots', (l) => l.snapshotMonthlyUsd, (r) => r.totals.snapshotMonthlyUsd],
      ['Upfront', (l) => l.upfrontUsd, (r) => r.totals.upfrontUsd],
      ['Monthly', (l) => l.monthlyUsd, (r) => r.totals.monthlyUsd],
      ['Amortized monthly', (l) => l.amortizedMonthlyUsd, (r) => r.totals.amortizedMonthlyUsd],
    ] as [string, (l: ReportLine) => string | null, (r: Report) => string][]
  ).map(([header, value, total]): LineColumn => ({
    header,
    width: Math.max(13, header.length + 3),
    format: MONEY_FORMAT,
    value: (l) => num(value(l)),
    total: (r) => Number(total(r)),
  })),
  // Parts of Compute (blank on a line without them): the hosts' recurring month and the per-Region fee.
  ...(
    [
      ['Dedicated Hosts monthly', (l) => (l.dedicatedHost ? l.dedicatedHost.monthlyUsd : undefined)],
      ['Dedicated fee monthly', (l) => (l.dedicatedFee ? l.dedicatedFee.monthlyUsd : undefined)],
    ] as [string, (l: ReportLine) => string | null | undefined][]
  ).map(([header, value]): LineColumn => ({
    header,
    width: header.length + 3,
    format: MONEY_FORMAT,
    value: (l) => {
      const v = value(l);
      return v === undefined ? '' : num(v);
    },
    total: (r) => Number(toUsdString(r.lines.reduce((a, l) => a.plus(value(l) ?? 0), new Decimal(0)))),
  })),
];

const colLetter = (i: number) => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
const letterOf = (header: string) => colLetter(LINE_COLUMNS.findIndex((c) => c.header === header));

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } } };
  });
}

/** Returns the totals row number. */
function linesSheet(wb: ExcelJS.Workbook, report: Report): number {
  const ws = wb.addWorksheet('Lines', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = LINE_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.format ? { numFmt: c.format } : {},
  }));
  styleHeader(ws.getRow(1));
  for (const l of report.lines) ws.addRow(LINE_COLUMNS.map((c) => c.value(l)));
  if (report.lines.length === 0) ws.addRow(['No lines in this scenario']);
  const last = ws.rowCount;
  const totalRow = ws.addRow([]);
  LINE_COLUMNS.forEach((c, i) => {
    if (!c.total) return;
    const cell = totalRow.getCell(i + 1);
    const v = c.total(report);
    if (i === 0) cell.value = v;
    else cell.value = { formula: `SUM(${colLetter(i)}2:${colLetter(i)}${last})`, result: v as number };
    if (c.format) cell.numFmt = c.format;
  });
  totalRow.font = { bold: true };
  totalRow.eachCell((cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: LINE_COLUMNS.length } };
  return totalRow.number;
}

function comparisonSheet(wb: ExcelJS.Workbook, report: Report): void {
  const ws = wb.addWorksheet('Comparison', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = [
    { header: 'Strategy', width: 50 },
    { header: 'Upfront', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: 'Monthly', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: 'Amortized monthly', width: 18, style: { numFmt: MONEY_FORMAT } },
    { header: '1 year', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: '3 years', width: 14, style: { numFmt: MONEY_FORMAT } },
    { header: 'Saving vs on-demand', width: 20, style: { numFmt: PERCENT_FORMAT } },
    { header: 'Break-even', width: 22 },
    { header: 'Complete', width: 10 },
    { header: 'Notes', width: 80 },
    { header: 'Budget thresholds crossed', width: 60 },
  ];
  styleHeader(ws.getRow(1));
  for (const s of report.comparison.strategies) {
    const row = ws.addRow([
      s.label + (s.id === report.comparison.cheapestId ? ' (cheapest)' : ''),
      num(s.upfrontUsd),
      num(s.monthlyUsd),
      num(s.amortizedMonthlyUsd),
      num(s.oneYearUsd),
      num(s.threeYearUsd),
      s.savingsVsOnDemandPct === null ? 'n/a' : new Decimal(s.savingsVsOnDemandPct).div(100).toNumber(),
      s.breakEven,
      s.complete ? 'yes' : 'no',
      s.warnings[0] ?? '',
      s.budget ?? '',
    ]);
    if (s.id === report.comparison.cheapestId) row.font = { bold: true };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: 11 } };
}

function summarySheet(wb: ExcelJS.Workbook, report: Report, totalRow: number): void {
  const ws = wb.getWorksheet('Summary')!;
  ws.columns = [{ width: 28 }, { width: 70 }];
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const title = ws.addRow([report.title]);
  title.font = { bold: true, size: 14 };
  const a = report.assumptions;
  const rows: [string, string | number][] = [
    ['Scenario', report.scenarioName],
    ...(report.description ? ([['Description', report.description]] as [string, string][]) : []),
    ['Produced', report.producedAt],
    ['Catalog', report.catalog.source],
    ['Catalog as of', report.catalog.asOf],
    ['Prices as of', formatDateRange(report.catalog.pricesAsOf, 'n/a (nothing priced)')],
    ...report.catalog.sources.map((s): [string, string] => [`Price source as of ${s.asOf}`, s.name]),
    ['Hours per month', a.hoursPerMonth],
    ['Regions', a.regions.join(', ') || 'none'],
    ['Operating systems', a.operatingSystems.map((os) => OS_NAMES[os]).join(', ') || 'none'],
    ['Tenancy', tenancyLabels(a.tenancies)],
    ...a.usage.map((u): [string, string] => [`Usage: ${reportLineName(report, u.lineId)}`, u.description]),
    ...a.notes.map((n, i): [string, string] => [i === 0 ? 'Notes' : '', n]),
  ];
  for (const r of rows) ws.addRow(r).getCell(1).font = { bold: true };
  ws.addRow([]);
  ws.addRow(['Totals', report.lines.length === 0 ? 'No lines in this scenario' : '']).font = { bold: true };
  const ref = (header: string) => `Lines!${letterOf(header)}${totalRow}`;
  const t = report.totals;
  const money: [string, string, string][] = [
    ['Compute per month', ref('Compute'), t.computeMonthlyUsd],
    ['Storage per month', ref('Storage'), t.storageMonthlyUsd],
    ['Snapshots per month', ref('Snapshots'), t.snapshotMonthlyUsd],
    ['Monthly (recurring)', ref('Monthly'), t.monthlyUsd],
    ['Upfront', ref('Upfront'), t.upfrontUsd],
    ['Amortized monthly', ref('Amortized monthly'), t.amortizedMonthlyUsd],
  ];
  const at: Record<string, number> = {};
  for (const [label, formula, result] of money) {
    const row = ws.addRow([label, { formula, result: Number(result) }]);
    row.getCell(2).numFmt = MONEY_FORMAT;
    at[label] = row.number;
  }
  // All upfronts + 12 months; the 3-year figure renews 1-year terms, so it is the engine's value.
  const oneYear = ws.addRow([
    '1 year',
    { formula: `B${at['Upfront']}+12*B${at['Monthly (recurring)']}`, result: Number(t.oneYearUsd) },
  ]);
  oneYear.getCell(2).numFmt = MONEY_FORMAT;
  ws.addRow(['3 years (1-year terms renewed)', Number(t.threeYearUsd)]).getCell(2).numFmt = MONEY_FORMAT;
  if (!t.complete) ws.addRow(['Incomplete', `Not priced: ${t.incompleteLineIds.join(', ')} (see warnings)`]);
  const cheapest = report.comparison.strategies.find((s) => s.id === report.comparison.cheapestId);
  ws.addRow(['Cheapest strategy over 3 years', cheapest ? cheapest.label : 'n/a']);
  ws.addRow([]);
  if (report.budget) {
    const b = report.budget;
    ws.addRow(['Budget', b.summary]).font = { bold: true };
    ws.addRow(['Monthly budget', Number(b.budgetUsd)]).getCell(2).numFmt = MONEY_FORMAT;
    for (const t of b.thresholds)
      ws.addRow([`${t.pct} % ${t.basis}`, t.words]).getCell(2).alignment = { wrapText: true };
    ws.addRow([]);
  }
  // Missing prices: one row per family, its way out and the lines it concerns named once.
  if (report.missingPrices.length) {
    ws.addRow(['Prices not in this catalog', '']).font = { bold: true };
    for (const m of report.missingPrices)
      ws.addRow([m.title, m.text]).getCell(2).alignment = { wrapText: true };
    ws.addRow([]);
  }
  capacityRows(ws, report);
  ws.addRow(['Warnings', report.warnings.length === 0 ? 'none' : '']).font = { bold: true };
  for (const w of report.warnings) ws.addRow([w.scope, w.message]).getCell(2).alignment = { wrapText: true };
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EC2 EBS Planner';
  wb.created = new Date(report.producedAt);
  wb.addWorksheet('Summary');
  const totalRow = linesSheet(wb, report);
  comparisonSheet(wb, report);
  accountsSheet(wb, report, MONEY_FORMAT);
  tenancySheet(wb, report, MONEY_FORMAT);
  summarySheet(wb, report, totalRow);
  wb.calcProperties.fullCalcOnLoad = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
