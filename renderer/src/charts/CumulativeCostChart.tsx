import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { MONTH_AXIS_LABEL, MONTH_TICKS, monthLabel } from '@shared/charts/axis';
import {
  BREAK_EVEN_DOT_RADIUS,
  breakEvenLabel,
  cumulativePoints,
  highestPoint,
  marksBreakEven,
  seriesStroke,
  type CumulativeSeries,
} from '@shared/charts/cumulative-cost';
import { CHART_INK, LABEL_HALO } from '@shared/charts/palette';
import { BUDGET_LINE, budgetLineLabel, cumulativeBudgetPoints } from '@shared/charts/budget-line';
import { Decimal, formatUsd } from '@shared/money';
import { AXIS_FONT_SIZE, AXIS_STYLE } from './chart-axes';
import { ChartEmpty } from './ChartEmpty';
import { moneyAxisProps } from './money-axis';

export type { CumulativeSeries };

interface Point {
  month: number;
  [id: string]: number;
}

/** The data key of the budget line (no strategy id has a space). */
const BUDGET_KEY = 'budget line';

/**
 * Cumulative cash over 36 months per strategy, with each one's break-even month against on-demand
 * marked; with a monthly budget, the budget summed month by month (budget × month) as a dotted line.
 */
export function CumulativeCostChart({
  series,
  budgetUsd,
}: {
  series: CumulativeSeries[];
  budgetUsd?: string | undefined;
}) {
  if (series.length === 0) {
    return (
      <ChartEmpty testId="cumulative-chart">Nothing to chart: no strategy could be fully priced.</ChartEmpty>
    );
  }

  const months = series[0]?.cumulativeUsd.length ?? 0;
  const budget = budgetUsd ? cumulativeBudgetPoints(budgetUsd) : null;
  // Numbers for geometry only; every figure shown is formatted from the decimal strings.
  const points = new Map(series.map((s) => [s.id, cumulativePoints(s)]));
  const data: Point[] = Array.from({ length: months }, (_, month) => {
    const point: Point = { month };
    for (const s of series) point[s.id] = points.get(s.id)?.[month] ?? 0;
    if (budget) point[BUDGET_KEY] = budget[month] ?? 0;
    return point;
  });
  const budgetLabel = budgetUsd ? budgetLineLabel(formatUsd(new Decimal(budgetUsd))) : '';

  const renderTooltip = ({ active, label }: { active?: boolean; label?: string | number }) => {
    if (!active || typeof label !== 'number') return null;
    const rows = series
      .map((s) => ({ s, usd: s.cumulativeUsd[label] ?? null }))
      .filter((r): r is { s: CumulativeSeries; usd: string } => r.usd !== null)
      .sort((a, b) => new Decimal(a.usd).comparedTo(new Decimal(b.usd)));
    return (
      <div className="chart-tooltip">
        <div className="strong">{monthLabel(label)}</div>
        {rows.map(({ s, usd }) => (
          <div key={s.id} className="chart-tooltip-row">
            <span className="swatch" style={{ background: s.color }} />
            <span>{s.label}</span>
            <span className="num">{formatUsd(new Decimal(usd))}</span>
          </div>
        ))}
        {budgetUsd && (
          <div className="chart-tooltip-row">
            <span className="swatch" style={{ background: BUDGET_LINE.color }} />
            <span>Budget to date</span>
            <span className="num">{formatUsd(new Decimal(budgetUsd).times(label))}</span>
          </div>
        )}
      </div>
    );
  };

  return (
    <div className="cumulative-chart" data-testid="cumulative-chart">
      <ResponsiveContainer width="100%" height={340}>
        <LineChart data={data} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={CHART_INK.grid} />
          <XAxis
            dataKey="month"
            type="number"
            domain={[0, Math.max(months - 1, 1)]}
            ticks={[...MONTH_TICKS]}
            {...AXIS_STYLE}
            label={{
              value: MONTH_AXIS_LABEL,
              position: 'insideBottomRight',
              offset: -4,
              fontSize: AXIS_FONT_SIZE,
            }}
          />
          <YAxis
            {...moneyAxisProps(Math.max(highestPoint(series), budget?.[budget.length - 1] ?? 0))}
            width={72}
          />
          <Tooltip content={renderTooltip} />
          <Legend wrapperStyle={{ fontSize: AXIS_FONT_SIZE }} />
          {series.map((s) => {
            const stroke = seriesStroke(s);
            return (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.label}
                type="linear"
                stroke={s.color}
                strokeWidth={stroke.width}
                strokeDasharray={stroke.dash ?? undefined}
                dot={false}
                isAnimationActive={false}
              />
            );
          })}
          {budget && (
            <Line
              key={BUDGET_KEY}
              dataKey={BUDGET_KEY}
              name={budgetLabel}
              type="linear"
              stroke={BUDGET_LINE.color}
              strokeWidth={BUDGET_LINE.width}
              strokeDasharray={BUDGET_LINE.dash}
              dot={false}
              isAnimationActive={false}
              className="budget-line"
            />
          )}
          {series.filter(marksBreakEven).map((s) => (
            <ReferenceDot
              key={`be-${s.id}`}
              x={s.breakEvenMonth}
              y={points.get(s.id)?.[s.breakEvenMonth] ?? 0}
              r={BREAK_EVEN_DOT_RADIUS}
              fill={s.color}
              stroke={CHART_INK.halo}
              strokeWidth={1.5}
              label={{
                value: breakEvenLabel(s.breakEvenMonth),
                position: 'top',
                fontSize: 10,
                fill: s.color,
                ...LABEL_HALO,
              }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
