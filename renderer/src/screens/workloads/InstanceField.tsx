import { useId, useState } from 'react';
import type { OperatingSystem, Tenancy } from '@shared/catalog-types';
import { formatRate } from '../../format';
import { useApiCall } from '../../hooks/useApiCall';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

const SEARCH_DEBOUNCE_MS = 200;

export interface InstanceFieldProps {
  region: string;
  os: OperatingSystem;
  /** Not shared: the hint leaves out the shared-tenancy rate, which is not what the line pays. */
  tenancy?: Tenancy;
  value: string;
  onChange: (instanceType: string) => void;
  error: string | undefined;
  testId?: string;
}

/**
 * The instance type: typed (with suggestions from the region's catalog) and applied on Enter or when
 * leaving the box, so a half-typed name is never priced.
 */
export function InstanceField({
  region,
  os,
  tenancy = 'shared',
  value,
  onChange,
  error,
  testId = 'line-instance',
}: InstanceFieldProps) {
  const listId = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [focused, setFocused] = useState(false);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const typed = text.trim().toLowerCase();
  const search = useDebouncedValue(focused ? typed : '', SEARCH_DEBOUNCE_MS);
  const suggestions = useApiCall(
    'catalog.instances',
    search === '' ? null : { region, os, search, generation: 'current', limit: 50 },
  );
  // The committed type's own on-demand rate, as a hint that it is known.
  const exact = useApiCall(
    'catalog.instances',
    value === '' ? null : { region, os, search: value, generation: 'all', limit: 50 },
  );
  const match = exact.data?.rows.find((r) => r.instanceType === value);
  const unknown = value !== '' && exact.data !== undefined && !exact.loading && !match;

  const commit = () => {
    if (typed !== value) onChange(typed);
  };

  return (
    <label className="field">
      <span className="field-label">Instance type</span>
      <input
        className="text-input mono"
        data-testid={testId}
        list={listId}
        value={text}
        spellCheck={false}
        placeholder="m5.large"
        aria-invalid={error !== undefined || unknown}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          commit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setText(value);
        }}
      />
      <datalist id={listId}>
        {suggestions.data?.rows.map((r) => (
          <option key={r.instanceType} value={r.instanceType}>
            {`${r.vcpu} vCPU, ${r.memoryGiB} GiB`}
          </option>
        ))}
      </datalist>
      {error !== undefined && <span className="field-error">{error}</span>}
      {unknown && <span className="field-error">not in the catalog for {region}</span>}
      {match && (
        <span className="muted small">
          {match.vcpu} vCPU · {match.memoryGiB} GiB
          {tenancy !== 'shared'
            ? ''
            : match.onDemandHourlyUsd === null
              ? ' · on-demand n/a'
              : ` · ${formatRate(match.onDemandHourlyUsd)}/h on-demand`}
        </span>
      )}
    </label>
  );
}
