import type { Migration } from '../../migrate';
import { m0001Schema } from './0001-schema';

export const catalogMigrations: readonly Migration[] = [m0001Schema];
