import { useState } from 'react';
import type { Region } from '@shared/catalog-types';
import type { Account, ScenarioLine } from '@shared/scenario/schema';
import type { LineEstimate } from '@shared/pricing/estimate-types';
import { formatMoney } from '../../format';
import { omit, under } from './field-errors';
import { AccountField } from './AccountField';
import { CapacityReservationEditor, withRegion } from './CapacityReservationEditor';
import { InstanceField } from './InstanceField';
import { PurchaseEditor } from './PurchaseEditor';
import { switchTenancy } from './line-tenancy';
import { TenancyNote, TenancyOsFields } from './TenancyOsFields';
import { UsageEditor } from './UsageEditor';
import { useInstanceCapacity } from './useInstanceCapacity';
import { VolumesEditor } from './VolumesEditor';

export interface LineCardProps {
  line: ScenarioLine;
  regions: Region[] | undefined;
  /** Messages keyed by path under this line ("usage.endHour"). */
  errors: Record<string, string>;
  estimate: LineEstimate | undefined;
  /** The scenario doesn't validate: `estimate` is the last valid one. */
  stale: boolean;
  /** The scenario's accounts; the line's Account select shows when there are any. */
  accounts?: Account[] | undefined;
  onChange: (line: ScenarioLine) => void;
  onRemove: () => void;
  onDuplicate: () => void;
}

/** One line of the mix: what runs where, how much of the week, how it is bought, and its volumes. */
export function LineCard({
  line,
  regions,
  errors,
  estimate,
  stale,
  accounts,
  onChange,
  onRemove,
  onDuplicate,
}: LineCardProps) {
  const set = (patch: Partial<ScenarioLine>) => onChange({ ...line, ...patch });
  const regionKnown = regions?.some((r) => r.code === line.region) ?? false;
  const { capacity, known } = useInstanceCapacity(line.region, line.os, line.instanceType);
  // What a change of tenancy changed besides it (an OS it cannot run, a reservation), until the next change.
  const [tenancyNotes, setTenancyNotes] = useState<string[]>([]);

  return (
    <article className="line-card" data-testid="line-card" data-line-id={line.id}>
      <header className="line-header">
        <label className="field">
          <span className="field-label">Line id</span>
          <input
            className="text-input mono short"
            data-testid="line-id"
            value={line.id}
            maxLength={64}
            aria-invalid={errors.id !== undefined}
            onChange={(e) => set({ id: e.target.value })}
          />
          {errors.id && <span className="field-error">{errors.id}</span>}
        </label>
        <label className="field field-grow">
          <span className="field-label">Name</span>
          <input
            className="text-input"
            data-testid="line-name"
            value={line.name ?? ''}
            maxLength={200}
            placeholder="e.g. web tier"
            onChange={(e) => {
              onChange(e.target.value === '' ? omit(line, 'name') : { ...line, name: e.target.value });
            }}
          />
        </label>
        <div
          className={stale ? 'line-summary is-stale' : 'line-summary'}
          title={stale ? 'The last valid estimate: fix the highlighted fields to update it' : undefined}
        >
          <span className="muted small">{stale ? 'Last valid' : 'Monthly'}</span>
          <span className="strong num">{estimate ? formatMoney(estimate.monthlyUsd) : '…'}</span>
        </div>
        <div className="line-actions">
          <button
            type="button"
            className="button-secondary small-button"
            data-testid="line-duplicate"
            onClick={onDuplicate}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="button-secondary small-button"
            data-testid="line-remove"
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      </header>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Region</span>
          <select
            data-testid="line-region"
            value={line.region}
            onChange={(e) => onChange(withRegion(line, e.target.value))}
          >
            {!regionKnown && <option value={line.region}>{line.region}</option>}
            {regions?.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </select>
        </label>
        <InstanceField
          region={line.region}
          tenancy={line.tenancy}
          os={line.os}
          value={line.instanceType}
          error={errors.instanceType}
          onChange={(instanceType) => set({ instanceType })}
        />
        <TenancyOsFields
          testIdPrefix="line"
          tenancy={line.tenancy}
          os={line.os}
          errors={{ tenancy: errors.tenancy, os: errors.os }}
          onTenancyChange={(tenancy) => {
            const moved = switchTenancy(line, tenancy);
            setTenancyNotes(moved.notes);
            onChange(moved.line);
          }}
          onOsChange={(os) => {
            setTenancyNotes([]);
            set({ os });
          }}
        />
        <AccountField line={line} accounts={accounts} error={errors.account} onChange={onChange} />
      </div>
      {tenancyNotes.map((n) => (
        <p key={n} className="field-warning" data-testid="line-tenancy-change" role="status">
          {n}
        </p>
      ))}
      <TenancyNote tenancy={line.tenancy} />
      <UsageEditor
        usage={line.usage}
        onChange={(usage) => set({ usage })}
        errors={under(errors, 'usage.')}
        instanceType={line.instanceType}
        capacity={capacity}
        known={known}
        os={line.os}
      />
      <PurchaseEditor
        purchase={line.purchase}
        tenancy={line.tenancy}
        interruptionTolerant={line.interruptionTolerant}
        errors={under(errors, 'purchase.')}
        onChange={(purchase) => set({ purchase })}
        onTolerantChange={(interruptionTolerant) => set({ interruptionTolerant })}
      />
      <CapacityReservationEditor
        line={line}
        errors={under(errors, 'capacityReservation.')}
        estimate={stale ? undefined : estimate}
        onChange={onChange}
      />
      <VolumesEditor
        volumes={line.volumes}
        lifetime={line.volumeLifetime}
        errors={errors}
        onChange={(volumes) => set({ volumes })}
        onLifetimeChange={(volumeLifetime) => set({ volumeLifetime })}
      />
    </article>
  );
}
