import { useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { VOLUME_TYPES, type VolumeType } from '@shared/catalog-types';
import type { CostCurvePoint } from '@shared/ebs/envelope';
import { Decimal } from '@shared/money';
import { formatMoney } from '../format';
import * as axes from './chart-axes';
import { clampToDomain, type Domain } from './log-scale';
import { CHART_INK, VOLUME_TYPE_COLORS } from '@shared/charts/palette';
import { VolumeTypeSwatch } from './VolumeTypeSwatch';

export interface EbsCostCurveChartProps {
  dimension: 'iops' | 'throughput';
  points: CostCurvePoint[];
  /** Where the requirement sits on the swept dimension. */
  at: number;
}

/** One sweep step: numbers for the line geometry only; every figure shown comes from `raw`. */
interface Row {
  x: number;
  raw: Partial<Record<VolumeType, string | null>>;
  [type: string]: number | null | Row['raw'];
}

const CHART_HEIGHT_PX = 300;
const Y_AXIS_WIDTH_PX = 64;
const UNIT: Record<EbsCostCurveChartProps['dimension'], string> = { iops: 'IOPS', throughput: 'MiB/s' };

/** Cheapest monthly cost per volume type as the requirement rises; gaps where a type cannot meet it. */
export function EbsCostCurveChart({ dimension, points, at }: EbsCostCurveChartProps) {
  const types = useMemo(
    () => VOLUME_TYPES.filter((t) => points.some((p) => p.byType[t] !== undefined)),
    [points],
  );
  const rows = useMemo(
    () =>
      points.map((p) => {
        const row: Row = { x: p.x, raw: p.byType };
        for (const t of types) {
          const v = p.byType[t];
          row[t] = v === null || v === undefined ? null : new Decimal(v).toNumber();
        }
        return row;
      }),
    [points, types],
  );
  if (rows.length < 2) {
    return (
      <p className="muted" data-testid="ebs-cost-chart">
        No cost curve to draw.
      </p>
    );
  }
  const xDomain: Domain = [rows[0]!.x, rows[rows.length - 1]!.x];
  const anyPriced = rows.some((r) => types.some((t) => r[t] !== null));

  return (
    <div className="ebs-chart ebs-chart-frame" data-testid="ebs-cost-chart">
      {!anyPriced && (
        <p className="ebs-chart-overlay">
          No volume type meets any point of this sweep: the other figures of the requirement (or the instance)
          rule every layout out.
        </p>
      )}
      <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
        <LineChart data={rows} margin={axes.EBS_CHART_MARGIN}>
          <CartesianGrid stroke={axes.GRID_STROKE} />
          <XAxis
            dataKey="x"
            {...axes.logAxisProps(xDomain)}
            {...axes.AXIS_STYLE}
            label={axes.bottomAxisLabel(dimension === 'iops' ? 'Required IOPS' : 'Required throughput MiB/s')}
          />
          <YAxis
            type="number"
            width={Y_AXIS_WIDTH_PX}
            domain={anyPriced ? [0, 'auto'] : [0, 100]}
            {...axes.AXIS_STYLE}
            tickFormatter={(v: number) => `$${v.toLocaleString('en-US')}`}
            label={axes.leftAxisLabel('Monthly USD', 0)}
          />
          <Tooltip
            content={(props) => (
              <CurveTooltip
                active={props.active}
                payload={props.payload}
                types={types}
                unit={UNIT[dimension]}
              />
            )}
          />
          <ReferenceLine
            x={clampToDomain(at, xDomain)}
            stroke={CHART_INK.strong}
            strokeDasharray="4 3"
            label={{ value: 'requirement', position: 'insideTopRight', fontSize: 10, fill: CHART_INK.strong }}
          />
          {types.map((t) => (
            <Line
              key={t}
              type="linear"
              dataKey={t}
              name={t}
              stroke={VOLUME_TYPE_COLORS[t]}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <div className="ebs-chart-legend" aria-label="Legend">
        {types.map((t) => (
          <span key={t} className="ebs-legend-key">
            <VolumeTypeSwatch volumeType={t} />
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}

function CurveTooltip({
  active,
  payload,
  types,
  unit,
}: {
  active: boolean | undefined;
  payload: ReadonlyArray<{ payload?: unknown }> | undefined;
  types: VolumeType[];
  unit: string;
}) {
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  const ranked = types
    .map((t) => ({ t, usd: row.raw[t] ?? null }))
    .sort((a, b) => (a.usd === null ? 1 : b.usd === null ? -1 : new Decimal(a.usd).comparedTo(b.usd)));
  return (
    <div className="ebs-chart-tooltip">
      <div className="strong">
        {Math.round(row.x).toLocaleString('en-US')} {unit}
      </div>
      <table>
        <tbody>
          {ranked.map(({ t, usd }) => (
            <tr key={t}>
              <td>
                <VolumeTypeSwatch volumeType={t} />
                {t}
              </td>
              <td className="num">{usd === null ? 'cannot meet' : formatMoney(usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
