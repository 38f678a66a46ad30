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
import { Decimal, formatUsd } from '../../../shared/money';

export interface CumulativeSeries {
  id: string;
  label: string;
  color: string;
  /** Cumulative cash at months 0..36, decimal strings. */
  cumulativeUsd: string[];
  breakEvenMonth: number | null;
  /** Drawn dashed, as the line the others are measured against. */
  reference?: boolean;
}

interface Point {
  month: number;
  [id: string]: number;
}

/** Cumulative cash over 36 months per strategy, with each one's break-even month against on-demand marked. */
export function CumulativeCostChart({ series }: { series: CumulativeSeries[] }) {
  const months = series[0]?.cumulativeUsd.length ?? 0;
  const data: Point[] = Array.from({ length: months }, (_, month) => {
    const point: Point = { month };
    // Numbers for geometry only; every figure shown is formatted from the decimal strings.
    for (const s of series) point[s.id] = new Decimal(s.cumulativeUsd[month] ?? '0').toNumber();
    return point;
  });

  if (series.length === 0) {
    return (
      <p className="muted" data-testid="cumulative-chart">
        Nothing to chart: no strategy could be fully priced.
      </p>
    );
  }

  const renderTooltip = ({ active, label }: { active?: boolean; label?: string | number }) => {
    if (!active || typeof label !== 'number') return null;
    const rows = series
      .map((s) => ({ s, usd: s.cumulativeUsd[label] ?? null }))
      .filter((r): r is { s: CumulativeSeries; usd: string } => r.usd !== null)
      .sort((a, b) => new Decimal(a.usd).comparedTo(new Decimal(b.usd)));
    return (
      <div className="chart-tooltip">
        <div className="strong">Month {label}</div>
        {rows.map(({ s, usd }) => (
          <div key={s.id} className="chart-tooltip-row">
            <span className="swatch" style={{ background: s.color }} />
            <span>{s.label}</span>
            <span className="num">{formatUsd(new Decimal(usd))}</span>
          </div>
        ))}
      </div>
    );
  };

  return (
    <div className="cumulative-chart" data-testid="cumulative-chart">
      <ResponsiveContainer width="100%" height={340}>
        <LineChart data={data} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e5e7eb" />
          <XAxis
            dataKey="month"
            type="number"
            domain={[0, Math.max(months - 1, 1)]}
            ticks={[0, 6, 12, 18, 24, 30, 36]}
            fontSize={11}
            stroke="#6b7280"
            label={{ value: 'Month', position: 'insideBottomRight', offset: -4, fontSize: 11 }}
          />
          <YAxis
            fontSize={11}
            stroke="#6b7280"
            width={72}
            tickFormatter={(v: number) => `$${v.toLocaleString('en-US', { maximumFractionDigits: 0 })}`}
          />
          <Tooltip content={renderTooltip} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {series.map((s) => (
            <Line
              key={s.id}
              dataKey={s.id}
              name={s.label}
              type="linear"
              stroke={s.color}
              strokeWidth={s.reference ? 2 : 1.75}
              strokeDasharray={s.reference ? '6 4' : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {series
            .filter((s) => !s.reference && s.breakEvenMonth !== null && s.breakEvenMonth > 0)
            .map((s) => {
              const month = s.breakEvenMonth!;
              const usd = s.cumulativeUsd[month] ?? '0';
              return (
                <ReferenceDot
                  key={`be-${s.id}`}
                  x={month}
                  y={new Decimal(usd).toNumber()}
                  r={5}
                  fill={s.color}
                  stroke="#fff"
                  strokeWidth={1.5}
                  label={{ value: `break-even mo ${month}`, position: 'top', fontSize: 10, fill: s.color }}
                />
              );
            })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
