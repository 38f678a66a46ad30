import { instanceTypeParts } from '@shared/instance-name';
import { parseDecimalText } from '@shared/validation';
import type { InstanceTypeDbRow } from '../catalog/rows';
import type { Attributes } from './types';

// Beyond these no instance type goes; a larger value is a damaged file, not a spec.
const MAX_COUNT = 100_000;
const MAX_GIB = 1e9;

/** A decimal as AWS writes it ("8", "0.5", "1,952"), at most `max`; null otherwise. */
const num = (s: string | undefined, max = MAX_GIB): number | null => {
  const n = s === undefined ? null : parseDecimalText(s, { grouped: true });
  return n !== null && n <= max ? n : null;
};

/** The catalog's INTEGER columns are STRICT: counts must be whole numbers. */
const count = (s: string | undefined): number | null => {
  const n = num(s, MAX_COUNT);
  return n !== null && Number.isInteger(n) ? n : null;
};

/**
 * The instance_types row of a type the catalog does not know yet, from its product attributes: every
 * NOT NULL column, and the nullable ones the attributes tell (the rest null); null when a product
 * cannot fill them honestly. Architecture comes from the processor name (Graviton = arm64, Intel/AMD = x86_64);
 * AWS's processorArchitecture says "64-bit" for both, so anything else is refused.
 */
export function specFromAttributes(a: Attributes): InstanceTypeDbRow | null {
  const type = a.instanceType;
  if (!type) return null;
  const { family, size } = instanceTypeParts(type);
  if (size === null) return null;
  const generation =
    a.currentGeneration === 'Yes' ? 'current' : a.currentGeneration === 'No' ? 'previous' : null;
  const vcpu = count(a.vcpu);
  const memGib = num(/^([\d.,]+) GiB$/.exec(a.memory ?? '')?.[1]);
  const proc = a.physicalProcessor ?? '';
  const arch = /Graviton/i.test(proc) ? 'arm64' : /Intel|AMD/i.test(proc) ? 'x86_64' : null;
  const storage = a.storage ?? '';
  let storeGb: number | null = null;
  if (storage === 'EBS only') storeGb = 0;
  else {
    const m = /^(\d+) x ([\d,]+)/.exec(storage);
    const disks = count(m?.[1]);
    const diskGb = count(m?.[2]);
    if (disks !== null && diskGb !== null) storeGb = disks * diskGb;
  }
  const gpu = a.gpu === undefined || a.gpu === 'NA' ? 0 : count(a.gpu);
  if (!generation || vcpu === null || memGib === null || !arch || storeGb === null || gpu === null)
    return null;
  const clock = num(/^([\d.]+) GHz$/.exec(a.clockSpeed ?? '')?.[1], 100);
  return {
    instance_type: type,
    family,
    size,
    generation,
    vcpu,
    memory_gib: memGib,
    arch,
    architectures: arch,
    processor: proc || null,
    clock_ghz: clock,
    burstable: /^t\d/.test(family) ? 1 : 0,
    bare_metal: size.includes('metal') ? 1 : 0,
    network_performance: a.networkPerformance ?? null,
    network_baseline_gbps: null,
    network_peak_gbps: null,
    gpu_count: gpu,
    gpu_model: null,
    gpu_memory_gib: null,
    accelerator_info: null,
    instance_store_gb: storeGb,
    instance_store_disks: storeGb > 0 ? storage : null,
    ebs_baseline_bandwidth_mbps: null,
    ebs_max_bandwidth_mbps: null,
    ebs_baseline_iops: null,
    ebs_max_iops: null,
    ebs_baseline_throughput_mbps: null,
    ebs_max_throughput_mbps: null,
    normalization_factor: num(a.normalizationSizeFactor, MAX_COUNT),
  };
}
