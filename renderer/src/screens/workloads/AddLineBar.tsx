import { useState } from 'react';
import { OPERATING_SYSTEMS, type OperatingSystem, type Region } from '@shared/catalog-types';
import { InstanceField } from './InstanceField';
import { DEFAULT_REGION, OS_LABELS } from './scenario-draft';

export interface NewLineChoice {
  region: string;
  instanceType: string;
  os: OperatingSystem;
}

/** Region, instance type and OS for the next line, then "Add line"; every choice stays editable on the card. */
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
  });
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
        os={choice.os}
        value={choice.instanceType}
        error={undefined}
        onChange={(instanceType) => setChoice((c) => ({ ...c, instanceType }))}
      />
      <label className="field">
        <span className="field-label">OS</span>
        <select
          data-testid="new-line-os"
          value={choice.os}
          onChange={(e) => setChoice((c) => ({ ...c, os: e.target.value as OperatingSystem }))}
        >
          {OPERATING_SYSTEMS.map((os) => (
            <option key={os} value={os}>
              {OS_LABELS[os]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button-primary"
        data-testid="add-line"
        disabled={disabled}
        onClick={() => onAdd(choice)}
      >
        + Add line
      </button>
    </div>
  );
}
