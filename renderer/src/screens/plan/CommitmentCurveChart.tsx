import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { moneyTick } from '@shared/charts/axis';
import { CHART_INK, LABEL_HALO, STRATEGY_SERIES_COLORS } from '@shared/charts/palette';
import { formatUsd, usdOrNull } from '@shared/money';
import type { CommitmentCurve } from '@shared/optimizer/types';
import { AXIS_STYLE, bottomAxisLabel, leftAxisLabel } from '../../charts/chart-axes';
import { ChartFigure } from './ChartFigure';
import { countWords, rangeAxis } from './plan-chart-data';

const LINE_COLOR = STRATEGY_SERIES_COLORS[0];
const OPTIMUM_COLOR = STRATEGY_SERIES_COLORS[1];

/** "4 RIs" or "$0.25/h". */
function levelWords(level: number, unit: CommitmentCurve['unit']): string {
  return unit === 'RIs'
    ? `${countWords(level)} RIs`
    : `$${level.toLocaleString('en-US', { maximumFractionDigits: 4 })}/h`;
}

/** Monthly cost against one product's commitment level, the plan's other purchases held fixed; the optimum marked. */
export function CommitmentCurveChart({ curve }: { curve: CommitmentCurve }) {
  // Numbers for geometry only; every figure in words comes from the decimal strings.
  const data = curve.points.map((p) => ({
    level: p.level,
    monthly: Number(p.monthlyUsd),
    usd: p.monthlyUsd,
  }));
  const optimum = curve.points.reduce<(typeof curve.points)[number] | undefined>(
    (best, p) =>
      best === undefined || Math.abs(p.level - curve.optimumLevel) < Math.abs(best.level - curve.optimumLevel)
        ? p
        : best,
    undefined,
  );
  const monthly = data.map((d) => d.monthly);
  const axis = monthly.length > 0 ? rangeAxis(Math.min(...monthly), Math.max(...monthly)) : rangeAxis(0, 1);
  const first = curve.points[0];
  const last = curve.points[curve.points.length - 1];
  const money = (usd: string | undefined) => formatUsd(usdOrNull(usd));
  const description =
    first && last && optimum
      ? `Monthly cost at each level of ${curve.label}: ${money(first.monthlyUsd)} at ${levelWords(first.level, curve.unit)}, ` +
        `lowest ${money(optimum.monthlyUsd)} at the plan's ${levelWords(curve.optimumLevel, curve.unit)}, ` +
        `${money(last.monthlyUsd)} at ${levelWords(last.level, curve.unit)}.`
      : `No levels priced for ${curve.label}.`;
  return (
    <ChartFigure
      title={`Cost against commitment — ${curve.label}`}
      description={description}
      testId="plan-curve-chart"
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 20, right: 20, bottom: 24, left: 8 }}>
          <CartesianGrid stroke={CHART_INK.grid} />
          <XAxis
            dataKey="level"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => (curve.unit === 'RIs' ? countWords(v) : `$${v}`)}
            {...AXIS_STYLE}
            label={bottomAxisLabel(
              curve.unit === 'RIs' ? 'Reserved Instances bought' : 'Commitment (USD per hour)',
            )}
          />
          <YAxis
            type="number"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={moneyTick}
            width={64}
            {...AXIS_STYLE}
            label={leftAxisLabel('USD / month', 4)}
          />
          <Tooltip
            formatter={(_v, _n, item) => [money((item.payload as { usd: string }).usd) + ' / month', 'cost']}
            labelFormatter={(level) => levelWords(Number(level), curve.unit)}
          />
          <Line
            dataKey="monthly"
            type="linear"
            stroke={LINE_COLOR}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {optimum && (
            <ReferenceDot
              x={optimum.level}
              y={Number(optimum.monthlyUsd)}
              r={5}
              fill={OPTIMUM_COLOR}
              stroke={CHART_INK.halo}
              strokeWidth={1.5}
              label={{
                value: `optimum: ${levelWords(curve.optimumLevel, curve.unit)}`,
                position: 'right',
                fontSize: 11,
                fill: CHART_INK.strong,
                ...LABEL_HALO,
              }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
