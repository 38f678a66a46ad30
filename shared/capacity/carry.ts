import type { InstanceEbsLimits } from '../ebs/solver';
import { miBpsToMBps } from '../units';

/**
 * Whether an instance's EBS baseline carries a layout's need, and if not, the instance finder's minima
 * for the instances that do (AWS quotes instance throughput in MB/s; volumes are sized in MiB/s).
 * The baseline is what an instance sustains indefinitely; its maximum only for 30 minutes a day.
 */
export function ebsCarry(
  need: { iops: number; throughputMiBps: number },
  instance: Pick<InstanceEbsLimits, 'baselineIops' | 'baselineThroughputMBps'>,
): { carries: boolean; minEbsBaselineIops: number; minEbsBaselineThroughputMBps: number } {
  const minEbsBaselineIops = Math.ceil(need.iops);
  // To the thousandth of a MB/s (500 MiB/s is 524.288 MB/s), rounded up so the need is never undercut.
  const minEbsBaselineThroughputMBps = Math.ceil(miBpsToMBps(need.throughputMiBps) * 1000 - 1e-6) / 1000;
  const carries =
    (instance.baselineIops ?? Infinity) >= minEbsBaselineIops &&
    (instance.baselineThroughputMBps ?? Infinity) >= minEbsBaselineThroughputMBps;
  return { carries, minEbsBaselineIops, minEbsBaselineThroughputMBps };
}
