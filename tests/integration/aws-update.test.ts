import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { updateFromAws, type AwsUpdateOptions, type AwsUpdateProgress } from '../../main/import/aws-update';
import { DownloadError, downloadFile } from '../../main/import/download';
import { ImportError } from '../../main/import/errors';
import { query, scalar, sha256, tempCatalog, type TempCatalog } from '../fixtures/import-test-support';

const MIRROR = resolve(import.meta.dirname, '..', 'fixtures', 'aws-mirror');
const OFFER_PATH = '/offers/v1.0/aws/AmazonEC2/20261120000000/us-east-1/index.json';
const OFFER = readFileSync(join(MIRROR, OFFER_PATH));
const OFFER_FILE_NAME = 'us-east-1-20261120000000.json';
const SP_PATH = '/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20250911184447/ap-east-2/index.csv';
const SP = readFileSync(join(MIRROR, SP_PATH));
const SP_FILE_NAME = 'savings-plans-ap-east-2-20250911184447.csv';
const ADVISOR_PATH = '/spot-advisor-data.json';
const ADVISOR = readFileSync(join(MIRROR, ADVISOR_PATH));
/** The mirror's "current" date, sent as every file's Last-Modified (see the mirror's README). */
const MIRROR_LAST_MODIFIED = 'Fri, 20 Nov 2026 00:00:00 GMT';

interface SeenRequest {
  path: string;
  range: string | null;
  ifRange: string | null;
  status: number;
}

/** How the fake mirror misbehaves; throttled so drops and cancels land mid-body every time. */
interface Behaviour {
  /** On the first request for a path, send this many bytes of the body, then destroy the socket. */
  dropAfter?: number;
  /** Drop every request, not only the first. */
  dropEveryTime?: boolean;
  /** Send this many bytes, then never finish (until the client goes away). */
  stallAfter?: number;
  /** Answer every request with 200 and the whole file, whatever the Range header says. */
  ignoreRange?: boolean;
  /** Bodies to serve instead of the files on disk, by path. */
  bodies?: Map<string, Buffer>;
}

interface Mirror {
  url: string;
  seen: SeenRequest[];
  behaviour: Behaviour;
  close(): Promise<void>;
}

const CHUNK_BYTES = 512;
const CHUNK_DELAY_MS = 2;

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

async function startMirror(behaviour: Behaviour = {}): Promise<Mirror> {
  const seen: SeenRequest[] = [];
  const mirror = { behaviour };
  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://mirror').pathname;
    const b = mirror.behaviour;
    const file = join(MIRROR, path);
    const range = req.headers.range ?? null;
    const ifRange = typeof req.headers['if-range'] === 'string' ? req.headers['if-range'] : null;
    const record = (status: number) => seen.push({ path, range, ifRange, status });
    const nth = seen.filter((s) => s.path === path).length + 1;
    let body = b.bodies?.get(path);
    if (!body) {
      if (!file.startsWith(MIRROR + '/') || !existsSync(file) || !statSync(file).isFile()) {
        record(404);
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      body = readFileSync(file);
    }
    const etag = etagOf(body);
    const m = /^bytes=(\d+)-$/.exec(range ?? '');
    const start = m && !b.ignoreRange && (ifRange === null || ifRange === etag) ? Number(m[1]) : 0;
    if (start >= body.length && start > 0) {
      record(416);
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    const status = start > 0 ? 206 : 200;
    record(status);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(body.length - start),
      'last-modified': MIRROR_LAST_MODIFIED,
      etag,
      ...(status === 206 ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    const dropAt = nth === 1 || b.dropEveryTime ? b.dropAfter : undefined;
    for (let at = start; at < body.length;) {
      if (res.destroyed) return;
      if (dropAt !== undefined && at >= dropAt) {
        await delay(30); // let the client read what was sent before the connection goes
        res.socket?.destroy();
        return;
      }
      if (b.stallAfter !== undefined && at >= b.stallAfter) return;
      const end = Math.min(body.length, at + CHUNK_BYTES, dropAt ?? Infinity, b.stallAfter ?? Infinity);
      await new Promise<void>((done) => res.write(body.subarray(at, end), () => done()));
      at = end;
      await delay(CHUNK_DELAY_MS);
    }
    res.end();
  };
  const server: Server = createServer((req, res) => {
    respond(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return Object.assign(mirror, {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  });
}

/** A port nothing listens on: bind one, then let it go. */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((done) => s.close(() => done()));
  return port;
}

let cat: TempCatalog;
let mirror: Mirror | null = null;
let downloadDir: string;

beforeEach(() => {
  cat = tempCatalog(inject('catalogPath'));
  downloadDir = join(cat.dir, 'downloads');
});
afterEach(async () => {
  await mirror?.close();
  mirror = null;
  cat.cleanup();
});

const update = (baseUrl: string, extra: Partial<AwsUpdateOptions> = {}) =>
  updateFromAws({
    regions: ['us-east-1'],
    baseUrl,
    downloadDir,
    catalogPath: cat.path,
    retryDelayMs: 10,
    ...extra,
  });

const requestsOf = (path: string) => mirror!.seen.filter((s) => s.path === path);
const offerRequests = () => requestsOf(OFFER_PATH);

const US_EAST_1_NO_SP =
  "us-east-1: no Savings Plans file (the region is not in AWS's Savings Plans region index)";
const AP_EAST_2_NO_EC2 = "ap-east-2: no EC2 offer file (the region is not in AWS's EC2 region index)";

describe('Update from AWS', () => {
  it('brings the EC2 offer file, the Savings Plans file and the Spot Advisor file, each as its own dated source', async () => {
    mirror = await startMirror();
    const phases: AwsUpdateProgress['phase'][] = [];
    const downloaded: string[] = [];
    const result = await update(mirror.url, {
      regions: ['us-east-1', 'ap-east-2'],
      onProgress: (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
        // Each download starts with an event of 0 bytes of an unknown total.
        if (p.phase === 'download' && p.bytes === 0 && p.totalBytes === null)
          downloaded.push(`${p.kind} ${p.region}`);
      },
    });
    expect(phases).toEqual(['index', 'download', 'import']);
    expect(downloaded).toEqual(['ec2 us-east-1', 'savings-plans ap-east-2', 'spot-advisor null']);
    // The mirror's EC2 index has no ap-east-2 file and its Savings Plans index no us-east-1 one.
    expect(result.notes).toEqual([AP_EAST_2_NO_EC2, US_EAST_1_NO_SP]);
    expect(result.files.map((f) => [f.kind, f.region, f.file, f.bytes, f.resumed])).toEqual([
      ['ec2', 'us-east-1', join(downloadDir, OFFER_FILE_NAME), OFFER.length, false],
      ['savings-plans', 'ap-east-2', join(downloadDir, SP_FILE_NAME), SP.length, false],
      ['spot-advisor', null, join(downloadDir, 'spot-advisor-data.json'), ADVISOR.length, false],
    ]);
    const [ec2, sp, advisor] = result.files.map((f) => f.summary!);
    // EC2: the excerpt holds one usable price, p4d.24xlarge on-demand (its capacity-block twin is not a price).
    expect(ec2).toMatchObject({ kind: 'ec2', sourceId: 'aws-offer-ec2-20261120000000', rows: 1 });
    expect(scalar(cat.path, 'SELECT as_of FROM sources WHERE id = ?', ec2!.sourceId)).toBe('2026-11-20');
    expect(
      scalar(
        cat.path,
        "SELECT hourly_usd FROM ec2_prices WHERE region = 'us-east-1' AND instance_type = 'p4d.24xlarge' AND model = 'on-demand' AND os = 'linux'",
      ),
    ).toBe('32.7726');
    // Savings Plans: 18 of the sample's 44 rates have an OS the catalog prices, 10 shared tenancy and 8
    // Dedicated Instances; published 2025-09-11, older than the catalog, yet taken without force (the
    // catalog had no Savings Plans rates).
    expect(sp).toMatchObject({ kind: 'savings-plans', sourceId: 'aws-offer-sp-20250911184447', rows: 18 });
    expect(sp!.skippedScopes ?? []).toEqual([]);
    expect(scalar(cat.path, 'SELECT as_of FROM sources WHERE id = ?', sp!.sourceId)).toBe('2025-09-11');
    expect(
      scalar(
        cat.path,
        `SELECT hourly_usd FROM ec2_prices WHERE region = 'ap-east-2' AND instance_type = 'r7g.2xlarge' AND os = 'linux'
           AND model = 'savings-plan' AND plan_type = 'ec2-instance' AND term_years = 3 AND payment_option = 'partial-upfront'`,
      ),
    ).toBe('0.1954');
    // Spot Advisor: the excerpt's 8 entries, dated by the file's Last-Modified (2026-11-20).
    expect(advisor).toMatchObject({ kind: 'spot-advisor', sourceId: 'aws-spot-advisor-2026-11-20', rows: 8 });
    expect(scalar(cat.path, 'SELECT as_of FROM sources WHERE id = ?', advisor!.sourceId)).toBe('2026-11-20');
    // us-east-1 Linux m5.large in the file: {"s": 66, "r": 3}; range 3 is "15-20%" (max 22).
    expect(
      query(
        cat.path,
        "SELECT band_label, savings_pct, source_id FROM spot_advisor WHERE region = 'us-east-1' AND os = 'linux' AND instance_type = 'm5.large'",
      ),
    ).toEqual([{ band_label: '15-20%', savings_pct: 66, source_id: 'aws-spot-advisor-2026-11-20' }]);
    expect(scalar(cat.path, 'SELECT COUNT(*) FROM spot_advisor WHERE source_id = ?', advisor!.sourceId)).toBe(
      8,
    );
    for (const [f, bytes] of [
      [OFFER_FILE_NAME, OFFER],
      [SP_FILE_NAME, SP],
      ['spot-advisor-data.json', ADVISOR],
    ] as const) {
      expect(readFileSync(join(downloadDir, f)).equals(bytes), f).toBe(true);
    }
    expect(scalar(cat.path, "SELECT value FROM meta WHERE key = 'as_of'")).toBe('2026-11-20');
  });

  it('creates the catalog from the base catalog when the target does not exist yet', async () => {
    mirror = await startMirror();
    const target = join(cat.dir, 'user-data', 'catalog.sqlite');
    mkdirSync(join(cat.dir, 'user-data'));
    const result = await update(mirror.url, { catalogPath: target, baseCatalogPath: cat.path });
    expect(result.files[0]!.summary!.catalogPath).toBe(target);
    expect(scalar(target, "SELECT value FROM meta WHERE key = 'as_of'")).toBe('2026-11-20');
  });

  it('skips a versioned file already complete in the download folder, and fetches the Spot Advisor file afresh', async () => {
    mirror = await startMirror();
    await update(mirror.url, { regions: ['us-east-1', 'ap-east-2'] });
    const again = await update(mirror.url, { regions: ['us-east-1', 'ap-east-2'] });
    expect(offerRequests()).toHaveLength(1);
    expect(requestsOf(SP_PATH)).toHaveLength(1);
    // Its URL names no version: a second run asks again (and may get newer bands).
    expect(requestsOf(ADVISOR_PATH)).toHaveLength(2);
    expect(again.files.map((f) => [f.kind, f.bytes, f.resumed])).toEqual([
      ['ec2', OFFER.length, false],
      ['savings-plans', SP.length, false],
      ['spot-advisor', ADVISOR.length, false],
    ]);
    // The same files again: the catalog already holds them, as new as they are, and takes them again.
    expect(again.files.every((f) => f.summary !== null)).toBe(true);
  });

  it('resumes every file with a Range request after the server drops each connection, giving byte-identical files', async () => {
    const dropAfter = 400;
    mirror = await startMirror({ dropAfter });
    const result = await update(mirror.url, { regions: ['us-east-1', 'ap-east-2'] });
    for (const [path, body] of [
      [OFFER_PATH, OFFER],
      [SP_PATH, SP],
      [ADVISOR_PATH, ADVISOR],
    ] as const) {
      const seen = requestsOf(path);
      expect(
        seen.map((s) => s.status),
        path,
      ).toEqual([200, 206]);
      expect(seen[0]!.range).toBeNull();
      expect(seen[1]!.range).toBe(`bytes=${dropAfter}-`);
      expect(seen[1]!.ifRange).toBe(etagOf(body));
    }
    expect(result.files.map((f) => [f.kind, f.bytes, f.resumed])).toEqual([
      ['ec2', OFFER.length, true],
      ['savings-plans', SP.length, true],
      ['spot-advisor', ADVISOR.length, true],
    ]);
    expect(readFileSync(join(downloadDir, OFFER_FILE_NAME)).equals(OFFER)).toBe(true);
    expect(readFileSync(join(downloadDir, SP_FILE_NAME)).equals(SP)).toBe(true);
    expect(readFileSync(join(downloadDir, 'spot-advisor-data.json')).equals(ADVISOR)).toBe(true);
    expect(existsSync(join(downloadDir, `${OFFER_FILE_NAME}.part`))).toBe(false);
    // Imported as whole files: the same rows as an undisturbed run.
    expect(result.files.map((f) => f.summary?.rows)).toEqual([1, 18, 8]);
  });

  it('restarts from zero when the server ignores Range (200 again) and still gives a correct file', async () => {
    mirror = await startMirror({ dropAfter: 2000, ignoreRange: true });
    const result = await update(mirror.url);
    const seen = offerRequests();
    expect(seen.map((s) => s.status)).toEqual([200, 200]);
    expect(seen[1]!.range).toBe('bytes=2000-');
    expect(result.files[0]).toMatchObject({ kind: 'ec2', bytes: OFFER.length, resumed: false });
    expect(readFileSync(join(downloadDir, OFFER_FILE_NAME)).equals(OFFER)).toBe(true);
  });

  it('says "you appear to be offline" when nothing listens, and leaves the catalog untouched', async () => {
    const before = sha256(cat.path);
    const port = await deadPort();
    const err = await update(`http://127.0.0.1:${port}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).code).toBe('offline');
    expect((err as DownloadError).message).toBe(
      `Cannot reach 127.0.0.1:${port}: you appear to be offline. Download the price files on a connected machine and use Import price file… instead.`,
    );
    expect(sha256(cat.path)).toBe(before);
  });

  it('changes nothing when the Spot Advisor host cannot be reached, though the price files came down', async () => {
    const before = sha256(cat.path);
    mirror = await startMirror();
    const port = await deadPort();
    const err = await update(mirror.url, {
      regions: ['us-east-1', 'ap-east-2'],
      spotAdvisorUrl: `http://127.0.0.1:${port}/spot-advisor-data.json`,
    }).catch((e: unknown) => e);
    expect((err as DownloadError).code).toBe('offline');
    expect((err as DownloadError).message).toMatch(
      /^Cannot reach 127\.0\.0\.1:\d+: you appear to be offline\./,
    );
    // Both price files were downloaded (and are kept for the next run), none imported.
    expect(readFileSync(join(downloadDir, OFFER_FILE_NAME)).equals(OFFER)).toBe(true);
    expect(readFileSync(join(downloadDir, SP_FILE_NAME)).equals(SP)).toBe(true);
    expect(sha256(cat.path)).toBe(before);
  });

  it('treats an unresolvable host (ENOTFOUND inside fetch’s TypeError) as offline', async () => {
    const before = sha256(cat.path);
    const fetchImpl: typeof fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND pricing.invalid'), { code: 'ENOTFOUND' }),
        }),
      );
    const err = await update('http://pricing.invalid', { fetchImpl }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Cannot reach pricing\.invalid: you appear to be offline\./);
    expect(sha256(cat.path)).toBe(before);
  });

  it('leaves the .part and the catalog untouched when cancelled mid-download, and the next run resumes it', async () => {
    const before = sha256(cat.path);
    mirror = await startMirror({ stallAfter: 1536 });
    const ac = new AbortController();
    const err = await update(mirror.url, {
      signal: ac.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.phase === 'download' && (p.bytes ?? 0) >= 1536) ac.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).code).toBe('cancelled');
    const part = join(downloadDir, `${OFFER_FILE_NAME}.part`);
    expect(statSync(part).size).toBe(1536);
    expect(existsSync(join(downloadDir, OFFER_FILE_NAME))).toBe(false);
    expect(sha256(cat.path)).toBe(before);

    mirror.behaviour = {};
    const result = await update(mirror.url);
    expect(offerRequests().at(-1)!.range).toBe('bytes=1536-');
    expect(result.files[0]).toMatchObject({ kind: 'ec2', bytes: OFFER.length, resumed: true });
    expect(readFileSync(join(downloadDir, OFFER_FILE_NAME)).equals(OFFER)).toBe(true);
  });

  it('refuses a region neither index lists, listing the ones they have, before downloading anything', async () => {
    const before = sha256(cat.path);
    mirror = await startMirror();
    const err = await update(mirror.url, { regions: ['us-east-1', 'mars-north-1'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toContain(
      "region mars-north-1 not in AWS's EC2 or Savings Plans region index; available: ap-east-2, ap-northeast-2, eu-west-1, us-east-1",
    );
    expect(offerRequests()).toHaveLength(0);
    expect(requestsOf(ADVISOR_PATH)).toHaveLength(0);
    expect(sha256(cat.path)).toBe(before);
  });
});

describe('downloadFile', () => {
  it('names the URL and the status when the server answers 404', async () => {
    mirror = await startMirror();
    const url = `${mirror.url}/offers/v1.0/aws/AmazonEC2/20261120000000/eu-west-1/index.json`;
    const err = await downloadFile({ url, dest: join(cat.dir, 'eu.json') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).message).toBe(`Download of ${url} failed: HTTP 404 Not Found`);
    expect(existsSync(join(cat.dir, 'eu.json'))).toBe(false);
  });

  it('starts over when the file changed since the .part was written (If-Range sees a new ETag)', async () => {
    mirror = await startMirror();
    const dest = join(cat.dir, 'offer.json');
    // A .part of an older version of the file, with that version's ETag beside it.
    const old = Buffer.from('{"old": "version of the offer file"}');
    writeFileSync(`${dest}.part`, old.subarray(0, 10));
    writeFileSync(`${dest}.part.json`, JSON.stringify({ url: mirror.url + OFFER_PATH, etag: etagOf(old) }));
    const got = await downloadFile({ url: mirror.url + OFFER_PATH, dest });
    expect(offerRequests()[0]).toMatchObject({ range: 'bytes=10-', ifRange: etagOf(old), status: 200 });
    expect(got).toEqual({
      path: dest,
      bytes: OFFER.length,
      resumed: false,
      lastModified: MIRROR_LAST_MODIFIED,
    });
    expect(readFileSync(dest).equals(OFFER)).toBe(true);
    expect(existsSync(`${dest}.part.json`)).toBe(false);
  });

  it('gives up after the given number of retries, keeping the .part', async () => {
    mirror = await startMirror({ dropAfter: 1024, ignoreRange: true, dropEveryTime: true });
    const dest = join(cat.dir, 'offer.json');
    const err = await downloadFile({ url: mirror.url + OFFER_PATH, dest, retries: 2, retryDelayMs: 5 }).catch(
      (e: unknown) => e,
    );
    expect(offerRequests()).toHaveLength(3); // the first attempt plus 2 retries
    expect((err as DownloadError).code).toBe('interrupted');
    expect((err as DownloadError).message).toMatch(/interrupted 3 times/);
    expect(statSync(`${dest}.part`).size).toBe(1024);
  });
});
