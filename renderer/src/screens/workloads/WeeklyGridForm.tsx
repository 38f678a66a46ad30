import { useState } from 'react';
import { DAYS, HOURS_PER_WEEK } from '@shared/scenario/schema';
import { parseCountList } from './count-parsing';
import type { UsageFormProps } from './usage-types';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** 168 hourly counts as a 7 × 24 grid; numbers pasted into a cell fill the grid from there on. */
export function WeeklyGridForm({ usage, onChange, errors }: UsageFormProps<'weekly'>) {
  const [pasteText, setPasteText] = useState('');
  const [pasteError, setPasteError] = useState<string | null>(null);

  const setFrom = (start: number, values: number[]) => {
    const counts = [...usage.counts];
    values.forEach((v, i) => {
      if (start + i < HOURS_PER_WEEK) counts[start + i] = v;
    });
    onChange({ ...usage, counts });
  };

  const applyPaste = () => {
    const parsed = parseCountList(pasteText);
    if (!parsed.ok) return setPasteError(parsed.message);
    if (parsed.counts.length !== HOURS_PER_WEEK)
      return setPasteError(
        `expected ${HOURS_PER_WEEK} numbers (Monday 00:00 first), got ${parsed.counts.length}`,
      );
    setPasteError(null);
    setPasteText('');
    onChange({ ...usage, counts: parsed.counts });
  };

  const gridError = Object.entries(errors).find(([k]) => k === 'counts' || k.startsWith('counts.'));

  return (
    <div className="weekly-form">
      <div className="weekly-grid-scroll">
        <table className="weekly-grid" data-testid="weekly-grid">
          <thead>
            <tr>
              <th />
              {HOURS.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DAYS.map((day, d) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {HOURS.map((h) => {
                  const index = d * 24 + h;
                  const count = usage.counts[index] ?? 0;
                  return (
                    <td key={h}>
                      <input
                        key={`${index}:${count}`}
                        className="grid-cell"
                        inputMode="numeric"
                        aria-label={`${day} ${h}:00`}
                        defaultValue={String(count)}
                        onFocus={(e) => e.target.select()}
                        onBlur={(e) => {
                          const parsed = parseCountList(e.target.value);
                          const value = parsed.ok && parsed.counts.length === 1 ? parsed.counts[0]! : null;
                          if (value === null) e.target.value = String(count);
                          else if (value !== count) setFrom(index, [value]);
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') e.currentTarget.blur();
                        }}
                        onPaste={(e) => {
                          const parsed = parseCountList(e.clipboardData.getData('text'));
                          if (parsed.ok && parsed.counts.length > 1) {
                            e.preventDefault();
                            setFrom(index, parsed.counts);
                          }
                        }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="paste-row">
        <textarea
          data-testid="weekly-paste"
          rows={2}
          placeholder="Paste 168 numbers (Monday 00:00 first), separated by spaces, commas or new lines"
          value={pasteText}
          onChange={(e) => setPasteText(e.target.value)}
        />
        <button
          type="button"
          className="button-secondary"
          onClick={applyPaste}
          disabled={pasteText.trim() === ''}
        >
          Apply
        </button>
      </div>
      {pasteError && <p className="field-error">{pasteError}</p>}
      {gridError && <p className="field-error">{`${gridError[0]}: ${gridError[1]}`}</p>}
    </div>
  );
}
