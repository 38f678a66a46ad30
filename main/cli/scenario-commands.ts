import { formatDateRange, spanOf } from '@shared/catalog-scopes';
import type { ScenarioEstimate, StrategyResult } from '@shared/pricing/estimate-types';
import { demandLines, quotaLines, quotaVerdict } from '@shared/capacity/capacity-words';
import { contractCommand } from './contract-command';
import { explanationText } from './explain-text';
import { noticesText, strategyNoticesText } from './notices-text';
import { formatTable, money } from './table';
import { BUDGET_FLAG, budgetCell, budgetText, withBudgetFlag } from './budget-flag';
import { SUPPORT_FLAG, supportCells, supportText, withSupportFlag } from './support-flag';
import { accountsText } from './accounts-text';
import { hasDedicated, tenancyCell, tenancyText } from './tenancy-text';
import { capacityReservationNotes } from '@shared/reports/reservation-notes';
import type { Command, ParsedArgs, Positional } from './types';

/** The scenario document: a JSON file (docs/scenario.schema.json), read here, validated by the contract. */
export const SCENARIO_FILE: Positional = {
  name: 'SCENARIO.json',
  field: 'document',
  label: 'Scenario file (JSON, as docs/scenario.schema.json describes)',
  jsonFile: true,
};

/** The CSV's columns: one row per line, its money figures. */
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
  'tenancy',
] as const satisfies readonly (keyof ScenarioEstimate['lines'][number])[];

/** One row per strategy; its cumulative series and warnings stay in the JSON. */
const COMPARE_CSV_COLUMNS = [
  'id',
  'label',
  'monthlyUsd',
  'upfrontUsd',
  'amortizedMonthlyUsd',
  'oneYearUsd',
  'threeYearUsd',
  'savingsVsOnDemandPct',
  'breakEvenMonth',
  'complete',
] as const satisfies readonly (keyof StrategyResult)[];

/** --budget-usd then --support, each set into the scenario document (a refusal is a string). */
function withPlanFlags(input: Record<string, unknown>, args: ParsedArgs): Record<string, unknown> | string {
  const budgeted = withBudgetFlag(input, args);
  return typeof budgeted === 'string' ? budgeted : withSupportFlag(budgeted, args);
}

const estimate = contractCommand({
  name: 'estimate',
  summary: 'The monthly, upfront, 1-year and 3-year cost of a scenario, line by line.',
  call: 'pricing.estimate',
  positionals: [SCENARIO_FILE],
  flags: { omit: ['jobId'] },
  extraFlags: [BUDGET_FLAG, SUPPORT_FLAG],
  adjustInput: withPlanFlags,
  examples: [
    'estimate docs/examples/web-and-batch.json',
    'estimate docs/examples/web-and-batch.json --budget-usd 400',
    'estimate docs/examples/web-and-batch.json --support business',
    'estimate docs/examples/web-and-batch.json --format csv > estimate.csv',
  ],
  csv: {
    rows: (e) => e.lines.map((l) => ({ ...l, tenancy: l.tenancy ?? 'shared' })),
    columns: ESTIMATE_CSV_COLUMNS,
  },
  table: (e: ScenarioEstimate) =>
    `${e.name} — month = ${e.hoursPerMonth} h, prices as of ${formatDateRange(e.pricesAsOf)}\n\n` +
    formatTable(
      [
        'Line',
        'Type',
        'Region',
        ...(hasDedicated(e.lines) ? ['Tenancy'] : []),
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
        ...(hasDedicated(e.lines) ? [tenancyCell(l)] : []),
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
    accountsText(e) +
    tenancyText(e.lines) +
    reservationsText(e) +
    budgetText(e.budget) +
    supportText(e) +
    noticesText(e.missingPrices, e.warnings, e.lines) +
    (e.explanation
      ? '\n\nThe arithmetic (--explain):\n' +
        [e.explanation.totals.threeYear, ...e.explanation.allocation]
          .map((x) => explanationText(x))
          .join('\n')
      : '') +
    capacityText(e),
});

/** Lines holding a capacity reservation, and what their unused part costs. */
function reservationsText(e: ScenarioEstimate): string {
  const notes = capacityReservationNotes(e.lines);
  return notes.length ? '\n\nCapacity reservations:\n' + notes.map((n) => `  - ${n}`).join('\n') : '';
}

/** Lines sized from demand, and the quota check (peak vCPUs per class against the account's quotas). */
function capacityText(e: ScenarioEstimate): string {
  const demand = demandLines(e.lines);
  return (
    (demand.length ? '\n\nSized from demand:\n' + demand.map((d) => `  - ${d}`).join('\n') : '') +
    `\n\nQuota check: ${quotaVerdict(e.quotas)}\n` +
    quotaLines(e.quotas)
      .map((q) => `  - ${q}`)
      .join('\n')
  );
}

const compare = contractCommand({
  name: 'compare',
  summary: 'A scenario under every purchase strategy: on-demand, RIs, Savings Plans, spot.',
  call: 'pricing.compare',
  positionals: [SCENARIO_FILE],
  flags: { omit: ['jobId'] },
  extraFlags: [BUDGET_FLAG, SUPPORT_FLAG],
  adjustInput: withPlanFlags,
  examples: [
    'compare docs/examples/web-and-batch.json',
    'compare docs/examples/web-and-batch.json --budget-usd 400',
    'compare docs/examples/web-and-batch.json --support developer',
    'compare docs/examples/web-and-batch.json --format json',
  ],
  csv: { rows: (rows) => rows, columns: COMPARE_CSV_COLUMNS },
  table: (rows: StrategyResult[]) =>
    formatTable(
      [
        'Strategy',
        'Monthly',
        'Upfront',
        'Amortized',
        '1 year',
        '3 years',
        'Saving',
        'Break-even',
        ...(rows.some((r) => r.budget) ? ['Budget thresholds crossed'] : []),
        ...(rows.some((r) => r.support) ? ['Support/mo', '3 years + support'] : []),
      ],
      rows.map((r) => [
        r.label,
        money(r.monthlyUsd),
        money(r.upfrontUsd),
        money(r.amortizedMonthlyUsd),
        money(r.oneYearUsd),
        money(r.threeYearUsd),
        r.savingsVsOnDemandPct === null ? 'n/a' : `${r.savingsVsOnDemandPct}%`,
        r.breakEven,
        ...(rows.some((r) => r.budget) ? [budgetCell(r.budget)] : []),
        ...(rows.some((r) => r.support) ? supportCells(r) : []),
      ]),
    ) +
    (rows[0]?.budget
      ? `\n\nBudget ${money(rows[0].budget.budgetUsd)} a month; months are 1..36, upfronts in month 1 (1-year renewals in 13 and 25).`
      : '') +
    `\n\nPrices as of ${formatDateRange(spanOf(rows.map((r) => r.pricesAsOf)))}` +
    strategyNoticesText(rows) +
    (rows.some((r) => r.explanation)
      ? '\n\nThe arithmetic (--explain; the JSON has every step):\n' +
        rows
          .flatMap((r) =>
            r.explanation
              ? [explanationText({ ...r.explanation.threeYear, label: `${r.label}, 3 years` }, 1, 1)]
              : [],
          )
          .join('\n')
      : ''),
});

export const SCENARIO_COMMANDS: Command[] = [estimate, compare];
