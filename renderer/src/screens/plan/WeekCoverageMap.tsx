import { CHART_INK, PURCHASE_MODEL_COLORS } from '@shared/charts/palette';
import type { PlanPool } from '@shared/optimizer/types';
import { DAY_LABELS, DAYS } from '@shared/scenario/schema';
import { ChartFigure } from './ChartFigure';
import { countWords } from './plan-chart-data';

const CELL_W = 26;
const CELL_H = 22;
const GAP = 2;
const LEFT = 34;
const TOP = 14;
const HOUR_TICKS = [0, 3, 6, 9, 12, 15, 18, 21];
const COVERED = PURCHASE_MODEL_COLORS.reserved;
const UNCOVERED = PURCHASE_MODEL_COLORS['on-demand'];

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * The pool's week, hour by hour (Monday 00:00 first): each cell's bar is the mean usage of that hour
 * against the week's peak, its committed part in the commitment colour, the rest On-Demand.
 */
export function WeekCoverageMap({ pool }: { pool: PlanPool }) {
  const peak = pool.weekUsage.reduce((m, u) => Math.max(m, u), 0);
  const width = LEFT + 24 * (CELL_W + GAP);
  const height = TOP + 7 * (CELL_H + GAP);
  return (
    <ChartFigure
      title={`Week by hour — ${pool.label}`}
      description={weekWords(pool, peak)}
      testId="plan-week-map"
      footer={
        <p className="plan-legend small">
          <span className="plan-key" style={{ background: COVERED }} /> covered by commitments{' '}
          <span className="plan-key" style={{ background: UNCOVERED }} /> On-Demand{' '}
          <span className="muted">
            bar height: mean {pool.unitType} instances that hour (full cell = {countWords(peak)})
          </span>
        </p>
      }
    >
      <svg
        className="plan-week-svg"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`Mean ${pool.unitType} instances per hour of the week and their coverage`}
      >
        {HOUR_TICKS.map((h) => (
          <text key={h} x={LEFT + h * (CELL_W + GAP)} y={10} fontSize={10} fill={CHART_INK.axis}>
            {hh(h)}
          </text>
        ))}
        {DAYS.map((day, d) => (
          <g key={day} transform={`translate(0 ${TOP + d * (CELL_H + GAP)})`}>
            <text x={0} y={CELL_H - 7} fontSize={11} fill={CHART_INK.axis}>
              {DAY_LABELS[day].slice(0, 3)}
            </text>
            {Array.from({ length: 24 }, (_, h) => {
              const i = d * 24 + h;
              const usage = pool.weekUsage[i] ?? 0;
              const covered = Math.min(pool.weekCovered[i] ?? 0, usage);
              return (
                <Cell
                  key={h}
                  x={LEFT + h * (CELL_W + GAP)}
                  usage={usage}
                  covered={covered}
                  peak={peak}
                  label={`${DAY_LABELS[day]} ${hh(h)}: ${countWords(usage)} ${pool.unitType} in use, ${countWords(covered)} covered`}
                />
              );
            })}
          </g>
        ))}
      </svg>
    </ChartFigure>
  );
}

function Cell(props: { x: number; usage: number; covered: number; peak: number; label: string }) {
  const scale = props.peak > 0 ? CELL_H / props.peak : 0;
  const usedH = props.usage * scale;
  const coveredH = props.covered * scale;
  return (
    <g data-testid="plan-week-cell" data-usage={props.usage} data-covered={props.covered}>
      <title>{props.label}</title>
      <rect x={props.x} y={0} width={CELL_W} height={CELL_H} fill={CHART_INK.track} />
      <rect x={props.x} y={CELL_H - usedH} width={CELL_W} height={usedH - coveredH} fill={UNCOVERED} />
      <rect x={props.x} y={CELL_H - coveredH} width={CELL_W} height={coveredH} fill={COVERED} />
    </g>
  );
}

function weekWords(pool: PlanPool, peak: number): string {
  const used = pool.weekUsage.reduce((a, b) => a + b, 0);
  const covered = pool.weekUsage.reduce((a, u, i) => a + Math.min(pool.weekCovered[i] ?? 0, u), 0);
  const busiest = pool.weekUsage.indexOf(peak);
  const day = DAYS[Math.floor(busiest / 24)];
  const when = day && busiest >= 0 ? ` on ${DAY_LABELS[day]} at ${hh(busiest % 24)}` : '';
  const share = used > 0 ? `${countWords((covered / used) * 100)} %` : 'none';
  return (
    `Mean ${pool.unitType} instances in use per hour, Monday to Sunday: peak ${countWords(peak)}${when}; ` +
    `commitments cover ${share} of the week's instance-hours.`
  );
}
