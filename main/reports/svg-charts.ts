import type { Report, ReportEbsCheck, ReportStrategy } from '../../shared/reports/model';
import { EBS_STATUS_LABEL } from '../../shared/reports/ebs-check';
import { escapeHtml } from './escape';

/**
 * Inline SVG charts for the HTML/PDF report, drawn from the model's figures (numbers only for
 * geometry; every label is the model's own value). No scripts, no remote content.
 */
export const COLORS = {
  compute: '#2563eb',
  storage: '#10b981',
  snapshots: '#f59e0b',
  grid: '#e5e7eb',
  text: '#1f2933',
  muted: '#6b7280',
  series: ['#6b7280', '#2563eb', '#10b981', '#9333ea'],
  within: '#10b981',
  binding: '#f59e0b',
  over: '#dc2626',
};
export const MAX_CHART_LINES = 25;

const n = (v: string | null) => (v === null ? 0 : Number(v));
const text = (x: number, y: number, s: string, attrs = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeHtml(s)}</text>`;

/** A "nice" axis maximum: 1, 2 or 5 × 10^k at or above v. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

const shortUsd = (v: number) =>
  v >= 1e6
    ? `$${(v / 1e6).toFixed(1)}M`
    : v >= 1e3
      ? `$${(v / 1e3).toFixed(v >= 1e4 ? 0 : 1)}k`
      : `$${v.toFixed(0)}`;

function svg(width: number, height: number, label: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeHtml(label)}" font-family="Helvetica, Arial, sans-serif" font-size="11" fill="${COLORS.text}">` +
    body +
    '</svg>'
  );
}

function legend(x: number, y: number, items: [string, string][]): string {
  let out = '';
  let cx = x;
  for (const [color, label] of items) {
    out += `<rect x="${cx}" y="${y - 9}" width="10" height="10" fill="${color}"/>` + text(cx + 14, y, label);
    cx += 24 + label.length * 6;
  }
  return out;
}

/** Monthly cost by line, stacked: compute, storage, snapshots (the largest lines when there are many). */
export function costByLineChart(report: Report): string {
  const lines = [...report.lines].sort((a, b) => n(b.monthlyUsd) - n(a.monthlyUsd)).slice(0, MAX_CHART_LINES);
  if (lines.length === 0) return '';
  const width = 720;
  const left = 130;
  const right = 80;
  const barH = 13;
  const top = 30;
  const height = top + lines.length * (barH + 5) + 30;
  const max = niceMax(
    Math.max(...lines.map((l) => n(l.computeMonthlyUsd) + n(l.storageMonthlyUsd) + n(l.snapshotMonthlyUsd))),
  );
  const scale = (width - left - right) / max;
  let body = legend(left, 14, [
    [COLORS.compute, 'Compute'],
    [COLORS.storage, 'EBS storage'],
    [COLORS.snapshots, 'Snapshots'],
  ]);
  for (let i = 0; i <= 4; i++) {
    const x = left + ((width - left - right) * i) / 4;
    body += `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 24}" stroke="${COLORS.grid}"/>`;
    body += text(x, height - 10, shortUsd((max * i) / 4), `text-anchor="middle" fill="${COLORS.muted}"`);
  }
  lines.forEach((l, i) => {
    const y = top + i * (barH + 5);
    body += text(left - 6, y + 10, l.id.length > 20 ? l.id.slice(0, 19) + '…' : l.id, 'text-anchor="end"');
    let x = left;
    for (const [v, color] of [
      [n(l.computeMonthlyUsd), COLORS.compute],
      [n(l.storageMonthlyUsd), COLORS.storage],
      [n(l.snapshotMonthlyUsd), COLORS.snapshots],
    ] as [number, string][]) {
      const w = v * scale;
      if (w > 0)
        body += `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${color}"/>`;
      x += w;
    }
    body += text(
      x + 4,
      y + 10,
      l.monthlyUsd === null ? 'n/a' : shortUsd(n(l.monthlyUsd)),
      `fill="${COLORS.muted}"`,
    );
  });
  const note =
    report.lines.length > lines.length ? ` (largest ${lines.length} of ${report.lines.length} lines)` : '';
  return svg(width, height, `Monthly cost by line${note}`, body);
}

/** Cumulative cash over 36 months per charted strategy, break-even months marked. */
export function cumulativeChart(report: Report): string {
  const series = report.comparison.chartedIds
    .map((id) => report.comparison.strategies.find((s) => s.id === id))
    .filter((s): s is ReportStrategy => !!s && s.cumulativeUsd !== null);
  if (series.length === 0) return '';
  const width = 720;
  const height = 300;
  const left = 60;
  const right = 20;
  const top = 40;
  const bottom = 36;
  const max = niceMax(Math.max(...series.flatMap((s) => s.cumulativeUsd!.map(Number))));
  const px = (m: number) => left + ((width - left - right) * m) / 36;
  const py = (v: number) => top + (height - top - bottom) * (1 - v / max);
  let body = '';
  for (let i = 0; i <= 4; i++) {
    const y = py((max * i) / 4);
    body += `<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="${COLORS.grid}"/>`;
    body += text(left - 6, y + 4, shortUsd((max * i) / 4), `text-anchor="end" fill="${COLORS.muted}"`);
  }
  for (const m of [0, 6, 12, 18, 24, 30, 36])
    body += text(px(m), height - bottom + 16, `${m}`, `text-anchor="middle" fill="${COLORS.muted}"`);
  body += text(width / 2, height - 4, 'Months', `text-anchor="middle" fill="${COLORS.muted}"`);
  series.forEach((s, i) => {
    const color = COLORS.series[i % COLORS.series.length]!;
    const pts = s.cumulativeUsd!.map((v, m) => `${px(m).toFixed(1)},${py(Number(v)).toFixed(1)}`).join(' ');
    body += `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2"/>`;
    if (s.breakEvenMonth !== null && s.kind !== 'on-demand') {
      const m = s.breakEvenMonth;
      const v = Number(s.cumulativeUsd![m]);
      body += `<circle cx="${px(m).toFixed(1)}" cy="${py(v).toFixed(1)}" r="4" fill="#fff" stroke="${color}" stroke-width="2"/>`;
      body += text(px(m) + 6, py(v) - 6, `break-even month ${m}`, `fill="${color}"`);
    }
  });
  body += legend(
    left,
    16,
    series.map((s, i) => [COLORS.series[i % COLORS.series.length]!, s.label]),
  );
  return svg(width, height, 'Cumulative cash cost over 36 months', body);
}

const STATUS_COLOR = {
  within: COLORS.within,
  binding: COLORS.binding,
  'exceeds-baseline': COLORS.over,
  'exceeds-maximum': COLORS.over,
  unknown: COLORS.muted,
} as const;

/** Per line: the volumes' IOPS and throughput against the instance's EBS baseline (|) and maximum (¦). */
export function ebsFitChart(report: Report): string {
  // Lines with the same instance type and volumes draw the same bars: one row for all of them.
  const groups = new Map<string, { label: string; check: ReportEbsCheck; ids: string[] }>();
  for (const l of report.lines) {
    const c = l.ebsCheck;
    if (!c) continue;
    const key = `${c.instanceType}|${c.iops.volumes}|${c.throughputMiBps.volumes}`;
    const g = groups.get(key);
    if (g) g.ids.push(l.id);
    else groups.set(key, { label: '', check: c, ids: [l.id] });
  }
  const lines = [...groups.values()].slice(0, MAX_CHART_LINES).map((g) => ({
    ebsCheck: g.check,
    instanceType: g.check.instanceType,
    id: g.ids.length > 1 ? `${g.ids[0]} +${g.ids.length - 1}` : g.ids[0]!,
  }));
  if (lines.length === 0) return '';
  const width = 720;
  const left = 140;
  const right = 215;
  const rowH = 14;
  const top = 30;
  const height = top + lines.length * (rowH * 2 + 12) + 10;
  const span = width - left - right;
  let body =
    legend(left, 14, [
      [COLORS.within, 'within'],
      [COLORS.binding, 'binding'],
      [COLORS.over, 'over the instance limit'],
    ]) + text(width - 4, 14, '| baseline  ¦ max', `fill="${COLORS.muted}" text-anchor="end"`);
  lines.forEach((l, i) => {
    const c = l.ebsCheck!;
    const y0 = top + i * (rowH * 2 + 12);
    body += text(left - 6, y0 + rowH + 4, `${l.id} (${l.instanceType})`.slice(0, 26), 'text-anchor="end"');
    (
      [
        ['IOPS', c.iops],
        ['MiB/s', c.throughputMiBps],
      ] as const
    ).forEach(([unit, d], j) => {
      const y = y0 + j * rowH;
      const scaleMax = Math.max(d.volumes, d.instanceMaximum ?? 0, d.instanceBaseline ?? 0) * 1.05 || 1;
      const x = (v: number) => left + (span * v) / scaleMax;
      body += `<rect x="${left}" y="${y + 2}" width="${span}" height="${rowH - 4}" fill="#f3f4f6"/>`;
      body += `<rect x="${left}" y="${y + 2}" width="${(x(d.volumes) - left).toFixed(1)}" height="${rowH - 4}" fill="${STATUS_COLOR[d.status]}"/>`;
      if (d.instanceBaseline !== null)
        body += `<line x1="${x(d.instanceBaseline).toFixed(1)}" y1="${y}" x2="${x(d.instanceBaseline).toFixed(1)}" y2="${y + rowH}" stroke="${COLORS.text}" stroke-width="2"/>`;
      if (d.instanceMaximum !== null)
        body += `<line x1="${x(d.instanceMaximum).toFixed(1)}" y1="${y}" x2="${x(d.instanceMaximum).toFixed(1)}" y2="${y + rowH}" stroke="${COLORS.text}" stroke-dasharray="2,2"/>`;
      body += text(
        width - right + 6,
        y + rowH - 3,
        `${Math.round(d.volumes).toLocaleString('en-US')} ${unit}: ${EBS_STATUS_LABEL[d.status]}`,
        `font-size="10" fill="${COLORS.muted}"`,
      );
    });
  });
  return svg(width, height, 'EBS fit per line against the instance limits', body);
}
