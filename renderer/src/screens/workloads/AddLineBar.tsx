import { useState } from 'react';
import type { OperatingSystem, Region, Tenancy } from '@shared/catalog-types';
import { InstanceField } from './InstanceField';
import { switchTenancy } from './line-tenancy';
import { DEFAULT_REGION, newLine } from './scenario-draft';
import { TenancyOsFields } from './TenancyOsFields';

export interface NewLineChoice {
  region: string;
  instanceType: string;
  os: OperatingSystem;
  tenancy: Tenancy;
}

/** Region, instance type, tenancy and OS for the next line, then "Add line"; every choice stays editable on the card. */
export function AddLineBar({
  regions,
  disabled,
  onAdd,
}: {
  regions: Region[] | undefined;
  disabled: boolean;
  onAdd: (choice: NewLineChoice) => void;
}) {
  const [choice, setChoice] = useState<NewLineChoice>({
    region: DEFAULT_REGION,
    instanceType: 'm5.large',
    os: 'linux',
    tenancy: 'shared',
  });
  const [notes, setNotes] = useState<string[]>([]);
  const onTenancyChange = (tenancy: Tenancy) => {
    // As on a card: a tenancy that cannot run the chosen OS moves it to the nearest one sold there.
    const moved = switchTenancy(
      newLine([], choice.region, choice.instanceType, choice.os, choice.tenancy),
      tenancy,
    );
    setChoice((c) => ({ ...c, tenancy, os: moved.line.os }));
    setNotes(moved.notes);
  };
  return (
    <div className="add-line-bar">
      <label className="field">
        <span className="field-label">Region</span>
        <select
          data-testid="new-line-region"
          value={choice.region}
          onChange={(e) => setChoice((c) => ({ ...c, region: e.target.value }))}
        >
          {!regions?.some((r) => r.code === choice.region) && (
            <option value={choice.region}>{choice.region}</option>
          )}
          {regions?.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </label>
      <InstanceField
        testId="new-line-instance"
        region={choice.region}
        tenancy={choice.tenancy}
        os={choice.os}
        value={choice.instanceType}
        error={undefined}
        onChange={(instanceType) => setChoice((c) => ({ ...c, instanceType }))}
      />
      <TenancyOsFields
        testIdPrefix="new-line"
        tenancy={choice.tenancy}
        os={choice.os}
        onTenancyChange={onTenancyChange}
        onOsChange={(os) => {
          setChoice((c) => ({ ...c, os }));
          setNotes([]);
        }}
      />
      <button
        type="button"
        className="button-primary"
        data-testid="add-line"
        disabled={disabled}
        onClick={() => onAdd(choice)}
      >
        + Add line
      </button>
      {notes.map((n) => (
        <p key={n} className="field-warning add-line-note" data-testid="new-line-tenancy-change">
          {n}
        </p>
      ))}
    </div>
  );
}
