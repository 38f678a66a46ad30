import { z } from 'zod';
import type {
  CatalogMeta,
  EbsPrices,
  EbsVolumeTypeInfo,
  InstanceList,
  PriceOptions,
  Region,
} from './catalog-types';
import { OPERATING_SYSTEMS, VOLUME_TYPES } from './catalog-types';
import type { EbsCostResult, EbsFitResult, EbsSizingResult, SnapshotCostResult } from './ebs/transport';
import { scenarioSchema } from './scenario/schema';
import type { ExportedScenario, SavedScenario, ScenarioSummary } from './scenario/types';
import type { ScenarioEstimate, StrategyResult } from './pricing/estimate-types';
import type { DataStatus, ImportJobStatus } from './import/jobs';
import type { CallJobStatus } from './call-jobs';
import { PAPER_SIZES, REPORT_FORMATS, type RenderedReport } from './reports/formats';
import { CALL_NAMES, CHANNEL_PREFIX, type MenuCommand } from './call-names';
import { firstIssue } from './validation';
import { MAX_PAYLOAD_BYTES, SCENARIO_FILE_NAME_MAX } from './limits';

/**
 * The one list of calls between the renderer and main. Electron IPC (main/ipc.ts, main/preload.ts),
 * the HTTP bridge (main/serve.ts), the CLI and the renderer client are all driven by it: adding a call
 * is one entry here plus its handler in main/services.ts.
 */

export const regionCodeSchema = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'must be a region code such as us-east-1' });
export const instanceTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, { message: 'must be an instance type such as m5.large' });
export const osSchema = z.enum(OPERATING_SYSTEMS);
const decimalString = z.string().regex(/^\d+(\.\d+)?$/, { message: 'must be a decimal number such as 0.25' });
const count = z.number().int().min(0);

export const SORT_COLUMNS = [
  'instanceType',
  'family',
  'vcpu',
  'memoryGiB',
  'gpuCount',
  'networkBaselineGbps',
  'instanceStoreGB',
  'ebsBaselineThroughputMBps',
  'ebsMaxThroughputMBps',
  'ebsBaselineIops',
  'ebsMaxIops',
  'onDemandHourlyUsd',
  'best1yHourlyUsd',
  'best3yHourlyUsd',
  'spotHourlyUsd',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const instanceFilterSchema = z.strictObject({
  region: regionCodeSchema,
  os: osSchema.default('linux'),
  search: z.string().max(100).optional(),
  families: z
    .array(z.string().regex(/^[a-z0-9-]+$/, { message: 'must be a family such as m5' }))
    .max(200)
    .optional(),
  arch: z.enum(['x86_64', 'arm64']).optional(),
  generation: z.enum(['current', 'previous', 'all']).default('current'),
  burstable: z.boolean().optional(),
  gpu: z.boolean().optional(),
  minVcpu: count.optional(),
  maxVcpu: count.optional(),
  minMemoryGiB: z.number().min(0).optional(),
  maxMemoryGiB: z.number().min(0).optional(),
  minNetworkGbps: z.number().min(0).optional(),
  minEbsBaselineThroughputMBps: z.number().min(0).optional(),
  minEbsBaselineIops: count.optional(),
  minHourlyUsd: decimalString.optional(),
  maxHourlyUsd: decimalString.optional(),
  pricedOnly: z.boolean().default(false),
  sortBy: z.enum(SORT_COLUMNS).default('instanceType'),
  sortDir: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(5000).optional(),
});
export type InstanceFilter = z.input<typeof instanceFilterSchema>;

const empty = z.strictObject({});

/** One call: its input schema, and its output type (a phantom: only the type crosses). */
const call =
  <O>() =>
  <S extends z.ZodType>(input: S): { input: S; output: O } => ({ input, output: undefined as unknown as O });

const region = z.strictObject({ region: regionCodeSchema });
const volumeTypeSchema = z.enum(VOLUME_TYPES);
const positive = z.number().positive();
export const ebsSizingInputSchema = z.strictObject({
  region: regionCodeSchema,
  capacityGiB: positive.max(64 * 65_536),
  iops: z.number().min(0),
  throughputMiBps: z.number().min(0),
  ioSizeKiB: positive.max(16 * 1024).default(16),
  pattern: z.enum(['random', 'sequential']).default('random'),
  dutyCycle: z.number().gt(0).max(1).optional(),
  instanceType: instanceTypeSchema.optional(),
  volumeTypes: z.array(volumeTypeSchema).min(1).optional(),
  maxStripeVolumes: z.number().int().min(1).max(64).default(16),
});
const curveSchema = z
  .strictObject({
    dimension: z.enum(['iops', 'throughput']).default('iops'),
    steps: z.number().int().min(2).max(400).default(60),
  })
  .default({ dimension: 'iops', steps: 60 });
const jobId = z.strictObject({ jobId: z.uuid({ message: 'must be an import job id' }) });
const scenarioId = z.strictObject({ id: z.uuid({ message: 'must be a saved scenario id' }) });
/** Optional on long calls: a UUID the caller picks, for jobs.status and jobs.cancel (shared/call-jobs.ts). */
const callJobId = z.uuid({ message: 'must be a job id (a UUID)' });

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
    }),
  ),
  'ebs.volumeTypes': call<EbsVolumeTypeInfo[]>()(empty),
  'ebs.prices': call<EbsPrices>()(region),
  'ebs.size': call<EbsSizingResult>()(ebsSizingInputSchema),
  'ebs.fit': call<EbsFitResult>()(ebsSizingInputSchema.extend({ curve: curveSchema })),
  'ebs.cost': call<EbsCostResult>()(
    z.strictObject({
      region: regionCodeSchema,
      volumeType: volumeTypeSchema,
      sizeGiB: positive,
      iops: z.number().min(0).optional(),
      throughputMiBps: z.number().min(0).optional(),
    }),
  ),
  'ebs.snapshotCost': call<SnapshotCostResult>()(
    z.strictObject({
      region: regionCodeSchema,
      volumeSizeGiB: positive.max(65_536),
      usedPct: z.number().gt(0).max(100).default(100),
      dailyChangePct: z.number().min(0).max(100),
      frequency: z.enum(['hourly', 'daily', 'weekly', 'monthly']).default('daily'),
      retentionCount: z.number().int().min(1).max(10_000),
      tier: z.enum(['standard', 'archive']).default('standard'),
    }),
  ),
  'pricing.estimate': call<ScenarioEstimate>()(
    z.strictObject({ document: scenarioSchema, jobId: callJobId.optional() }),
  ),
  'pricing.compare': call<StrategyResult[]>()(
    z.strictObject({ document: scenarioSchema, jobId: callJobId.optional() }),
  ),
  'jobs.status': call<CallJobStatus>()(z.strictObject({ jobId: callJobId })),
  'jobs.cancel': call<CallJobStatus>()(z.strictObject({ jobId: callJobId })),
  'data.status': call<DataStatus>()(empty),
  /** Moves the imported catalog aside (renamed, never deleted) and prices with the shipped one again. */
  'data.resetCatalog': call<DataStatus>()(empty),
  'import.start': call<ImportJobStatus>()(
    z.strictObject({
      path: z.string().min(1, { message: 'choose a price file' }).max(4096),
      kind: z.enum(['auto', 'ec2', 'savings-plans', 'spot']).default('auto'),
      force: z.boolean().default(false),
    }),
  ),
  'import.updateFromAws': call<ImportJobStatus>()(
    z.strictObject({
      regions: z.array(regionCodeSchema).min(1, { message: 'choose at least one region' }).max(40),
    }),
  ),
  'import.status': call<ImportJobStatus>()(jobId),
  'import.cancel': call<ImportJobStatus>()(jobId),
  'scenarios.list': call<ScenarioSummary[]>()(empty),
  'scenarios.get': call<SavedScenario>()(scenarioId),
  'scenarios.create': call<SavedScenario>()(z.strictObject({ document: scenarioSchema })),
  'scenarios.save': call<SavedScenario>()(
    scenarioId.extend({ document: scenarioSchema, baseRevision: z.number().int().min(1).optional() }),
  ),
  'scenarios.rename': call<SavedScenario>()(scenarioId.extend({ name: z.string().trim().min(1).max(200) })),
  'scenarios.duplicate': call<SavedScenario>()(
    scenarioId.extend({ name: z.string().trim().max(200).optional() }),
  ),
  'scenarios.delete': call<{ deleted: boolean }>()(scenarioId),
  'scenarios.import': call<SavedScenario>()(
    z.strictObject({
      text: z.string().max(MAX_PAYLOAD_BYTES),
      fileName: z.string().max(SCENARIO_FILE_NAME_MAX).optional(),
    }),
  ),
  'scenarios.export': call<ExportedScenario>()(scenarioId),
  'reports.render': call<RenderedReport>()(
    z.strictObject({
      document: scenarioSchema,
      format: z.enum(REPORT_FORMATS),
      paper: z.enum(PAPER_SIZES).default('a4'),
      csvBom: z.boolean().default(false),
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
  message: string;
  field?: string;
}
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Validates a call's input; the error names the first offending field by its path. */
export function parseInput<K extends CallName>(
  name: K,
  raw: unknown,
): { ok: true; value: ParsedInput<K> } | { ok: false; error: CallError } {
  const result = contract[name].input.safeParse(raw ?? {});
  if (result.success) return { ok: true, value: result.data as ParsedInput<K> };
  const { field, message } = firstIssue(result.error);
  return { ok: false, error: { code: 'invalid-input', message, ...(field ? { field } : {}) } };
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

/** What the Electron preload exposes as `window.plannerFiles` (absent in serve mode, which uploads). */
export interface PlannerFilesBridge {
  pathForFile(file: File): string;
}
