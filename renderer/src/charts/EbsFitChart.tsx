import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import type { VolumeType } from '../../../shared/catalog-types';
import type { FitEnvelope } from '../../../shared/ebs/envelope';
import type { InstanceEbsLimits } from '../../../shared/ebs/solver';
import { clipPolygonLog, decadeDomain, formatTick, logTicks, type Domain, type Point } from './log-scale';
import { VOLUME_TYPE_COLORS } from './volume-type-colors';

export interface EbsFitChartProps {
  envelopes: FitEnvelope[];
  requirement: { iops: number; throughputMiBps: number };
  instance: InstanceEbsLimits | null;
}

interface Shape {
  key: string;
  volumeType: VolumeType;
  kind: 'single' | 'striped';
  points: Point[];
}

const CAP_COLOR = '#b91c1c';
/** A white outline behind label text so it stays readable over the envelopes. */
const HALO = { stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke' } as const;
const CHART_HEIGHT_PX = 360;
const MARGIN = { top: 16, right: 24, bottom: 30, left: 16 };

/**
 * Where each volume type can operate for the chosen capacity, on log-log axes (IOPS across, MiB/s up):
 * one volume solid, the capacity striped dashed; the instance's EBS caps as lines; the requirement a point.
 */
export function EbsFitChart({ envelopes, requirement, instance }: EbsFitChartProps) {
  const [hidden, setHidden] = useState<ReadonlySet<VolumeType>>(new Set());
  const { xDomain, yDomain, shapes } = useMemo(
    () => layout(envelopes, requirement, instance),
    [envelopes, requirement, instance],
  );
  const visible = shapes.filter((s) => !hidden.has(s.volumeType));
  const point = {
    x: clamp(requirement.iops, xDomain),
    y: clamp(requirement.throughputMiBps, yDomain),
  };
  const caps = instance ? capLines(instance) : [];
  const stripes = envelopes[0]?.stripeVolumes ?? 0;
  const burst = envelopes[0]?.regime === 'burst';

  const toggle = (t: VolumeType) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(t)) next.delete(t);
      else next.add(t);
      return next;
    });

  return (
    <div className="ebs-chart" data-testid="ebs-fit-chart">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
        <ScatterChart margin={MARGIN}>
          <CartesianGrid stroke="#eef0f3" />
          <XAxis
            type="number"
            dataKey="x"
            scale="log"
            domain={xDomain}
            ticks={logTicks(xDomain)}
            tickFormatter={formatTick}
            allowDataOverflow
            fontSize={11}
            stroke="#6b7280"
            label={{
              value: 'IOPS (counted operations/s)',
              position: 'insideBottom',
              offset: -18,
              fontSize: 11,
            }}
          />
          <YAxis
            type="number"
            dataKey="y"
            scale="log"
            domain={yDomain}
            ticks={logTicks(yDomain)}
            tickFormatter={formatTick}
            allowDataOverflow
            width={56}
            fontSize={11}
            stroke="#6b7280"
            label={{ value: 'Throughput MiB/s', angle: -90, position: 'insideLeft', offset: 4, fontSize: 11 }}
          />
          <EnvelopeLayer shapes={visible} />
          {caps.map((c) =>
            c.axis === 'x' ? (
              <ReferenceLine
                key={c.key}
                x={c.value}
                stroke={CAP_COLOR}
                strokeDasharray={c.dash}
                ifOverflow="hidden"
                label={<VerticalCapLabel text={c.label} />}
              />
            ) : (
              <ReferenceLine
                key={c.key}
                y={c.value}
                stroke={CAP_COLOR}
                strokeDasharray={c.dash}
                ifOverflow="hidden"
                label={<HorizontalCapLabel text={c.label} />}
              />
            ),
          )}
          <Scatter name="Requirement" data={[point]} isAnimationActive={false} shape={<RequirementMark />} />
        </ScatterChart>
      </ResponsiveContainer>
      <div className="ebs-chart-legend" aria-label="Legend">
        {envelopes.map((e) => (
          <button
            key={e.volumeType}
            type="button"
            className={hidden.has(e.volumeType) ? 'ebs-legend-item is-off' : 'ebs-legend-item'}
            aria-pressed={!hidden.has(e.volumeType)}
            title={envelopeTitle(e)}
            onClick={() => toggle(e.volumeType)}
          >
            <span className="ebs-legend-swatch" style={{ background: VOLUME_TYPE_COLORS[e.volumeType] }} />
            {e.volumeType}
          </button>
        ))}
        <span className="ebs-legend-key">
          <svg width="22" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="22" y2="4" stroke="#374151" strokeWidth="2" />
          </svg>
          one volume
        </span>
        <span className="ebs-legend-key">
          <svg width="22" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="22" y2="4" stroke="#374151" strokeWidth="2" strokeDasharray="5 3" />
          </svg>
          striped across {stripes}
        </span>
        <span className="ebs-legend-key">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4.5" fill="#111827" stroke="#fff" strokeWidth="1.5" />
          </svg>
          requirement
        </span>
        {instance && (
          <span className="ebs-legend-key">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="22" y2="4" stroke={CAP_COLOR} strokeWidth="1.5" />
            </svg>
            instance EBS caps
          </span>
        )}
        {burst && <span className="ebs-legend-key muted">burst regime (duty cycle below 100%)</span>}
      </div>
    </div>
  );
}

function layout(
  envelopes: FitEnvelope[],
  requirement: { iops: number; throughputMiBps: number },
  instance: InstanceEbsLimits | null,
): { xDomain: Domain; yDomain: Domain; shapes: Shape[] } {
  const xs = [requirement.iops];
  const ys = [requirement.throughputMiBps];
  for (const e of envelopes) {
    if (e.singleMax) {
      xs.push(e.singleMax.iops);
      ys.push(e.singleMax.throughputMiBps);
    }
    xs.push(e.stripedMax.iops);
    ys.push(e.stripedMax.throughputMiBps);
  }
  if (instance) {
    xs.push(instance.baselineIops ?? 0, instance.maxIops ?? 0);
    ys.push(instance.baselineThroughputMiBps ?? 0, instance.maxThroughputMiBps ?? 0);
  }
  // A decade below the smallest figure of interest: the lower-left of every envelope looks alike.
  const xDomain = decadeDomain(xs, { padBelow: 10, floor: 1 });
  const yDomain = decadeDomain(ys, { padBelow: 10, floor: 0.1 });
  const shapes: Shape[] = [];
  for (const e of envelopes) {
    const toPoints = (ps: FitEnvelope['striped']): Point[] =>
      clipPolygonLog(
        ps.map((p) => ({ x: p.iops, y: p.throughputMiBps })),
        xDomain,
        yDomain,
      );
    const striped = toPoints(e.striped);
    if (striped.length > 2 && e.stripeVolumes > 1) {
      shapes.push({
        key: `${e.volumeType}-striped`,
        volumeType: e.volumeType,
        kind: 'striped',
        points: striped,
      });
    }
    const single = toPoints(e.singleVolume);
    if (single.length > 2) {
      shapes.push({
        key: `${e.volumeType}-single`,
        volumeType: e.volumeType,
        kind: 'single',
        points: single,
      });
    }
  }
  return { xDomain, yDomain, shapes };
}

/** Draws the envelopes as closed outlines in the chart's own coordinates. */
function EnvelopeLayer({ shapes }: { shapes: Shape[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const path = (points: Point[]): string | null => {
    const coords = points.map((p) => [xScale(p.x), yScale(p.y)] as const);
    if (
      coords.some(
        ([x, y]) => x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y),
      )
    ) {
      return null;
    }
    return (
      coords.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x!.toFixed(1)},${y!.toFixed(1)}`).join(' ') + ' Z'
    );
  };
  return (
    <g className="ebs-envelopes">
      {shapes.map((s) => {
        const d = path(s.points);
        if (d === null) return null;
        const color = VOLUME_TYPE_COLORS[s.volumeType];
        return (
          <path
            key={s.key}
            d={d}
            fill={color}
            fillOpacity={s.kind === 'single' ? 0.07 : 0}
            stroke={color}
            strokeWidth={s.kind === 'single' ? 2 : 1.5}
            strokeDasharray={s.kind === 'striped' ? '6 4' : undefined}
            strokeLinejoin="round"
            data-volume-type={s.volumeType}
            data-kind={s.kind}
          >
            <title>
              {s.volumeType} {s.kind === 'single' ? 'one volume' : 'striped'}
            </title>
          </path>
        );
      })}
    </g>
  );
}

interface Cap {
  key: string;
  axis: 'x' | 'y';
  value: number;
  label: string;
  dash: string | undefined;
}

function capLines(instance: InstanceEbsLimits): Cap[] {
  const name = instance.instanceType;
  const caps: Cap[] = [];
  const add = (axis: 'x' | 'y', base: number | null, max: number | null) => {
    if (base !== null && max !== null && Math.abs(base - max) < 1e-6) {
      caps.push({ key: `${axis}-both`, axis, value: base, label: `${name} baseline = max`, dash: undefined });
      return;
    }
    if (base !== null)
      caps.push({ key: `${axis}-base`, axis, value: base, label: `${name} baseline`, dash: undefined });
    if (max !== null) caps.push({ key: `${axis}-max`, axis, value: max, label: `${name} max`, dash: '2 3' });
  };
  add('x', instance.baselineIops, instance.maxIops);
  add('y', instance.baselineThroughputMiBps, instance.maxThroughputMiBps);
  return caps;
}

interface LabelViewBox {
  viewBox?: { x?: number; y?: number; width?: number; height?: number };
}

/** Text along a vertical cap line, reading upwards just right of it, near the top. */
function VerticalCapLabel({ text, viewBox }: { text: string } & LabelViewBox) {
  const x = (viewBox?.x ?? 0) + 11;
  const y = (viewBox?.y ?? 0) + 6;
  return (
    <text
      x={x}
      y={y}
      transform={`rotate(-90 ${x} ${y})`}
      textAnchor="end"
      fontSize={10}
      fill={CAP_COLOR}
      {...HALO}
    >
      {text} IOPS
    </text>
  );
}

/** Text just above a horizontal cap line, at its left end. */
function HorizontalCapLabel({ text, viewBox }: { text: string } & LabelViewBox) {
  const x = (viewBox?.x ?? 0) + 6;
  const y = (viewBox?.y ?? 0) - 4;
  return (
    <text x={x} y={y} textAnchor="start" fontSize={10} fill={CAP_COLOR} {...HALO}>
      {text} MiB/s
    </text>
  );
}

function RequirementMark(props: { cx?: number; cy?: number }) {
  const plot = usePlotArea();
  const { cx, cy } = props;
  if (cx === undefined || cy === undefined) return <g />;
  // Below-right of the point (cap labels run along the top); flipped left near the plot's right edge.
  const flip = plot !== undefined && cx > plot.x + plot.width - 100;
  return (
    <g className="ebs-requirement-mark">
      <circle cx={cx} cy={cy} r={6} fill="#111827" stroke="#fff" strokeWidth={2} />
      <text
        x={flip ? cx - 10 : cx + 10}
        y={cy + 17}
        textAnchor={flip ? 'end' : 'start'}
        fontSize={11}
        fontWeight={600}
        fill="#111827"
        {...HALO}
      >
        Requirement
      </text>
    </g>
  );
}

function clamp(v: number, [lo, hi]: Domain): number {
  return Math.min(hi, Math.max(lo, v));
}

function envelopeTitle(e: FitEnvelope): string {
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const single = e.singleMax
    ? `one volume up to ${f(e.singleMax.iops)} IOPS, ${f(e.singleMax.throughputMiBps)} MiB/s`
    : 'one volume cannot hold the capacity';
  return `${e.volumeType}: ${single}; ${e.stripeVolumes} volumes up to ${f(e.stripedMax.iops)} IOPS, ${f(e.stripedMax.throughputMiBps)} MiB/s. Click to hide or show.`;
}
