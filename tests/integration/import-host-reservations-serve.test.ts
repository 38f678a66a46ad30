import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../main/serve';
import type { CatalogMeta, PriceOptions } from '@shared/catalog-types';
import type { CallError } from '@shared/contract';
import type { ImportJobStatus } from '@shared/import/jobs';
import { fixture } from '../fixtures/import-test-support';
import { SNAPSHOT_DIR } from '../../pricing-data/build/read-snapshot';
import { SPOT_ADVISOR_FILE } from '../../pricing-data/build/spot-advisor';

// Dedicated Host Reservation offerings (`aws ec2 describe-host-reservation-offerings` output, which names
// no region) imported the way the Data screen does it: uploaded to serve, then import.start with the
// region the person chose. The contract refuses the kind without a region, and a region for a kind
// whose files name their own, naming the field by its label.

let dir: string;
let srv: RunningServer;
let catalog: string;
let offerings: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-host-res-'));
  catalog = join(dir, 'catalog.sqlite');
  copyFileSync(inject('catalogPath'), catalog);
  offerings = join(dir, 'host-reservation-offerings.json');
  copyFileSync(fixture('describe-host-reservation-offerings-m4.json'), offerings);
  const when = new Date('2026-11-29T12:00:00Z');
  utimesSync(offerings, when, when);
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
): Promise<{ status: number; body: { ok: boolean; value?: T; error?: CallError } }> {
  const res = await fetch(`http://127.0.0.1:${srv.port}/api/${name}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { authorization: `Bearer ${srv.token}`, 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as never };
}

async function upload(file: string, name = 'host-reservation-offerings.json'): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${srv.port}/upload?name=${name}`, {
    method: 'POST',
    body: readFileSync(file),
    headers: { authorization: `Bearer ${srv.token}`, 'content-type': 'application/octet-stream' },
  });
  return ((await res.json()) as { value: { uploadId: string } }).value.uploadId;
}

async function waitFor(jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const r = await api<ImportJobStatus>('import.status', { jobId });
    if (r.body.value && r.body.value.state !== 'running') return r.body.value;
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const hostPrices = async (region: string) => {
  const r = await api<PriceOptions>('catalog.priceOptions', {
    instanceType: 'm4.xlarge',
    region,
    tenancy: 'host',
  });
  expect(r.body.ok, r.body.error?.message).toBe(true);
  return r.body.value!.host!;
};

describe('Dedicated Host Reservation offerings through the contract (serve, as the Data screen imports)', () => {
  it('refuses the kind without a region, and a region for another kind, naming the Region field', async () => {
    const before = sha(catalog);
    const missing = await api('import.start', { path: offerings, kind: 'host-reservations' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({
      code: 'invalid-input',
      field: 'region',
      label: 'Region',
      message:
        'give the region the Dedicated Host Reservation offerings were read in: that AWS output names none',
    });
    const other = await api('import.start', { path: offerings, kind: 'ec2', region: 'eu-west-2' });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ field: 'region', label: 'Region' });
    expect(other.body.error?.message).toBe(
      'is only for Dedicated Host Reservation offerings: a file of kind EC2 offer file names its own regions',
    );
    const bad = await api('import.start', { path: offerings, kind: 'host-reservations', region: 'London' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'region', label: 'Region' });
    expect(bad.body.error?.message).toContain('must be a region code such as us-east-1');
    // Detected (kind auto) without a region: the job fails, saying what is missing.
    const auto = await api<ImportJobStatus>('import.start', { path: offerings });
    const failed = await waitFor(auto.body.value!.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toContain('names no region: give the region it was read in');
    expect(sha(catalog)).toBe(before);
    expect((await hostPrices('eu-west-2')).reservations).toEqual([]);
  });

  it('imports an upload with the region given: rows in the catalog for that region only', async () => {
    const id = await upload(offerings);
    const started = await api<ImportJobStatus>('import.start', { path: id, region: 'eu-west-2' });
    expect(started.body.ok, started.body.error?.message).toBe(true);
    const done = await waitFor(started.body.value!.id);
    expect(done.state, done.error?.message).toBe('done');
    expect(done.label).toBe('host-reservation-offerings.json (uploaded)');
    expect(done.summaries).toHaveLength(1);
    expect(done.summaries[0]).toMatchObject({
      kind: 'host-reservations',
      sourceId: 'aws-host-reservations-eu-west-2-2026-11-29',
      rows: 6,
      hostRows: 6,
      regions: 1,
      hostReservations: { region: 'eu-west-2', families: ['m4'] },
    });

    const host = await hostPrices('eu-west-2');
    expect(host.family).toBe('m4');
    expect(host.reservations).toHaveLength(6);
    expect(host.reservations).toContainEqual({
      termYears: 1,
      paymentOption: 'no-upfront',
      upfrontUsd: '0',
      hourlyUsd: '1.499',
      effectiveHourlyUsd: '1.499',
      sourceId: 'aws-host-reservations-eu-west-2-2026-11-29',
    });
    // The output was read in eu-west-2 only: no other region gained its prices.
    expect((await hostPrices('us-east-1')).reservations).toEqual([]);
  });
});

// An upload is saved with the day it was uploaded as its date; a file that names no date of its own
// is dated by the date the person's file has instead (the Data screen sends File.lastModified).
describe("an upload's file date (import.start fileModifiedAt, as the Data screen sends it)", () => {
  const source = async (id: string) => {
    const meta = await api<CatalogMeta>('catalog.meta', {});
    return meta.body.value!.sources.find((s) => s.id === id);
  };

  it('dates the host reservation offerings by the file date, not the upload day', async () => {
    const id = await upload(offerings);
    const started = await api<ImportJobStatus>('import.start', {
      path: id,
      region: 'ap-southeast-2',
      fileModifiedAt: '2025-03-14T00:00:00Z',
    });
    expect(started.body.ok, started.body.error?.message).toBe(true);
    const done = await waitFor(started.body.value!.id);
    expect(done.state, done.error?.message).toBe('done');
    expect(done.summaries[0]).toMatchObject({
      sourceId: 'aws-host-reservations-ap-southeast-2-2025-03-14',
      publicationDate: '2025-03-14T00:00:00.000Z',
    });
    expect(await source('aws-host-reservations-ap-southeast-2-2025-03-14')).toMatchObject({
      asOf: '2025-03-14',
    });
    expect((await hostPrices('ap-southeast-2')).reservations).toContainEqual(
      expect.objectContaining({
        hourlyUsd: '1.499',
        sourceId: 'aws-host-reservations-ap-southeast-2-2025-03-14',
      }),
    );
  });

  it('dates the Spot Advisor file by the file date too (it names none either)', async () => {
    const id = await upload(join(SNAPSHOT_DIR, SPOT_ADVISOR_FILE), 'spot-advisor-data.json');
    const started = await api<ImportJobStatus>('import.start', {
      path: id,
      fileModifiedAt: '2026-01-02T23:30:00-01:00',
    });
    expect(started.body.ok, started.body.error?.message).toBe(true);
    const done = await waitFor(started.body.value!.id);
    expect(done.state, done.error?.message).toBe('done');
    // 23:30 at UTC-1 is 00:30 UTC the next day: dated by the UTC day, as a file's mtime is.
    expect(done.summaries[0]).toMatchObject({
      kind: 'spot-advisor',
      sourceId: 'aws-spot-advisor-2026-01-03',
    });
    expect(await source('aws-spot-advisor-2026-01-03')).toMatchObject({ asOf: '2026-01-03' });
  });

  it('refuses a date that is not one, is before 2006 or is in the future, naming the File date field', async () => {
    const before = sha(catalog);
    const id = await upload(offerings);
    const tomorrowPlus = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
    const cases: [string, string][] = [
      ['2025-02-30T00:00:00Z', 'must be a date and time such as 2025-03-14T00:00:00Z'],
      ['14/03/2025', 'must be a date and time such as 2025-03-14T00:00:00Z'],
      ['2005-12-31T23:59:59Z', 'is before 2006, older than any AWS price file'],
      [tomorrowPlus, 'is more than a day in the future'],
    ];
    for (const [fileModifiedAt, message] of cases) {
      const r = await api('import.start', { path: id, region: 'eu-west-3', fileModifiedAt });
      expect(r.status, fileModifiedAt).toBe(400);
      expect(r.body.error, fileModifiedAt).toEqual({
        code: 'invalid-input',
        field: 'fileModifiedAt',
        label: 'File date',
        message,
      });
    }
    // A file on this computer has its own date: the field is for uploads only.
    const path = await api('import.start', {
      path: offerings,
      region: 'eu-west-3',
      fileModifiedAt: '2025-03-14T00:00:00Z',
    });
    expect(path.status).toBe(400);
    expect(path.body.error).toMatchObject({ field: 'fileModifiedAt', label: 'File date' });
    expect(path.body.error?.message).toBe(
      'is only for an uploaded file: a file on this computer is dated by its own modification time',
    );
    expect(sha(catalog)).toBe(before);
    expect((await hostPrices('eu-west-3')).reservations).toEqual([]);
  });
});
