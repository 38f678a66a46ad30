import type { CallJobPhase } from '@shared/call-jobs';
import type { ImportProgress, ImportSummary } from '@shared/import/types';
import { optimizePlan } from '@shared/optimizer/optimize';
import { compareWithPlan } from '@shared/optimizer/plan-strategy';
import type { OptimizeConstraints } from '@shared/optimizer/types';
import { estimateScenario } from '@shared/pricing/estimate';
import type { PaperSize, ReportFormat } from '@shared/reports/formats';
import type { Scenario } from '@shared/scenario/schema';
import { updateFromAws, type AwsUpdateProgress } from '../import/aws-update';
import { importPriceFile, type ImportOptions } from '../import/import-service';
import type { PriceBookService } from '../pricing/price-book-service';
import type { ScenarioRegions } from '../pricing/scenario-regions';
import type { Paper } from '../reports/html';
import type { PdfRenderer } from '../reports/pdf';
import type { ReportService } from '../reports/report-service';
import { renderReport } from '../reports/render';
import { CancelledError } from './protocol';

/**
 * The CPU-heavy work the planner runs off the main thread (main/workers/worker-entry.ts), or in the
 * calling thread when there is no pool (the one-shot CLI): the same functions either way, so the
 * results are identical. Inputs and results are plain data (money as decimal strings), safe to clone.
 * Adding a task is one entry here and a call to it in main/services.ts.
 */

/** What the tasks read: the catalog, opened by whoever runs them (each worker opens its own). */
export interface TaskContext {
  priceBook: PriceBookService;
  reports: Pick<ReportService, 'build'>;
  scenarioRegions: ScenarioRegions;
}

export interface TaskTools<P> {
  signal: AbortSignal;
  progress(progress: P): void;
}

/** A report file, except that a PDF comes back as the page to print: printing needs the main process. */
export type RenderTaskResult =
  | { fileName: string; mimeType: string; base64: string; print: null }
  | {
      fileName: string;
      mimeType: string;
      base64: null;
      print: { html: string; paper: Paper; footer: string };
    };

const task = <I, O, P>(fn: (context: () => TaskContext, input: I, tools: TaskTools<P>) => O | Promise<O>) =>
  fn;

export const TASKS = {
  'pricing.estimate': task(
    (
      context,
      { document, explain }: { document: Scenario; explain?: boolean },
      tools: TaskTools<CallJobPhase>,
    ) => {
      tools.progress('pricing');
      return estimateScenario(document, context().priceBook.forScenario(document), {
        explain: explain ?? false,
      });
    },
  ),
  'pricing.compare': task(
    (
      context,
      { document, explain }: { document: Scenario; explain?: boolean },
      tools: TaskTools<CallJobPhase>,
    ) => {
      tools.progress('pricing');
      // The optimized plan first, then every fixed strategy (shared/optimizer/plan-strategy.ts).
      return compareWithPlan(document, context().priceBook.forScenario(document), {
        explain: explain ?? false,
      });
    },
  ),
  'pricing.optimize': task(
    (
      context,
      { document, constraints }: { document: Scenario; constraints: OptimizeConstraints },
      tools: TaskTools<CallJobPhase>,
    ) => {
      tools.progress('pricing');
      return optimizePlan(document, context().priceBook.forScenario(document), constraints);
    },
  ),
  'pricing.regions': task((context, { document }: { document: Scenario }, tools: TaskTools<CallJobPhase>) => {
    tools.progress('pricing');
    return context().scenarioRegions(document, tools.signal);
  }),
  'reports.render': task(
    async (
      context,
      input: { document: Scenario; format: ReportFormat; paper: PaperSize; csvBom: boolean },
      tools: TaskTools<CallJobPhase>,
    ): Promise<RenderTaskResult> => {
      tools.progress('pricing');
      const report = context().reports.build(input.document);
      tools.progress('rendering');
      const kept: { page: { html: string; paper: Paper; footer: string } | null } = { page: null };
      // renderReport decides what a PDF prints; this keeps that page instead of printing it here.
      const keepPage: PdfRenderer = (html, paper, footer) => {
        kept.page = { html, paper, footer };
        return Promise.resolve(Buffer.alloc(0));
      };
      const file = await renderReport(report, input, keepPage);
      const { fileName, mimeType } = file;
      return kept.page
        ? { fileName, mimeType, base64: null, print: kept.page }
        : { fileName, mimeType, base64: file.bytes.toString('base64'), print: null };
    },
  ),
  'import.file': task(
    (
      _context,
      // Everything the importer takes but its callbacks, which cannot cross to a worker.
      input: Omit<ImportOptions, 'signal' | 'onProgress' | 'progressIntervalMs'>,
      tools: TaskTools<ImportProgress>,
    ): Promise<ImportSummary> =>
      importPriceFile({ ...input, signal: tools.signal, onProgress: (p) => tools.progress(p) }),
  ),
  'import.aws': task(
    async (
      _context,
      input: { regions: string[]; downloadDir: string; catalogPath: string; baseCatalogPath: string },
      tools: TaskTools<AwsUpdateProgress>,
    ): Promise<ImportSummary[]> => {
      const result = await updateFromAws({
        ...input,
        signal: tools.signal,
        onProgress: (p) => tools.progress(p),
      });
      return result.files.flatMap((f) => (f.summary ? [f.summary] : []));
    },
  ),
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<K extends TaskName> = Parameters<(typeof TASKS)[K]>[1];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;
export type TaskProgress<K extends TaskName> = Parameters<Parameters<(typeof TASKS)[K]>[2]['progress']>[0];

export function isTaskName(name: string): name is TaskName {
  return Object.prototype.hasOwnProperty.call(TASKS, name);
}

/** Runs a task in this thread (a worker's, or the caller's when there is no pool). */
export async function runTask(
  name: string,
  context: () => TaskContext,
  input: unknown,
  tools: TaskTools<unknown>,
): Promise<unknown> {
  if (!isTaskName(name)) throw new Error(`no task named ${name}`);
  if (tools.signal.aborted) throw new CancelledError();
  const fn = TASKS[name] as (c: () => TaskContext, i: unknown, t: TaskTools<unknown>) => unknown;
  return fn(context, input, tools);
}
