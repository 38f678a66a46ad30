import type ExcelJS from 'exceljs';
import type { Report } from '@shared/reports/model';

/** The Accounts sheet's name (only when the scenario names accounts). */
export const ACCOUNTS_SHEET = 'Accounts';

/**
 * Cost per account, one row each (commitments in the account of the line that buys them), when the
 * scenario names accounts; `money` is the workbook's currency format.
 */
export function accountsSheet(wb: ExcelJS.Workbook, report: Report, money: string): void {
  const accounts = report.accounts;
  if (!accounts?.length) return;
  const ws = wb.addWorksheet(ACCOUNTS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const usd = { style: { numFmt: money } };
  ws.columns = [
    { header: 'Account', width: 28 },
    { header: 'RI/SP sharing', width: 14 },
    { header: 'Lines', width: 40 },
    { header: 'Monthly', width: 14, ...usd },
    { header: 'Upfront', width: 14, ...usd },
    { header: 'Amortized monthly', width: 18, ...usd },
    { header: '1 year', width: 14, ...usd },
    { header: '3 years', width: 14, ...usd },
  ];
  ws.getRow(1).font = { bold: true };
  for (const a of accounts) {
    ws.addRow([
      a.name ? `${a.name} (${a.id})` : a.id,
      a.sharing ? 'on' : 'off',
      a.lineIds.join(', '),
      Number(a.monthlyUsd),
      Number(a.upfrontUsd),
      Number(a.amortizedMonthlyUsd),
      Number(a.oneYearUsd),
      Number(a.threeYearUsd),
    ]);
  }
}
