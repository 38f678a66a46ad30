import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportSummary } from '@shared/import/types';
import { downloadFile, type DownloadProgress } from './download';
import { ImportError } from './errors';
import { importPriceFile } from './import-service';
import { readRegionIndex } from './region-index';

export const DEFAULT_PRICING_BASE_URL = 'https://pricing.us-east-1.amazonaws.com';
export const EC2_REGION_INDEX_PATH = '/offers/v1.0/aws/AmazonEC2/current/region_index.json';

export interface AwsUpdateProgress {
  phase: 'index' | 'download' | 'import';
  region: string | null;
  /** Steps finished in this phase (index: 0 or 1; download/import: regions). */
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
  /** Where offer files are kept (`<region>-<version>.json`), so a later run resumes or skips them. */
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

export interface AwsRegionUpdate {
  region: string;
  file: string;
  bytes: number;
  resumed: boolean;
  summary: ImportSummary;
}

export interface AwsUpdateResult {
  regions: AwsRegionUpdate[];
}

interface Planned {
  region: string;
  url: string;
  file: string;
}

/**
 * "Update from AWS": reads the EC2 region index, downloads each chosen region's current offer file
 * (resumable, kept in downloadDir), then imports them one by one. Every download finishes before
 * the first import, so a network failure or cancel never touches the catalog.
 */
export async function updateFromAws(opts: AwsUpdateOptions): Promise<AwsUpdateResult> {
  const base = (opts.baseUrl ?? process.env.PLANNER_PRICING_BASE_URL ?? DEFAULT_PRICING_BASE_URL).replace(
    /\/+$/,
    '',
  );
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

  // The index is small and "current" moves: always fetch it afresh.
  emit({ phase: 'index', region: null, done: 0, total: 1 });
  const indexFile = join(opts.downloadDir, 'AmazonEC2-region_index.json');
  await rm(indexFile, { force: true });
  await rm(`${indexFile}.part`, { force: true });
  await downloadFile({ ...common, url: base + EC2_REGION_INDEX_PATH, dest: indexFile });
  const index = await readRegionIndex(indexFile);
  emit({ phase: 'index', region: null, done: 1, total: 1 });

  const byCode = new Map(index.regions.map((r) => [r.regionCode, r.url]));
  const unknown = wanted.filter((r) => !byCode.has(r));
  if (unknown.length > 0) {
    const available = [...byCode.keys()].sort().join(', ');
    throw new ImportError(
      'bad-value',
      `${unknown.length === 1 ? 'region' : 'regions'} ${unknown.join(', ')} not in the AWS EC2 region index; available: ${available}`,
      { field: 'regions' },
    );
  }
  const plan: Planned[] = wanted.map((region) => {
    const url = absolute(base, byCode.get(region) ?? '');
    return {
      region,
      url,
      file: join(opts.downloadDir, `${region}-${versionOf(url, region, index.publicationDate)}${extOf(url)}`),
    };
  });

  const downloads: { bytes: number; resumed: boolean }[] = [];
  for (const [i, p] of plan.entries()) {
    if (existsSync(p.file)) {
      // Only a complete download is ever renamed to this name.
      const bytes = statSync(p.file).size;
      downloads.push({ bytes, resumed: false });
      emit({
        phase: 'download',
        region: p.region,
        done: i + 1,
        total: plan.length,
        bytes,
        totalBytes: bytes,
      });
      continue;
    }
    emit({ phase: 'download', region: p.region, done: i, total: plan.length, bytes: 0, totalBytes: null });
    const got = await downloadFile({
      ...common,
      url: p.url,
      dest: p.file,
      onProgress: (d: DownloadProgress) =>
        emit({ phase: 'download', region: p.region, done: i, total: plan.length, ...d }),
    });
    downloads.push({ bytes: got.bytes, resumed: got.resumed });
    emit({
      phase: 'download',
      region: p.region,
      done: i + 1,
      total: plan.length,
      bytes: got.bytes,
      totalBytes: got.bytes,
    });
  }

  const results: AwsRegionUpdate[] = [];
  for (const [i, p] of plan.entries()) {
    emit({ phase: 'import', region: p.region, done: i, total: plan.length });
    const summary = await importPriceFile({
      file: p.file,
      catalogPath: opts.catalogPath,
      baseCatalogPath: opts.baseCatalogPath,
      force: false,
      signal: opts.signal,
      onProgress: (ip) =>
        emit({
          phase: 'import',
          region: p.region,
          done: i,
          total: plan.length,
          bytes: ip.bytesRead,
          totalBytes: ip.totalBytes,
          mbPerSecond: ip.mbPerSecond,
          etaSeconds: ip.etaSeconds,
        }),
    });
    const d = downloads[i] ?? { bytes: summary.bytes, resumed: false };
    results.push({ region: p.region, file: p.file, bytes: d.bytes, resumed: d.resumed, summary });
    emit({ phase: 'import', region: p.region, done: i + 1, total: plan.length });
  }
  return { regions: results };
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
