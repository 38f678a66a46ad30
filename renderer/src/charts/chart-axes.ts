import { CHART_INK } from '@shared/charts/palette';
import { formatTick, logTicks, type Domain } from './log-scale';

/** Axis and frame settings the EBS charts share (recharts props, no React). */

export const AXIS_FONT_SIZE = 11;
export const AXIS_STYLE = { fontSize: AXIS_FONT_SIZE, stroke: CHART_INK.axis } as const;
export const GRID_STROKE = CHART_INK.gridFaint;
/** Room for the axis labels below and beside the plot. */
export const EBS_CHART_MARGIN = { top: 16, right: 24, bottom: 30, left: 16 } as const;
/** How far below the tick labels a bottom axis label sits, in pixels. */
const BOTTOM_LABEL_OFFSET_PX = -18;

/** A numeric log axis over whole decades, ticked by logTicks, shapes allowed past its edges. */
export function logAxisProps(domain: Domain) {
  return {
    type: 'number',
    scale: 'log',
    domain,
    ticks: logTicks(domain),
    tickFormatter: formatTick,
    allowDataOverflow: true,
  } as const;
}

export function bottomAxisLabel(value: string) {
  return {
    value,
    position: 'insideBottom',
    offset: BOTTOM_LABEL_OFFSET_PX,
    fontSize: AXIS_FONT_SIZE,
  } as const;
}

export function leftAxisLabel(value: string, offsetPx: number) {
  return { value, angle: -90, position: 'insideLeft', offset: offsetPx, fontSize: AXIS_FONT_SIZE } as const;
}
