/**
 * The catalog's filters and sorts, in memory over a listing's rows (shared/catalog-listing.ts): the
 * same answers as catalog.instances gives in SQL (main/catalog/instance-query.ts), same rows in the
 * same order (tests/integration/catalog-filter-sort.test.ts compares them), without a round trip
 * per keystroke. What a search looks in and how it matches is shared/catalog-search.ts's rule.
 */
import type { ListingRow } from '@shared/catalog-listing';
import { searchNeedle, searchTexts } from '@shared/catalog-search';
import type { InstanceFilter, SortColumn } from '@shared/contract';

/** What filters rows: catalog.instances' input without its region, OS, sort and limit. */
export type RowFilter = Omit<InstanceFilter, 'region' | 'os' | 'sortBy' | 'sortDir' | 'limit'>;

/**
 * Each row's searched texts (shared/catalog-search.ts searchTexts) as one string, worked out once per
 * row: one substring test per row and keystroke. The texts are joined by a character no search has
 * (a search holding it is matched text by text), so a match never spans two fields.
 */
const SEPARATOR = '\u0000';
const haystacks = new WeakMap<ListingRow, string>();

function haystackOf(row: ListingRow): string {
  let haystack = haystacks.get(row);
  if (haystack === undefined) {
    haystack = searchTexts(row).join(SEPARATOR);
    haystacks.set(row, haystack);
  }
  return haystack;
}

/** Whether `row`'s searched texts hold `needle` (a searchNeedle, not blank). */
function holds(row: ListingRow, needle: string): boolean {
  return needle.includes(SEPARATOR)
    ? searchTexts(row).some((text) => text.includes(needle))
    : haystackOf(row).includes(needle);
}

/** Whether `row` answers `search` (as shared/catalog-search.ts says; blank matches all). */
export function matchesSearch(row: ListingRow, search: string): boolean {
  const needle = searchNeedle(search);
  return needle === '' || holds(row, needle);
}

type Predicate = (row: ListingRow) => boolean;

/** Only the filters present are checked; a missing value (null) never passes a bound, as in SQL. */
function predicates(f: RowFilter): Predicate[] {
  const checks: Predicate[] = [];
  const generation = f.generation ?? 'current';
  if (generation !== 'all') checks.push((r) => r.generation === generation);
  if (f.arch) checks.push((r) => r.arch === f.arch);
  if (f.families && f.families.length > 0) {
    const families = new Set(f.families);
    checks.push((r) => families.has(r.family));
  }
  if (f.burstable !== undefined) checks.push((r) => r.burstable === f.burstable);
  if (f.gpu !== undefined) checks.push(f.gpu ? (r) => r.gpuCount > 0 : (r) => r.gpuCount === 0);
  const atLeast = (min: number | undefined, pick: (r: ListingRow) => number | null) => {
    if (min !== undefined) checks.push((r) => (pick(r) ?? -Infinity) >= min);
  };
  const atMost = (max: number | undefined, pick: (r: ListingRow) => number) => {
    if (max !== undefined) checks.push((r) => pick(r) <= max);
  };
  atLeast(f.minVcpu, (r) => r.vcpu);
  atMost(f.maxVcpu, (r) => r.vcpu);
  atLeast(f.minMemoryGiB, (r) => r.memoryGiB);
  atMost(f.maxMemoryGiB, (r) => r.memoryGiB);
  atLeast(f.minNetworkGbps, (r) => r.networkBaselineGbps);
  atLeast(f.minEbsBaselineThroughputMBps, (r) => r.ebsBaselineThroughputMBps);
  atLeast(f.minEbsBaselineIops, (r) => r.ebsBaselineIops);
  const onDemand = (r: ListingRow) => (r.onDemandHourlyUsd === null ? null : Number(r.onDemandHourlyUsd));
  if (f.minHourlyUsd !== undefined) {
    const min = Number(f.minHourlyUsd);
    checks.push((r) => (onDemand(r) ?? -Infinity) >= min);
  }
  if (f.maxHourlyUsd !== undefined) {
    const max = Number(f.maxHourlyUsd);
    checks.push((r) => (onDemand(r) ?? Infinity) <= max);
  }
  if (f.pricedOnly) checks.push((r) => r.onDemandHourlyUsd !== null);
  const needle = searchNeedle(f.search);
  if (needle) checks.push((r) => holds(r, needle));
  return checks;
}

/** The rows that answer every filter, in their given order. */
export function filterRows(rows: readonly ListingRow[], f: RowFilter): ListingRow[] {
  const checks = predicates(f);
  if (checks.length === 0) return [...rows];
  return rows.filter((r) => checks.every((check) => check(r)));
}

type Key = number | string;
const price = (v: string | null): number | null => (v === null ? null : Number(v));

/**
 * Each sort: the key sorted in the chosen direction (missing values last either way), then tie
 * breakers, always ascending; as SORT_SQL in main/catalog/instance-query.ts.
 */
const SORTS: Record<SortColumn, { key: (r: ListingRow) => Key | null; then: ((r: ListingRow) => Key)[] }> = {
  instanceType: { key: (r) => r.family, then: [(r) => r.vcpu, (r) => r.memoryGiB, (r) => r.instanceType] },
  family: { key: (r) => r.family, then: [(r) => r.vcpu, (r) => r.memoryGiB] },
  vcpu: { key: (r) => r.vcpu, then: [] },
  memoryGiB: { key: (r) => r.memoryGiB, then: [] },
  gpuCount: { key: (r) => r.gpuCount, then: [] },
  networkBaselineGbps: { key: (r) => r.networkBaselineGbps, then: [] },
  instanceStoreGB: { key: (r) => r.instanceStoreGB, then: [] },
  ebsBaselineThroughputMBps: { key: (r) => r.ebsBaselineThroughputMBps, then: [] },
  ebsMaxThroughputMBps: { key: (r) => r.ebsMaxThroughputMBps, then: [] },
  ebsBaselineIops: { key: (r) => r.ebsBaselineIops, then: [] },
  ebsMaxIops: { key: (r) => r.ebsMaxIops, then: [] },
  onDemandHourlyUsd: { key: (r) => price(r.onDemandHourlyUsd), then: [] },
  best1yHourlyUsd: { key: (r) => price(r.best1yHourlyUsd), then: [] },
  best3yHourlyUsd: { key: (r) => price(r.best3yHourlyUsd), then: [] },
  spotHourlyUsd: { key: (r) => price(r.spotHourlyUsd), then: [] },
  spotInterruption: { key: (r) => r.spotBandIndex, then: [] },
};

/** Code-unit order, as SQLite's default (binary) collation orders ASCII text; numbers by value. */
const compare = (a: Key, b: Key): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows sorted by `sortBy` in `sortDir`, then by type name and region (a type is listed once per
 * region). A new array; the keys are read once per row.
 */
export function sortRows(
  rows: readonly ListingRow[],
  sortBy: SortColumn,
  sortDir: 'asc' | 'desc',
): ListingRow[] {
  const { key, then } = SORTS[sortBy];
  const sign = sortDir === 'desc' ? -1 : 1;
  const keys = rows.map(key);
  const ties = then.map((pick) => rows.map(pick));
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return sign * compare(x, y);
    }
    for (const tie of ties) {
      const c = compare(tie[a]!, tie[b]!);
      if (c !== 0) return c;
    }
    const ra = rows[a]!;
    const rb = rows[b]!;
    return compare(ra.instanceType, rb.instanceType) || compare(ra.region, rb.region);
  });
  return order.map((i) => rows[i]!);
}
