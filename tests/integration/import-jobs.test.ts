import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dispatch } from '../../main/transport/dispatch';
import { startServer, type RunningServer } from '../../main/serve';
import type { DataStatus, ImportJobStatus } from '@shared/import/jobs';
import { generateOffer, loadCatalogShape } from '../fixtures/generate-offer';

let dir: string;
let srv: RunningServer;
let catalog: string;
let smallOffer: string;
let bigOffer: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-jobs-'));
  catalog = join(dir, 'catalog.sqlite');
  copyFileSync(inject('catalogPath'), catalog);
  const shape = loadCatalogShape(catalog);
  smallOffer = join(dir, 'small.json');
  bigOffer = join(dir, 'big.json');
  generateOffer({
    jsonPath: smallOffer,
    targetBytes: 200_000,
    shape,
    publicationDate: '2026-11-20T10:00:00Z',
  });
  generateOffer({
    jsonPath: bigOffer,
    targetBytes: 40_000_000,
    shape,
    publicationDate: '2026-11-21T10:00:00Z',
  });
  srv = await startServer({
    catalogPath: catalog,
    userDbPath: join(dir, 'user', 'planner.sqlite'),
    rendererDir: dir,
  });
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api<T>(
  name: string,
  input: unknown,
): Promise<{
  status: number;
  body: { ok: boolean; value?: T; error?: { field?: string; message: string } };
}> {
  const res = await fetch(`http://127.0.0.1:${srv.port}/api/${name}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { authorization: `Bearer ${srv.token}`, 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as never };
}

async function waitFor(jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const r = await api<ImportJobStatus>('import.status', { jobId });
    if (r.body.value && r.body.value.state !== 'running') return r.body.value;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('imports through the contract (serve)', () => {
  it('cancels a running import and leaves the catalog byte-identical', async () => {
    const before = sha(catalog);
    const started = await api<ImportJobStatus>('import.start', { path: bigOffer });
    expect(started.body.value?.state).toBe('running');
    await api('import.cancel', { jobId: started.body.value!.id });
    const done = await waitFor(started.body.value!.id);
    expect(done.state).toBe('cancelled');
    expect(sha(catalog)).toBe(before);
  });

  it('uploads a file, imports it, reloads the catalog and removes the upload', async () => {
    const up = await fetch(`http://127.0.0.1:${srv.port}/upload?name=small.json`, {
      method: 'POST',
      body: readFileSync(smallOffer),
      headers: { authorization: `Bearer ${srv.token}`, 'content-type': 'application/octet-stream' },
    });
    // The server answers an opaque id, never its own path; import.start takes the id as `path`.
    const { uploadId } = ((await up.json()) as { value: { uploadId: string } }).value;
    const uploaded = join(srv.uploadsDir, uploadId);
    expect(existsSync(uploaded)).toBe(true);
    const started = await api<ImportJobStatus>('import.start', { path: uploadId });
    const done = await waitFor(started.body.value!.id);
    expect(done).toMatchObject({ state: 'done', label: 'small.json (uploaded)' });
    expect(done.summaries[0]?.publicationDate.slice(0, 10)).toBe('2026-11-20');
    expect(existsSync(uploaded)).toBe(false);
    // The open services now read the new catalog: its as-of moved from 2026-07-20 to the file's date.
    const status = await api<DataStatus>('data.status', {});
    expect(status.body.value).toMatchObject({ origin: 'custom', meta: { asOf: '2026-11-20' } });
    const meta = await api<{ sources: { id: string }[] }>('catalog.meta', {});
    expect(meta.body.value?.sources.some((s) => s.id.startsWith('aws-offer-ec2'))).toBe(true);
  });

  it('runs one import at a time', async () => {
    const first = await api<ImportJobStatus>('import.start', { path: bigOffer });
    const second = await api<ImportJobStatus>('import.start', { path: smallOffer });
    expect(second.status).toBe(400);
    expect(second.body.error?.message).toContain('already running');
    await api('import.cancel', { jobId: first.body.value!.id });
    await waitFor(first.body.value!.id);
  });

  it('reports a missing file as a failed job, naming it', async () => {
    const started = await api<ImportJobStatus>('import.start', { path: join(dir, 'nope.json') });
    const done = await waitFor(started.body.value!.id);
    expect(done.state).toBe('failed');
    expect(done.error?.message).toContain('nope.json');
  });

  it('refuses an upload without the token', async () => {
    const res = await fetch(`http://127.0.0.1:${srv.port}/upload?name=x.json`, {
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(401);
  });
});

describe('dispatch validation for imports', () => {
  it('names the field of a bad job id', async () => {
    const r = await dispatch({} as never, 'import.status', { jobId: 'nope' });
    expect(r).toMatchObject({ ok: false, error: { field: 'jobId' } });
  });
});

describe('Update from AWS through the contract', () => {
  it('downloads the region file from a mirror and imports it', async () => {
    const mirrorRoot = join(import.meta.dirname, '..', 'fixtures', 'aws-mirror');
    const mirror = createServer((req, res) => {
      const file = join(mirrorRoot, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!file.startsWith(mirrorRoot) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-length': statSync(file).size }).end(readFileSync(file));
    });
    await new Promise<void>((ok) => mirror.listen(0, '127.0.0.1', ok));
    const port = (mirror.address() as AddressInfo).port;
    process.env.PLANNER_PRICING_BASE_URL = `http://127.0.0.1:${port}`;
    try {
      const started = await api<ImportJobStatus>('import.updateFromAws', { regions: ['us-east-1'] });
      const done = await waitFor(started.body.value!.id);
      expect(done).toMatchObject({ state: 'done', kind: 'aws-update', label: 'us-east-1' });
      expect(done.summaries[0]?.publicationDate.slice(0, 10)).toBe('2026-11-20');
    } finally {
      delete process.env.PLANNER_PRICING_BASE_URL;
      await new Promise((ok) => mirror.close(ok));
    }
  });

  it('fails clearly offline and leaves the catalog as it was', async () => {
    const before = sha(catalog);
    process.env.PLANNER_PRICING_BASE_URL = 'http://127.0.0.1:9';
    try {
      const started = await api<ImportJobStatus>('import.updateFromAws', { regions: ['us-east-1'] });
      const done = await waitFor(started.body.value!.id);
      expect(done.state).toBe('failed');
      expect(done.error?.message).toContain('you appear to be offline');
      expect(sha(catalog)).toBe(before);
    } finally {
      delete process.env.PLANNER_PRICING_BASE_URL;
    }
  });

  it('names the field when no region is chosen', async () => {
    const r = await api('import.updateFromAws', { regions: [] });
    expect(r.status).toBe(400);
    expect(r.body.error?.field).toBe('regions');
  });
});
