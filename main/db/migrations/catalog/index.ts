import type { Migration } from '../../migrate';
import { m0001Schema } from './0001-schema';
import { m0002DatedScopes } from './0002-dated-scopes';
import { m0003UpfrontFees } from './0003-upfront-fees';
import { m0004SpotAdvisor } from './0004-spot-advisor';
import { m0005DedicatedHosts } from './0005-dedicated-hosts';

export const catalogMigrations: readonly Migration[] = [
  m0001Schema,
  m0002DatedScopes,
  m0003UpfrontFees,
  m0004SpotAdvisor,
  m0005DedicatedHosts,
];
