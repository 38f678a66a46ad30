import { z } from 'zod';
import { OPERATING_SYSTEMS } from '@shared/catalog-types';
import { FINDER_PURCHASES } from '@shared/capacity/finder';
import { parseInput, type CallInput } from '@shared/contract';
import { storedNumberText } from '../../hooks/usePersistentState';

/** The finder's form as typed: numbers stay text until they are read. */
export const finderFormSchema = z.object({
  region: z.string().max(32).catch('all'),
  os: z.enum(OPERATING_SYSTEMS).catch('linux'),
  purchase: z.enum(FINDER_PURCHASES).catch('on-demand'),
  minVcpu: storedNumberText.catch(''),
  minMemoryGiB: storedNumberText.catch(''),
  minNetworkGbps: storedNumberText.catch(''),
  minEbsBaselineThroughputMBps: storedNumberText.catch(''),
  minEbsBaselineIops: storedNumberText.catch(''),
  minGpus: storedNumberText.catch(''),
  gpuModel: z.string().max(50).catch(''),
  arch: z.enum(['', 'x86_64', 'arm64']).catch(''),
  minInstanceStoreGB: storedNumberText.catch(''),
  burstable: z.boolean().catch(false),
  generation: z.enum(['current', 'all']).catch('current'),
  family: z.string().max(200).catch(''),
  limit: storedNumberText.catch('20'),
});
export type FinderForm = z.infer<typeof finderFormSchema>;

export const DEFAULT_FINDER_FORM: FinderForm = finderFormSchema.parse({});

export const restoreFinderForm = (stored: unknown): FinderForm =>
  finderFormSchema.parse(typeof stored === 'object' && stored !== null ? stored : {});

/** The number fields, in the form's order. */
export const NUMBER_FIELDS = [
  'minVcpu',
  'minMemoryGiB',
  'minNetworkGbps',
  'minEbsBaselineThroughputMBps',
  'minEbsBaselineIops',
  'minGpus',
  'minInstanceStoreGB',
  'limit',
] as const satisfies readonly (keyof FinderForm)[];
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** Fields a link may fill in (#finder?minVcpu=8&region=us-east-1…). */
export function formFromParams(params: URLSearchParams): Partial<FinderForm> | null {
  const given = Object.fromEntries([...params.entries()].filter(([k]) => k in DEFAULT_FINDER_FORM));
  if (Object.keys(given).length === 0) return null;
  const raw = { ...DEFAULT_FINDER_FORM, ...given, burstable: given.burstable === 'true' };
  return finderFormSchema.parse(raw);
}

/**
 * The call's input from the form, or the first problem per field in the contract's own words
 * ("Min vCPU: must be a whole number…"): the form never sends what the contract would refuse.
 */
export function toFinderInput(
  form: FinderForm,
):
  | { input: CallInput<'catalog.find'>; errors: Record<string, never> }
  | { input: null; errors: Record<string, string> } {
  const raw: Record<string, unknown> = {
    region: form.region,
    os: form.os,
    purchase: form.purchase,
    burstable: form.burstable,
    generation: form.generation,
  };
  for (const f of NUMBER_FIELDS) {
    const text = form[f].trim();
    if (text !== '') raw[f] = Number(text);
  }
  if (form.gpuModel.trim()) raw.gpuModel = form.gpuModel.trim();
  if (form.arch) raw.arch = form.arch;
  const families = form.family
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (families.length) raw.families = families;
  const parsed = parseInput('catalog.find', raw);
  if (parsed.ok) return { input: raw as CallInput<'catalog.find'>, errors: {} };
  const field = parsed.error.field?.split('.')[0] ?? 'form';
  return { input: null, errors: { [field === 'families' ? 'family' : field]: parsed.error.message } };
}
