import {
  NO_PRICE,
  NOT_OFFERED,
  REGION_PRICE_FIGURES,
  regionFigure,
  type RegionPriceRow,
  type RegionPricesResult,
} from '@shared/capacity/region-prices';
import type { ScenarioRegionsResult } from '@shared/capacity/scenario-regions';
import { contractCommand } from './contract-command';
import { refuse } from './call-input';
import { SCENARIO_FILE } from './scenario-commands';
import { formatTable, money } from './table';
import type { Command, Flag } from './types';

const FIGURE_SHORT = { onDemand: 'OD', best1y: '1y', best3y: '3y', spot: 'spot' } as const;

/** A row's dates: one when every figure shares it, else each figure's ("OD 2026-05-12, spot 2024-04-04"). */
function datesText(row: RegionPriceRow): string {
  const dated = REGION_PRICE_FIGURES.flatMap((f) => {
    const v = regionFigure(row, f);
    return 'missing' in v || v.asOf === null ? [] : [[FIGURE_SHORT[f], v.asOf] as const];
  });
  const distinct = new Set(dated.map(([, d]) => d));
  if (distinct.size <= 1) return [...distinct][0] ?? '';
  return dated.map(([f, d]) => `${f} ${d}`).join(', ');
}

function regionPricesTable(r: RegionPricesResult): string {
  const several = r.instanceTypes.length > 1;
  const cells = (row: RegionPriceRow) => {
    if (!row.offered) return ['-', '-', '-', '-', '-', NOT_OFFERED];
    const rate = (f: (typeof REGION_PRICE_FIGURES)[number]) => {
      const v = regionFigure(row, f);
      return 'missing' in v ? 'n/a' : money(v.hourlyUsd, true);
    };
    return [
      rate('onDemand'),
      rate('best1y'),
      rate('best3y'),
      rate('spot'),
      row.spotInterruptionBand ?? 'n/a',
      datesText(row),
    ];
  };
  const notes = [
    `-: ${NOT_OFFERED}; ${NO_PRICE}.`,
    'Best 1y/3y: the lowest effective rate of any Reserved Instance or Savings Plan of that term (upfront spread over the term).',
    'Spot is an average of observed prices, never a guaranteed price.',
    ...(r.spotAdvisor.note ? [`Interruption: n/a — ${r.spotAdvisor.note}.`] : []),
  ];
  return (
    `${r.instanceTypes.join(', ')} in every region (${r.os}, shared tenancy; hourly rates, month = ${r.hoursPerMonth} h)\n\n` +
    formatTable(
      [
        ...(several ? ['Type'] : []),
        'Region',
        'On-Demand/h',
        'Best 1y/h',
        'Best 3y/h',
        'Spot avg/h',
        'Interruption',
        'As of / note',
      ],
      r.rows.map((row) => [...(several ? [row.instanceType] : []), row.region, ...cells(row)]),
    ) +
    '\n\n' +
    notes.join('\n')
  );
}

const allRegions = contractCommand({
  name: 'price',
  summary: 'One instance type (or several) in every region: On-Demand, best 1- and 3-year, spot.',
  call: 'catalog.regionPrices',
  positionals: [
    {
      name: 'TYPE',
      field: 'instanceTypes',
      label: 'Instance type; with --region all, several may be given comma-separated',
      toField: (text) =>
        text
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
    },
  ],
  flags: { names: { sortBy: 'sort' }, valueNames: { sortBy: 'COLUMN' }, omit: ['sortDir'] },
  extraFlags: [
    {
      name: 'desc',
      kind: 'boolean',
      label: 'Descending',
      description: 'with --region all and --sort, the largest figure first',
      field: 'sortDir',
      toField: (on) => (on ? 'desc' : 'asc'),
    },
  ],
  examples: [],
  json: (r: RegionPricesResult) => r.rows,
  csv: { rows: (r) => r.rows },
  table: regionPricesTable,
});

/**
 * `price TYPE --region R` prices one type in one region (catalog.priceOptions); `--region all` lists
 * it in every region, one row each (catalog.regionPrices), sortable with --sort.
 */
export function withAllRegions(single: Command): Command {
  const own = new Set(single.flags.map((f) => f.name));
  const region = (f: Flag): Flag =>
    f.name === 'region'
      ? {
          ...f,
          valueName: 'REGION|all',
          description: `${f.description ?? 'AWS region code'}; all: one row per region`,
        }
      : f;
  const extra = allRegions.flags.filter((f) => !own.has(f.name));
  const flags = [...single.flags.map(region)];
  flags.splice(
    flags.findIndex((f) => f.name === 'format'),
    0,
    ...extra,
  );
  return {
    ...single,
    description: [
      single.description,
      'With --region all: one row per region (JSON and CSV too), each figure dated,',
      `"${NOT_OFFERED}" where the region lacks the type and n/a where the catalog lacks the price.`,
    ]
      .filter(Boolean)
      .join(' '),
    positionals: allRegions.positionals,
    flags,
    examples: [
      ...single.examples,
      'price m7g.xlarge --region all',
      'price m5.large,m6i.large --region all --sort onDemand --format json',
    ],
    run(args, ctx) {
      if (args.values.region === 'all') {
        // Every region's listing is of shared tenancy (the headline prices); other tenancies one region at a time.
        const tenancy = args.values.tenancy;
        if (tenancy !== undefined && tenancy !== 'shared') {
          return Promise.resolve(
            refuse(single, `--tenancy ${String(tenancy)} applies to one region at a time`),
          );
        }
        return allRegions.run(args, ctx);
      }
      const misplaced = extra.find((f) => args.values[f.name] !== undefined);
      if (misplaced) {
        return Promise.resolve(refuse(single, `--${misplaced.name} applies with --region all only`));
      }
      return single.run(args, ctx);
    },
  };
}

function regionsTable(r: ScenarioRegionsResult): string {
  const now = r.currentRegions.join(', ') || 'no region';
  const header =
    `${r.name} in every region (month = ${r.hoursPerMonth} h, prices as of ${r.pricesAsOf})\n` +
    `As it is (${now}): ${money(r.asIs.monthlyUsd)} a month, ${money(r.asIs.threeYearUsd)} over 3 years` +
    (r.asIs.complete ? '' : ' (incomplete)') +
    '\n\n';
  const rows = r.entries.map((e) => {
    if (e.missingTypes.length > 0) {
      return [e.region, '', '', '', '', `does not offer ${e.missingTypes.join(', ')}`];
    }
    const d = e.monthlyDifferenceUsd;
    const diff = d === null ? 'n/a' : (d.startsWith('-') || /^0(\.0*)?$/.test(d) ? '' : '+') + money(d);
    const note = [e.current ? 'as it is' : '', e.complete ? '' : `incomplete: ${e.unpriced.join('; ')}`]
      .filter(Boolean)
      .join('; ');
    return [e.region, money(e.monthlyUsd), diff, money(e.upfrontUsd), money(e.threeYearUsd), note];
  });
  return (
    header +
    formatTable(['Region', 'Monthly', 'vs as is', 'Upfront', '3 years', 'Note'], rows) +
    '\n\nEvery line moved to the region, priced as the scenario buys it (usage, purchases and volumes unchanged).'
  );
}

export const REGIONS_COMMAND: Command = contractCommand({
  name: 'regions',
  summary: 'A scenario priced as if it ran in each region: monthly and 3-year totals, cheapest first.',
  description:
    'Every line is moved to the region; regions that do not offer every instance type are listed last with the types they lack. JSON gives one entry per region.',
  call: 'pricing.regions',
  positionals: [SCENARIO_FILE],
  flags: { omit: ['jobId'] },
  examples: [
    'regions docs/examples/web-and-batch.json',
    'regions docs/examples/web-and-batch.json --format json',
  ],
  json: (r: ScenarioRegionsResult) => r.entries,
  csv: {
    rows: (r) =>
      r.entries.map((e) => ({
        ...e,
        missingTypes: e.missingTypes.join(' '),
        unpriced: e.unpriced.join('; '),
      })),
  },
  table: regionsTable,
});
