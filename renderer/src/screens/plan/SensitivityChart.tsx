import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_INK, REFERENCE_SERIES_COLOR, STRATEGY_SERIES_COLORS } from '@shared/charts/palette';
import { formatUsd, usdOrNull } from '@shared/money';
import type { SensitivityPoint } from '@shared/optimizer/types';
import { AXIS_FONT_SIZE, AXIS_STYLE, bottomAxisLabel, leftAxisLabel } from '../../charts/chart-axes';
import { BAR_CURSOR, moneyAxisProps } from '../../charts/money-axis';
import { ChartFigure } from './ChartFigure';

const SERIES = [
  {
    key: 'plan',
    label: 'This plan',
    color: STRATEGY_SERIES_COLORS[0],
    usd: (p: SensitivityPoint) => p.planMonthlyUsd,
  },
  {
    key: 'optimal',
    label: 'Re-optimized for that usage',
    color: STRATEGY_SERIES_COLORS[1],
    usd: (p: SensitivityPoint) => p.optimalMonthlyUsd,
  },
  {
    key: 'onDemand',
    label: 'All On-Demand',
    color: REFERENCE_SERIES_COLOR,
    usd: (p: SensitivityPoint) => p.onDemandMonthlyUsd,
  },
] as const;

const changeWords = (pct: number) => (pct === 0 ? 'as planned' : `${pct > 0 ? '+' : '−'}${Math.abs(pct)} %`);
const money = (usd: string) => formatUsd(usdOrNull(usd));

/** What the plan costs a month if usage turns out different, beside re-optimizing and all On-Demand. */
export function SensitivityChart({ points }: { points: SensitivityPoint[] }) {
  const rows = points.map((p) => ({
    change: changeWords(p.usageChangePct),
    point: p,
    ...Object.fromEntries(SERIES.map((s) => [s.key, Number(s.usd(p))])),
  }));
  const max = rows.reduce((m, r) => Math.max(m, ...SERIES.map((s) => Number(s.usd(r.point)))), 0);
  return (
    <ChartFigure
      title="If usage turns out different"
      description={sensitivityWords(points)}
      testId="plan-sensitivity-chart"
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 12 }}>
          <CartesianGrid vertical={false} stroke={CHART_INK.grid} />
          <XAxis
            dataKey="change"
            {...AXIS_STYLE}
            interval={0}
            label={bottomAxisLabel('Usage change against the profile')}
          />
          <YAxis {...moneyAxisProps(max)} width={64} label={leftAxisLabel('USD / month', 4)} />
          <Tooltip
            cursor={BAR_CURSOR}
            formatter={(_v, name, item) => {
              const series = SERIES.find((s) => s.label === name);
              const point = (item.payload as { point: SensitivityPoint }).point;
              return [series ? money(series.usd(point)) + ' / month' : '', name];
            }}
          />
          <Legend
            wrapperStyle={{ fontSize: AXIS_FONT_SIZE, paddingBottom: 4 }}
            verticalAlign="top"
            // In the bars' order (recharts sorts by name otherwise).
            itemSorter={(item) => SERIES.findIndex((s) => s.label === item.value)}
          />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function sensitivityWords(points: SensitivityPoint[]): string {
  // The two ends (the largest fall and the largest rise) say the range; the bars show the rest.
  const fall = points.reduce<SensitivityPoint | undefined>(
    (a, p) => (a && a.usageChangePct <= p.usageChangePct ? a : p),
    undefined,
  );
  const rise = points.reduce<SensitivityPoint | undefined>(
    (a, p) => (a && a.usageChangePct >= p.usageChangePct ? a : p),
    undefined,
  );
  const said = [fall, rise]
    .filter((p): p is SensitivityPoint => p !== undefined && p.usageChangePct !== 0)
    .map(
      (p) =>
        `at ${changeWords(p.usageChangePct)} usage the plan costs ${money(p.planMonthlyUsd)} a month (re-optimized ${money(p.optimalMonthlyUsd)}, all On-Demand ${money(p.onDemandMonthlyUsd)})`,
    );
  return `Monthly cost with the purchases kept as planned when usage differs from the profile: ${said.join('; ')}.`;
}
