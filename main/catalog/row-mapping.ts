import type { InstanceSpec, PriceSource } from '../../shared/catalog-types';

/** The instance_types row as SQLite returns it. */
export interface InstanceTypeDbRow {
  instance_type: string;
  family: string;
  size: string;
  generation: 'current' | 'previous';
  vcpu: number;
  memory_gib: number;
  arch: 'x86_64' | 'arm64';
  architectures: string;
  processor: string | null;
  clock_ghz: number | null;
  burstable: number;
  bare_metal: number;
  network_performance: string | null;
  network_baseline_gbps: number | null;
  network_peak_gbps: number | null;
  gpu_count: number;
  gpu_model: string | null;
  gpu_memory_gib: number | null;
  accelerator_info: string | null;
  instance_store_gb: number;
  instance_store_disks: string | null;
  ebs_baseline_bandwidth_mbps: number | null;
  ebs_max_bandwidth_mbps: number | null;
  ebs_baseline_iops: number | null;
  ebs_max_iops: number | null;
  ebs_baseline_throughput_mbps: number | null;
  ebs_max_throughput_mbps: number | null;
  normalization_factor: number | null;
}

export function toInstanceSpec(r: InstanceTypeDbRow): InstanceSpec {
  return {
    instanceType: r.instance_type,
    family: r.family,
    size: r.size,
    generation: r.generation,
    vcpu: r.vcpu,
    memoryGiB: r.memory_gib,
    arch: r.arch,
    architectures: r.architectures.split(';').filter(Boolean),
    processor: r.processor,
    clockGhz: r.clock_ghz,
    burstable: r.burstable === 1,
    bareMetal: r.bare_metal === 1,
    networkPerformance: r.network_performance,
    networkBaselineGbps: r.network_baseline_gbps,
    networkPeakGbps: r.network_peak_gbps,
    gpuCount: r.gpu_count,
    gpuModel: r.gpu_model,
    gpuMemoryGiB: r.gpu_memory_gib,
    acceleratorInfo: r.accelerator_info,
    instanceStoreGB: r.instance_store_gb,
    instanceStoreDisks: r.instance_store_disks,
    ebsBaselineBandwidthMbps: r.ebs_baseline_bandwidth_mbps,
    ebsMaxBandwidthMbps: r.ebs_max_bandwidth_mbps,
    ebsBaselineIops: r.ebs_baseline_iops,
    ebsMaxIops: r.ebs_max_iops,
    ebsBaselineThroughputMBps: r.ebs_baseline_throughput_mbps,
    ebsMaxThroughputMBps: r.ebs_max_throughput_mbps,
    normalizationFactor: r.normalization_factor,
  };
}

export interface SourceDbRow {
  id: string;
  name: string;
  url: string;
  licence: string;
  as_of: string;
  note: string;
}

export function toPriceSource(r: SourceDbRow): PriceSource {
  return { id: r.id, name: r.name, url: r.url, licence: r.licence, asOf: r.as_of, note: r.note };
}
