import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { envelopePath, type EnvelopeShape } from './ebs-fit-geometry';
import { CHART_INK, INSTANCE_CAP_COLOR, LABEL_HALO, VOLUME_TYPE_COLORS } from '@shared/charts/palette';

/** What the fit chart draws over its axes: the envelopes, the cap-line labels and the requirement. */

export const CAP_COLOR = INSTANCE_CAP_COLOR;
export const INK_COLOR = CHART_INK.strong;
const CAP_LABEL_FONT_SIZE = 10;
/** A type that meets no layout is outlined dashed. */
export const WIDEST_DASH = '6 4';
/** Near the plot's right edge the requirement's label flips to the left of the point. */
const FLIP_LABEL_WITHIN_PX = 100;

/**
 * The envelopes as closed outlines in the chart's own coordinates: each type's proposed layout solid and
 * lightly filled; a type that meets no layout dashed, at its widest stripe.
 */
export function EnvelopeLayer({ shapes }: { shapes: EnvelopeShape[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  return (
    <g className="ebs-envelopes">
      {shapes.map((s) => {
        const d = envelopePath(s.points, xScale, yScale);
        if (d === null) return null;
        const color = VOLUME_TYPE_COLORS[s.volumeType];
        const proposed = s.kind === 'proposed';
        return (
          <path
            key={s.key}
            d={d}
            fill={color}
            fillOpacity={proposed ? 0.07 : 0}
            stroke={color}
            strokeWidth={proposed ? 2 : 1.5}
            strokeDasharray={proposed ? undefined : WIDEST_DASH}
            strokeLinejoin="round"
            data-testid="ebs-envelope"
            data-volume-type={s.volumeType}
            data-kind={s.kind}
            data-layout={s.layout}
            data-contains-requirement={s.containsRequirement}
          >
            <title>
              {s.volumeType} {s.layout}
              {proposed ? '' : ' (no layout meets the need: widest stripe)'}
            </title>
          </path>
        );
      })}
    </g>
  );
}

interface LabelViewBox {
  viewBox?: { x?: number; y?: number; width?: number; height?: number };
}

/** Text along a vertical cap line, reading upwards just right of it, near the top. */
export function VerticalCapLabel({ text, viewBox }: { text: string } & LabelViewBox) {
  const x = (viewBox?.x ?? 0) + 11;
  const y = (viewBox?.y ?? 0) + 6;
  return (
    <text
      x={x}
      y={y}
      transform={`rotate(-90 ${x} ${y})`}
      textAnchor="end"
      fontSize={CAP_LABEL_FONT_SIZE}
      fill={CAP_COLOR}
      {...LABEL_HALO}
    >
      {text}
    </text>
  );
}

/** Text just above a horizontal cap line, at its left end. */
export function HorizontalCapLabel({ text, viewBox }: { text: string } & LabelViewBox) {
  const x = (viewBox?.x ?? 0) + 6;
  const y = (viewBox?.y ?? 0) - 4;
  return (
    <text x={x} y={y} textAnchor="start" fontSize={CAP_LABEL_FONT_SIZE} fill={CAP_COLOR} {...LABEL_HALO}>
      {text}
    </text>
  );
}

/** The requirement as a dot, labelled below-right (cap labels run along the top). */
export function RequirementMark(props: { cx?: number; cy?: number }) {
  const plot = usePlotArea();
  const { cx, cy } = props;
  if (cx === undefined || cy === undefined) return <g />;
  const flip = plot !== undefined && cx > plot.x + plot.width - FLIP_LABEL_WITHIN_PX;
  return (
    <g className="ebs-requirement-mark">
      <circle cx={cx} cy={cy} r={6} fill={INK_COLOR} stroke={CHART_INK.halo} strokeWidth={2} />
      <text
        x={flip ? cx - 10 : cx + 10}
        y={cy + 17}
        textAnchor={flip ? 'end' : 'start'}
        fontSize={11}
        fontWeight={600}
        fill={INK_COLOR}
        {...LABEL_HALO}
      >
        Requirement
      </text>
    </g>
  );
}
