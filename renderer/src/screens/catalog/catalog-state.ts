import { z } from 'zod';
import { SORT_COLUMNS, type SortColumn } from '@shared/contract';
import { OPERATING_SYSTEMS, type OperatingSystem } from '@shared/catalog-types';
import { parseDecimalText, REGION_CODE_PATTERN } from '@shared/validation';
import { PRICE_UNITS, type PriceUnit } from '../../format';
import { storedNumberText as numberText } from '../../hooks/usePersistentState';
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId } from './columns';
import type { RowFilter } from './filter-sort';

export const DEFAULT_REGION = 'us-east-1';
/** The region choice that lists every region's rows (one per type × region). */
export const ALL_REGIONS = 'all';
export const TRI_STATES = ['any', 'yes', 'no'] as const;
export type TriState = (typeof TRI_STATES)[number];

/** What the filter controls hold; text fields stay strings so a half-typed number is kept as typed. */
export interface CatalogFilters {
  search: string;
  family: string;
  arch: '' | 'x86_64' | 'arm64';
  generation: 'current' | 'previous' | 'all';
  burstable: TriState;
  gpu: TriState;
  minVcpu: string;
  maxVcpu: string;
  minMemoryGiB: string;
  maxMemoryGiB: string;
  minNetworkGbps: string;
  pricedOnly: boolean;
}

export interface CatalogState {
  /** A region code, or ALL_REGIONS. */
  region: string;
  os: OperatingSystem;
  filters: CatalogFilters;
  sortBy: SortColumn;
  sortDir: 'asc' | 'desc';
  columns: ColumnId[];
  unit: PriceUnit;
}

export const DEFAULT_FILTERS: CatalogFilters = {
  search: '',
  family: '',
  arch: '',
  generation: 'current',
  burstable: 'any',
  gpu: 'any',
  minVcpu: '',
  maxVcpu: '',
  minMemoryGiB: '',
  maxMemoryGiB: '',
  minNetworkGbps: '',
  pricedOnly: false,
};

export const DEFAULT_STATE: CatalogState = {
  region: DEFAULT_REGION,
  os: 'linux',
  filters: DEFAULT_FILTERS,
  sortBy: 'instanceType',
  sortDir: 'asc',
  columns: DEFAULT_COLUMNS,
  unit: 'hour',
};

// Each field falls back on its own, so one bad value in storage doesn't throw the rest away.
const filtersSchema = z.object({
  search: z.string().max(100).catch(DEFAULT_FILTERS.search),
  family: z
    .string()
    .regex(/^[a-z0-9-]*$/)
    .max(40)
    .catch(DEFAULT_FILTERS.family),
  arch: z.enum(['', 'x86_64', 'arm64']).catch(DEFAULT_FILTERS.arch),
  generation: z.enum(['current', 'previous', 'all']).catch(DEFAULT_FILTERS.generation),
  burstable: z.enum(TRI_STATES).catch(DEFAULT_FILTERS.burstable),
  gpu: z.enum(TRI_STATES).catch(DEFAULT_FILTERS.gpu),
  minVcpu: numberText.catch(''),
  maxVcpu: numberText.catch(''),
  minMemoryGiB: numberText.catch(''),
  maxMemoryGiB: numberText.catch(''),
  minNetworkGbps: numberText.catch(''),
  pricedOnly: z.boolean().catch(DEFAULT_FILTERS.pricedOnly),
});

const stateSchema = z.object({
  region: z
    .union([z.literal(ALL_REGIONS), z.string().regex(REGION_CODE_PATTERN)])
    .catch(DEFAULT_STATE.region),
  os: z.enum(OPERATING_SYSTEMS).catch(DEFAULT_STATE.os),
  filters: filtersSchema.catch(DEFAULT_FILTERS),
  sortBy: z.enum(SORT_COLUMNS).catch(DEFAULT_STATE.sortBy),
  sortDir: z.enum(['asc', 'desc']).catch(DEFAULT_STATE.sortDir),
  columns: z
    .array(z.string())
    .transform((ids) => COLUMN_IDS.filter((id) => ids.includes(id)))
    .catch(DEFAULT_STATE.columns),
  unit: z.enum(PRICE_UNITS).catch(DEFAULT_STATE.unit),
});

/** Validates what localStorage held; anything unrecognised becomes its default. */
export function restoreCatalogState(stored: unknown): CatalogState {
  const result = stateSchema.safeParse(stored);
  if (!result.success) return DEFAULT_STATE;
  const state = result.data;
  // The instance type column is the row's name: always shown.
  return state.columns.includes('instanceType')
    ? state
    : { ...state, columns: ['instanceType', ...state.columns] };
}

/** A whole number, or undefined when empty or not one. */
function parseCount(text: string): number | undefined {
  return parseDecimalText(text, { wholeDigits: 6, decimals: 0 }) ?? undefined;
}

/** A non-negative decimal, or undefined when empty or not one. */
function parseAmount(text: string): number | undefined {
  return parseDecimalText(text, { wholeDigits: 7, decimals: 3 }) ?? undefined;
}

export function isValidCount(text: string): boolean {
  return text.trim() === '' || parseCount(text) !== undefined;
}

export function isValidAmount(text: string): boolean {
  return text.trim() === '' || parseAmount(text) !== undefined;
}

const triState = (value: TriState): boolean | undefined => (value === 'any' ? undefined : value === 'yes');

/** The filters these controls set (as catalog.instances takes them); invalid number fields are left out. */
export function toRowFilter(filters: CatalogFilters): RowFilter {
  const search = filters.search.trim();
  const input: RowFilter = { generation: filters.generation, pricedOnly: filters.pricedOnly };
  if (search) input.search = search;
  if (filters.family) input.families = [filters.family];
  if (filters.arch) input.arch = filters.arch;
  const burstable = triState(filters.burstable);
  if (burstable !== undefined) input.burstable = burstable;
  const gpu = triState(filters.gpu);
  if (gpu !== undefined) input.gpu = gpu;
  const minVcpu = parseCount(filters.minVcpu);
  if (minVcpu !== undefined) input.minVcpu = minVcpu;
  const maxVcpu = parseCount(filters.maxVcpu);
  if (maxVcpu !== undefined) input.maxVcpu = maxVcpu;
  const minMemoryGiB = parseAmount(filters.minMemoryGiB);
  if (minMemoryGiB !== undefined) input.minMemoryGiB = minMemoryGiB;
  const maxMemoryGiB = parseAmount(filters.maxMemoryGiB);
  if (maxMemoryGiB !== undefined) input.maxMemoryGiB = maxMemoryGiB;
  const minNetworkGbps = parseAmount(filters.minNetworkGbps);
  if (minNetworkGbps !== undefined) input.minNetworkGbps = minNetworkGbps;
  return input;
}
