import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../pricing-data/build-catalog';
import { reportCsv } from '../../main/reports/csv';
import { footerTemplate, reportHtml } from '../../main/reports/html';
import { reportJson } from '../../main/reports/json';
import { launchChromium, printWith } from '../../main/reports/pdf';
import { reportXlsx } from '../../main/reports/xlsx';
import { createServices } from '../../main/services';
import { scenarioSchema } from '@shared/scenario/schema';
import { benchMixScenario } from './mix';
import { ms } from './stats';

async function time<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

export async function benchReports(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-reports-'));
  const services = createServices({
    catalogPath: buildCatalog(join(dir, 'catalog.sqlite')).path,
    userDbPath: join(dir, 'user.sqlite'),
  });
  try {
    const scenario = scenarioSchema.parse(benchMixScenario(200));
    const model = await time(() => services.reports.build(scenario));
    const report = model.value;
    console.log(`model (price book + estimate + compare + EBS checks), 200 lines: ${ms(model.ms)}`);
    const json = await time(() => reportJson(report));
    console.log(`json: ${ms(json.ms)} (${(json.value.length / 1024).toFixed(0)} KiB)`);
    const csv = await time(() => reportCsv(report));
    console.log(`csv:  ${ms(csv.ms)} (${(csv.value.length / 1024).toFixed(0)} KiB)`);
    const xlsx = await time(() => reportXlsx(report));
    console.log(`xlsx: ${ms(xlsx.ms)} (${(xlsx.value.length / 1024).toFixed(0)} KiB)`);
    const html = await time(() => reportHtml(report, 'a4'));
    console.log(`html: ${ms(html.ms)} (${(html.value.length / 1024).toFixed(0)} KiB)`);
    const launch = await time(() => launchChromium());
    console.log(`pdf: Chromium launch ${ms(launch.ms)}`);
    try {
      for (const paper of ['a4', 'letter'] as const) {
        const page = reportHtml(report, paper);
        const pdf = await time(() => printWith(launch.value, page, paper, footerTemplate(report)));
        console.log(`pdf: render ${paper} ${ms(pdf.ms)} (${(pdf.value.length / 1024).toFixed(0)} KiB)`);
      }
    } finally {
      await launch.value.close();
    }
    const cold = await time(() => services.reports.file(scenario, { format: 'pdf', paper: 'a4' }));
    console.log(`pdf end to end (model + launch + render + close): ${ms(cold.ms)}`);
  } finally {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
