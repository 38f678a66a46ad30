import Papa from 'papaparse';
import type { ScenarioEstimate, StrategyResult } from '../../shared/pricing/estimate-types';
import { Decimal, formatUsd } from '../../shared/money';
import type { CliCommand } from './commands';
import { formatTable } from './table';

const money = (v: string | null) => formatUsd(v === null ? null : new Decimal(v));

function estimateJson(e: ScenarioEstimate) {
  return {
    name: e.name,
    hoursPerMonth: e.hoursPerMonth,
    catalogAsOf: e.catalogAsOf,
    lines: e.lines.map((l) => ({
      id: l.id,
      instanceType: l.instanceType,
      region: l.region,
      os: l.os,
      model: l.model,
      instanceHours: l.instanceHours,
      computeMonthlyUsd: l.computeMonthlyUsd,
      storageMonthlyUsd: l.storageMonthlyUsd,
      snapshotMonthlyUsd: l.snapshotMonthlyUsd,
      upfrontUsd: l.upfrontUsd,
      monthlyUsd: l.monthlyUsd,
      amortizedMonthlyUsd: l.amortizedMonthlyUsd,
      complete: l.complete,
    })),
    totals: e.totals,
    warnings: e.warnings,
  };
}

const ESTIMATE_CSV_COLUMNS = [
  'id',
  'instanceType',
  'region',
  'os',
  'model',
  'instanceHours',
  'computeMonthlyUsd',
  'storageMonthlyUsd',
  'snapshotMonthlyUsd',
  'upfrontUsd',
  'monthlyUsd',
  'amortizedMonthlyUsd',
] as const;

export const SCENARIO_COMMANDS: Record<string, CliCommand> = {
  estimate: {
    usage: 'estimate SCENARIO.json [--format json|csv|table]',
    call: 'pricing.estimate',
    positionals: ['document'],
    jsonFilePositionals: true,
    options: {},
    toJson: (e: ScenarioEstimate) => estimateJson(e),
    toCsv: (e: ScenarioEstimate) =>
      Papa.unparse(
        {
          fields: [...ESTIMATE_CSV_COLUMNS],
          data: estimateJson(e).lines.map((l) => ESTIMATE_CSV_COLUMNS.map((c) => l[c] ?? '')),
        },
        { newline: '\r\n' },
      ) + '\r\n',
    toText: (e: ScenarioEstimate) =>
      `${e.name} — month = ${e.hoursPerMonth} h, prices as of ${e.catalogAsOf}\n\n` +
      formatTable(
        [
          'Line',
          'Type',
          'Region',
          'Model',
          'Inst-hours',
          'Compute',
          'Storage',
          'Upfront',
          'Monthly',
          'Amortized',
        ],
        e.lines.map((l) => [
          l.id,
          l.instanceType,
          l.region,
          l.model,
          Math.round(l.instanceHours * 100) / 100,
          money(l.computeMonthlyUsd),
          money(l.storageMonthlyUsd),
          money(l.upfrontUsd),
          money(l.monthlyUsd),
          money(l.amortizedMonthlyUsd),
        ]),
      ) +
      `\n\nTotals: monthly ${money(e.totals.monthlyUsd)}, upfront ${money(e.totals.upfrontUsd)}, amortized ${money(
        e.totals.amortizedMonthlyUsd,
      )}/month, 1 year ${money(e.totals.oneYearUsd)}, 3 years ${money(e.totals.threeYearUsd)}` +
      (e.totals.complete ? '' : ' (incomplete: see warnings)') +
      (e.warnings.length ? '\n\nWarnings:\n' + e.warnings.map((w) => `  - ${w.message}`).join('\n') : ''),
  },
  compare: {
    usage: 'compare SCENARIO.json [--format json|table]',
    call: 'pricing.compare',
    positionals: ['document'],
    jsonFilePositionals: true,
    options: {},
    toJson: (rows: StrategyResult[]) =>
      rows.map((r) => ({
        id: r.id,
        label: r.label,
        monthlyUsd: r.monthlyUsd,
        upfrontUsd: r.upfrontUsd,
        amortizedMonthlyUsd: r.amortizedMonthlyUsd,
        oneYearUsd: r.oneYearUsd,
        threeYearUsd: r.threeYearUsd,
        savingsVsOnDemandPct: r.savingsVsOnDemandPct,
        breakEvenMonth: r.breakEvenMonth,
        complete: r.complete,
        warnings: r.warnings.map((w) => w.message),
      })),
    toText: (rows: StrategyResult[]) =>
      formatTable(
        ['Strategy', 'Monthly', 'Upfront', 'Amortized', '1 year', '3 years', 'Saving', 'Break-even'],
        rows.map((r) => [
          r.label,
          money(r.monthlyUsd),
          money(r.upfrontUsd),
          money(r.amortizedMonthlyUsd),
          money(r.oneYearUsd),
          money(r.threeYearUsd),
          r.savingsVsOnDemandPct === null ? 'n/a' : `${r.savingsVsOnDemandPct}%`,
          r.breakEvenMonth === null ? 'n/a' : `month ${r.breakEvenMonth}`,
        ]),
      ),
  },
};
