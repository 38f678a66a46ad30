import Papa from 'papaparse';
import type { Report, ReportLine, ReportTotals } from '@shared/reports/model';

/**
 * One row per line item, then a TOTAL row. RFC 4180 (CRLF, quoted where needed), UTF-8. Money columns
 * are decimal USD at full precision, so the lines add up exactly to the totals; "n/a" = not priced.
 * These column names are stable: documented in the README; add new ones at the end only.
 */
export const CSV_COLUMNS = [
  'lineId',
  'lineName',
  'instanceType',
  'region',
  'os',
  'purchase',
  'pricedModel',
  'instanceHours',
  'computeMonthlyUsd',
  'computeAmortizedMonthlyUsd',
  'storageCapacityMonthlyUsd',
  'storageIopsMonthlyUsd',
  'storageThroughputMonthlyUsd',
  'storageIoRequestsMonthlyUsd',
  'storageMonthlyUsd',
  'snapshotMonthlyUsd',
  'upfrontUsd',
  'monthlyUsd',
  'amortizedMonthlyUsd',
  'complete',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const CSV_TOTAL_ID = 'TOTAL';

const NA = 'n/a';
const m = (v: string | null) => v ?? NA;

function lineRow(l: ReportLine): Record<CsvColumn, string | number> {
  return {
    lineId: l.id,
    lineName: l.name ?? '',
    instanceType: l.instanceType,
    region: l.region,
    os: l.os,
    purchase: l.purchase,
    pricedModel: l.pricedModel,
    instanceHours: l.instanceHours,
    computeMonthlyUsd: m(l.computeMonthlyUsd),
    computeAmortizedMonthlyUsd: m(l.computeAmortizedMonthlyUsd),
    storageCapacityMonthlyUsd: m(l.storage.capacityUsd),
    storageIopsMonthlyUsd: m(l.storage.iopsUsd),
    storageThroughputMonthlyUsd: m(l.storage.throughputUsd),
    storageIoRequestsMonthlyUsd: m(l.storage.ioRequestsUsd),
    storageMonthlyUsd: m(l.storageMonthlyUsd),
    snapshotMonthlyUsd: m(l.snapshotMonthlyUsd),
    upfrontUsd: m(l.upfrontUsd),
    monthlyUsd: m(l.monthlyUsd),
    amortizedMonthlyUsd: m(l.amortizedMonthlyUsd),
    complete: String(l.complete),
  };
}

function totalRow(t: ReportTotals): Record<CsvColumn, string | number> {
  return {
    lineId: CSV_TOTAL_ID,
    lineName: '',
    instanceType: '',
    region: '',
    os: '',
    purchase: '',
    pricedModel: '',
    instanceHours: t.instanceHours,
    computeMonthlyUsd: t.computeMonthlyUsd,
    computeAmortizedMonthlyUsd: t.computeAmortizedMonthlyUsd,
    storageCapacityMonthlyUsd: t.storage.capacityUsd,
    storageIopsMonthlyUsd: t.storage.iopsUsd,
    storageThroughputMonthlyUsd: t.storage.throughputUsd,
    storageIoRequestsMonthlyUsd: t.storage.ioRequestsUsd,
    storageMonthlyUsd: t.storageMonthlyUsd,
    snapshotMonthlyUsd: t.snapshotMonthlyUsd,
    upfrontUsd: t.upfrontUsd,
    monthlyUsd: t.monthlyUsd,
    amortizedMonthlyUsd: t.amortizedMonthlyUsd,
    complete: String(t.complete),
  };
}

export function reportCsv(report: Report, opts: { bom?: boolean } = {}): string {
  const rows = [...report.lines.map(lineRow), totalRow(report.totals)];
  const text = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) },
    { newline: '\r\n', quotes: false, escapeFormulae: true },
  );
  return (opts.bom ? '\uFEFF' : '') + text + '\r\n';
}
