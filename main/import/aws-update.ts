import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportProgress, ImportSummary } from '@shared/import/types';
import { downloadFile, type DownloadProgress } from './download';
import { ImportError } from './errors';
import { importPriceFile } from './import-service';
import { readRegionIndex, type RegionIndex } from './region-index';
import { importSpotAdvisor } from './spot-advisor';

export const DEFAULT_PRICING_BASE_URL = 'https://pricing.us-east-1.amazonaws.com';
export const EC2_REGION_INDEX_PATH = '/offers/v1.0/aws/AmazonEC2/current/region_index.json';
/**
 * The Savings Plans region index, as AWS's service index names it (offers/v1.0/aws/index.json,
 * AmazonEC2.currentSavingsPlanIndexUrl); each region's file holds its Compute and EC2 Instance
 * Savings Plans rates.
 */
export const SAVINGS_PLANS_REGION_INDEX_PATH =
  '/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json';
/** AWS's Spot Instance Advisor data (interruption bands and savings), one file for every region. */
export const DEFAULT_SPOT_ADVISOR_URL = 'https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json';
/** Where a mirror of the pricing host (PLANNER_PRICING_BASE_URL) keeps its copy of the advisor file. */
export const MIRROR_SPOT_ADVISOR_PATH = '/spot-advisor-data.json';

export type AwsFileKind = 'ec2' | 'savings-plans' | 'spot-advisor';

export interface AwsUpdateProgress {
  phase: 'index' | 'download' | 'import';
  /** The file this event is about (null for the region indexes). */
  kind: AwsFileKind | null;
  /** Its region (null for the indexes and the Spot Advisor file, which covers every region). */
  region: string | null;
  /** Steps finished in this phase (index: of the two region indexes; download/import: of the files). */
  done: number;
  total: number;
  bytes?: number;
  totalBytes?: number | null;
  mbPerSecond?: number;
  etaSeconds?: number | null;
}

export interface AwsUpdateOptions {
  regions: string[];
  /** Mirror root; defaults to PLANNER_PRICING_BASE_URL, then AWS's public endpoint. */
  baseUrl?: string;
  /**
   * The Spot Advisor file; defaults to PLANNER_SPOT_ADVISOR_URL, then the mirror's copy when a mirror
   * is used (baseUrl or PLANNER_PRICING_BASE_URL), then AWS's.
   */
  spotAdvisorUrl?: string;
  /** Where downloads are kept (`<region>-<version>.json` …), so a later run resumes or skips them. */
  downloadDir: string;
  catalogPath: string;
  baseCatalogPath?: string;
  signal?: AbortSignal;
  onProgress?: (p: AwsUpdateProgress) => void;
  fetchImpl?: typeof fetch;
  /** Passed to downloadFile (tests use short ones). */
  retryDelayMs?: number;
  progressIntervalMs?: number;
}

export interface AwsFileUpdate {
  kind: AwsFileKind;
  region: string | null;
  url: string;
  file: string;
  bytes: number;
  resumed: boolean;
  /** The import's summary; null when the catalog already held newer data for everything in the file. */
  summary: ImportSummary | null;
}

export interface AwsUpdateResult {
  /** Every file fetched, in the order imported: EC2 offer files, Savings Plans files, Spot Advisor. */
  files: AwsFileUpdate[];
  /** What was not brought, and why (a region missing from an index; a file older than the catalog). */
  notes: string[];
}

interface Planned {
  kind: AwsFileKind;
  region: string | null;
  url: string;
  file: string;
  /** Fetched anew on every run (its URL names no version); a `.part` is still resumed. */
  unversioned: boolean;
}

const KIND_NAME: Record<AwsFileKind, string> = {
  ec2: 'EC2 offer file',
  'savings-plans': 'Savings Plans file',
  'spot-advisor': 'Spot Advisor file',
};

/**
 * "Update from AWS": reads AWS's EC2 and Savings Plans region indexes, downloads for each chosen region
 * its current EC2 offer file and Savings Plans file, and AWS's Spot Advisor file (resumable, kept in
 * downloadDir), then imports them one by one, each as its own dated source. Every download finishes
 * before the first import, so a network failure or cancel never touches the catalog. A region either
 * index lacks is noted and the rest still brought; a file the catalog holds newer data for everywhere
 * is noted, not imported.
 */
export async function updateFromAws(opts: AwsUpdateOptions): Promise<AwsUpdateResult> {
  const mirror = opts.baseUrl ?? process.env.PLANNER_PRICING_BASE_URL;
  const base = (mirror ?? DEFAULT_PRICING_BASE_URL).replace(/\/+$/, '');
  const wanted = [...new Set(opts.regions.map((r) => r.trim()).filter((r) => r.length > 0))];
  if (wanted.length === 0)
    throw new ImportError('bad-value', 'choose at least one region', { field: 'regions' });
  const emit = opts.onProgress ?? (() => undefined);
  const common = {
    signal: opts.signal,
    fetchImpl: opts.fetchImpl,
    retryDelayMs: opts.retryDelayMs,
    progressIntervalMs: opts.progressIntervalMs,
  };
  await mkdir(opts.downloadDir, { recursive: true });

  // The indexes are small and "current" moves: always fetch them afresh.
  const index = async (path: string, name: string, done: number): Promise<RegionIndex> => {
    emit({ phase: 'index', kind: null, region: null, done, total: 2 });
    const file = join(opts.downloadDir, name);
    await rm(file, { force: true });
    await rm(`${file}.part`, { force: true });
    await downloadFile({ ...common, url: base + path, dest: file });
    return readRegionIndex(file);
  };
  const ec2Index = await index(EC2_REGION_INDEX_PATH, 'AmazonEC2-region_index.json', 0);
  const spIndex = await index(SAVINGS_PLANS_REGION_INDEX_PATH, 'AWSComputeSavingsPlan-region_index.json', 1);
  emit({ phase: 'index', kind: null, region: null, done: 2, total: 2 });

  const ec2Urls = new Map(ec2Index.regions.map((r) => [r.regionCode, r.url]));
  const spUrls = new Map(spIndex.regions.map((r) => [r.regionCode, r.url]));
  const unknown = wanted.filter((r) => !ec2Urls.has(r) && !spUrls.has(r));
  if (unknown.length > 0) {
    const available = [...new Set([...ec2Urls.keys(), ...spUrls.keys()])].sort().join(', ');
    throw new ImportError(
      'bad-value',
      `${unknown.length === 1 ? 'region' : 'regions'} ${unknown.join(', ')} not in AWS's EC2 or Savings Plans region index; available: ${available}`,
      { field: 'regions' },
    );
  }

  const notes: string[] = [];
  const plan: Planned[] = [];
  const planRegions = (kind: 'ec2' | 'savings-plans', urls: Map<string, string>, idx: RegionIndex) => {
    const indexName = kind === 'ec2' ? 'EC2' : 'Savings Plans';
    for (const region of wanted) {
      const path = urls.get(region);
      if (path === undefined) {
        notes.push(`${region}: no ${KIND_NAME[kind]} (the region is not in AWS's ${indexName} region index)`);
        continue;
      }
      const url = absolute(base, path);
      const version = versionOf(url, region, idx.publicationDate);
      const prefix = kind === 'ec2' ? '' : 'savings-plans-';
      const file = join(opts.downloadDir, `${prefix}${region}-${version}${extOf(url)}`);
      plan.push({ kind, region, url, file, unversioned: false });
    }
  };
  planRegions('ec2', ec2Urls, ec2Index);
  planRegions('savings-plans', spUrls, spIndex);
  plan.push({
    kind: 'spot-advisor',
    region: null,
    url:
      opts.spotAdvisorUrl ??
      process.env.PLANNER_SPOT_ADVISOR_URL ??
      (mirror === undefined ? DEFAULT_SPOT_ADVISOR_URL : base + MIRROR_SPOT_ADVISOR_PATH),
    file: join(opts.downloadDir, 'spot-advisor-data.json'),
    unversioned: true,
  });

  const downloads: { bytes: number; resumed: boolean; lastModified: string | null }[] = [];
  for (const [i, p] of plan.entries()) {
    const at = { kind: p.kind, region: p.region, total: plan.length };
    if (p.unversioned) {
      await rm(p.file, { force: true });
    } else if (existsSync(p.file)) {
      // Only a complete download is ever renamed to this name, and its name carries the version.
      const bytes = statSync(p.file).size;
      downloads.push({ bytes, resumed: false, lastModified: null });
      emit({ phase: 'download', ...at, done: i + 1, bytes, totalBytes: bytes });
      continue;
    }
    emit({ phase: 'download', ...at, done: i, bytes: 0, totalBytes: null });
    const got = await downloadFile({
      ...common,
      url: p.url,
      dest: p.file,
      onProgress: (d: DownloadProgress) => emit({ phase: 'download', ...at, done: i, ...d }),
    });
    downloads.push({ bytes: got.bytes, resumed: got.resumed, lastModified: got.lastModified });
    emit({ phase: 'download', ...at, done: i + 1, bytes: got.bytes, totalBytes: got.bytes });
  }

  const files: AwsFileUpdate[] = [];
  for (const [i, p] of plan.entries()) {
    const at = { kind: p.kind, region: p.region, total: plan.length };
    const d = downloads[i]!;
    emit({ phase: 'import', ...at, done: i });
    const onProgress = (ip: ImportProgress) =>
      emit({
        phase: 'import',
        ...at,
        done: i,
        bytes: ip.bytesRead,
        totalBytes: ip.totalBytes,
        mbPerSecond: ip.mbPerSecond,
        etaSeconds: ip.etaSeconds,
      });
    const input = {
      file: p.file,
      catalogPath: opts.catalogPath,
      baseCatalogPath: opts.baseCatalogPath,
      force: false,
      signal: opts.signal,
      onProgress,
    };
    let summary: ImportSummary | null;
    try {
      summary =
        p.kind === 'spot-advisor'
          ? // The file carries no date: it is as of the day AWS last wrote it (Last-Modified).
            await importSpotAdvisor({ ...input, asOf: dateOf(d.lastModified) })
          : await importPriceFile(input);
    } catch (err) {
      if (!(err instanceof ImportError) || err.code !== 'stale') throw err;
      notes.push(`${p.region ? `${p.region}: ` : ''}${KIND_NAME[p.kind]} not imported: ${err.message}`);
      summary = null;
    }
    files.push({
      kind: p.kind,
      region: p.region,
      url: p.url,
      file: p.file,
      bytes: d.bytes,
      resumed: d.resumed,
      summary,
    });
    emit({ phase: 'import', ...at, done: i + 1 });
  }
  return { files, notes };
}

/** Index URLs are absolute paths on the pricing host; keep a mirror's path prefix. */
function absolute(base: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return base + (url.startsWith('/') ? url : `/${url}`);
}

/** `/offers/v1.0/aws/AmazonEC2/20250912225308/us-east-1/index.json` → `20250912225308`. */
function versionOf(url: string, region: string, publicationDate: string | null): string {
  const parts = new URL(url).pathname.split('/');
  const at = parts.lastIndexOf(region);
  const v = at > 0 ? parts[at - 1] : undefined;
  if (v && /^[\w.-]+$/.test(v)) return v;
  return publicationDate ? publicationDate.replace(/\D/g, '').slice(0, 14) : 'current';
}

function extOf(url: string): string {
  return new URL(url).pathname.toLowerCase().endsWith('.csv') ? '.csv' : '.json';
}

/** An HTTP date ("Fri, 20 Nov 2026 00:00:00 GMT") as YYYY-MM-DD; without one, today (UTC). */
function dateOf(httpDate: string | null): string {
  const t = httpDate === null ? Number.NaN : Date.parse(httpDate);
  return new Date(Number.isNaN(t) ? Date.now() : t).toISOString().slice(0, 10);
}
