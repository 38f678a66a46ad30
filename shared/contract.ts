import { z } from 'zod';
import type {
  CatalogMeta,
  EbsPrices,
  EbsVolumeTypeInfo,
  InstanceList,
  PriceOptions,
  Region,
} from './catalog-types';
import { TENANCIES, VOLUME_TYPES } from './catalog-types';
import type { EbsCostResult, EbsFitResult, EbsSizingResult, SnapshotCostResult } from './ebs/transport';
import { scenarioSchema } from './scenario/schema';
import type { ExportedScenario, SavedScenario, ScenarioSummary } from './scenario/types';
import type { ScenarioEstimate, StrategyResult } from './pricing/estimate-types';
import type { DataStatus, ImportJobStatus } from './import/jobs';
import { IMPORT_KIND_LABELS, IMPORT_KIND_OPTIONS, REGIONLESS_KIND } from './import/kinds';
import type { CallJobStatus } from './call-jobs';
import { PAPER_SIZES, REPORT_FORMATS, type RenderedReport } from './reports/formats';
import { CALL_NAMES, CHANNEL_PREFIX, type MenuCommand } from './call-names';
import { validate } from './validation';
import { MAX_PAYLOAD_BYTES, SCENARIO_FILE_NAME_MAX } from './limits';
import type { FinderResult } from './capacity/finder';
import type { RegionPricesResult } from './capacity/region-prices';
import type { ScenarioRegionsResult } from './capacity/scenario-regions';
import type { CatalogListing } from './catalog-listing';
import { optimizeConstraintsSchema } from './optimizer/constraints-schema';
import type { PurchasePlan } from './optimizer/types';
import {
  regionCodeSchema,
  instanceTypeSchema,
  osSchema,
  label,
  instanceFilterSchema,
  regionOrAllSchema,
  regionPricesInputSchema,
  finderInputSchema,
} from './contract-fields';
export {
  regionCodeSchema,
  instanceTypeSchema,
  osSchema,
  SORT_COLUMNS,
  instanceFilterSchema,
  regionPricesInputSchema,
  finderInputSchema,
} from './contract-fields';
export type { InstanceFilter, SortColumn } from './contract-fields';

/**
 * The one list of calls between the renderer and main. Electron IPC (main/transport/ipc.ts, main/transport/preload.ts),
 * the HTTP bridge (main/serve.ts), the CLI and the renderer client are all driven by it: adding a call
 * is one entry here plus its handler in main/services.ts.
 */

const empty = z.strictObject({});

/** One call: its input schema, and its output type (a phantom: only the type crosses). */
const call =
  <O>() =>
  <S extends z.ZodType>(input: S): { input: S; output: O } => ({ input, output: undefined as unknown as O });

const region = z.strictObject({ region: regionCodeSchema });
const volumeTypeSchema = z.enum(VOLUME_TYPES).meta(label('Volume type'));
const positive = z.number().positive();
export const ebsSizingInputSchema = z.strictObject({
  region: regionCodeSchema,
  capacityGiB: positive.max(64 * 65_536).meta(label('Capacity (GiB)', 'storage needed')),
  iops: z.number().min(0).meta(label('IOPS', 'I/O operations per second needed')),
  throughputMiBps: z.number().min(0).meta(label('Throughput (MiB/s)', 'throughput needed')),
  ioSizeKiB: positive
    .max(16 * 1024)
    .default(16)
    .meta(label('I/O size (KiB)', 'typical size of one I/O request')),
  pattern: z.enum(['random', 'sequential']).default('random').meta(label('I/O pattern')),
  dutyCycle: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .meta(label('Duty cycle', 'share of the time at the peak need (for burst credits)')),
  instanceType: instanceTypeSchema.optional().meta(label('Instance type', 'its EBS limits apply')),
  volumeTypes: z.array(volumeTypeSchema).min(1).optional().meta(label('Volume types', 'only these')),
  maxStripeVolumes: z
    .number()
    .int()
    .min(1)
    .max(64)
    .default(16)
    .meta(label('Max volumes', 'most volumes striped together')),
});
const curveSchema = z
  .strictObject({
    dimension: z.enum(['iops', 'throughput']).default('iops').meta(label('Curve dimension')),
    steps: z.number().int().min(2).max(400).default(60).meta(label('Curve steps')),
  })
  .default({ dimension: 'iops', steps: 60 });
const jobId = z.strictObject({
  jobId: z.uuid({ message: 'must be an import job id' }).meta(label('Import job id')),
});
const scenarioId = z.strictObject({
  id: z.uuid({ message: 'must be a saved scenario id' }).meta(label('Scenario id')),
});
/** Optional on long calls: a UUID the caller picks, for jobs.status and jobs.cancel (shared/call-jobs.ts). */
const callJobId = z.uuid({ message: 'must be a job id (a UUID)' }).meta(label('Job id'));
/** Asks for the arithmetic behind every money figure (shared/explanation.ts); off on the normal path. */
const explain = z
  .boolean()
  .default(false)
  .meta(label('Explain', 'add the arithmetic behind every figure, with the catalog rows it used'));
const scenarioName = z.string().trim().max(200);
const scenarioNameLabel = label('Scenario name');

/** AWS has sold EC2 since 2006: no price file is older. */
const FIRST_PRICE_FILE_MS = Date.UTC(2006, 0, 1);
/**
 * The date the person's file has (a browser File's lastModified): an upload saved by serve is dated
 * the day it was uploaded, and a file that names no date of its own is dated by its file's date.
 */
const fileModifiedAtSchema = z.iso
  .datetime({ offset: true, message: 'must be a date and time such as 2025-03-14T00:00:00Z' })
  .refine((s) => !(Date.parse(s) < FIRST_PRICE_FILE_MS), {
    message: 'is before 2006, older than any AWS price file',
  })
  .refine((s) => !(Date.parse(s) > Date.now() + 24 * 3600_000), {
    message: 'is more than a day in the future',
  })
  .optional()
  .meta(
    label(
      'File date',
      'when the uploaded file was last changed; dates a file that names no date of its own (host reservation offerings, the Spot Advisor file)',
    ),
  );

export const contract = {
  'catalog.meta': call<CatalogMeta>()(empty),
  'catalog.regions': call<Region[]>()(empty),
  'catalog.families': call<string[]>()(region),
  'catalog.instances': call<InstanceList>()(instanceFilterSchema),
  'catalog.priceOptions': call<PriceOptions>()(
    z.strictObject({
      instanceType: instanceTypeSchema,
      region: regionCodeSchema,
      os: osSchema.default('linux'),
      tenancy: z
        .enum(TENANCIES)
        .default('shared')
        .meta(label('Tenancy', 'shared, dedicated (a Dedicated Instance) or host (on a Dedicated Host)')),
      explain,
    }),
  ),
  'catalog.regionPrices': call<RegionPricesResult>()(regionPricesInputSchema),
  'catalog.find': call<FinderResult>()(finderInputSchema),
  /** A region's types (or every region's) with their headline prices, compact (shared/catalog-listing.ts). */
  'catalog.listing': call<CatalogListing>()(
    z.strictObject({ region: regionOrAllSchema, os: osSchema.default('linux') }),
  ),
  'ebs.volumeTypes': call<EbsVolumeTypeInfo[]>()(empty),
  'ebs.prices': call<EbsPrices>()(region),
  'ebs.size': call<EbsSizingResult>()(ebsSizingInputSchema.extend({ explain })),
  'ebs.fit': call<EbsFitResult>()(ebsSizingInputSchema.extend({ curve: curveSchema })),
  'ebs.cost': call<EbsCostResult>()(
    z.strictObject({
      region: regionCodeSchema,
      volumeType: volumeTypeSchema,
      sizeGiB: positive.meta(label('Size (GiB)')),
      iops: z.number().min(0).optional().meta(label('IOPS', 'provisioned IOPS (gp3, io1, io2)')),
      throughputMiBps: z
        .number()
        .min(0)
        .optional()
        .meta(label('Throughput (MiB/s)', 'provisioned throughput (gp3)')),
    }),
  ),
  'ebs.snapshotCost': call<SnapshotCostResult>()(
    z.strictObject({
      region: regionCodeSchema,
      volumeSizeGiB: positive.max(65_536).meta({ ...label('Volume size (GiB)'), unit: 'GiB' }),
      usedPct: z
        .number()
        .gt(0)
        .max(100)
        .meta({ ...label('Used (%)', 'share of the volume holding data'), unit: '%' })
        .default(100),
      dailyChangePct: z
        .number()
        .min(0)
        .max(100)
        .meta({ ...label('Daily change (%)', 'share of the data changed each day'), unit: '%' }),
      frequency: z
        .enum(['hourly', 'daily', 'weekly', 'monthly'])
        .default('daily')
        .meta(label('Snapshot frequency')),
      retentionCount: z.number().int().min(1).max(10_000).meta(label('Snapshots kept')),
      tier: z.enum(['standard', 'archive']).default('standard').meta(label('Snapshot tier')),
    }),
  ),
  'pricing.estimate': call<ScenarioEstimate>()(
    z.strictObject({ document: scenarioSchema, jobId: callJobId.optional(), explain }),
  ),
  'pricing.compare': call<StrategyResult[]>()(
    z.strictObject({ document: scenarioSchema, jobId: callJobId.optional(), explain }),
  ),
  /** The cheapest mix of Reserved Instances, Savings Plans, spot and On-Demand (shared/optimizer). */
  'pricing.optimize': call<PurchasePlan>()(
    z.strictObject({
      document: scenarioSchema,
      constraints: optimizeConstraintsSchema.prefault({}),
      jobId: callJobId.optional(),
    }),
  ),
  /** The scenario with every line moved to each region in turn (shared/capacity/scenario-regions.ts). */
  'pricing.regions': call<ScenarioRegionsResult>()(
    z.strictObject({ document: scenarioSchema, jobId: callJobId.optional() }),
  ),
  'jobs.status': call<CallJobStatus>()(z.strictObject({ jobId: callJobId })),
  'jobs.cancel': call<CallJobStatus>()(z.strictObject({ jobId: callJobId })),
  'data.status': call<DataStatus>()(empty),
  /** Moves the imported catalog aside (renamed, never deleted) and prices with the shipped one again. */
  'data.resetCatalog': call<DataStatus>()(empty),
  'import.start': call<ImportJobStatus>()(
    z
      .strictObject({
        path: z.string().min(1, { message: 'choose a price file' }).max(4096).meta(label('Price file')),
        kind: z
          .enum(IMPORT_KIND_OPTIONS)
          .default('auto')
          .meta(label('Kind', 'what the file holds; auto detects it')),
        force: z
          .boolean()
          .default(false)
          .meta(label('Force', 'replace prices the catalog holds newer than the file (scope by scope)')),
        region: regionCodeSchema
          .optional()
          .meta(
            label(
              'Region',
              'the region an `aws ec2 describe-host-reservation-offerings` output was read in (that output names none)',
            ),
          ),
        fileModifiedAt: fileModifiedAtSchema,
      })
      .superRefine(({ kind, region }, ctx) => {
        if (kind === REGIONLESS_KIND && region === undefined) {
          const message = `give the region the ${IMPORT_KIND_LABELS[kind]} were read in: that AWS output names none`;
          ctx.addIssue({ code: 'custom', path: ['region'], message });
        } else if (kind !== REGIONLESS_KIND && kind !== 'auto' && region !== undefined) {
          const message = `is only for ${IMPORT_KIND_LABELS[REGIONLESS_KIND]}: a file of kind ${IMPORT_KIND_LABELS[kind]} names its own regions`;
          ctx.addIssue({ code: 'custom', path: ['region'], message });
        }
      }),
  ),
  'import.updateFromAws': call<ImportJobStatus>()(
    z.strictObject({
      regions: z
        .array(regionCodeSchema)
        .min(1, { message: 'choose at least one region' })
        .max(40)
        .meta(label('Regions')),
    }),
  ),
  'import.status': call<ImportJobStatus>()(jobId),
  'import.cancel': call<ImportJobStatus>()(jobId),
  'scenarios.list': call<ScenarioSummary[]>()(empty),
  'scenarios.get': call<SavedScenario>()(scenarioId),
  'scenarios.create': call<SavedScenario>()(z.strictObject({ document: scenarioSchema })),
  'scenarios.save': call<SavedScenario>()(
    scenarioId.extend({
      document: scenarioSchema,
      baseRevision: z
        .number()
        .int()
        .min(1)
        .optional()
        .meta(label('Revision', 'the revision the edit started from')),
    }),
  ),
  'scenarios.rename': call<SavedScenario>()(
    scenarioId.extend({ name: scenarioName.min(1).meta(scenarioNameLabel) }),
  ),
  'scenarios.duplicate': call<SavedScenario>()(
    scenarioId.extend({ name: scenarioName.optional().meta(scenarioNameLabel) }),
  ),
  'scenarios.delete': call<{ deleted: boolean }>()(scenarioId),
  'scenarios.import': call<SavedScenario>()(
    z.strictObject({
      text: z.string().max(MAX_PAYLOAD_BYTES).meta(label('Scenario file')),
      fileName: z.string().max(SCENARIO_FILE_NAME_MAX).optional().meta(label('File name')),
    }),
  ),
  'scenarios.export': call<ExportedScenario>()(scenarioId),
  'reports.render': call<RenderedReport>()(
    z.strictObject({
      document: scenarioSchema,
      format: z.enum(REPORT_FORMATS).meta(label('Format')),
      paper: z.enum(PAPER_SIZES).default('a4').meta(label('Paper size', 'PDF page size')),
      csvBom: z
        .boolean()
        .default(false)
        .meta(label('Byte order mark', 'start a CSV with a UTF-8 BOM (for Excel)')),
      jobId: callJobId.optional(),
    }),
  ),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Contract[K]['output'];

/** What the renderer sees, whichever host it runs in (Electron preload or HTTP). */
export type Api = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> };
/** What main implements: inputs arrive already validated and defaulted. */
export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => CallOutput<K> | Promise<CallOutput<K>> };

export { CALL_NAMES, CHANNEL_PREFIX };
// Both directions: every contract entry is listed in CALL_NAMES, and every listed name is in the contract.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const callNamesMatchContract: Same<(typeof CALL_NAMES)[number], CallName> = true;
void callNamesMatchContract;

export interface CallError {
  /** cancelled: stopped by jobs.cancel before it finished. */
  code: 'invalid-input' | 'not-found' | 'unauthorized' | 'cancelled' | 'internal';
  /** What is wrong and what is allowed, without the field ("must be a whole number from 1 to 64"). */
  message: string;
  /** The field's path in the call's input ("document.lines.0.usage.count"). */
  field?: string;
  /** The field as a person calls it ("Line 1 (web) › Instances"); shown before the message. */
  label?: string;
}
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Validates a call's input; the error names the first offending field by its path and its label. */
export function parseInput<K extends CallName>(
  name: K,
  raw: unknown,
): { ok: true; value: ParsedInput<K> } | { ok: false; error: CallError } {
  const result = validate(contract[name].input, raw ?? {});
  if (result.ok) return { ok: true, value: result.value as ParsedInput<K> };
  const { field, message, label } = result.problems[0];
  return {
    ok: false,
    error: { code: 'invalid-input', message, ...(field ? { field } : {}), ...(label ? { label } : {}) },
  };
}

/**
 * What the Electron preload exposes as `window.planner`: one function per call, each resolving to the
 * contract's result shape (Electron drops custom error fields in transit, so errors travel as data).
 */
export type PlannerBridge = { [K in CallName]: (input: unknown) => Promise<CallResult<CallOutput<K>>> };

/** What the preload exposes as `window.plannerMenu`: menu commands only; returns an unsubscribe. */
export interface PlannerMenuBridge {
  onCommand(callback: (command: MenuCommand) => void): () => void;
}

/** A file the user picked: the DOM's File, described by shape so that shared/ needs no DOM types. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
}

/** What the Electron preload exposes as `window.plannerFiles` (absent in serve mode, which uploads). */
export interface PlannerFilesBridge {
  pathForFile(file: PickedFile): string;
}
