import type ExcelJS from 'exceljs';
import type { Report } from '@shared/reports/model';
import { reportLineName } from '@shared/reports/model';

/**
 * The capacity rows of the Summary sheet: the quota check (one row per region and quota), the
 * strategies that exceed more than the all On-Demand reference, and the lines sized from demand.
 */
export function capacityRows(ws: ExcelJS.Worksheet, report: Report): void {
  const q = report.quotas;
  ws.addRow(['Quota check', q.verdict]).font = { bold: true };
  for (const u of q.uses) {
    const row = ws.addRow([`${u.name}, ${u.region}`, u.message]);
    row.getCell(2).alignment = { wrapText: true };
    if (u.status === 'exceeds') row.getCell(2).font = { bold: true, color: { argb: 'FFB91C1C' } };
  }
  for (const n of q.notCounted) ws.addRow([`Not counted: ${n.lineId}`, n.reason]);
  for (const s of report.comparison.strategies)
    if (s.quotaExceeded) ws.addRow([s.label, s.quotaExceeded]).getCell(2).alignment = { wrapText: true };
  const sized = report.lines.filter((l) => l.demand !== null);
  for (const l of sized)
    ws
      .addRow([
        `Sized from demand: ${reportLineName(report, l.id)}`,
        `${l.demand!.summary}. ${l.demand!.working}`,
      ])
      .getCell(2).alignment = { wrapText: true };
  ws.addRow([]);
}
