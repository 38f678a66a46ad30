import type { ComponentType } from 'react';
import { CatalogScreen } from './CatalogScreen';

/** What every screen receives from the shell. */
export interface ScreenProps {
  /** Error messages from the shell's own calls (e.g. catalog meta), shown in the screen's banner. */
  shellErrors: string[];
}

/** The app's screens in nav order; the URL hash (#catalog, …) selects one. Add a screen here. */
export const SCREENS: { id: string; label: string; component: ComponentType<ScreenProps> }[] = [
  { id: 'catalog', label: 'Catalog', component: CatalogScreen },
];
