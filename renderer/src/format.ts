import { Decimal, HOURS_PER_MONTH, HOURS_PER_YEAR, formatUsd, usdOrNull } from '@shared/money';

export const PRICE_UNITS = ['hour', 'month', 'year'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

export const PRICE_UNIT_LABELS: Record<PriceUnit, string> = {
  hour: 'per hour',
  month: `per month (${HOURS_PER_MONTH} h)`,
  year: `per year (${HOURS_PER_YEAR.toLocaleString('en-US')} h)`,
};

export const PRICE_UNIT_SUFFIX: Record<PriceUnit, string> = { hour: '/h', month: '/mo', year: '/yr' };

const HOURS: Record<PriceUnit, number> = { hour: 1, month: HOURS_PER_MONTH, year: HOURS_PER_YEAR };

/** An hourly decimal string shown in the chosen unit: hourly x 730 a month, x 8,760 a year, in Decimal. */
export function formatPrice(hourlyUsd: string | null, unit: PriceUnit): string {
  const hourly = usdOrNull(hourlyUsd);
  if (hourly === null) return 'n/a';
  if (unit === 'hour') return formatUsd(hourly, { rate: true });
  return formatUsd(hourly.times(HOURS[unit]));
}

/** A rate as AWS quotes it (up to 4 decimals below $1). */
export function formatRate(usd: string | null): string {
  return formatUsd(usdOrNull(usd), { rate: true });
}

/** A total in cents with thousands separators. */
export function formatMoney(usd: string | null): string {
  return formatUsd(usdOrNull(usd));
}

/** Compares decimal strings for ordering; a missing price sorts last. */
export function compareUsd(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return new Decimal(a).comparedTo(new Decimal(b));
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A quantity (vCPUs, GiB, IOPS, MB/s); null is "n/a", never 0. */
export function formatNumber(value: number | null): string {
  return value === null ? 'n/a' : numberFormat.format(value);
}

export function formatGpus(count: number, model: string | null): string {
  if (count === 0) return '—';
  return model ? `${count} × ${model}` : String(count);
}

export function formatInstanceStore(sizeGB: number, disks: string | null): string {
  if (sizeGB === 0) return 'EBS only';
  // Disks arrive as "2x900GB ssd".
  const m = disks ? /^(\d+)x(\d+)GB\s*(\w*)$/i.exec(disks.trim()) : null;
  if (!m) return `${numberFormat.format(sizeGB)} GB`;
  const [, n = '1', size = '', media = ''] = m;
  const kind = media ? ` ${media.toUpperCase()}` : '';
  return n === '1'
    ? `${numberFormat.format(Number(size))} GB${kind}`
    : `${n} × ${numberFormat.format(Number(size))} GB${kind}`;
}

export function formatNetwork(performance: string | null, baselineGbps: number | null): string {
  if (performance) return performance;
  return baselineGbps === null ? 'n/a' : `${numberFormat.format(baselineGbps)} Gbps`;
}
