import type { InstanceRow } from '@shared/catalog-types';
import { formatInstanceThroughput } from '@shared/ebs/solver';
import { mbpsToMiBps } from '@shared/units';
import { formatCount } from './ebs-format';

const iops = (v: number | null) => (v === null ? 'n/a' : `${formatCount(v)} IOPS`);
const mibps = (mbps: number | null) =>
  mbps === null ? 'n/a' : formatInstanceThroughput(mbpsToMiBps(mbps), mbps);

/**
 * The chosen instance's own EBS limits: throughput in MiB/s like the rest of the screen, with the MB/s
 * figure AWS quotes (and the catalog shows) beside it.
 */
export function InstanceLimits({ row }: { row: InstanceRow }) {
  return (
    <span className="ebs-instance-limits" data-testid="ebs-instance-limits">
      <strong className="type-cell">{row.instanceType}</strong> EBS baseline{' '}
      <span className="num">
        {iops(row.ebsBaselineIops)} · {mibps(row.ebsBaselineThroughputMBps)}
      </span>
      , maximum{' '}
      <span className="num">
        {iops(row.ebsMaxIops)} · {mibps(row.ebsMaxThroughputMBps)}
      </span>
      {row.ebsMaxIops !== null && row.ebsMaxIops !== row.ebsBaselineIops && (
        <span className="muted small"> (maximum guaranteed 30 min once a day)</span>
      )}
    </span>
  );
}
