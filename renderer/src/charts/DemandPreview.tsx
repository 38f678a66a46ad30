import { DAY_LABELS, DAYS, HOURS_PER_WEEK, type DemandUsage } from '@shared/scenario/schema';
import { CHART_INK, DEMAND_COLORS } from '@shared/charts/palette';
import type { DemandSizing, InstanceCapacity } from '@shared/capacity/demand';
import { sizeDemandUsage } from '@shared/pricing/usage-profile';

const CELL_W = 14;
const CELL_H = 16;
const GAP = 1;
const LABEL_W = 22;
const MAX_BARS = 240;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/**
 * A line sized from demand, hour by hour: what its running instances provide (pale) against the demand
 * (dark; red where the maximum leaves it uncovered), in the unit that sizes the line. A 7 × 24 heat map
 * for a week, bars for a longer series.
 */
export function DemandPreview({
  usage,
  capacity,
}: {
  usage: DemandUsage;
  capacity: InstanceCapacity | null;
}) {
  const sizing = sizeDemandUsage(usage, capacity);
  const dim = sizing.dimensions.find((d) => d.key === sizing.binding);
  const unit = dim?.unit ?? '';
  const peakDemand = sizing.demand.reduce((a, b) => Math.max(a, b), 0);
  const peakProvided = sizing.provided.reduce((a, b) => Math.max(a, b), 0);
  const scale = Math.max(peakDemand, peakProvided, 1e-9);
  const weekly = sizing.periodHours === HOURS_PER_WEEK;

  return (
    <figure
      className="profile-preview demand-preview"
      data-testid="demand-preview"
      data-unit={unit}
      data-peak-demand={peakDemand}
      data-peak-provided={peakProvided}
      data-peak-instances={sizing.peakInstances}
      data-short-hours={sizing.underProvisionedHours}
    >
      {dim ? (
        weekly ? (
          <WeekChart sizing={sizing} scale={scale} unit={unit} />
        ) : (
          <SeriesChart sizing={sizing} scale={scale} />
        )
      ) : (
        <p className="muted small">Nothing to draw until the demand can be sized.</p>
      )}
      <figcaption className="muted small" data-testid="demand-preview-caption">
        <span className="legend-key" style={{ background: DEMAND_COLORS.provided }} /> provisioned{' '}
        <span className="legend-key" style={{ background: DEMAND_COLORS.demand }} /> demand
        {sizing.underProvisionedHours > 0 && (
          <>
            {' '}
            <span className="legend-key" style={{ background: DEMAND_COLORS.short }} /> short
          </>
        )}
        <br />
        {dim
          ? `${weekly ? 'Week (Mon–Sun × 0–23 h)' : `${sizing.periodHours.toLocaleString('en-US')} hours`}: peak demand ${fmt(peakDemand)} ${unit}, provisioned ${fmt(peakProvided)} ${unit} (${summary(sizing)})`
          : ''}
      </figcaption>
    </figure>
  );
}

function summary(s: DemandSizing): string {
  const zones = s.zones > 1 ? `, ${s.instancesPerZoneAtPeak} per AZ × ${s.zones}` : '';
  const short = s.underProvisionedHours > 0 ? `; short ${s.underProvisionedHours} h` : '';
  return `${s.peakInstances} instance${s.peakInstances === 1 ? '' : 's'} at the peak${zones}${short}`;
}

function hh(h: number) {
  return `${String(h).padStart(2, '0')}:00`;
}

function Bars({
  x,
  demand,
  provided,
  scale,
  width,
  label,
}: {
  x: number;
  demand: number;
  provided: number;
  scale: number;
  width: number;
  label: string;
}) {
  const ph = (provided / scale) * CELL_H;
  const dh = (demand / scale) * CELL_H;
  const short = demand > provided + 1e-9;
  const inner = Math.max(width * 0.5, 1);
  return (
    <g>
      <title>{label}</title>
      <rect x={x} y={0} width={width} height={CELL_H} fill={CHART_INK.track} />
      <rect x={x} y={CELL_H - ph} width={width} height={ph} fill={DEMAND_COLORS.provided} />
      <rect
        x={x + (width - inner) / 2}
        y={CELL_H - dh}
        width={inner}
        height={dh}
        fill={short ? DEMAND_COLORS.short : DEMAND_COLORS.demand}
        data-short={short || undefined}
      />
    </g>
  );
}

function WeekChart({ sizing, scale, unit }: { sizing: DemandSizing; scale: number; unit: string }) {
  const width = LABEL_W + 24 * (CELL_W + GAP);
  const height = 7 * (CELL_H + GAP) + 10;
  return (
    <svg
      className="demand-heat-map"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={`Demand against provisioned ${unit} per hour over a week`}
    >
      {DAYS.map((day, d) => (
        <g key={day} transform={`translate(0 ${d * (CELL_H + GAP)})`}>
          <text x={0} y={CELL_H - 3} fontSize={9} fill={CHART_INK.axis}>
            {day.slice(0, 2)}
          </text>
          {Array.from({ length: 24 }, (_, h) => {
            const i = d * 24 + h;
            const demand = sizing.demand[i] ?? 0;
            const provided = sizing.provided[i] ?? 0;
            const count = sizing.counts[i] ?? 0;
            return (
              <Bars
                key={h}
                x={LABEL_W + h * (CELL_W + GAP)}
                width={CELL_W}
                demand={demand}
                provided={provided}
                scale={scale}
                label={`${DAY_LABELS[day]} ${hh(h)} — demand ${fmt(demand)} ${unit}, provisioned ${fmt(provided)} ${unit} (${count} instance${count === 1 ? '' : 's'})`}
              />
            );
          })}
        </g>
      ))}
      {[0, 6, 12, 18].map((h) => (
        <text key={h} x={LABEL_W + h * (CELL_W + GAP)} y={height - 1} fontSize={8} fill={CHART_INK.axis}>
          {h}
        </text>
      ))}
    </svg>
  );
}

function SeriesChart({ sizing, scale }: { sizing: DemandSizing; scale: number }) {
  // Each bar is its bucket's busiest hour, so a short spike still shows.
  const n = sizing.counts.length;
  const bucket = Math.max(1, Math.ceil(n / MAX_BARS));
  const bars: { demand: number; provided: number; from: number }[] = [];
  for (let i = 0; i < n; i += bucket) {
    let demand = 0;
    let provided = 0;
    for (let j = i; j < Math.min(i + bucket, n); j++) {
      demand = Math.max(demand, sizing.demand[j] ?? 0);
      provided = Math.max(provided, sizing.provided[j] ?? 0);
    }
    bars.push({ demand, provided, from: i });
  }
  const width = 240;
  const w = width / Math.max(bars.length, 1);
  return (
    <svg className="series-bars" viewBox={`0 0 ${width} ${CELL_H}`} preserveAspectRatio="none" role="img">
      {bars.map((b, i) => (
        <Bars
          key={i}
          x={i * w}
          width={Math.max(w - 0.3, 0.3)}
          demand={b.demand}
          provided={b.provided}
          scale={scale}
          label={`hour ${b.from + 1}: demand ${fmt(b.demand)}, provisioned ${fmt(b.provided)}`}
        />
      ))}
    </svg>
  );
}
