import type { ReactNode } from 'react';
import type { SizingOptionDto } from '@shared/ebs/transport';
import { Decimal, formatUsd } from '@shared/money';
import { useApiCall } from '../../hooks/useApiCall';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { formatCount } from './ebs-format';
import {
  MAX_SNAPSHOT_VOLUME_GIB,
  SNAPSHOT_FREQUENCIES,
  SNAPSHOT_TIERS,
  parseSnapshotForm,
  type SnapshotForm,
  type SnapshotFrequency,
  type SnapshotTier,
} from './sizing-state';

const DEBOUNCE_MS = 200;
const FREQUENCY_LABELS: Record<SnapshotFrequency, string> = {
  hourly: 'Hourly',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
};
const TIER_LABELS: Record<SnapshotTier, string> = { standard: 'Standard', archive: 'Archive' };

export interface SnapshotPanelProps {
  region: string;
  option: SizingOptionDto | null;
  form: SnapshotForm;
  onChange: (patch: Partial<SnapshotForm>) => void;
}

/**
 * Snapshot storage for the cheapest layout. Priced on the layout's total size; a layout larger than one
 * volume may be (64 TiB) is priced per volume and multiplied, which is the same sum: snapshots are linear
 * in size.
 */
export function SnapshotPanel({ region, option, form, onChange: set }: SnapshotPanelProps) {
  const { policy, errors } = parseSnapshotForm(form);
  const totalGiB = option ? option.volumes * option.sizeGiBPerVolume : 0;
  const perVolume = totalGiB > MAX_SNAPSHOT_VOLUME_GIB;
  const multiplier = option && perVolume ? option.volumes : 1;
  const sizeGiB = option ? (perVolume ? option.sizeGiBPerVolume : totalGiB) : 0;
  const input = option && policy ? { region, volumeSizeGiB: sizeGiB, ...policy } : null;
  const debounced = useDebouncedValue(input === null ? null : JSON.stringify(input), DEBOUNCE_MS);
  const cost = useApiCall(
    'ebs.snapshotCost',
    debounced === null ? null : (JSON.parse(debounced) as NonNullable<typeof input>),
  );
  const result = input === null ? undefined : cost.data;

  return (
    <section className="ebs-panel ebs-snapshots" aria-labelledby="ebs-snapshots-heading">
      <h2 className="ebs-panel-title" id="ebs-snapshots-heading">
        Snapshots
        <span className="ebs-panel-subtitle">
          {option
            ? ` of the cheapest layout: ${option.volumes} × ${formatCount(option.sizeGiBPerVolume)} GiB ${option.volumeType} (${formatCount(totalGiB)} GiB)`
            : ' — no layout to protect yet'}
        </span>
      </h2>
      <div className="ebs-snapshot-fields">
        <Field label="Frequency">
          <select
            data-testid="snapshot-frequency"
            value={form.frequency}
            onChange={(e) => set({ frequency: e.target.value as SnapshotFrequency })}
          >
            {SNAPSHOT_FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {FREQUENCY_LABELS[f]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Keep" hint="snapshots">
          <SmallNumber
            testId="snapshot-retention"
            value={form.retentionCount}
            error={errors.retentionCount}
            onChange={(v) => set({ retentionCount: v })}
          />
        </Field>
        <Field label="Daily change" hint="% of used">
          <SmallNumber
            testId="snapshot-change"
            value={form.dailyChangePct}
            error={errors.dailyChangePct}
            onChange={(v) => set({ dailyChangePct: v })}
          />
        </Field>
        <Field label="Used" hint="% of volume">
          <SmallNumber
            testId="snapshot-used"
            value={form.usedPct}
            error={errors.usedPct}
            onChange={(v) => set({ usedPct: v })}
          />
        </Field>
        <Field label="Tier">
          <select
            data-testid="snapshot-tier"
            value={form.tier}
            onChange={(e) => set({ tier: e.target.value as SnapshotTier })}
          >
            {SNAPSHOT_TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {Object.keys(errors).length > 0 && <p className="ebs-form-errors">{Object.values(errors).join(' ')}</p>}
      {cost.error && input !== null && <p className="ebs-inline-error">{cost.error}</p>}
      <dl className={cost.loading ? 'ebs-snapshot-result is-loading' : 'ebs-snapshot-result'}>
        <div>
          <dt>Stored</dt>
          <dd className="num">{result ? `${gib(result.storedGiB * multiplier)} GiB` : '—'}</dd>
        </div>
        <div>
          <dt>Billed</dt>
          <dd className="num">{result ? `${gib(result.billedGiB * multiplier)} GiB-month` : '—'}</dd>
        </div>
        <div>
          <dt>Monthly</dt>
          <dd className="num strong" data-testid="snapshot-monthly">
            {result ? formatUsd(new Decimal(result.monthlyUsd).times(multiplier)) : '—'}
          </dd>
        </div>
        {result?.restoreOneUsd && (
          <div>
            <dt>Restore one</dt>
            <dd className="num">{formatUsd(new Decimal(result.restoreOneUsd).times(multiplier))}</dd>
          </div>
        )}
      </dl>
      {result && (
        <ul className="ebs-notes">
          {perVolume && (
            <li>
              Priced per volume ({formatCount(sizeGiB)} GiB) and multiplied by {multiplier}: each volume is
              snapshotted on its own.
            </li>
          )}
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function gib(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function Field(props: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="filter-field">
      <span className="filter-label">
        {props.label}
        {props.hint && <span className="ebs-label-hint"> {props.hint}</span>}
      </span>
      {props.children}
    </label>
  );
}

function SmallNumber(props: {
  testId: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  return (
    <input
      className="number-input ebs-number"
      data-testid={props.testId}
      type="text"
      inputMode="decimal"
      maxLength={12}
      aria-invalid={props.error !== undefined}
      title={props.error}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.replace(/[,\s]/g, ''))}
    />
  );
}
