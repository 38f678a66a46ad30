import type { ReactNode } from 'react';
import { OPERATING_SYSTEMS, type OperatingSystem, type Region } from '@shared/catalog-types';
import {
  ALL_REGIONS,
  TRI_STATES,
  isValidAmount,
  isValidCount,
  type CatalogFilters,
  type TriState,
} from './catalog-state';

import { OS_FACTS, OS_LABELS } from '@shared/operating-systems';

const TRI_LABELS: Record<TriState, string> = { any: 'Any', yes: 'Yes', no: 'No' };

export interface FilterBarProps {
  region: string;
  os: OperatingSystem;
  filters: CatalogFilters;
  regions: Region[] | undefined;
  families: string[] | undefined;
  onRegionChange: (region: string) => void;
  onOsChange: (os: OperatingSystem) => void;
  onFiltersChange: (patch: Partial<CatalogFilters>) => void;
  onReset: () => void;
  /** Arrow Down in the search box: on to the rows. */
  onSearchArrowDown: () => void;
}

export function FilterBar(props: FilterBarProps) {
  const { filters, onFiltersChange: set } = props;
  const regionKnown =
    props.region === ALL_REGIONS || (props.regions?.some((r) => r.code === props.region) ?? false);
  const familyKnown = props.families?.includes(filters.family) ?? false;

  return (
    <form
      className="filter-bar"
      role="search"
      aria-label="Filter instance types"
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label="Region" wide>
        <select
          data-testid="region-select"
          value={props.region}
          onChange={(e) => props.onRegionChange(e.target.value)}
        >
          {!regionKnown && <option value={props.region}>{props.region}</option>}
          <option value={ALL_REGIONS}>All regions</option>
          {props.regions?.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </Field>
      <Field label="Operating system">
        <select
          data-testid="os-select"
          value={props.os}
          onChange={(e) => props.onOsChange(e.target.value as OperatingSystem)}
        >
          {OPERATING_SYSTEMS.map((os) => (
            <option key={os} value={os}>
              {OS_FACTS[os].tenancies.includes('shared')
                ? OS_LABELS[os]
                : `${OS_LABELS[os]} (dedicated only)`}
            </option>
          ))}
        </select>
        {!OS_FACTS[props.os].tenancies.includes('shared') && (
          <span className="muted small os-dedicated-only" data-testid="os-dedicated-only">
            Not sold on shared hardware: the table’s shared prices read n/a; open a type for its Dedicated
            Instance and Host prices.
          </span>
        )}
      </Field>
      <Field label="Search" wide>
        <input
          data-testid="search-input"
          type="search"
          placeholder="Type, processor, GPU…"
          value={filters.search}
          maxLength={100}
          onChange={(e) => set({ search: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              props.onSearchArrowDown();
            }
          }}
        />
      </Field>
      <Field label="Family">
        <select
          data-testid="family-select"
          value={filters.family}
          onChange={(e) => set({ family: e.target.value })}
        >
          <option value="">All families</option>
          {filters.family && !familyKnown && <option value={filters.family}>{filters.family}</option>}
          {props.families?.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Architecture">
        <select
          data-testid="arch-select"
          value={filters.arch}
          onChange={(e) => set({ arch: e.target.value as CatalogFilters['arch'] })}
        >
          <option value="">Any</option>
          <option value="x86_64">x86_64</option>
          <option value="arm64">arm64</option>
        </select>
      </Field>
      <Field label="Generation">
        <select
          data-testid="generation-select"
          value={filters.generation}
          onChange={(e) => set({ generation: e.target.value as CatalogFilters['generation'] })}
        >
          <option value="current">Current</option>
          <option value="previous">Previous</option>
          <option value="all">All</option>
        </select>
      </Field>
      <Field label="Burstable">
        <TriSelect
          testId="burstable-select"
          value={filters.burstable}
          onChange={(v) => set({ burstable: v })}
        />
      </Field>
      <Field label="GPU">
        <TriSelect testId="gpu-select" value={filters.gpu} onChange={(v) => set({ gpu: v })} />
      </Field>
      <RangeField
        label="vCPU"
        min={filters.minVcpu}
        max={filters.maxVcpu}
        valid={isValidCount}
        step="1"
        testId="vcpu"
        onChange={(min, max) => set({ minVcpu: min, maxVcpu: max })}
      />
      <RangeField
        label="Memory GiB"
        min={filters.minMemoryGiB}
        max={filters.maxMemoryGiB}
        valid={isValidAmount}
        step="any"
        testId="memory"
        onChange={(min, max) => set({ minMemoryGiB: min, maxMemoryGiB: max })}
      />
      <Field label="Min network Gbps">
        <NumberInput
          testId="min-network"
          value={filters.minNetworkGbps}
          valid={isValidAmount(filters.minNetworkGbps)}
          step="any"
          placeholder="any"
          ariaLabel="Minimum network Gbps"
          onChange={(v) => set({ minNetworkGbps: v })}
        />
      </Field>
      <label className="filter-check">
        <input
          data-testid="priced-only"
          type="checkbox"
          checked={filters.pricedOnly}
          onChange={(e) => set({ pricedOnly: e.target.checked })}
        />
        Priced only
      </label>
      <button type="button" className="button-secondary" data-testid="reset-filters" onClick={props.onReset}>
        Reset filters
      </button>
    </form>
  );
}

function Field({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <label className={wide ? 'filter-field filter-field-wide' : 'filter-field'}>
      <span className="filter-label">{label}</span>
      {children}
    </label>
  );
}

function TriSelect(props: { testId: string; value: TriState; onChange: (value: TriState) => void }) {
  return (
    <select
      data-testid={props.testId}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as TriState)}
    >
      {TRI_STATES.map((v) => (
        <option key={v} value={v}>
          {TRI_LABELS[v]}
        </option>
      ))}
    </select>
  );
}

function NumberInput(props: {
  testId: string;
  value: string;
  valid: boolean;
  step: string;
  placeholder: string;
  ariaLabel: string;
  onChange: (value: string) => void;
}) {
  return (
    <input
      className="number-input"
      data-testid={props.testId}
      type="number"
      inputMode="decimal"
      min="0"
      step={props.step}
      placeholder={props.placeholder}
      aria-label={props.ariaLabel}
      aria-invalid={!props.valid}
      title={props.valid ? undefined : 'Not a valid number: ignored'}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

function RangeField(props: {
  label: string;
  min: string;
  max: string;
  valid: (text: string) => boolean;
  step: string;
  testId: string;
  onChange: (min: string, max: string) => void;
}) {
  return (
    <div className="filter-field" role="group" aria-label={props.label}>
      <span className="filter-label">{props.label}</span>
      <span className="range-inputs">
        <NumberInput
          testId={`${props.testId}-min`}
          value={props.min}
          valid={props.valid(props.min)}
          step={props.step}
          placeholder="min"
          ariaLabel={`Minimum ${props.label}`}
          onChange={(v) => props.onChange(v, props.max)}
        />
        <span aria-hidden="true">–</span>
        <NumberInput
          testId={`${props.testId}-max`}
          value={props.max}
          valid={props.valid(props.max)}
          step={props.step}
          placeholder="max"
          ariaLabel={`Maximum ${props.label}`}
          onChange={(v) => props.onChange(props.min, v)}
        />
      </span>
    </div>
  );
}
