import { NumberField } from './NumberField';

/** A usage with a window of hours in the day (business hours, jobs). */
interface Windowed {
  startHour: number;
  endHour: number;
}

/** The start and end hour of a usage's daily window (0–23, 1–24), under the form's own labels. */
export function HourWindowFields<U extends Windowed>(props: {
  usage: U;
  onChange: (usage: U) => void;
  errors: Partial<Record<string, string>>;
  labels: { start: string; end: string };
}) {
  const { usage, onChange, errors, labels } = props;
  return (
    <>
      <NumberField
        label={labels.start}
        testId="line-start-hour"
        min={0}
        max={23}
        value={usage.startHour}
        error={errors.startHour}
        onChange={(startHour) => onChange({ ...usage, startHour: startHour ?? 0 })}
      />
      <NumberField
        label={labels.end}
        testId="line-end-hour"
        min={1}
        max={24}
        value={usage.endHour}
        error={errors.endHour}
        onChange={(endHour) => onChange({ ...usage, endHour: endHour ?? 0 })}
      />
    </>
  );
}
