import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART_INK } from '@shared/charts/palette';
import type { PlanPool } from '@shared/optimizer/types';
import { AXIS_STYLE, bottomAxisLabel, leftAxisLabel } from '../../charts/chart-axes';
import { ChartFigure } from './ChartFigure';
import { countAxis, countWords, durationWords, layerBands, poolPeak } from './plan-chart-data';

const SHARE_TICKS = [0, 20, 40, 60, 80, 100];

/**
 * A pool's usage-duration curve (usage sorted from the busiest hour down) with the plan's commitment
 * layers as bands: a band is paid every hour, so where the curve dips below it the commitment goes unused.
 */
export function DurationChart({ pool }: { pool: PlanPool }) {
  const bands = layerBands(pool);
  const axis = countAxis(poolPeak(pool));
  return (
    <ChartFigure
      title={`Usage-duration curve — ${pool.label}, in ${pool.unitType} instances`}
      description={durationWords(pool)}
      testId="plan-duration-chart"
      footer={
        <ul className="plan-legend small">
          {bands.map((b) => (
            <li key={b.label}>
              <span className="plan-key" style={{ background: b.color }} /> {b.label}: {countWords(b.from)}–
              {countWords(b.to)} {pool.unitType}
            </li>
          ))}
          <li>
            <span className="plan-key plan-key-line" /> usage (above the bands: On-Demand or spot)
          </li>
        </ul>
      }
    >
      <ResponsiveContainer width="100%" height={240}>
        <AreaChart data={pool.duration} margin={{ top: 8, right: 16, bottom: 24, left: 12 }}>
          <CartesianGrid stroke={CHART_INK.grid} />
          {bands.map((b, i) => (
            <ReferenceArea
              key={b.label}
              y1={b.from}
              y2={b.to}
              fill={b.color}
              fillOpacity={i % 2 === 0 ? 0.28 : 0.42}
              stroke="none"
              ifOverflow="extendDomain"
            />
          ))}
          <XAxis
            dataKey="sharePct"
            type="number"
            domain={[0, 100]}
            ticks={SHARE_TICKS}
            tickFormatter={(v: number) => `${v}%`}
            {...AXIS_STYLE}
            label={bottomAxisLabel('Share of hours with at least this usage (%)')}
          />
          <YAxis
            type="number"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={countWords}
            width={48}
            {...AXIS_STYLE}
            label={leftAxisLabel('Instances', 0)}
          />
          <Tooltip
            formatter={(v) => [`${countWords(Number(v))} ${pool.unitType}`, 'usage']}
            labelFormatter={(share) => `exceeded in ${countWords(Number(share))}% of hours`}
          />
          <Area
            dataKey="usage"
            type="linear"
            stroke={CHART_INK.strong}
            strokeWidth={1.5}
            fill={CHART_INK.axis}
            fillOpacity={0.08}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
