import type { OperatingSystem } from '@shared/catalog-types';
import type { InstanceCapacity } from '@shared/capacity/demand';
import { useApiCall } from '../../hooks/useApiCall';

/** vCPUs and memory of a line's instance type from the catalog; null while unknown (or not in it). */
export function useInstanceCapacity(
  region: string,
  os: OperatingSystem,
  instanceType: string,
): { capacity: InstanceCapacity | null; known: boolean | null } {
  const found = useApiCall(
    'catalog.instances',
    instanceType === '' ? null : { region, os, search: instanceType, generation: 'all', limit: 50 },
  );
  const row = found.data?.rows.find((r) => r.instanceType === instanceType);
  if (row) return { capacity: { vcpu: row.vcpu, memoryGiB: row.memoryGiB }, known: true };
  return { capacity: null, known: found.data === undefined || found.loading ? null : false };
}
