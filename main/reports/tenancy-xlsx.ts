import type ExcelJS from 'exceljs';
import type { Report } from '@shared/reports/model';
import { NA, numberOrNa } from './na';

/** The Dedicated sheet's name (only when a line has Dedicated Hosts or carries the per-Region fee). */
export const TENANCY_SHEET = 'Dedicated';
/** The rate column's format: host and fee rates are per hour, to the tenth of a cent and beyond. */
const RATE_FORMAT = '"$"#,##0.00000';

const usd = numberOrNa;
const count = (v: number | null): number | string => (v === null ? NA : v);

/**
 * One row per line's Dedicated Hosts and per Dedicated per-Region fee, with the arithmetic in words;
 * their cost is within the Lines sheet's Compute. `money` is the workbook's currency format.
 */
export function tenancySheet(wb: ExcelJS.Workbook, report: Report, money: string): void {
  const rows = report.lines.filter((l) => l.dedicatedHost || l.dedicatedFee);
  if (rows.length === 0) return;
  const ws = wb.addWorksheet(TENANCY_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const cash = { style: { numFmt: money } };
  ws.columns = [
    { header: 'Line', width: 14 },
    { header: 'Part', width: 26 },
    { header: 'Region', width: 14 },
    { header: 'Account', width: 12 },
    { header: 'Host family', width: 12 },
    { header: 'Instances per host', width: 12 },
    { header: 'Peak instances', width: 12 },
    { header: 'Hosts', width: 8 },
    { header: 'Purchase', width: 36 },
    { header: 'Billed hours', width: 12, style: { numFmt: '#,##0.00' } },
    { header: 'Rate per hour', width: 14, style: { numFmt: RATE_FORMAT } },
    { header: 'Upfront', width: 14, ...cash },
    { header: 'Monthly', width: 14, ...cash },
    { header: 'Amortized monthly', width: 18, ...cash },
    { header: 'Working', width: 100 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const l of rows) {
    const h = l.dedicatedHost;
    if (h)
      ws.addRow([
        l.id,
        'Dedicated Host',
        l.region,
        '',
        h.family,
        count(h.instancesPerHost),
        h.peakInstances,
        count(h.hosts),
        h.purchase,
        '',
        usd(h.hostHourlyUsd),
        usd(h.upfrontUsd),
        usd(h.monthlyUsd),
        usd(h.amortizedMonthlyUsd),
        h.working,
      ]);
    const f = l.dedicatedFee;
    if (f)
      ws.addRow([
        l.id,
        'Dedicated per-Region fee',
        f.region,
        f.account ?? '',
        '',
        '',
        '',
        '',
        `counts lines ${f.lineIds.join(', ')}`,
        f.billedHours,
        usd(f.hourlyUsd),
        0,
        usd(f.monthlyUsd),
        usd(f.monthlyUsd),
        f.working,
      ]);
  }
  ws.getColumn(15).alignment = { wrapText: true, vertical: 'top' };
}
