import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';

export interface DownloadProgress {
  bytes: number;
  totalBytes: number | null;
  mbPerSecond: number;
  /** null until both the rate and the total are known. */
  etaSeconds: number | null;
}

export interface DownloadOptions {
  url: string;
  dest: string;
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  fetchImpl?: typeof fetch;
  /** Further attempts after a dropped connection, each resuming with a Range request (default 3). */
  retries?: number;
  /** First backoff in milliseconds, doubled per retry (default 250). */
  retryDelayMs?: number;
  /** Minimum milliseconds between progress reports (default 200); the first and last always go out. */
  progressIntervalMs?: number;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  /** True when bytes from an earlier attempt or run were kept (a 206 answer to a Range request). */
  resumed: boolean;
  /** The server's Last-Modified header for the file, as sent (null when it sent none). */
  lastModified: string | null;
}

export type DownloadErrorCode = 'offline' | 'http' | 'interrupted' | 'cancelled';

/** A download failure a person may see; the `.part` file is always kept for a later resume. */
export class DownloadError extends Error {
  readonly code: DownloadErrorCode;
  readonly url: string;
  readonly status: number | undefined;

  constructor(code: DownloadErrorCode, url: string, message: string, status?: number) {
    super(message);
    this.name = 'DownloadError';
    this.code = code;
    this.url = url;
    this.status = status;
  }
}

/** Beside the `.part`: what the server said about the file, to resume only the same version. */
interface PartMeta {
  url: string;
  etag: string | null;
  lastModified: string | null;
}

// Connection-level failures that mean "no network", not "the transfer broke": never retried.
const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'ECONNREFUSED',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Streams `url` to `dest` through `dest.part` (never holding the file in memory), resuming an
 * existing `.part` with `Range` + `If-Range`, retrying dropped connections with a short backoff, and
 * renaming to `dest` only once the byte count matches what the server announced.
 */
export async function downloadFile(opts: DownloadOptions): Promise<DownloadResult> {
  const { url, dest, signal } = opts;
  const fetchImpl = opts.fetchImpl ?? fetch;
  const retries = opts.retries ?? 3;
  const baseDelay = opts.retryDelayMs ?? 250;
  const part = `${dest}.part`;
  const metaPath = `${dest}.part.json`;
  const interval = opts.progressIntervalMs ?? 200;

  let meta = await readMeta(metaPath);
  if (meta && meta.url !== url) {
    await discardPart(part, metaPath);
    meta = null;
  }
  let failures = 0;
  let lastFailure: unknown = null;
  const retryOrThrow = async (err: unknown): Promise<void> => {
    lastFailure = err;
    if (failures >= retries) throw interrupted(url, failures, lastFailure);
    await sleep(baseDelay * 2 ** failures, signal, url);
    failures += 1;
  };

  for (;;) {
    if (signal?.aborted) throw cancelledError(url);
    const have = await sizeOf(part);
    const headers: Record<string, string> = {};
    if (have > 0) {
      headers.Range = `bytes=${have}-`;
      // Only a strong ETag (or a date) may be an If-Range validator.
      const validator =
        meta?.etag && !meta.etag.startsWith('W/') ? meta.etag : (meta?.lastModified ?? undefined);
      if (validator) headers['If-Range'] = validator;
    }

    let res: Response;
    try {
      res = await fetchImpl(url, { headers, signal: signal ?? null });
    } catch (err) {
      if (signal?.aborted || isAbort(err)) throw cancelledError(url);
      if (isOffline(err)) throw offlineError(url);
      // Reset before the headers arrived: retry, and if it never connects, call it offline.
      if (failures >= retries)
        throw err instanceof TypeError ? offlineError(url) : interrupted(url, failures, err);
      await retryOrThrow(err);
      continue;
    }

    if (res.status === 416 && have > 0) {
      // The .part may already be whole (a run stopped just before the rename).
      await res.body?.cancel();
      const total = parseContentRange(res.headers.get('content-range'))?.total ?? null;
      if (total === have) return finish(part, dest, metaPath, have, true, meta?.lastModified ?? null);
      await discardPart(part, metaPath);
      meta = null;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new DownloadError(
        'http',
        url,
        `Download of ${url} failed: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
        res.status,
      );
    }

    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    let append = false;
    let total: number | null;
    if (res.status === 206 && have > 0) {
      const range = parseContentRange(res.headers.get('content-range'));
      const sameVersion =
        (!meta?.etag || !etag || meta.etag === etag) &&
        (!meta?.lastModified || !lastModified || meta.lastModified === lastModified);
      if (!range || range.start !== have || !sameVersion) {
        // A different range or a changed file: start over rather than splice two versions.
        await res.body?.cancel();
        await discardPart(part, metaPath);
        meta = null;
        continue;
      }
      append = true;
      total = range.total;
    } else {
      // 200: the server ignored the Range (or If-Range saw a new version): restart from zero.
      const length = res.headers.get('content-length');
      total = length !== null && /^\d+$/.test(length) ? Number(length) : null;
    }
    meta = { url, etag, lastModified };
    await writeFile(metaPath, JSON.stringify(meta));

    const startBytes = append ? have : 0;
    const outcome = await streamBody(
      res,
      part,
      append,
      startBytes,
      total,
      signal,
      (bytes, rate) => {
        if (!opts.onProgress) return;
        opts.onProgress({
          bytes,
          totalBytes: total,
          mbPerSecond: rate / 1e6,
          etaSeconds: rate > 0 && total !== null ? Math.max(0, total - bytes) / rate : null,
        });
      },
      interval,
    );
    if (outcome.kind === 'cancelled') throw cancelledError(url);
    if (outcome.kind === 'dropped') {
      await retryOrThrow(outcome.error);
      continue;
    }
    return finish(part, dest, metaPath, outcome.bytes, append, lastModified);
  }
}

type StreamOutcome =
  { kind: 'done'; bytes: number } | { kind: 'dropped'; error: unknown } | { kind: 'cancelled' };

async function streamBody(
  res: Response,
  part: string,
  append: boolean,
  startBytes: number,
  total: number | null,
  signal: AbortSignal | undefined,
  report: (bytes: number, bytesPerSecond: number) => void,
  interval: number,
): Promise<StreamOutcome> {
  const file = await open(part, append ? 'a' : 'w');
  const started = performance.now();
  let bytes = startBytes;
  let lastReport = -Infinity;
  const tick = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastReport < interval) return;
    lastReport = now;
    const seconds = (now - started) / 1000;
    report(bytes, seconds > 0 ? (bytes - startBytes) / seconds : 0);
  };
  try {
    if (!res.body) return { kind: 'dropped', error: new Error('response has no body') };
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await file.write(value);
        bytes += value.byteLength;
        tick(false);
      }
    } catch (err) {
      if (signal?.aborted || isAbort(err)) return { kind: 'cancelled' };
      return { kind: 'dropped', error: err };
    } finally {
      reader.releaseLock();
    }
    if (signal?.aborted) return { kind: 'cancelled' };
    if (total !== null && bytes < total) {
      return { kind: 'dropped', error: new Error(`connection closed after ${bytes} of ${total} bytes`) };
    }
    tick(true);
    return { kind: 'done', bytes };
  } finally {
    await file.close();
  }
}

async function finish(
  part: string,
  dest: string,
  metaPath: string,
  bytes: number,
  resumed: boolean,
  lastModified: string | null,
): Promise<DownloadResult> {
  await rename(part, dest);
  await rm(metaPath, { force: true });
  return { path: dest, bytes, resumed, lastModified };
}

function parseContentRange(v: string | null): { start: number; total: number | null } | null {
  const m = v ? /^bytes\s+(?:(\d+)-\d+|\*)\/(\d+|\*)$/i.exec(v.trim()) : null;
  if (!m) return null;
  return {
    start: m[1] !== undefined ? Number(m[1]) : -1,
    total: m[2] !== undefined && m[2] !== '*' ? Number(m[2]) : null,
  };
}

async function readMeta(path: string): Promise<PartMeta | null> {
  try {
    const v: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if (typeof o.url !== 'string') return null;
    return {
      url: o.url,
      etag: typeof o.etag === 'string' ? o.etag : null,
      lastModified: typeof o.lastModified === 'string' ? o.lastModified : null,
    };
  } catch {
    return null;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function discardPart(part: string, metaPath: string): Promise<void> {
  await rm(part, { force: true });
  await rm(metaPath, { force: true });
}

function sleep(ms: number, signal: AbortSignal | undefined, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError(url));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError(url));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function errorCode(err: unknown): string | undefined {
  // fetch (undici) wraps the socket error in `cause`, sometimes twice (AggregateError for dual-stack).
  for (let e: unknown = err, depth = 0; e && depth < 4; depth += 1) {
    if (typeof e !== 'object') return undefined;
    const o = e as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof o.code === 'string' && OFFLINE_CODES.has(o.code)) return o.code;
    if (Array.isArray(o.errors)) {
      const inner = o.errors.map(errorCode).find((c) => c !== undefined);
      if (inner) return inner;
    }
    e = o.cause;
  }
  return undefined;
}

function isOffline(err: unknown): boolean {
  return errorCode(err) !== undefined;
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function offlineError(url: string): DownloadError {
  return new DownloadError(
    'offline',
    url,
    `Cannot reach ${hostOf(url)}: you appear to be offline. Download the price files on a connected machine and use Import price file… instead.`,
  );
}

function cancelledError(url: string): DownloadError {
  return new DownloadError(
    'cancelled',
    url,
    `Download of ${url} cancelled; the partial file is kept and the next update resumes it.`,
  );
}

function interrupted(url: string, retries: number, cause: unknown): DownloadError {
  const why = cause instanceof Error ? `: ${cause.message}` : '';
  return new DownloadError(
    'interrupted',
    url,
    `Download of ${url} was interrupted ${retries + 1} times${why}. The partial file is kept; try again to resume.`,
  );
}
