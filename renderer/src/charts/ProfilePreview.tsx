import type { OperatingSystem } from '@shared/catalog-types';
import { DAYS, HOURS_PER_WEEK, type Usage } from '@shared/scenario/schema';
import { PROFILE_COLORS } from '@shared/charts/palette';
import { usageProfile } from '@shared/pricing/usage-profile';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const MAX_BARS = 240;
/** Whole counts as they are; a jobs line's fractional instance-hours per hour to 2 decimals. */
const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Instances per hour of the pattern: a 7 × 24 heat map for a week, a tiny bar chart for a longer series. */
export function ProfilePreview({ usage, os = 'linux' }: { usage: Usage; os?: OperatingSystem }) {
  const { counts, periodHours } = usageProfile(usage, null, os);
  const peak = counts.reduce((a, b) => Math.max(a, b), 0);
  const min = counts.reduce((a, b) => Math.min(a, b), peak);

  return (
    <figure className="profile-preview" data-testid="profile-preview">
      {periodHours === HOURS_PER_WEEK ? (
        <WeekHeatMap counts={counts} peak={peak} />
      ) : (
        <SeriesBars counts={counts} peak={peak} />
      )}
      <figcaption className="muted small">
        {periodHours === HOURS_PER_WEEK
          ? 'Week (Mon–Sun × 0–23 h)'
          : `${counts.length.toLocaleString('en-US')} hours`}
        : {min === peak ? `${n(peak)} instances all week` : `${n(min)}–${n(peak)} instances`}
      </figcaption>
    </figure>
  );
}

function shade(count: number, peak: number): string {
  if (count === 0 || peak === 0) return PROFILE_COLORS.empty;
  const t = count / peak;
  // From a pale to a strong blue as the count nears the peak.
  const light = Math.round(88 - t * 46);
  return `hsl(${PROFILE_COLORS.heatHue} 80% ${light}%)`;
}

function WeekHeatMap({ counts, peak }: { counts: number[]; peak: number }) {
  return (
    <div className="heat-map" role="img" aria-label="Instances per hour over a week">
      {DAYS.map((day, d) => (
        <div className="heat-row" key={day}>
          <span className="heat-day">{day.slice(0, 2)}</span>
          {HOURS.map((h) => {
            const count = counts[d * 24 + h] ?? 0;
            return (
              <span
                key={h}
                className="heat-cell"
                style={{ background: shade(count, peak) }}
                title={`${day} ${String(h).padStart(2, '0')}:00 — ${n(count)} instance${count === 1 ? '' : 's'}`}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
}

function SeriesBars({ counts, peak }: { counts: number[]; peak: number }) {
  // Long series: each bar is the peak of its bucket, so a short spike still shows.
  const bucket = Math.max(1, Math.ceil(counts.length / MAX_BARS));
  const bars: number[] = [];
  for (let i = 0; i < counts.length; i += bucket) bars.push(Math.max(...counts.slice(i, i + bucket)));
  const width = 240;
  const height = 56;
  const barWidth = width / Math.max(bars.length, 1);
  return (
    <svg
      className="series-bars"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Instances per hour"
    >
      {bars.map((b, i) => {
        const h = peak === 0 ? 0 : (b / peak) * (height - 2);
        return (
          <rect
            key={i}
            x={i * barWidth}
            y={height - h}
            width={Math.max(barWidth - 0.5, 0.5)}
            height={h}
            fill={PROFILE_COLORS.bar}
          />
        );
      })}
    </svg>
  );
}
