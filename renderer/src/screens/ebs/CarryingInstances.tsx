import { ebsCarry } from '@shared/capacity/carry';
import type { FinderRow } from '@shared/capacity/finder';
import type { InstanceRow } from '@shared/catalog-types';
import type { InstanceEbsLimits } from '@shared/ebs/solver';
import { formatMoney, formatNumber } from '../../format';
import { useApiCall } from '../../hooks/useApiCall';
import { screenHref } from '../../hooks/useHashParams';
import './carrying.css';

export interface CarryingInstancesProps {
  region: string;
  /** The chosen instance's catalog row (its size and family) and its EBS limits. */
  chosen: InstanceRow;
  limits: InstanceEbsLimits;
  need: { iops: number; throughputMiBps: number };
  /** No layout works on the chosen instance. */
  noLayout: boolean;
  onUse: (instanceType: string) => void;
}

/**
 * When the chosen instance cannot carry the layout (its EBS baseline is below the need and no layout
 * works on it), the smallest instances that can: the next sizes of its own family, and the cheapest
 * of any family with at least its vCPUs and memory — On-Demand, from the instance finder.
 */
export function CarryingInstances({ region, chosen, limits, need, noLayout, onUse }: CarryingInstancesProps) {
  const carry = ebsCarry(need, limits);
  const show = noLayout && !carry.carries;
  const minima = {
    region,
    minEbsBaselineIops: carry.minEbsBaselineIops,
    minEbsBaselineThroughputMBps: carry.minEbsBaselineThroughputMBps,
  };
  const family = useApiCall(
    'catalog.find',
    show ? { ...minima, families: [chosen.family], generation: 'all', burstable: true, limit: 1 } : null,
  );
  const anyFamily = useApiCall(
    'catalog.find',
    show ? { ...minima, minVcpu: chosen.vcpu, minMemoryGiB: chosen.memoryGiB, limit: 3 } : null,
  );
  if (!show) return null;

  const finderHref = screenHref('finder', {
    region,
    minVcpu: String(chosen.vcpu),
    minMemoryGiB: String(chosen.memoryGiB),
    minEbsBaselineIops: String(carry.minEbsBaselineIops),
    minEbsBaselineThroughputMBps: String(carry.minEbsBaselineThroughputMBps),
  });
  const sameFamily = family.data?.rows ?? [];
  const others = (anyFamily.data?.rows ?? []).filter(
    (r) => !sameFamily.some((s) => s.instanceType === r.instanceType),
  );
  const item = (r: FinderRow, note: string) => (
    <li key={r.instanceType} data-testid="carrying-instance" data-type={r.instanceType}>
      <strong className="type-cell">{r.instanceType}</strong>{' '}
      <span className="muted">
        {note} {formatNumber(r.vcpu)} vCPU, {formatNumber(r.memoryGiB)} GiB; EBS baseline{' '}
        {formatNumber(r.ebsBaselineIops)} IOPS and {formatNumber(r.ebsBaselineThroughputMBps)} MB/s;{' '}
        {formatMoney(r.monthlyUsd)} a month On-Demand
      </span>{' '}
      <button
        type="button"
        className="link-button"
        data-testid="carrying-use"
        onClick={() => onUse(r.instanceType)}
      >
        Size for {r.instanceType}
      </button>
    </li>
  );

  return (
    <section className="ebs-carrying" data-testid="ebs-carrying" aria-labelledby="ebs-carrying-heading">
      <h3 className="ebs-subheading" id="ebs-carrying-heading">
        The smallest instances that carry this layout
      </h3>
      <p className="muted small">
        {chosen.instanceType}&apos;s EBS baseline ({formatNumber(limits.baselineIops)} IOPS,{' '}
        {formatNumber(limits.baselineThroughputMBps)} MB/s) is below the{' '}
        {formatNumber(carry.minEbsBaselineIops)} IOPS and {formatNumber(carry.minEbsBaselineThroughputMBps)}{' '}
        MB/s needed. These sustain it in {region}:
      </p>
      {family.error || anyFamily.error ? (
        <p className="muted">{family.error ?? anyFamily.error}</p>
      ) : family.loading || anyFamily.loading ? (
        <p className="muted">Looking…</p>
      ) : sameFamily.length + others.length === 0 ? (
        <p className="muted">No instance type in {region} has an EBS baseline that high.</p>
      ) : (
        <ul className="ebs-carrying-list">
          {sameFamily.map((r) => item(r, `(the smallest ${chosen.family} that carries it):`))}
          {others.map((r) =>
            item(r, `(cheapest with at least ${chosen.vcpu} vCPU and ${chosen.memoryGiB} GiB):`),
          )}
        </ul>
      )}
      <a href={finderHref} data-testid="carrying-finder">
        More in the instance finder
      </a>
    </section>
  );
}
