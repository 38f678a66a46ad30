/**
 * `npm run schema`: writes the published JSON Schemas (docs/*.schema.json) from the zod schemas they
 * describe. A test fails when a committed schema is out of date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from '@shared/scenario/schema';
import { REPORT_VERSION, reportSchema } from '@shared/reports/schema';
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

export const REPORT_SCHEMA_ID = 'https://ec2-ebs-planner.invalid/schema/report-v1.json';
export const REPORT_SCHEMA_PATH = resolve(import.meta.dirname, '..', 'docs', 'report.schema.json');

/** The cost report model (JSON export), as every exporter renders it. */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(reportSchema, { io: 'output', unrepresentable: 'any' });
  return (
    JSON.stringify(
      {
        ...schema,
        $id: REPORT_SCHEMA_ID,
        title: 'EC2/EBS Planner cost report',
        description: `Cost report model (JSON export), reportVersion ${REPORT_VERSION}. Money is decimal USD as a string; null = not priced (n/a).`,
      },
      null,
      2,
    ) + '\n'
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCENARIO_SCHEMA_PATH, scenarioJsonSchema());
  console.log(`wrote ${SCENARIO_SCHEMA_PATH}`);
  writeFileSync(REPORT_SCHEMA_PATH, reportJsonSchema());
  console.log(`wrote ${REPORT_SCHEMA_PATH}`);
}
