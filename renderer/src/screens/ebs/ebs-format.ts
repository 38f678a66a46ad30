import type { BindingConstraint, BurstInfo } from '@shared/ebs/solver';

export const BINDING_LABELS: Record<BindingConstraint, string> = {
  capacity: 'Capacity',
  iops: 'IOPS',
  throughput: 'Throughput',
  ratio: 'IOPS per GiB',
  'instance-cap': 'Instance cap',
  burst: 'Burst',
};

export const BINDING_HINTS: Record<BindingConstraint, string> = {
  capacity: 'The capacity sets the size; performance comes with it.',
  iops: 'The IOPS requirement sets the size or the provisioned IOPS.',
  throughput: 'The throughput requirement sets the size or the provisioned throughput.',
  ratio: "The type's most IOPS per GiB forces a larger volume than the capacity needs.",
  'instance-cap': "The instance's own EBS limit caps what the volumes deliver.",
  burst: 'The peak relies on burst credits; it lasts only so long.',
};

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Whole counts (IOPS, GiB, volumes) with thousands separators. */
export function formatCount(value: number): string {
  return number.format(value);
}

/** MiB/s with at most one decimal. */
export function formatMiBps(value: number): string {
  return `${oneDecimal.format(value)} MiB/s`;
}

/** A burst's length in words people read: "1 h 12 min", "45 min", "2 d 3 h"; null/Infinity is unlimited. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'unlimited';
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? `${days} d` : `${days} d ${restHours} h`;
}

export function burstLabel(burst: BurstInfo): string {
  return burst.kind === 'gp2-credits' ? 'gp2 I/O credits' : 'HDD throughput credits';
}
