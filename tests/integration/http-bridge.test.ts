import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../main/serve';

let srv: RunningServer;
let rendererDir: string;
beforeAll(async () => {
  // A stand-in renderer build, so these tests exercise the bridge alone.
  rendererDir = mkdtempSync(join(tmpdir(), 'planner-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>planner</title>');
  srv = await startServer({ catalogPath: inject('catalogPath'), rendererDir });
});
afterAll(async () => {
  await srv.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${srv.port}`;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(base() + path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
const auth = () => ({ authorization: `Bearer ${srv.token}` });

describe('HTTP bridge', () => {
  it('prints a loopback URL carrying a long random token', () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('answers 401 to a call without the token', async () => {
    const res = await post('/api/catalog.meta', {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('answers 401 to a wrong token and to the page without one', async () => {
    expect((await post('/api/catalog.meta', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await fetch(base() + '/')).status).toBe(401);
  });

  it('answers a valid call with the contract result', async () => {
    const res = await post(
      '/api/catalog.priceOptions',
      { instanceType: 'm5.large', region: 'us-east-1' },
      auth(),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: true;
      value: { options: { model: string; hourlyUsd: string | null }[] };
    };
    expect(body.value.options[0]).toMatchObject({ model: 'on-demand', hourlyUsd: '0.096' });
  });

  it('answers 400 naming the field on bad input', async () => {
    const res = await post('/api/catalog.instances', { region: 'us-east-1', minVcpu: 'four' }, auth());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'minVcpu' } });
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await fetch(base() + '/api/catalog.meta', {
      method: 'POST',
      body: '{nope',
      headers: { ...auth(), 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
  });

  it('answers 404 naming the field for a region the catalog lacks', async () => {
    const res = await post('/api/ebs.prices', { region: 'eu-west-9' }, auth());
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { field: 'region' } });
  });

  it('answers 404 to an unknown call', async () => {
    expect((await post('/api/catalog.dropTables', {}, auth())).status).toBe(404);
  });

  it('sets the token cookie with the page, so later calls need no header', async () => {
    const page = await fetch(`${base()}/?token=${srv.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    // Named for this server's port: cookies ignore ports, so two servers must not share a name.
    expect(cookie).toBe(`planner_token_${srv.port}=${srv.token}`);
    const res = await post('/api/catalog.regions', {}, { cookie });
    expect(res.status).toBe(200);
  });

  it('serves the page for app routes but never files outside the renderer folder', async () => {
    expect((await fetch(`${base()}/catalog?token=${srv.token}`)).status).toBe(200);
    const res = await fetch(`${base()}/..%2f..%2fetc%2fpasswd?token=${srv.token}`);
    expect(res.status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((ok, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: srv.port,
          path: '/api/catalog.meta',
          method: 'POST',
          headers: { host: 'evil.example', ...auth() },
        },
        (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      req.end('{}');
    });
    expect(status).toBe(403);
  });
});
