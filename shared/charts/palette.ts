import type { PurchaseModel, VolumeType } from '../catalog-types';
import type { EbsFitStatus } from '../reports/schema';

/**
 * Every colour a chart draws with, in the app (recharts) and in the HTML/PDF report (inline SVG):
 * change a colour here and both change. Pure data, no DOM.
 */

/** Axes, grids and text around the data. */
export const CHART_INK = {
  /** Axis lines and tick labels. */
  axis: '#6b7280',
  grid: '#e5e7eb',
  /** The dense decade grids of the EBS log-log charts, fainter so the shapes stay in front. */
  gridFaint: '#eef0f3',
  /** Body text of a chart drawn outside the app's stylesheet (the report). */
  text: '#1f2933',
  /** Value labels beside bars and the strokes of legend keys. */
  label: '#374151',
  /** Marks a person reads against the data: the requirement point and line. */
  strong: '#111827',
  /** The unfilled part of a meter. */
  track: '#f3f4f6',
  /** Outline behind markers and labels drawn over the data. */
  halo: '#ffffff',
  /** The band under the pointer in a bar chart. */
  cursor: 'rgba(37, 99, 235, 0.06)',
} as const;

/** A white outline behind label text drawn over the data, so it stays readable (SVG presentation props). */
export const LABEL_HALO = { stroke: CHART_INK.halo, strokeWidth: 3, paintOrder: 'stroke' } as const;

/** The on-demand line every other strategy is measured against (drawn dashed). */
export const REFERENCE_SERIES_COLOR = '#6b7280';

/** Charted strategies take these in order, so the few on a chart stay distinct. */
export const STRATEGY_SERIES_COLORS = [
  '#2563eb',
  '#16a34a',
  '#d97706',
  '#7c3aed',
  '#db2777',
  '#0891b2',
  '#65a30d',
  '#dc2626',
  '#4f46e5',
  '#0d9488',
] as const;

/** The stacked parts of a line's monthly cost. */
export const COST_PART_COLORS = {
  compute: '#2563eb',
  storage: '#0d9488',
  snapshots: '#a855f7',
  upfront: '#f59e0b',
} as const;

/** One colour per purchase model (a strategy's kind). */
export const PURCHASE_MODEL_COLORS: Record<PurchaseModel, string> = {
  'on-demand': '#64748b',
  reserved: '#2563eb',
  'savings-plan': '#7c3aed',
  spot: '#d97706',
};

/** One colour per EBS volume type, the same in every chart and legend: SSD types cool, HDD types warm. */
export const VOLUME_TYPE_COLORS: Record<VolumeType, string> = {
  gp3: '#2563eb',
  gp2: '#16a34a',
  io1: '#9333ea',
  io2: '#db2777',
  st1: '#ea580c',
  sc1: '#92400e',
  standard: '#64748b',
};

/** The instance EBS caps (baseline and maximum) drawn over the volumes. */
export const INSTANCE_CAP_COLOR = '#b91c1c';

/** How the volumes sit against the instance's EBS limits: green within, amber near, red over. */
export const EBS_STATUS_COLORS: Record<EbsFitStatus, string> = {
  within: '#16a34a',
  binding: '#d97706',
  'exceeds-baseline': '#dc2626',
  'exceeds-maximum': '#dc2626',
  unknown: '#6b7280',
};

/** The usage-profile preview: empty hours, the hue of the week's heat map, the series bars. */
export const PROFILE_COLORS = {
  empty: '#f1f3f6',
  heatHue: 217,
  bar: '#3b82f6',
} as const;

/** A line sized from demand: what its instances provide, the demand, and demand they leave uncovered. */
export const DEMAND_COLORS = {
  provided: '#bfdbfe',
  demand: '#1d4ed8',
  short: '#dc2626',
} as const;
