import { basename } from 'node:path';
import { formatDateRange } from '@shared/catalog-scopes';
import { optimizeConstraintsSchema } from '@shared/optimizer/constraints-schema';
import type { PlanPurchase, PurchasePlan } from '@shared/optimizer/types';
import { OFFERING_CLASS_LABELS, PAYMENT_LABELS, PLAN_TYPE_LABELS } from '@shared/pricing/purchase-options';
import { breakEvenMonthWords } from '@shared/pricing/break-even';
import { scenarioSchema } from '@shared/scenario/schema';
import { validate } from '@shared/validation';
import { dispatch } from '../transport/dispatch';
import { callInput, fieldMessage, openServices, refuse } from './call-input';
import { CATALOG_FLAG, formatFlag, HELP_FLAG, objectFlags } from './flags';
import { noticesText } from './notices-text';
import { SCENARIO_FILE } from './scenario-commands';
import { readScenarioFile } from './scenario-file';
import { formatTable, money } from './table';
import type { CliResult, Command, Flag, ParsedArgs } from './types';
import { applyUsage, readUsageCsv, USAGE_CSV_HEADERS, type UsageApplied } from './usage-csv';

/**
 * `optimize SCENARIO.json`: the cheapest mix of Reserved Instances, Savings Plans, spot and On-Demand
 * for the scenario's hourly profiles (pricing.optimize), under constraints given as flags (derived
 * from the constraints' schema, shared/optimizer/constraints-schema.ts); `--usage-csv` replaces the
 * usage of the lines it covers with measured hourly usage (main/cli/usage-csv.ts).
 */

/** Said the command line's way: an empty --allow, and no --max-upfront-usd. */
const CLI_WORDS: Record<string, Partial<Flag>> = {
  allow: {
    description:
      'ri (Reserved Instances), sp (Savings Plans), spot (interruption-tolerant lines); --allow= for On-Demand only',
  },
  'max-upfront-usd': { description: 'the most upfront cash the plan may pay; default no limit' },
};

const CONSTRAINT_FLAGS: Flag[] = objectFlags('pricing.optimize constraints', optimizeConstraintsSchema, {
  valueNames: { maxUpfrontUsd: 'USD', maxTermYears: '1|3' },
}).map(({ default: fallback, ...f }) => ({
  ...f,
  ...(fallback === null ? {} : { default: fallback }),
  ...CLI_WORDS[f.name],
}));

const USAGE_CSV_FLAG: Flag = {
  name: 'usage-csv',
  kind: 'string',
  label: 'Usage CSV',
  valueName: 'FILE',
  description:
    'hourly usage from a CSV, one row per hour, instance type and region, its columns (any case) ' +
    Object.values(USAGE_CSV_HEADERS)
      .map((spellings) => spellings.join(' / '))
      .join('; ') +
    '. Rows of one hour, type and region are added up and rounded up to whole instances; hours count ' +
    'from the earliest timestamp (UTC unless it says), missing hours are 0. ' +
    'Each type and region REPLACES the usage of the scenario’s first line of that type and region ' +
    '(its purchase, OS and volumes kept; other lines of it are dropped, as the CSV counts them all); ' +
    'a type and region the scenario lacks is ADDED as a Linux On-Demand line without volumes',
};

/** The printed answer: what to buy and the plan's totals (the full plan is the call's result). */
function planJson(plan: PurchasePlan, applied: (UsageApplied & { file: string }) | null) {
  return {
    purchases: plan.purchases,
    monthlyUsd: plan.monthlyUsd,
    upfrontUsd: plan.upfrontUsd,
    threeYearUsd: plan.threeYearUsd,
    savingsVsOnDemandPct: plan.savingsVsOnDemandPct,
    coveragePct: plan.coveragePct,
    utilizationPct: plan.utilizationPct,
    amortizedMonthlyUsd: plan.amortizedMonthlyUsd,
    oneYearUsd: plan.oneYearUsd,
    onDemandMonthlyUsd: plan.onDemandMonthlyUsd,
    onDemandThreeYearUsd: plan.onDemandThreeYearUsd,
    worstMonth: plan.worstMonth,
    lines: plan.lines,
    constraints: plan.constraints,
    ...(applied
      ? {
          usageCsv: {
            file: applied.file,
            replacedLineIds: applied.replaced,
            droppedLineIds: applied.dropped,
            addedLineIds: applied.added,
          },
        }
      : {}),
    method: plan.method,
    warnings: plan.warnings,
    missingPrices: plan.missingPrices,
    pricesAsOf: plan.pricesAsOf,
  };
}

const pct = (v: string | null) => (v === null ? 'n/a' : `${v}%`);

function purchaseRow(p: PlanPurchase): (string | number)[] {
  const terms = [`${p.termYears}-year`, PAYMENT_LABELS[p.paymentOption]];
  const figures = [
    money(p.upfrontUsd),
    money(p.recurringMonthlyUsd),
    money(p.amortizedMonthlyUsd),
    pct(p.utilizationPct),
    breakEvenMonthWords(p.breakEvenMonth),
  ];
  if (p.kind === 'reserved') {
    const what = `${OFFERING_CLASS_LABELS[p.offeringClass]} RIs ${p.instanceType}${p.sizeFlexible ? ' (size-flexible)' : ''}`;
    return [what, `${p.region} ${p.os}`, String(p.count), ...terms, ...figures];
  }
  const what = `${PLAN_TYPE_LABELS[p.planType]} Savings Plan${p.family ? ` (${p.family})` : ''}`;
  return [what, p.region ?? 'any region', `${money(p.commitmentHourlyUsd, true)}/h`, ...terms, ...figures];
}

function planTable(plan: PurchasePlan, applied: (UsageApplied & { file: string }) | null): string {
  const buy = plan.purchases.length
    ? formatTable(
        [
          'Buy',
          'Where',
          'Count / commitment',
          'Term',
          'Payment',
          'Upfront',
          'Recurring/mo',
          'Amortized/mo',
          'Used',
          'Break-even',
        ],
        plan.purchases.map(purchaseRow),
      )
    : 'Buy no commitments: On-Demand (and spot where allowed) is cheapest for this usage.';
  const lines = formatTable(
    ['Line', 'Type', 'Region', 'Spot', 'Reserved', 'Savings Plan', 'On-Demand', 'Monthly'],
    plan.lines.map((l) => [
      l.lineName || l.lineId,
      l.instanceType,
      l.region,
      `${l.spotPct}%`,
      `${l.reservedPct}%`,
      `${l.savingsPlanPct}%`,
      `${l.onDemandPct}%`,
      money(l.monthlyUsd),
    ]),
  );
  const usage = applied
    ? `\n\nUsage from ${applied.file}: ` +
      [
        applied.replaced.length ? `replaced the usage of ${applied.replaced.join(', ')}` : '',
        applied.dropped.length ? `dropped ${applied.dropped.join(', ')}` : '',
        applied.added.length ? `added ${applied.added.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')
    : '';
  return (
    `${plan.scenario.name} — the cheapest mix (prices as of ${formatDateRange(plan.pricesAsOf)})\n\n` +
    buy +
    '\n\n' +
    lines +
    `\n\nPlan: monthly ${money(plan.monthlyUsd)}, upfront ${money(plan.upfrontUsd)}, ` +
    `amortized ${money(plan.amortizedMonthlyUsd)}/month, 3 years ${money(plan.threeYearUsd)}` +
    `\nAll On-Demand: monthly ${money(plan.onDemandMonthlyUsd)}, 3 years ${money(plan.onDemandThreeYearUsd)}` +
    `\nSaving over 3 years ${pct(plan.savingsVsOnDemandPct)}; coverage ${pct(plan.coveragePct)}, ` +
    `utilization ${pct(plan.utilizationPct)}` +
    (plan.worstMonth ? `; worst month ${plan.worstMonth.month} (${money(plan.worstMonth.monthlyUsd)})` : '') +
    usage +
    (plan.method.length ? '\n\nHow:\n' + plan.method.map((m) => `  - ${m}`).join('\n') : '') +
    noticesText(plan.missingPrices, plan.warnings, plan.scenario.lines)
  );
}

/** The scenario file's document with the CSV's usage applied, or the refusal naming the flag and file. */
function withUsageCsv(
  cmd: Command,
  args: ParsedArgs,
  document: unknown,
): { document: unknown; applied: (UsageApplied & { file: string }) | null } | CliResult {
  const path = args.values['usage-csv'] as string | undefined;
  if (path === undefined) return { document, applied: null };
  const file = readScenarioFile(path, 'CSV file');
  if ('error' in file) return refuse(cmd, `--usage-csv: ${file.error}`);
  const csv = readUsageCsv(file.text);
  if ('message' in csv) {
    // "--usage-csv usage.csv row 14: count: must be …"; a missing column is named in the message.
    const at = csv.row !== undefined ? ` row ${csv.row}: ${csv.field ? `${csv.field}: ` : ''}` : ': ';
    return refuse(cmd, `--usage-csv ${path}${at}${csv.message}`);
  }
  // An invalid scenario goes to the call as it is, which names its field in the file.
  const scenario = validate(scenarioSchema, document);
  if (!scenario.ok) return { document, applied: null };
  const applied = applyUsage(scenario.value, csv.series, basename(path));
  return { document: applied.scenario, applied: { ...applied, file: basename(path) } };
}

export const OPTIMIZE_COMMAND: Command = {
  name: 'optimize',
  summary: 'The cheapest mix of Reserved Instances, Savings Plans, spot and On-Demand for a scenario.',
  description:
    'Exact for the scenario’s hourly profiles: what to buy (RIs by type, class, term and payment; Savings ' +
    'Plans by hourly commitment), which interruption-tolerant lines go on spot, and the totals against all ' +
    'On-Demand. --format json prints the purchases and totals.',
  positionals: [SCENARIO_FILE],
  flags: [...CONSTRAINT_FLAGS, USAGE_CSV_FLAG, formatFlag(['table', 'json']), CATALOG_FLAG, HELP_FLAG],
  formats: ['table', 'json'],
  examples: [
    'optimize docs/examples/web-and-batch.json',
    'optimize docs/examples/web-and-batch.json --allow ri,spot --max-upfront-usd 5000 --max-term-years 1 --format json',
    'optimize docs/examples/web-and-batch.json --growth-pct-per-month=-2',
    'optimize docs/examples/web-and-batch.json --usage-csv usage.csv',
  ],
  async run(args, ctx) {
    const built = callInput(OPTIMIZE_COMMAND, args);
    if ('code' in built) return built;
    const { document, ...constraints } = built.input;
    const usage = withUsageCsv(OPTIMIZE_COMMAND, args, document);
    if ('code' in usage) return usage;
    const services = openServices(args, ctx);
    if ('code' in services) return services;
    try {
      const result = await dispatch(services.handlers, 'pricing.optimize', {
        document: usage.document,
        constraints,
      });
      if (!result.ok) {
        // A constraint is named by its flag: its path in the call is constraints.<field>.
        const field = result.error.field?.replace(/^constraints\./, '');
        const error = { ...result.error, ...(field !== undefined ? { field } : {}) };
        return {
          ...refuse(OPTIMIZE_COMMAND, fieldMessage(OPTIMIZE_COMMAND, args, error)),
          code: result.error.code === 'internal' ? 1 : 2,
        };
      }
      const plan = result.value as PurchasePlan;
      const out =
        args.format === 'json'
          ? JSON.stringify(planJson(plan, usage.applied), null, 2)
          : planTable(plan, usage.applied);
      return { code: 0, stdout: out.endsWith('\n') ? out : out + '\n', stderr: '' };
    } finally {
      services.close();
    }
  },
};
