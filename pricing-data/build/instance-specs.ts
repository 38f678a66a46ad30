import type { InstanceTypeDbRow } from '../../main/catalog/rows';
import { normalizationFactorForSize } from '@shared/pricing/normalization';
import { readCsv } from './read-snapshot';

const num = (v: string | undefined): number | null => (v === undefined || v.trim() === '' ? null : Number(v));
const str = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

/**
 * Specs from moto's describe-instance-types flattening. A type counts as current generation when AWS
 * flags it so or when the pricing-page feed lists it under "current" (AWS flags some families that are
 * still sold, such as g5, as previous).
 */
export function readInstanceSpecs(currentInPriceFeed: ReadonlySet<string>): InstanceTypeDbRow[] {
  const rows = readCsv('ec2-instance-catalog.csv').map((r): InstanceTypeDbRow => {
    const archs = (r.architectures ?? '').split(';').filter(Boolean);
    const gpuMemMiB = num(r.gpu_total_memory_mib);
    const gpuCount = num(r.gpu_count) ?? 0;
    const type = r.instance_type!;
    return {
      instance_type: type,
      family: r.family!,
      size: r.size!,
      generation: r.current_generation === 'true' || currentInPriceFeed.has(type) ? 'current' : 'previous',
      vcpu: num(r.vcpu) ?? 0,
      memory_gib: num(r.memory_gib) ?? 0,
      arch: archs.some((a) => a.startsWith('arm64')) ? 'arm64' : 'x86_64',
      architectures: archs.join(';'),
      processor: str(r.processor_manufacturer),
      clock_ghz: num(r.sustained_clock_ghz),
      burstable: r.burstable === 'true' ? 1 : 0,
      bare_metal: r.bare_metal === 'true' ? 1 : 0,
      network_performance: str(r.network_performance),
      network_baseline_gbps: num(r.network_baseline_gbps),
      network_peak_gbps: num(r.network_peak_gbps),
      gpu_count: gpuCount,
      gpu_model: gpuCount > 0 ? [str(r.gpu_manufacturer), str(r.gpu_model)].filter(Boolean).join(' ') : null,
      gpu_memory_gib: gpuMemMiB && gpuMemMiB > 0 ? gpuMemMiB / 1024 : null,
      accelerator_info: str(r.other_accelerators),
      instance_store_gb: num(r.instance_store_total_gb) ?? 0,
      instance_store_disks: str(r.instance_store_disks),
      ebs_baseline_bandwidth_mbps: num(r.ebs_baseline_bandwidth_mbps),
      ebs_max_bandwidth_mbps: num(r.ebs_max_bandwidth_mbps),
      ebs_baseline_iops: num(r.ebs_baseline_iops),
      ebs_max_iops: num(r.ebs_max_iops),
      ebs_baseline_throughput_mbps: num(r.ebs_baseline_throughput_mbytes_s),
      ebs_max_throughput_mbps: num(r.ebs_max_throughput_mbytes_s),
      normalization_factor: normalizationFactorForSize(r.size!),
    };
  });
  // .metal takes the factor of the same-vCPU size in its family (apply_ri.html).
  const byFamilyVcpu = new Map<string, number>();
  for (const r of rows) {
    if (r.normalization_factor !== null && !r.bare_metal)
      byFamilyVcpu.set(`${r.family}/${r.vcpu}`, r.normalization_factor);
  }
  for (const r of rows) {
    if (r.normalization_factor === null)
      r.normalization_factor = byFamilyVcpu.get(`${r.family}/${r.vcpu}`) ?? null;
  }
  return rows;
}
