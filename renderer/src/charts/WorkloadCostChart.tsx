import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { BUDGET_LINE, budgetLineLabel } from '@shared/charts/budget-line';
import {
  COST_PARTS,
  costPartsUsd,
  lineLabel,
  longestBar,
  partLength,
  partsShown,
  truncateLabel,
  type CostPartKey,
  type CostPartsUsd,
} from '@shared/charts/cost-by-line';
import { CHART_INK } from '@shared/charts/palette';
import type { LineEstimate } from '@shared/pricing/estimate-types';
import { formatUsd, usdOrNull } from '@shared/money';
import { AXIS_FONT_SIZE } from './chart-axes';
import { ChartEmpty } from './ChartEmpty';
import { BAR_CURSOR, categoryAxisProps, moneyAxisProps } from './money-axis';

type Row = { label: string; usd: CostPartsUsd } & Record<CostPartKey, number>;

const BAR_HEIGHT_PX = 28;
/** Room for a line's name and type ("Business-hours batch (c5.xlarge)"); longer ones are cut, whole in the tooltip. */
const LABEL_WIDTH_PX = 200;
const LABEL_MAX_CHARS = 32;

/**
 * Monthly cost of each line (by name), stacked: compute cash, EBS storage, snapshots and upfront spread
 * over its term; with a budget, the scenario's monthly budget as a line across the bars.
 */
export function WorkloadCostChart({
  lines,
  budgetUsd,
}: {
  lines: LineEstimate[];
  budgetUsd?: string | undefined;
}) {
  if (lines.length === 0) {
    return <ChartEmpty testId="workload-cost-chart">Add a line to see its monthly cost.</ChartEmpty>;
  }
  const rows: Row[] = lines.map((l) => {
    const usd = costPartsUsd(l);
    // Decimal strings (or null = n/a) for labels; numbers only for the bars' geometry.
    return {
      label: lineLabel(l),
      usd,
      compute: partLength(usd.compute),
      storage: partLength(usd.storage),
      snapshots: partLength(usd.snapshots),
      upfront: partLength(usd.upfront),
    };
  });
  const usd = rows.map((r) => r.usd);

  return (
    <div className="workload-cost-chart" data-testid="workload-cost-chart">
      <ResponsiveContainer width="100%" height={rows.length * BAR_HEIGHT_PX + 70}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={CHART_INK.grid} />
          <XAxis {...moneyAxisProps(Math.max(longestBar(usd), budgetUsd ? Number(budgetUsd) : 0))} />
          <YAxis
            {...categoryAxisProps(LABEL_WIDTH_PX)}
            tickFormatter={(label: string) => truncateLabel(label, LABEL_MAX_CHARS)}
          />
          <Tooltip
            cursor={BAR_CURSOR}
            formatter={(_value, name, item) => {
              const part = COST_PARTS.find((p) => p.label === name);
              const partUsd = part ? (item.payload as Row).usd[part.key] : null;
              return [formatUsd(usdOrNull(partUsd)) + ' / month', name];
            }}
          />
          <Legend wrapperStyle={{ fontSize: AXIS_FONT_SIZE }} />
          {partsShown(usd).map((p) => (
            <Bar
              key={p.key}
              dataKey={p.key}
              name={p.label}
              stackId="cost"
              fill={p.color}
              isAnimationActive={false}
              barSize={16}
            />
          ))}
          {budgetUsd && (
            <ReferenceLine
              x={Number(budgetUsd)}
              stroke={BUDGET_LINE.color}
              strokeWidth={BUDGET_LINE.width}
              strokeDasharray={BUDGET_LINE.dash}
              label={{
                value: budgetLineLabel(formatUsd(usdOrNull(budgetUsd))),
                position: 'insideTopRight',
                fontSize: AXIS_FONT_SIZE,
                fill: BUDGET_LINE.color,
              }}
              data-testid="workload-budget-line"
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
