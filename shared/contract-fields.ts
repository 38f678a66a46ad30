import { z } from 'zod';
import { OPERATING_SYSTEMS } from './catalog-types';
import { FINDER_PURCHASES } from './capacity/finder';
import { REGION_PRICE_SORTS } from './capacity/region-prices';

/**
 * The contract's field schemas and the catalog calls' inputs (shared/contract.ts re-exports them): a
 * region code, an instance type, an OS, the catalog filter with its sort columns, regions side by side
 * and the instance finder's requirements.
 */

export const regionCodeSchema = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: 'must be a region code such as us-east-1' })
  .meta({ title: 'Region', description: 'AWS region code such as us-east-1' });
export const instanceTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, { message: 'must be an instance type such as m5.large' })
  .meta({ title: 'Instance type', description: 'EC2 instance type such as m5.large' });
export const osSchema = z.enum(OPERATING_SYSTEMS).meta({ title: 'Operating system' });
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
  'spotInterruption',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** A field's label (`title`, as JSON Schema names it) and what it means: forms and the CLI show them. */
export const label = (title: string, description?: string) => ({
  title,
  ...(description ? { description } : {}),
});

export const instanceFilterSchema = z.strictObject({
  region: regionCodeSchema,
  os: osSchema.default('linux'),
  search: z.string().max(100).optional().meta(label('Search', 'text in the instance type name')),
  families: z
    .array(z.string().regex(/^[a-z0-9-]+$/, { message: 'must be a family such as m5' }))
    .max(200)
    .optional()
    .meta(label('Families', 'instance families such as m5,m7g')),
  arch: z.enum(['x86_64', 'arm64']).optional().meta(label('Architecture')),
  generation: z.enum(['current', 'previous', 'all']).default('current').meta(label('Generation')),
  burstable: z.boolean().optional().meta(label('Burstable', 'only burstable (T) types')),
  gpu: z.boolean().optional().meta(label('GPU', 'only types with GPUs')),
  minVcpu: count.optional().meta(label('Min vCPU')),
  maxVcpu: count.optional().meta(label('Max vCPU')),
  minMemoryGiB: z.number().min(0).optional().meta(label('Min memory (GiB)')),
  maxMemoryGiB: z.number().min(0).optional().meta(label('Max memory (GiB)')),
  minNetworkGbps: z.number().min(0).optional().meta(label('Min network (Gbps)', 'baseline bandwidth')),
  minEbsBaselineThroughputMBps: z.number().min(0).optional().meta(label('Min EBS throughput (MB/s)')),
  minEbsBaselineIops: count.optional().meta(label('Min EBS IOPS')),
  minHourlyUsd: decimalString.optional().meta(label('Min on-demand $/h')),
  maxHourlyUsd: decimalString.optional().meta(label('Max on-demand $/h')),
  pricedOnly: z.boolean().default(false).meta(label('Priced only', 'only types with an on-demand price')),
  sortBy: z.enum(SORT_COLUMNS).default('instanceType').meta(label('Sort by')),
  sortDir: z.enum(['asc', 'desc']).default('asc').meta(label('Sort direction')),
  limit: z.number().int().min(1).max(5000).optional().meta(label('Limit', 'most rows listed')),
});
export type InstanceFilter = z.input<typeof instanceFilterSchema>;

/** A region code, or "all" for every region of the catalog. */
export const regionOrAllSchema = z
  .string()
  .refine((s) => s === 'all' || regionCodeSchema.safeParse(s).success, {
    message: 'must be a region code such as us-east-1, or all',
  })
  .meta(label('Region', 'a region code such as us-east-1, or all for every region'));

/** Instance types side by side in every region (shared/capacity/region-prices.ts). */
export const regionPricesInputSchema = z.strictObject({
  instanceTypes: z
    .array(instanceTypeSchema)
    .min(1, { message: 'name at least one instance type' })
    .max(20)
    .meta(label('Instance types')),
  os: osSchema.default('linux'),
  sortBy: z.enum(REGION_PRICE_SORTS).default('region').meta(label('Sort by')),
  sortDir: z.enum(['asc', 'desc']).default('asc').meta(label('Sort direction')),
});

/** The instance finder's requirements (shared/capacity/finder.ts); the minima are the catalog filter's. */
const filterField = instanceFilterSchema.shape;
export const finderInputSchema = z.strictObject({
  region: regionOrAllSchema.default('all'),
  os: osSchema.default('linux'),
  purchase: z.enum(FINDER_PURCHASES).default('on-demand').meta(label('Way of buying', 'rank by this price')),
  minVcpu: filterField.minVcpu,
  minMemoryGiB: filterField.minMemoryGiB,
  minNetworkGbps: filterField.minNetworkGbps,
  minEbsBaselineThroughputMBps: filterField.minEbsBaselineThroughputMBps,
  minEbsBaselineIops: filterField.minEbsBaselineIops,
  minGpus: count.optional().meta(label('Min GPUs')),
  gpuModel: z
    .string()
    .trim()
    .max(50)
    .optional()
    .meta(label('GPU model', 'text in the GPU or accelerator name, such as A10G')),
  arch: filterField.arch,
  minInstanceStoreGB: z.number().min(0).optional().meta(label('Min instance store (GB)')),
  burstable: z
    .boolean()
    .default(false)
    .meta(label('Burstable allowed', 'include burstable (T) types, whose full vCPU is not sustained')),
  generation: z.enum(['current', 'all']).default('current').meta(label('Generation')),
  families: filterField.families,
  limit: z.number().int().min(1).max(500).default(20).meta(label('Limit', 'most types listed')),
});
