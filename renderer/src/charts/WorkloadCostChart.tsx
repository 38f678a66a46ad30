import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LineEstimate } from '../../../shared/pricing/estimate-types';
import { Decimal, formatUsd, usdOrNull } from '../../../shared/money';

const PARTS = [
  { key: 'compute', label: 'Compute', color: '#2563eb' },
  { key: 'storage', label: 'EBS storage', color: '#0d9488' },
  { key: 'snapshots', label: 'Snapshots', color: '#a855f7' },
  { key: 'upfront', label: 'Upfront (amortized)', color: '#f59e0b' },
] as const;
type PartKey = (typeof PARTS)[number]['key'];

interface Row {
  label: string;
  /** Decimal strings (or null = n/a) for labels; numbers only for the bars' geometry. */
  usd: Record<PartKey, string | null>;
  compute: number;
  storage: number;
  snapshots: number;
  upfront: number;
}

const BAR_HEIGHT_PX = 28;

function amortizedUpfront(line: LineEstimate): string | null {
  const amortized = usdOrNull(line.amortizedMonthlyUsd);
  const monthly = usdOrNull(line.monthlyUsd);
  if (amortized === null || monthly === null) return null;
  return amortized.minus(monthly).toFixed();
}

function length(usd: string | null): number {
  return usd === null ? 0 : Math.max(new Decimal(usd).toNumber(), 0);
}

/** Monthly cost of each line, stacked: compute cash, EBS storage, snapshots and upfront spread over its term. */
export function WorkloadCostChart({ lines }: { lines: LineEstimate[] }) {
  const rows: Row[] = lines.map((l) => {
    const usd: Record<PartKey, string | null> = {
      compute: l.computeMonthlyUsd,
      storage: l.storageMonthlyUsd,
      snapshots: l.snapshotMonthlyUsd,
      upfront: amortizedUpfront(l),
    };
    return {
      label: `${l.id} (${l.instanceType})`,
      usd,
      compute: length(usd.compute),
      storage: length(usd.storage),
      snapshots: length(usd.snapshots),
      upfront: length(usd.upfront),
    };
  });
  // Only parts that some line has, so the legend stays short.
  const parts = PARTS.filter((p) => rows.some((r) => r[p.key] > 0));

  if (rows.length === 0) {
    return (
      <p className="muted" data-testid="workload-cost-chart">
        Add a line to see its monthly cost.
      </p>
    );
  }

  return (
    <div className="workload-cost-chart" data-testid="workload-cost-chart">
      <ResponsiveContainer width="100%" height={rows.length * BAR_HEIGHT_PX + 70}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e5e7eb" />
          <XAxis
            type="number"
            fontSize={11}
            stroke="#6b7280"
            tickFormatter={(v: number) => `$${v.toLocaleString('en-US')}`}
          />
          <YAxis type="category" dataKey="label" width={150} fontSize={11} stroke="#6b7280" interval={0} />
          <Tooltip
            cursor={{ fill: 'rgba(37, 99, 235, 0.06)' }}
            formatter={(_value, name, item) => {
              const part = PARTS.find((p) => p.label === name);
              const usd = part ? (item.payload as Row).usd[part.key] : null;
              return [formatUsd(usdOrNull(usd)) + ' / month', name];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {parts.map((p) => (
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
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
