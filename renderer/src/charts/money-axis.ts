import { moneyTick, niceTicks, tickDomain } from '@shared/charts/axis';
import { CHART_INK } from '@shared/charts/palette';
import { AXIS_STYLE } from './chart-axes';

/** Axis settings the money charts share with the report (recharts props, no React). */

/** A numeric money axis from $0 to the first nice tick at or above `max`, ticked as the report's. */
export function moneyAxisProps(max: number) {
  const ticks = niceTicks(max);
  return {
    type: 'number',
    domain: tickDomain(ticks),
    ticks,
    tickFormatter: moneyTick,
    ...AXIS_STYLE,
  } as const;
}

/** The names down the side of a horizontal bar chart, every one shown. */
export function categoryAxisProps(widthPx: number) {
  return { type: 'category', dataKey: 'label', width: widthPx, interval: 0, ...AXIS_STYLE } as const;
}

export const BAR_CURSOR = { fill: CHART_INK.cursor } as const;
