import type { Report } from '@shared/reports/model';

/** The report model itself, pretty-printed (validates against docs/report.schema.json). */
export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
