/** Catalog rows (main/catalog/rows.ts) → the contract's shapes (shared/catalog-types.ts). */
import type { EbsVolumeTypeInfo, InstanceSpec, PriceSource, ScopeDate } from '@shared/catalog-types';
import type { EbsVolumeTypeDbRow, InstanceTypeDbRow, ScopeDateDbRow, SourceDbRow } from './rows';

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

export function toPriceSource(r: SourceDbRow): PriceSource {
  return { id: r.id, name: r.name, url: r.url, licence: r.licence, asOf: r.as_of, note: r.note };
}

/** '' (not applicable) becomes null. */
export function toScopeDate(r: ScopeDateDbRow): ScopeDate {
  return {
    product: r.product,
    region: r.region,
    model: r.model === '' ? null : r.model,
    os: r.os === '' ? null : r.os,
    planType: r.plan_type === '' ? null : r.plan_type,
    ...(r.tenancy === '' || r.tenancy === 'shared' ? {} : { tenancy: r.tenancy }),
    sourceId: r.source_id,
    asOf: r.as_of,
    rows: r.rows,
  };
}

export function toEbsVolumeTypeInfo(r: EbsVolumeTypeDbRow): EbsVolumeTypeInfo {
  return {
    volumeType: r.volume_type,
    name: r.name,
    media: r.media,
    previousGeneration: r.previous_generation === 1,
    minSizeGiB: r.min_size_gib,
    maxSizeGiB: r.max_size_gib,
    maxIopsPerVolume: r.max_iops,
    maxThroughputMiBpsPerVolume: r.max_throughput_mibps,
    maxIopsPerGiB: r.max_iops_per_gib,
    baselineIops: r.baseline_iops,
    baselineThroughputMiBps: r.baseline_throughput_mibps,
    ioSizeCapKiB: r.io_size_cap_kib,
    notes: r.notes,
  };
}
