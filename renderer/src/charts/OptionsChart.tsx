import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PriceOption, PurchaseModel } from '../../../shared/catalog-types';
import { Decimal } from '../../../shared/money';
import { compareUsd, formatMoney } from '../format';
import { optionLabel } from '../option-labels';

const MODEL_COLORS: Record<PurchaseModel, string> = {
  'on-demand': '#64748b',
  reserved: '#2563eb',
  'savings-plan': '#7c3aed',
  spot: '#d97706',
};

interface ChartBar {
  label: string;
  model: PurchaseModel;
  monthlyUsd: string;
  /** Bar length only: the chart library needs a number. Every figure shown comes from monthlyUsd. */
  length: number;
}

const BAR_HEIGHT_PX = 22;

/** Monthly cost of each purchase option that has a price, cheapest first. */
export function OptionsChart({ options }: { options: PriceOption[] }) {
  const bars: ChartBar[] = options
    .filter((o): o is PriceOption & { monthlyUsd: string } => o.monthlyUsd !== null)
    .sort((a, b) => compareUsd(a.monthlyUsd, b.monthlyUsd))
    .map((o) => ({
      label: optionLabel(o),
      model: o.model,
      monthlyUsd: o.monthlyUsd,
      length: new Decimal(o.monthlyUsd).toNumber(),
    }));

  if (bars.length === 0) {
    return (
      <p className="muted" data-testid="options-chart">
        No priced options to chart.
      </p>
    );
  }

  return (
    <div className="options-chart" data-testid="options-chart">
      <ResponsiveContainer width="100%" height={bars.length * BAR_HEIGHT_PX + 40}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e5e7eb" />
          <XAxis
            type="number"
            dataKey="length"
            tickFormatter={(v: number) => `$${v.toLocaleString('en-US')}`}
            fontSize={11}
            stroke="#6b7280"
          />
          <YAxis type="category" dataKey="label" width={210} fontSize={11} stroke="#6b7280" interval={0} />
          <Tooltip
            cursor={{ fill: 'rgba(37, 99, 235, 0.06)' }}
            formatter={(_value, _name, item) => [
              formatMoney((item.payload as ChartBar).monthlyUsd) + ' / month',
              'Monthly',
            ]}
          />
          <Bar dataKey="length" isAnimationActive={false} barSize={14}>
            <LabelList
              dataKey="monthlyUsd"
              position="right"
              fontSize={11}
              fill="#374151"
              formatter={(v: unknown) => (typeof v === 'string' ? formatMoney(v) : '')}
            />
            {bars.map((b) => (
              <Cell key={b.label} fill={MODEL_COLORS[b.model]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
