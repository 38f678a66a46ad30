import type { ComponentType } from 'react';
import { CatalogScreen } from './CatalogScreen';
import { DataScreen } from './DataScreen';
import { CompareScreen } from './CompareScreen';
import { EbsSizingScreen } from './EbsSizingScreen';
import { FinderScreen } from './FinderScreen';
import { PlanScreen } from './PlanScreen';
import { RegionsScreen } from './RegionsScreen';
import { WorkloadsScreen } from './WorkloadsScreen';

/** What every screen receives from the shell. */
export interface ScreenProps {
  /** Error messages from the shell's own calls (e.g. catalog meta), shown in the screen's banner. */
  shellErrors: string[];
}

/** The app's screens in nav order; the URL hash (#catalog, …) selects one. Add a screen here. */
export const SCREENS: { id: string; label: string; component: ComponentType<ScreenProps> }[] = [
  { id: 'catalog', label: 'Catalog', component: CatalogScreen },
  { id: 'finder', label: 'Finder', component: FinderScreen },
  { id: 'regions', label: 'Regions', component: RegionsScreen },
  { id: 'ebs', label: 'EBS Sizing', component: EbsSizingScreen },
  { id: 'workloads', label: 'Workloads', component: WorkloadsScreen },
  { id: 'compare', label: 'Compare', component: CompareScreen },
  { id: 'plan', label: 'Plan', component: PlanScreen },
  { id: 'data', label: 'Data', component: DataScreen },
];
