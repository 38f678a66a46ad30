import { useState } from 'react';
import { parseHourlyCsv } from './count-parsing';
import type { UsageFormProps } from './usage-types';

/** An hourly series of counts imported from a CSV file (one number per line, or a column). */
export function HourlySeriesForm({ usage, onChange, errors }: UsageFormProps<'hourly'>) {
  const [fileError, setFileError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const onFile = async (file: File) => {
    const parsed = parseHourlyCsv(await file.text());
    if (!parsed.ok) {
      setFileError(`${file.name}: ${parsed.message}`);
      return;
    }
    setFileError(null);
    setFileName(file.name);
    onChange({ ...usage, counts: parsed.counts });
  };

  const { counts } = usage;
  const peak = counts.reduce((a, b) => Math.max(a, b), 0);
  const total = counts.reduce((a, b) => a + b, 0);
  const countsError = Object.entries(errors).find(([k]) => k === 'counts' || k.startsWith('counts.'));

  return (
    <div className="hourly-form">
      <label className="field">
        <span className="field-label">CSV of hourly counts</span>
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          data-testid="line-hourly-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onFile(file);
          }}
        />
      </label>
      <p className="muted small">
        {fileName ? `${fileName}: ` : ''}
        {counts.length.toLocaleString('en-US')} hours, peak {peak}, average{' '}
        {counts.length ? (total / counts.length).toFixed(2) : '0'} instances. The series repeats to fill the
        month.
      </p>
      {fileError && <p className="field-error">{fileError}</p>}
      {countsError && <p className="field-error">{`${countsError[0]}: ${countsError[1]}`}</p>}
    </div>
  );
}
