import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from 'recharts';
import type { VolumeType } from '@shared/catalog-types';
import type { FitEnvelope } from '@shared/ebs/envelope';
import type { InstanceEbsLimits } from '@shared/ebs/solver';
import * as axes from './chart-axes';
import {
  capLines,
  fitChartGeometry,
  requirementPoint,
  type CapLine,
  type Requirement,
} from './ebs-fit-geometry';
import { EbsFitLegend } from './EbsFitLegend';
import {
  CAP_COLOR,
  EnvelopeLayer,
  HorizontalCapLabel,
  RequirementMark,
  VerticalCapLabel,
} from './EbsFitMarks';

export interface EbsFitChartProps {
  envelopes: FitEnvelope[];
  requirement: Requirement;
  instance: InstanceEbsLimits | null;
}

const CHART_HEIGHT_PX = 360;
const Y_AXIS_WIDTH_PX = 56;

/** A cap line as a recharts reference line (a direct child of the chart), labelled along it. */
function capReferenceLine(cap: CapLine) {
  const common = { stroke: CAP_COLOR, strokeDasharray: cap.dash, ifOverflow: 'hidden' } as const;
  return cap.axis === 'x' ? (
    <ReferenceLine key={cap.key} x={cap.value} {...common} label={<VerticalCapLabel text={cap.label} />} />
  ) : (
    <ReferenceLine key={cap.key} y={cap.value} {...common} label={<HorizontalCapLabel text={cap.label} />} />
  );
}

/**
 * Where each volume type can operate, on log-log axes (IOPS across, MiB/s up): each type's region is the
 * layout the table proposes for it (solid), or, for a type that meets no layout, its widest stripe
 * (dashed); the instance's EBS caps as lines; the requirement a point.
 * The geometry is ebs-fit-geometry.ts; the marks EbsFitMarks.tsx; the legend EbsFitLegend.tsx.
 */
export function EbsFitChart({ envelopes, requirement, instance }: EbsFitChartProps) {
  const [hidden, setHidden] = useState<ReadonlySet<VolumeType>>(new Set());
  const geometry = useMemo(
    () => fitChartGeometry(envelopes, requirement, instance),
    [envelopes, requirement, instance],
  );
  const visible = geometry.shapes.filter((s) => !hidden.has(s.volumeType));
  const point = requirementPoint(requirement, geometry);
  const caps = instance ? capLines(instance) : [];

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
        <ScatterChart margin={axes.EBS_CHART_MARGIN}>
          <CartesianGrid stroke={axes.GRID_STROKE} />
          <XAxis
            dataKey="x"
            {...axes.logAxisProps(geometry.xDomain)}
            {...axes.AXIS_STYLE}
            label={axes.bottomAxisLabel('IOPS (counted operations/s)')}
          />
          <YAxis
            dataKey="y"
            {...axes.logAxisProps(geometry.yDomain)}
            width={Y_AXIS_WIDTH_PX}
            {...axes.AXIS_STYLE}
            label={axes.leftAxisLabel('Throughput MiB/s', 4)}
          />
          <EnvelopeLayer shapes={visible} />
          {caps.map(capReferenceLine)}
          <Scatter name="Requirement" data={[point]} isAnimationActive={false} shape={<RequirementMark />} />
        </ScatterChart>
      </ResponsiveContainer>
      <EbsFitLegend envelopes={envelopes} hidden={hidden} onToggle={toggle} showCaps={instance !== null} />
    </div>
  );
}
