import type { VolumeType } from '../../../shared/catalog-types';

/** One color per EBS volume type, the same in every chart and legend: SSD types cool, HDD types warm. */
export const VOLUME_TYPE_COLORS: Record<VolumeType, string> = {
  gp3: '#2563eb',
  gp2: '#16a34a',
  io1: '#9333ea',
  io2: '#db2777',
  st1: '#ea580c',
  sc1: '#92400e',
  standard: '#64748b',
};
