import Papa from 'papaparse';
import { Decimal, toUsdString } from '@shared/money';
import { NA } from './na';
import type {
  Report,
  ReportBudget,
  ReportSupport,
  ReportLine,
  ReportMissingPrice,
  ReportTotals,
} from '@shared/reports/model';

/**
 * One row per line item, then a TOTAL row. RFC 4180 (CRLF, quoted where needed), UTF-8. Money columns
 * are decimal USD at full precision, so the lines add up exactly to the totals; "n/a" = not priced.
 * These column names are stable: documented in the README; add new ones at the end only. The budget
 * columns are filled on the TOTAL row only (a budget is the scenario's, not a line's): its name does
 * not end in Usd, as it does not add up over the lines. So are the AWS Support plan's (the fee on the
 * scenario's monthly charges; not in monthlyUsd, which stays EC2 and EBS). `account`: the line's
 * account when the scenario names accounts (the report's JSON and HTML give each account's totals).
 * `tenancy`: shared, dedicated or host; the dedicated* columns are the parts of the line's compute its
 * Dedicated Hosts and the Dedicated per-Region fee it carries make ("0" on a line without them), with
 * their arithmetic in `dedicatedWorking`.
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
  'missingPrices',
  'budgetUsdPerMonth',
  'budgetThresholdsCrossed',
  'supportPlan',
  'supportFeePerMonth',
  'account',
  'tenancy',
  'dedicatedHosts',
  'dedicatedHostUpfrontUsd',
  'dedicatedHostMonthlyUsd',
  'dedicatedFeeMonthlyUsd',
  'dedicatedWorking',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const CSV_TOTAL_ID = 'TOTAL';

const m = (v: string | null) => v ?? NA;

function lineRow(l: ReportLine, notices: readonly ReportMissingPrice[]): Record<CsvColumn, string | number> {
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
    missingPrices: missingPriceNotes(
      notices,
      (m) => m.estimateLineIds.includes(l.id),
      (m) => m.title,
    ),
    budgetUsdPerMonth: '',
    budgetThresholdsCrossed: '',
    supportPlan: '',
    supportFeePerMonth: '',
    account: '',
    tenancy: l.tenancy,
    dedicatedHosts: l.dedicatedHost ? (l.dedicatedHost.hosts ?? NA) : '',
    dedicatedHostUpfrontUsd: l.dedicatedHost ? m(l.dedicatedHost.upfrontUsd) : '0',
    dedicatedHostMonthlyUsd: l.dedicatedHost ? m(l.dedicatedHost.monthlyUsd) : '0',
    dedicatedFeeMonthlyUsd: l.dedicatedFee ? m(l.dedicatedFee.monthlyUsd) : '0',
    dedicatedWorking: [l.dedicatedHost?.working, l.dedicatedFee?.working].filter(Boolean).join('; '),
  };
}

/** A dedicated column's TOTAL: the sum of what could be priced, like every other money column. */
function dedicatedTotal(lines: readonly ReportLine[], pick: (l: ReportLine) => string | null | undefined) {
  return toUsdString(lines.reduce((a, l) => a.plus(pick(l) ?? 0), new Decimal(0)));
}

function totalRow(
  lines: readonly ReportLine[],
  t: ReportTotals,
  notices: readonly ReportMissingPrice[],
  budget: ReportBudget | null,
  support: ReportSupport | null,
): Record<CsvColumn, string | number> {
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
    missingPrices: missingPriceNotes(
      notices,
      () => true,
      (m) => `${m.title} — ${m.wayOut}`,
    ),
    budgetUsdPerMonth: budget?.budgetUsd ?? '',
    budgetThresholdsCrossed: budget ? budgetCrossedText(budget) : '',
    supportPlan: support?.plan ?? '',
    supportFeePerMonth: support ? (support.supportMonthlyUsd ?? NA) : '',
    account: '',
    tenancy: '',
    dedicatedHosts: lines.reduce((a, l) => a + (l.dedicatedHost?.hosts ?? 0), 0),
    dedicatedHostUpfrontUsd: dedicatedTotal(lines, (l) => l.dedicatedHost?.upfrontUsd),
    dedicatedHostMonthlyUsd: dedicatedTotal(lines, (l) => l.dedicatedHost?.monthlyUsd),
    dedicatedFeeMonthlyUsd: dedicatedTotal(lines, (l) => l.dedicatedFee?.monthlyUsd),
    dedicatedWorking: '',
  };
}

/** The TOTAL row's budget cell: each crossed threshold with its months, or "none" ("within … %"). */
function budgetCrossedText(b: ReportBudget): string {
  const crossed = b.thresholds.filter((t) => t.crossed || t.amortizedCrosses);
  return crossed.length ? crossed.map((t) => t.words).join('; ') : `none (${b.usedPct} % of the budget)`;
}

/**
 * The missing-prices column: a line's row names the families it lacks; the TOTAL row says each family
 * once with its way out (the report's notices, those of the estimate's own lines).
 */
function missingPriceNotes(
  notices: readonly ReportMissingPrice[],
  keep: (m: ReportMissingPrice) => boolean,
  say: (m: ReportMissingPrice) => string,
): string {
  return notices.filter(keep).map(say).join('; ');
}

export function reportCsv(report: Report, opts: { bom?: boolean } = {}): string {
  // The CSV holds the scenario as planned: the notices its own figures lack (not the strategies').
  const notices = report.missingPrices.filter((m) => m.estimateLineIds.length > 0);
  const rows = [
    ...report.lines.map((l) => ({
      ...lineRow(l, notices),
      account: report.accounts?.find((a) => a.lineIds.includes(l.id))?.id ?? '',
    })),
    totalRow(report.lines, report.totals, notices, report.budget, report.support),
  ];
  const text = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) },
    { newline: '\r\n', quotes: false, escapeFormulae: true },
  );
  return (opts.bom ? '\uFEFF' : '') + text + '\r\n';
}
