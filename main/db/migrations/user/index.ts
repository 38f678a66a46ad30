import type { Migration } from '../../migrate';
import { m0001Scenarios } from './0001-scenarios';

export const userMigrations: readonly Migration[] = [m0001Scenarios];
