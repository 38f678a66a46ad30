import type { VolumeType } from '../../catalog-types';
import type { Layout, PerVolumeNeed } from './layout-types';
import { layoutGp2 } from './layouts-gp2';
import { layoutGp3 } from './layouts-gp3';
import { layoutHdd } from './layouts-hdd';
import { layoutProvisioned } from './layouts-provisioned';
import { layoutStandard } from './layouts-standard';

/** One volume of a type for its share of the need, or null when no such volume meets it. */
export function layoutFor(type: VolumeType, share: PerVolumeNeed): Layout | null {
  switch (type) {
    case 'gp3':
      return layoutGp3(share);
    case 'gp2':
      return layoutGp2(share);
    case 'io1':
    case 'io2':
      return layoutProvisioned(type, share);
    case 'st1':
    case 'sc1':
      return layoutHdd(type, share);
    case 'standard':
      return layoutStandard(share);
  }
}
