import { DAY_LABELS, DAYS, type Day } from '@shared/scenario/schema';

/** Checkboxes for the days a pattern applies to, kept in week order. */
export function DaysPicker({
  days,
  onChange,
  error,
}: {
  days: readonly Day[];
  onChange: (days: Day[]) => void;
  error: string | undefined;
}) {
  return (
    <fieldset className="field days-picker" aria-invalid={error !== undefined}>
      <legend className="field-label">Days</legend>
      <div className="days-row">
        {DAYS.map((d) => (
          <label key={d} className="day-check">
            <input
              type="checkbox"
              data-testid={`line-day-${d}`}
              checked={days.includes(d)}
              onChange={(e) => onChange(DAYS.filter((x) => (x === d ? e.target.checked : days.includes(x))))}
            />
            {DAY_LABELS[d]}
          </label>
        ))}
      </div>
      {error !== undefined && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
