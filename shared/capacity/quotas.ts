import { sharedTimeline } from '../pricing/allocation';

/**
 * EC2's vCPU quotas: which quota class an instance type runs under, AWS's documented defaults, and the
 * check of a mix's peak running vCPUs per class and region against the account's quotas. The one place
 * that maps instance families to quota classes.
 *
 * Source (read 2026-11-29): the Amazon EC2 User Guide, "On-Demand Instance quotas"
 * (docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-on-demand-instances.html#ec2-on-demand-instances-limits)
 * and "Spot Instance quotas" (docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-spot-limits.html).
 * Quotas are per account and per Region, counted in vCPUs of running instances (spot: running plus
 * open requests); the documented "Default" column is a new account's value — 5 vCPUs for Standard
 * (On-Demand and spot), 0 for every other class — and AWS raises an account's quotas with its usage,
 * so the account's own figures (Service Quotas console, "Applied quota value") are what to enter.
 * Reserved Instances and Savings Plans only change billing: those instances run On-Demand and count
 * against the On-Demand classes.
 */

export type QuotaMarket = 'on-demand' | 'spot';

/** Instance families that share a quota. */
export const QUOTA_FAMILIES = [
  'standard',
  'f',
  'g-vt',
  'hpc',
  'high-memory',
  'inf',
  'p',
  'x',
  'dl',
  'trn',
] as const;
export type QuotaFamily = (typeof QUOTA_FAMILIES)[number];

export const QUOTA_FAMILY_LABELS: Record<QuotaFamily, string> = {
  standard: 'Standard (A, C, D, H, I, M, R, T, Z)',
  f: 'F',
  'g-vt': 'G and VT',
  hpc: 'HPC',
  'high-memory': 'High Memory',
  inf: 'Inf',
  p: 'P',
  x: 'X',
  dl: 'DL',
  trn: 'Trn',
};

export interface QuotaClass {
  /** The key a scenario's `quotas` uses: the family for On-Demand, `spot-<family>` for spot. */
  key: string;
  family: QuotaFamily;
  market: QuotaMarket;
  /** AWS's name for the quota (Service Quotas console). */
  name: string;
  /** AWS's documented default for a new account, in vCPUs. */
  awsDefaultVcpus: number;
}

const od = (family: QuotaFamily, awsDefaultVcpus: number): QuotaClass => ({
  key: family,
  family,
  market: 'on-demand',
  name: `Running On-Demand ${QUOTA_FAMILY_LABELS[family]} instances`,
  awsDefaultVcpus,
});
const spot = (family: QuotaFamily, awsDefaultVcpus: number): QuotaClass => ({
  key: `spot-${family}`,
  family,
  market: 'spot',
  name: `All ${QUOTA_FAMILY_LABELS[family]} Spot Instance Requests`,
  awsDefaultVcpus,
});

/** Every vCPU quota class, On-Demand then spot (AWS has no spot class for HPC or High Memory). */
export const QUOTA_CLASSES = [
  od('standard', 5),
  od('f', 0),
  od('g-vt', 0),
  od('hpc', 0),
  od('high-memory', 0),
  od('inf', 0),
  od('p', 0),
  od('x', 0),
  od('dl', 0),
  od('trn', 0),
  spot('standard', 5),
  spot('f', 0),
  spot('g-vt', 0),
  spot('inf', 0),
  spot('p', 0),
  spot('x', 0),
  spot('dl', 0),
  spot('trn', 0),
] as const satisfies readonly QuotaClass[];

export type QuotaKey = (typeof QUOTA_CLASSES)[number]['key'];
export const QUOTA_KEYS = QUOTA_CLASSES.map((c) => c.key) as QuotaKey[];
const CLASS_BY_KEY = new Map<string, QuotaClass>(QUOTA_CLASSES.map((c) => [c.key, c]));

export function quotaClass(key: QuotaKey): QuotaClass {
  return CLASS_BY_KEY.get(key) as QuotaClass;
}

/** The largest quota a scenario may state (far above any account's). */
export const MAX_QUOTA_VCPUS = 10_000_000;

/** The quotas a scenario states: vCPUs per quota key (absent = AWS's default for a new account). */
export type AccountQuotas = Partial<Record<QuotaKey, number>>;

/**
 * Family prefixes, longest first where one starts another ("dl" before D, "inf" before I, "trn"
 * before T, "hpc" before H, "vt" before the rest). High Memory types are named `u-6tb1`, `u7i-12tb`.
 */
const PREFIX_RULES: readonly [RegExp, QuotaFamily | null][] = [
  [/^u(\d+[a-z]*)?-/, 'high-memory'],
  [/^hpc\d/, 'hpc'],
  [/^inf\d/, 'inf'],
  [/^trn\d/, 'trn'],
  [/^dl\d/, 'dl'],
  [/^vt\d/, 'g-vt'],
  [/^mac/, null], // Mac instances run on Dedicated Hosts: a host-count quota, not a vCPU one
  [/^[acdhimrtz]/, 'standard'],
  [/^f\d/, 'f'],
  [/^g/, 'g-vt'],
  [/^p\d/, 'p'],
  [/^x\d/, 'x'],
];

/** The quota family of an instance type (`m5.large` → standard, `g5.xlarge` → g-vt); null for none. */
export function quotaFamilyOf(instanceType: string): QuotaFamily | null {
  const t = instanceType.trim().toLowerCase();
  for (const [re, family] of PREFIX_RULES) if (re.test(t)) return family;
  return null;
}

/** The quota an instance type counts against when bought this way; null when no vCPU quota applies. */
export function quotaKeyOf(instanceType: string, market: QuotaMarket): QuotaKey | null {
  const family = quotaFamilyOf(instanceType);
  if (family === null) return null;
  const key = market === 'on-demand' ? family : `spot-${family}`;
  return CLASS_BY_KEY.has(key) ? (key as QuotaKey) : null;
}

/** One line as the quota check sees it: its instances per hour, their vCPUs and how they are bought. */
export interface QuotaLineInput {
  lineId: string;
  instanceType: string;
  region: string;
  market: QuotaMarket;
  /** vCPUs of one instance; null when the catalog does not know the type. */
  vcpu: number | null;
  counts: readonly number[];
  periodHours: number;
}

export type QuotaStatus = 'within' | 'exceeds';

export interface QuotaUse {
  key: QuotaKey;
  /** AWS's name for the quota. */
  name: string;
  market: QuotaMarket;
  region: string;
  /** Highest sum over the hours of the running vCPUs of the class's lines in the region. */
  peakVcpus: number;
  /** When that peak first occurs ("Mon 08:00", or "hour 1,234" of a longer series). */
  peakAt: string;
  lineIds: string[];
  quotaVcpus: number;
  /** The scenario's figure, or AWS's documented default for a new account. */
  quotaSource: 'entered' | 'aws-default';
  status: QuotaStatus;
  message: string;
}

export interface QuotaCheck {
  /** Each (region, quota) the mix runs under, regions then AWS's order of classes. */
  uses: QuotaUse[];
  /** How many uses exceed their quota. */
  exceeded: number;
  /** Lines left out: their type is unknown, or no vCPU quota applies (Mac hosts, unknown families). */
  notCounted: { lineId: string; instanceType: string; reason: string }[];
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const num = (n: number) => n.toLocaleString('en-US');

function hourWords(t: number, weekly: boolean): string {
  if (!weekly) return `hour ${num(t + 1)}`;
  const h = t % 168;
  return `${DAY_NAMES[Math.floor(h / 24)]} ${String(h % 24).padStart(2, '0')}:00`;
}

/**
 * Peak running vCPUs per (region, quota class): hour by hour, the sum over the class's lines of
 * instances × vCPUs (never the sum of each line's own peak), over a timeline that lines up profiles of
 * different lengths (their least common multiple, see sharedTimeline); each peak against the quota
 * the scenario states, or AWS's documented default.
 */
export function checkQuotas(lines: readonly QuotaLineInput[], quotas: AccountQuotas = {}): QuotaCheck {
  const notCounted: QuotaCheck['notCounted'] = [];
  const groups = new Map<string, { key: QuotaKey; region: string; lines: QuotaLineInput[] }>();
  for (const line of lines) {
    const key = quotaKeyOf(line.instanceType, line.market);
    if (line.vcpu === null) {
      notCounted.push({
        lineId: line.lineId,
        instanceType: line.instanceType,
        reason: `${line.instanceType} is not in the catalog, so its vCPUs are unknown`,
      });
    } else if (key === null) {
      notCounted.push({
        lineId: line.lineId,
        instanceType: line.instanceType,
        reason:
          quotaFamilyOf(line.instanceType) === null
            ? `${line.instanceType} counts against no vCPU quota`
            : `AWS has no ${line.market} vCPU quota for ${line.instanceType}`,
      });
    } else {
      const id = `${line.region}|${key}`;
      const group = groups.get(id) ?? { key, region: line.region, lines: [] };
      group.lines.push(line);
      groups.set(id, group);
    }
  }
  const order = new Map(QUOTA_KEYS.map((k, i) => [k, i]));
  const uses = [...groups.values()]
    .sort((a, b) => a.region.localeCompare(b.region) || order.get(a.key)! - order.get(b.key)!)
    .map((g) => quotaUse(g.key, g.region, g.lines, quotas));
  return { uses, exceeded: uses.filter((u) => u.status === 'exceeds').length, notCounted };
}

function quotaUse(
  key: QuotaKey,
  region: string,
  lines: readonly QuotaLineInput[],
  quotas: AccountQuotas,
): QuotaUse {
  const cls = quotaClass(key);
  // Lines of one period add up into one series first, so the timeline walks a few series, not every line.
  const byPeriod = new Map<number, Float64Array>();
  for (const l of lines) {
    const sums = byPeriod.get(l.periodHours) ?? new Float64Array(l.periodHours);
    for (let h = 0; h < l.periodHours; h++) sums[h]! += (l.counts[h] ?? 0) * (l.vcpu as number);
    byPeriod.set(l.periodHours, sums);
  }
  const series = [...byPeriod.values()];
  const timeline = sharedTimeline([...byPeriod.keys()]);
  let peakVcpus = 0;
  let peakHour = 0;
  for (let t = 0; t < timeline.hours; t++) {
    let sum = 0;
    for (const s of series) sum += s[t % s.length]!;
    if (sum > peakVcpus) {
      peakVcpus = sum;
      peakHour = t;
    }
  }
  const entered = quotas[key];
  const quotaVcpus = entered ?? cls.awsDefaultVcpus;
  const quotaSource = entered === undefined ? 'aws-default' : 'entered';
  const status: QuotaStatus = peakVcpus > quotaVcpus ? 'exceeds' : 'within';
  const weekly = lines.every((l) => l.periodHours === 168);
  const peakAt = hourWords(peakHour, weekly);
  const quotaWords =
    quotaSource === 'entered'
      ? `the quota of ${num(quotaVcpus)} vCPUs`
      : `AWS's default for a new account (${num(quotaVcpus)} vCPUs; enter your account's quota)`;
  const message =
    status === 'exceeds'
      ? `${cls.name} in ${region}: ${num(peakVcpus)} vCPUs at the peak (${peakAt}) exceed ${quotaWords} by ${num(peakVcpus - quotaVcpus)}`
      : `${cls.name} in ${region}: ${num(peakVcpus)} vCPUs at the peak (${peakAt}), within ${quotaWords}`;
  return {
    key,
    name: cls.name,
    market: cls.market,
    region,
    peakVcpus,
    peakAt,
    lineIds: lines.map((l) => l.lineId),
    quotaVcpus,
    quotaSource,
    status,
    message,
  };
}
