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
import { CHART_INK, PURCHASE_MODEL_COLORS } from '@shared/charts/palette';
import type { PriceOption, PurchaseModel } from '@shared/catalog-types';
import { Decimal } from '@shared/money';
import { compareUsd, formatMoney } from '../format';
import { optionLabel } from '../option-labels';
import { AXIS_FONT_SIZE } from './chart-axes';
import { ChartEmpty } from './ChartEmpty';
import { BAR_CURSOR, categoryAxisProps, moneyAxisProps } from './money-axis';

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

  if (bars.length === 0) return <ChartEmpty testId="options-chart">No priced options to chart.</ChartEmpty>;

  return (
    <div className="options-chart" data-testid="options-chart">
      <ResponsiveContainer width="100%" height={bars.length * BAR_HEIGHT_PX + 40}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={CHART_INK.grid} />
          <XAxis {...moneyAxisProps(Math.max(...bars.map((b) => b.length)))} dataKey="length" />
          <YAxis {...categoryAxisProps(210)} />
          <Tooltip
            cursor={BAR_CURSOR}
            formatter={(_value, _name, item) => [
              formatMoney((item.payload as ChartBar).monthlyUsd) + ' / month',
              'Monthly',
            ]}
          />
          <Bar dataKey="length" isAnimationActive={false} barSize={14}>
            <LabelList
              dataKey="monthlyUsd"
              position="right"
              fontSize={AXIS_FONT_SIZE}
              fill={CHART_INK.label}
              formatter={(v: unknown) => (typeof v === 'string' ? formatMoney(v) : '')}
            />
            {bars.map((b) => (
              <Cell key={b.label} fill={PURCHASE_MODEL_COLORS[b.model]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
