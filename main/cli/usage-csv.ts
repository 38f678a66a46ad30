import Papa from 'papaparse';
import { instanceTypeSchema, regionCodeSchema } from '@shared/contract';
import { Decimal } from '@shared/money';
import { MAX_HOURLY_POINTS, type Scenario, type ScenarioLine } from '@shared/scenario/schema';

/**
 * `optimize --usage-csv FILE`: hourly usage from a CSV (exported from Cost Explorer, or a Cost and
 * Usage Report query): one row per hour, instance type and region with the instances running. Rows
 * of the same hour, type and region are added up (a CUR has one per resource) and the hour's sum is
 * rounded up to whole instances (per-second billing gives fractions of an hour); hours are counted
 * from the earliest timestamp, and hours with no row are 0.
 */

export type UsageColumn = 'timestamp' | 'instanceType' | 'region' | 'count';

/** The header spellings each column goes by, compared without case, spaces or punctuation. */
export const USAGE_CSV_HEADERS: Record<UsageColumn, readonly string[]> = {
  timestamp: [
    'timestamp',
    'time',
    'hour',
    'datetime',
    'date',
    'usage_start_date',
    'lineItem/UsageStartDate',
    'line_item_usage_start_date',
    'start_time',
  ],
  instanceType: ['instance type', 'instance_type', 'product/instanceType', 'product_instance_type'],
  region: ['region', 'region code', 'product/region', 'product_region', 'product_region_code'],
  count: [
    'count',
    'instances',
    'usage_amount',
    'usage quantity',
    'lineItem/UsageAmount',
    'line_item_usage_amount',
  ],
};

/** How the messages name each column (the CSV's own header is named beside it). */
const COLUMN_WORDS: Record<UsageColumn, string> = {
  timestamp: 'timestamp',
  instanceType: 'instance type',
  region: 'region',
  count: 'count',
};

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** One (instance type, region)'s usage, hour by hour from the file's first hour. */
export interface UsageSeries {
  instanceType: string;
  region: string;
  counts: number[];
}

export interface UsageCsv {
  series: UsageSeries[];
  /** The first hour, ISO 8601 UTC. */
  startsAt: string;
  hours: number;
  rows: number;
}

/**
 * Why the file was refused: the row as a spreadsheet numbers it (the header is row 1, the first data
 * row 2) and the column, when known.
 */
export interface UsageCsvError {
  row?: number;
  field?: string;
  message: string;
}

const HOUR_MS = 3_600_000;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** An ISO 8601 date and time ("2024-03-01T13:00:00Z", "2024-03-01 13:00:00.000"); no zone = UTC. */
export function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1, 7) as string[];
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
  const back = new Date(utc);
  // Date.UTC rolls 2024-02-30 over into March: refuse dates and times that do not exist.
  if (
    back.getUTCMonth() !== parts[1] - 1 ||
    back.getUTCDate() !== parts[2] ||
    parts[3] > 23 ||
    parts[4] > 59 ||
    parts[5] > 59
  )
    return null;
  const zone = m[7];
  if (!zone || zone.toUpperCase() === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return utc - sign * offsetMin * 60_000;
}

/** Which of the file's headers is each column, or the error naming the one it lacks. */
function columnsOf(headers: readonly string[]): Record<UsageColumn, string> | UsageCsvError {
  const found: Partial<Record<UsageColumn, string>> = {};
  for (const column of Object.keys(USAGE_CSV_HEADERS) as UsageColumn[]) {
    const accepted = new Set(USAGE_CSV_HEADERS[column].map(squash));
    const header = headers.find((h) => accepted.has(squash(h)));
    if (header === undefined) {
      const has = headers.filter((h) => h.trim() !== '').join(', ') || 'no header';
      return {
        field: COLUMN_WORDS[column],
        message: `no ${COLUMN_WORDS[column]} column (the header has: ${has}; accepted: ${USAGE_CSV_HEADERS[column].join(', ')})`,
      };
    }
    found[column] = header;
  }
  return found as Record<UsageColumn, string>;
}

const COUNT = /^\d+(\.\d+)?$/;
const MAX_COUNT = 100_000;

/** Reads the CSV's text; the first problem found is the error. */
export function readUsageCsv(text: string): UsageCsv | UsageCsvError {
  if (text.trim() === '')
    return { message: 'is empty: it needs a header (timestamp, instance type, region, count) and rows' };
  const parsed = Papa.parse<Record<string, string>>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const broken = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (broken) {
    return {
      ...(broken.row !== undefined ? { row: broken.row + 2 } : {}),
      message: `not a readable CSV: ${broken.message}`,
    };
  }
  const columns = columnsOf(parsed.meta.fields ?? []);
  if ('message' in columns) return columns;
  if (parsed.data.length === 0) return { message: 'has a header but no rows' };

  // Instance-hours per series per hour, summed exactly, then each hour rounded up to whole instances.
  const sums = new Map<string, { instanceType: string; region: string; hours: Map<number, Decimal> }>();
  let first = Infinity;
  let last = -Infinity;
  const rows: { at: number; key: string; amount: Decimal }[] = [];
  for (const [i, record] of parsed.data.entries()) {
    const row = i + 2;
    const cell = (c: UsageColumn) => (record[columns[c]] ?? '').trim();
    const bad = (c: UsageColumn, message: string): UsageCsvError => ({
      row,
      field: COLUMN_WORDS[c],
      message: `${message}; got ${JSON.stringify(cell(c))}`,
    });
    const at = parseTimestamp(cell('timestamp'));
    if (at === null) return bad('timestamp', 'must be a date and time such as 2024-03-01T13:00:00Z');
    const instanceType = cell('instanceType');
    if (!instanceTypeSchema.safeParse(instanceType).success)
      return bad('instanceType', 'must be an instance type such as m5.large');
    const region = cell('region');
    if (!regionCodeSchema.safeParse(region).success)
      return bad('region', 'must be a region code such as us-east-1');
    const count = cell('count');
    if (!COUNT.test(count) || Number(count) > MAX_COUNT)
      return bad('count', `must be a number of instances from 0 to ${MAX_COUNT.toLocaleString('en-US')}`);
    const hour = Math.floor(at / HOUR_MS);
    first = Math.min(first, hour);
    last = Math.max(last, hour);
    if (last - first >= MAX_HOURLY_POINTS) {
      return {
        row,
        field: COLUMN_WORDS.timestamp,
        message: `the rows span more than ${MAX_HOURLY_POINTS.toLocaleString('en-US')} hours (a leap year); keep one year at most`,
      };
    }
    const key = `${instanceType}|${region}`;
    if (!sums.has(key)) sums.set(key, { instanceType, region, hours: new Map() });
    rows.push({ at: hour, key, amount: new Decimal(count) });
  }
  for (const r of rows) {
    const hours = sums.get(r.key)!.hours;
    hours.set(r.at, (hours.get(r.at) ?? new Decimal(0)).plus(r.amount));
  }
  const length = last - first + 1;
  const series: UsageSeries[] = [];
  for (const { instanceType, region, hours } of sums.values()) {
    const counts = new Array<number>(length).fill(0);
    for (const [hour, sum] of hours) counts[hour - first] = sum.ceil().toNumber();
    const peak = Math.max(...counts);
    if (peak > MAX_COUNT) {
      return {
        field: COLUMN_WORDS.count,
        message: `${instanceType} in ${region} adds up to ${peak.toLocaleString('en-US')} instances in one hour; at most ${MAX_COUNT.toLocaleString('en-US')}`,
      };
    }
    series.push({ instanceType, region, counts });
  }
  return { series, startsAt: new Date(first * HOUR_MS).toISOString(), hours: length, rows: rows.length };
}

/** What applying the CSV did to the scenario's lines. */
export interface UsageApplied {
  scenario: Scenario;
  /** Lines whose usage the CSV's series replaced (the first line of each type and region). */
  replaced: string[];
  /** Further lines of a type and region the CSV gives, dropped: the CSV's counts are all of them. */
  dropped: string[];
  /** Lines added for a type and region the scenario did not have. */
  added: string[];
}

const lineIdFor = (s: UsageSeries) => `csv-${s.instanceType}-${s.region}`;

/**
 * The scenario with the CSV's usage: for each series, the scenario's first line of that instance type
 * and region (any OS) takes it as an hourly usage, keeping its purchase, OS and volumes; other lines
 * of that type and region are dropped (the CSV counts every instance of it). A type and region the
 * scenario lacks becomes a new line (Linux, On-Demand, no volumes, not interruption-tolerant).
 */
export function applyUsage(scenario: Scenario, series: readonly UsageSeries[], source: string): UsageApplied {
  const replaced: string[] = [];
  const dropped: string[] = [];
  const added: string[] = [];
  const ids = new Set(scenario.lines.map((l) => l.id));
  let lines: ScenarioLine[] = [...scenario.lines];
  for (const s of series) {
    const usage = { pattern: 'hourly' as const, counts: s.counts };
    const same = lines.filter((l) => l.instanceType === s.instanceType && l.region === s.region);
    const [keep, ...rest] = same;
    if (keep) {
      replaced.push(keep.id);
      dropped.push(...rest.map((l) => l.id));
      lines = lines.filter((l) => !rest.includes(l)).map((l) => (l === keep ? { ...l, usage } : l));
      continue;
    }
    let id = lineIdFor(s);
    for (let n = 2; ids.has(id); n++) id = `${lineIdFor(s)}-${n}`;
    ids.add(id);
    added.push(id);
    lines.push({
      id,
      name: `${s.instanceType} in ${s.region} (${source})`,
      instanceType: s.instanceType,
      region: s.region,
      os: 'linux',
      tenancy: 'shared',
      usage,
      purchase: { model: 'on-demand' },
      interruptionTolerant: false,
      volumeLifetime: 'instance',
      volumes: [],
    });
  }
  return { scenario: { ...scenario, lines }, replaced, dropped, added };
}
