/**
 * `npm run schema`: writes the published JSON Schemas (docs/*.schema.json) from the zod schemas they
 * describe. A test fails when a committed schema is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from '../shared/scenario/schema';
import { SCENARIO_SCHEMA_ID } from '../main/scenarios/scenario-service';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
  return (
    JSON.stringify(
      {
        ...schema,
        $id: SCENARIO_SCHEMA_ID,
        title: 'EC2/EBS Planner scenario',
        description: 'Scenario document, format version 1.',
      },
      null,
      2,
    ) + '\n'
  );
}

export const SCENARIO_SCHEMA_PATH = resolve(import.meta.dirname, '..', 'docs', 'scenario.schema.json');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCENARIO_SCHEMA_PATH, scenarioJsonSchema());
  console.log(`wrote ${SCENARIO_SCHEMA_PATH}`);
}
