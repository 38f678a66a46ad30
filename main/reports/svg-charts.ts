import { MONTH_AXIS_LABEL, MONTH_TICKS, moneyTick, niceTicks } from '@shared/charts/axis';
import {
  COST_BY_LINE_TITLE,
  costPartsUsd,
  lineLabel,
  truncateLabel,
  longestBar,
  partLength,
  partsShown,
} from '@shared/charts/cost-by-line';
import {
  BREAK_EVEN_DOT_RADIUS,
  breakEvenLabel,
  CUMULATIVE_COST_TITLE,
  cumulativePoints,
  highestPoint,
  marksBreakEven,
  seriesStroke,
  strategyColors,
  type CumulativeSeries,
} from '@shared/charts/cumulative-cost';
import { CHART_INK, EBS_STATUS_COLORS, LABEL_HALO } from '@shared/charts/palette';
import { BUDGET_LINE, budgetLineLabel, cumulativeBudgetPoints } from '@shared/charts/budget-line';
import { formatUsd, usdOrNull } from '@shared/money';
import type { Report, ReportEbsCheck, ReportStrategy } from '@shared/reports/model';
import { EBS_STATUS_LABEL } from '@shared/reports/ebs-check';
import { escapeHtml } from './escape';

/**
 * Inline SVG charts for the HTML/PDF report (the report is built in Node, where recharts 3 renders no
 * SVG), drawn from the same chart descriptions, palette and axis ticks as the app's charts (shared/charts).
 * Numbers only for geometry; every figure shown is the model's own value. No scripts, no remote content.
 */
export const MAX_CHART_LINES = 25;

/** The plot's margins inside the chart's WIDTH: labels to the left, legend above, figures to the right. */
interface Frame {
  left: number;
  right: number;
  top: number;
}
const WIDTH = 720;

interface LegendKey {
  color: string;
  label: string;
  /** A line key (for a line series), dashed when given; a square otherwise. */
  line?: { dash: string | null };
}

const fixed = (v: number) => v.toFixed(1);
const text = (x: number, y: number, s: string, attrs = '') =>
  `<text x="${fixed(x)}" y="${fixed(y)}" ${attrs}>${escapeHtml(s)}</text>`;
const muted = `fill="${CHART_INK.axis}"`;
const usdLabel = (v: string | null) => formatUsd(usdOrNull(v));
const halo = `stroke="${LABEL_HALO.stroke}" stroke-width="${LABEL_HALO.strokeWidth}" paint-order="${LABEL_HALO.paintOrder}"`;

function svg(height: number, label: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeHtml(label)}" font-family="Helvetica, Arial, sans-serif" font-size="11" fill="${CHART_INK.text}">` +
    body +
    '</svg>'
  );
}

function legend(x: number, y: number, keys: LegendKey[]): string {
  let out = '';
  let cx = x;
  for (const k of keys) {
    out += k.line
      ? `<line x1="${cx}" y1="${y - 4}" x2="${cx + 14}" y2="${y - 4}" stroke="${k.color}" stroke-width="2"${
          k.line.dash ? ` stroke-dasharray="${k.line.dash}"` : ''
        }/>` + text(cx + 18, y, k.label)
      : `<rect x="${cx}" y="${y - 9}" width="10" height="10" fill="${k.color}"/>` + text(cx + 14, y, k.label);
    cx += (k.line ? 28 : 24) + k.label.length * 6;
  }
  return out;
}

const linesByBar = (report: Report) =>
  [...report.lines]
    .sort((a, b) => partLength(b.amortizedMonthlyUsd) - partLength(a.amortizedMonthlyUsd))
    .slice(0, MAX_CHART_LINES);

/** Monthly cost by line, stacked as in the app (the largest lines when there are many). */
export function costByLineChart(report: Report): string {
  const lines = linesByBar(report);
  if (lines.length === 0) return '';
  const f: Frame = { left: 150, right: 80, top: 30 };
  const barH = 13;
  const pitch = barH + 5;
  const height = f.top + lines.length * pitch + 30;
  const rows = lines.map(costPartsUsd);
  const ticks = niceTicks(longestBar(rows));
  const scale = (WIDTH - f.left - f.right) / ticks[ticks.length - 1]!;
  const parts = partsShown(rows);
  let body = legend(f.left, 14, parts);
  for (const t of ticks) {
    const x = f.left + t * scale;
    body += `<line x1="${fixed(x)}" y1="${f.top - 4}" x2="${fixed(x)}" y2="${height - 24}" stroke="${CHART_INK.grid}"/>`;
    body += text(x, height - 10, moneyTick(t), `text-anchor="middle" ${muted}`);
  }
  lines.forEach((l, i) => {
    const y = f.top + i * pitch;
    body += text(f.left - 6, y + 10, truncateLabel(lineLabel(l), 24), 'text-anchor="end"');
    let x = f.left;
    for (const p of parts) {
      const w = partLength(rows[i]![p.key]) * scale;
      if (w > 0)
        body += `<rect x="${fixed(x)}" y="${y}" width="${fixed(w)}" height="${barH}" fill="${p.color}"/>`;
      x += w;
    }
    body += text(x + 4, y + 10, usdLabel(l.amortizedMonthlyUsd), muted);
  });
  const note =
    report.lines.length > lines.length ? ` (largest ${lines.length} of ${report.lines.length} lines)` : '';
  return svg(height, `${COST_BY_LINE_TITLE}${note}`, body);
}

/** The report's charted strategies as the app's cumulative series: on-demand the dashed reference. */
export function cumulativeSeries(report: Report): CumulativeSeries[] {
  const charted = report.comparison.chartedIds
    .map((id) => report.comparison.strategies.find((s) => s.id === id))
    .filter((s): s is ReportStrategy & { cumulativeUsd: string[] } => !!s && s.cumulativeUsd !== null);
  const referenceId = charted.find((s) => s.kind === 'on-demand')?.id ?? null;
  const colors = strategyColors(
    charted.map((s) => s.id),
    referenceId,
  );
  return charted.map((s) => ({
    id: s.id,
    label: s.label,
    color: colors.get(s.id)!,
    cumulativeUsd: s.cumulativeUsd,
    breakEvenMonth: s.breakEvenMonth,
    reference: s.id === referenceId,
  }));
}

/** Cumulative cash over 36 months per charted strategy, break-even months marked. */
export function cumulativeChart(report: Report): string {
  const series = cumulativeSeries(report);
  if (series.length === 0) return '';
  const f: Frame = { left: 60, right: 20, top: 40 };
  const height = 300;
  const bottom = 36;
  const budget = report.budget ? cumulativeBudgetPoints(report.budget.budgetUsd) : null;
  const ticks = niceTicks(Math.max(highestPoint(series), budget?.[budget.length - 1] ?? 0));
  const max = ticks[ticks.length - 1]!;
  const lastMonth = Math.max((series[0]?.cumulativeUsd.length ?? 0) - 1, 1);
  const px = (m: number) => f.left + ((WIDTH - f.left - f.right) * m) / lastMonth;
  const py = (v: number) => f.top + (height - f.top - bottom) * (1 - v / max);
  let body = '';
  for (const t of ticks) {
    const y = py(t);
    body += `<line x1="${f.left}" y1="${fixed(y)}" x2="${WIDTH - f.right}" y2="${fixed(y)}" stroke="${CHART_INK.grid}"/>`;
    body += text(f.left - 6, y + 4, moneyTick(t), `text-anchor="end" ${muted}`);
  }
  for (const m of MONTH_TICKS)
    body += text(px(m), height - bottom + 16, `${m}`, `text-anchor="middle" ${muted}`);
  body += text(WIDTH / 2, height - 4, MONTH_AXIS_LABEL, `text-anchor="middle" ${muted}`);
  for (const s of series) {
    const stroke = seriesStroke(s);
    const pts = cumulativePoints(s)
      .map((v, m) => `${fixed(px(m))},${fixed(py(v))}`)
      .join(' ');
    const dash = stroke.dash ? ` stroke-dasharray="${stroke.dash}"` : '';
    body += `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="${stroke.width}"${dash}/>`;
  }
  if (budget) {
    const pts = budget.map((v, m) => `${fixed(px(m))},${fixed(py(v))}`).join(' ');
    body += `<polyline data-budget-line points="${pts}" fill="none" stroke="${BUDGET_LINE.color}" stroke-width="${BUDGET_LINE.width}" stroke-dasharray="${BUDGET_LINE.dash}"/>`;
  }
  for (const s of series.filter(marksBreakEven)) {
    const x = px(s.breakEvenMonth);
    const y = py(cumulativePoints(s)[s.breakEvenMonth] ?? 0);
    body += `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="${BREAK_EVEN_DOT_RADIUS}" fill="${s.color}" stroke="${CHART_INK.halo}" stroke-width="1.5"/>`;
    body += text(
      x,
      y - BREAK_EVEN_DOT_RADIUS - 4,
      breakEvenLabel(s.breakEvenMonth),
      `text-anchor="middle" font-size="10" fill="${s.color}" ${halo}`,
    );
  }
  body += legend(f.left, 16, [
    ...series.map((s) => ({ color: s.color, label: s.label, line: { dash: seriesStroke(s).dash } })),
    ...(report.budget
      ? [
          {
            color: BUDGET_LINE.color,
            label: budgetLineLabel(formatUsd(usdOrNull(report.budget.budgetUsd))),
            line: { dash: BUDGET_LINE.dash },
          },
        ]
      : []),
  ]);
  return svg(height, CUMULATIVE_COST_TITLE, body);
}

/** Per line: the volumes' IOPS and throughput against the instance's EBS baseline (|) and maximum (¦). */
export function ebsFitChart(report: Report): string {
  // Lines with the same instance type and volumes draw the same bars: one row for all of them.
  const groups = new Map<string, { check: ReportEbsCheck; ids: string[] }>();
  for (const l of report.lines) {
    const c = l.ebsCheck;
    if (!c) continue;
    const key = `${c.instanceType}|${c.iops.volumes}|${c.throughputMiBps.volumes}`;
    const g = groups.get(key);
    if (g) g.ids.push(l.id);
    else groups.set(key, { check: c, ids: [l.id] });
  }
  const rows = [...groups.values()].slice(0, MAX_CHART_LINES).map((g) => ({
    check: g.check,
    label: `${g.ids.length > 1 ? `${g.ids[0]} +${g.ids.length - 1}` : g.ids[0]!} (${g.check.instanceType})`,
  }));
  if (rows.length === 0) return '';
  const f: Frame = { left: 140, right: 215, top: 30 };
  const rowH = 14;
  const pitch = rowH * 2 + 12;
  const height = f.top + rows.length * pitch + 10;
  const span = WIDTH - f.left - f.right;
  let body =
    legend(f.left, 14, [
      { color: EBS_STATUS_COLORS.within, label: 'within' },
      { color: EBS_STATUS_COLORS.binding, label: 'binding' },
      { color: EBS_STATUS_COLORS['exceeds-maximum'], label: 'over the instance limit' },
    ]) + text(WIDTH - 4, 14, '| baseline  ¦ max', `${muted} text-anchor="end"`);
  rows.forEach(({ check: c, label }, i) => {
    const y0 = f.top + i * pitch;
    body += text(f.left - 6, y0 + rowH + 4, label.slice(0, 26), 'text-anchor="end"');
    (
      [
        ['IOPS', c.iops],
        ['MiB/s', c.throughputMiBps],
      ] as const
    ).forEach(([unit, d], j) => {
      const y = y0 + j * rowH;
      const scaleMax = Math.max(d.volumes, d.instanceMaximum ?? 0, d.instanceBaseline ?? 0) * 1.05 || 1;
      const x = (v: number) => f.left + (span * v) / scaleMax;
      const mark = (v: number, attrs: string) =>
        `<line x1="${fixed(x(v))}" y1="${y}" x2="${fixed(x(v))}" y2="${y + rowH}" stroke="${CHART_INK.text}" ${attrs}/>`;
      body += `<rect x="${f.left}" y="${y + 2}" width="${span}" height="${rowH - 4}" fill="${CHART_INK.track}"/>`;
      body += `<rect x="${f.left}" y="${y + 2}" width="${fixed(x(d.volumes) - f.left)}" height="${rowH - 4}" fill="${EBS_STATUS_COLORS[d.status]}"/>`;
      if (d.instanceBaseline !== null) body += mark(d.instanceBaseline, 'stroke-width="2"');
      if (d.instanceMaximum !== null) body += mark(d.instanceMaximum, 'stroke-dasharray="2,2"');
      body += text(
        WIDTH - f.right + 6,
        y + rowH - 3,
        `${Math.round(d.volumes).toLocaleString('en-US')} ${unit}: ${EBS_STATUS_LABEL[d.status]}`,
        `font-size="10" ${muted}`,
      );
    });
  });
  return svg(height, 'EBS fit per line against the instance limits', body);
}
