import type { InstanceTypeDbRow } from '../catalog/row-mapping';
import type { Attributes } from './mapping';

/** The instance_types columns an import can fill; null when a product cannot fill them honestly. */
export type InstanceSpec = Pick<
  InstanceTypeDbRow,
  | 'instance_type'
  | 'family'
  | 'size'
  | 'generation'
  | 'vcpu'
  | 'memory_gib'
  | 'arch'
  | 'architectures'
  | 'processor'
  | 'clock_ghz'
  | 'burstable'
  | 'bare_metal'
  | 'network_performance'
  | 'gpu_count'
  | 'instance_store_gb'
  | 'instance_store_disks'
  | 'normalization_factor'
>;

// Beyond these no instance type goes; a larger value is a damaged file, not a spec.
const MAX_COUNT = 100_000;
const MAX_GIB = 1e9;

const num = (s: string | undefined, max = MAX_GIB): number | null => {
  if (s === undefined || !/^\d+(\.\d+)?$/.test(s.replace(/,/g, ''))) return null;
  const n = Number(s.replace(/,/g, ''));
  return n <= max ? n : null;
};

/** The catalog's INTEGER columns are STRICT: counts must be whole numbers. */
const count = (s: string | undefined): number | null => {
  const n = num(s, MAX_COUNT);
  return n !== null && Number.isInteger(n) ? n : null;
};

/**
 * Derives the NOT NULL spec columns of a type the catalog does not know yet from its product
 * attributes. Architecture comes from the processor name (Graviton = arm64, Intel/AMD = x86_64);
 * AWS's processorArchitecture says "64-bit" for both, so anything else is refused.
 */
export function specFromAttributes(a: Attributes): InstanceSpec | null {
  const type = a.instanceType;
  if (!type || !type.includes('.')) return null;
  const [family, size] = [type.slice(0, type.indexOf('.')), type.slice(type.indexOf('.') + 1)];
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
    gpu_count: gpu,
    instance_store_gb: storeGb,
    instance_store_disks: storeGb > 0 ? storage : null,
    normalization_factor: num(a.normalizationSizeFactor, MAX_COUNT),
  };
}
