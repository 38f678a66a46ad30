import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../main/serve';
import { MAX_PRICE_FILE_BYTES } from '../../main/import/limits';
import { MAX_PAYLOAD_BYTES } from '@shared/limits';
import { httpRequest, rawRequest, type RawResponse } from '../support/raw-http';
import { startServeProcess } from '../support/serve-process';

const ROOT = resolve(import.meta.dirname, '..', '..');
let dir: string;
let srv: RunningServer;
/** The same server with small limits, so the streaming checks run without sending gigabytes. */
let small: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-hardening-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>planner</title>');
  const catalogPath = inject('catalogPath');
  srv = await startServer({ catalogPath, userDbPath: join(dir, 'a', 'planner.sqlite'), rendererDir: dir });
  small = await startServer({
    catalogPath,
    userDbPath: join(dir, 'b', 'planner.sqlite'),
    rendererDir: dir,
    limits: { bodyBytes: 64_000, uploadBytes: 100_000 },
  });
});
afterAll(async () => {
  await srv.close();
  await small.close();
  rmSync(dir, { recursive: true, force: true });
});

const hostOf = (s: { port: number }) => ({ Host: `127.0.0.1:${s.port}` });
const bearer = (s: RunningServer) => ({ Authorization: `Bearer ${s.token}` });
const json = { 'Content-Type': 'application/json' };

/** No stack frame, no server path: what every answer in this file must satisfy. */
function expectClean(r: RawResponse): void {
  expect(r.body).not.toMatch(/\n\s+at |\(\/[^)]*:\d+:\d+\)|node:internal/);
  expect(r.body).not.toContain(dir);
  expect(r.body).not.toContain(ROOT);
}

function post(s: RunningServer, path: string, body: string | Buffer, headers: Record<string, string>) {
  return rawRequest(
    s.port,
    httpRequest('POST', path, { ...hostOf(s), Connection: 'close', ...headers }, body),
  );
}
const call = (s: RunningServer, name: string, input: unknown, headers: Record<string, string> = {}) =>
  post(s, `/api/${name}`, JSON.stringify(input), { ...bearer(s), ...json, ...headers });

async function scenarioIds(s: RunningServer): Promise<string[]> {
  const r = await call(s, 'scenarios.list', {});
  expect(r.status).toBe(200);
  return (JSON.parse(r.body) as { value: { id: string }[] }).value.map((x) => x.id).sort();
}

/** A chunked POST through node:http (no Content-Length), resolving with the answer it got. */
function streamPost(
  s: RunningServer,
  path: string,
  headers: Record<string, string>,
  totalBytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: s.port, path, method: 'POST', headers: { ...bearer(s), ...headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    const chunk = Buffer.alloc(16_384, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('no request can crash `serve` (a real child process)', () => {
  let serve: { url: string; stop: () => void };
  beforeAll(async () => {
    serve = await startServeProcess(inject('catalogPath'));
  });
  afterAll(() => serve.stop());

  it('answers each request that used to kill it with a 4xx, and keeps answering', async () => {
    const url = new URL(serve.url);
    const port = Number(url.port);
    const token = url.searchParams.get('token')!;
    const host = `Host: 127.0.0.1:${port}\r\nConnection: close`;
    const cases: [string, string, number][] = [
      [
        'a malformed token cookie',
        `POST /api/catalog.meta HTTP/1.1\r\n${host}\r\nCookie: planner_token=%E0; planner_token_${port}=%E0\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
        401,
      ],
      ['a target URL cannot hold, foreign Host', `GET //[ HTTP/1.1\r\nHost: evil.example\r\n\r\n`, 403],
      ['a target URL cannot hold, our Host', `GET //[ HTTP/1.1\r\n${host}\r\n\r\n`, 401],
      ['bad percent-encoding in the path', `GET /%E0?token=${token} HTTP/1.1\r\n${host}\r\n\r\n`, 400],
      [
        'bad percent-encoding in a call name',
        `POST /api/%E0 HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
        400,
      ],
      [
        'an <img> from another local port, with the cookie',
        `GET /%E0%A4%A.png HTTP/1.1\r\n${host}\r\nCookie: planner_token_${port}=${token}\r\n\r\n`,
        400,
      ],
      ['a NUL in the path', `GET /%00?token=${token} HTTP/1.1\r\n${host}\r\n\r\n`, 400],
      ['an absolute-form target', `GET http://evil.example/x HTTP/1.1\r\n${host}\r\n\r\n`, 400],
      ['bad percent-encoding in the token', `GET /?token=%E0%A4%A HTTP/1.1\r\n${host}\r\n\r\n`, 401],
      ['not HTTP at all', `GARBAGE\r\n\r\n`, 400],
      [
        'headers over the size limit',
        `GET / HTTP/1.1\r\n${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        431,
      ],
    ];
    const got: Record<string, number> = {};
    for (const [name, raw] of cases) {
      const r = await rawRequest(port, raw);
      got[name] = r.status;
      expectClean(r);
    }
    expect(got).toEqual(Object.fromEntries(cases.map(([name, , status]) => [name, status])));
    const after = await rawRequest(
      port,
      httpRequest(
        'POST',
        '/api/catalog.meta',
        { Host: `127.0.0.1:${port}`, Connection: 'close', Authorization: `Bearer ${token}`, ...json },
        '{}',
      ),
    );
    expect(after.status).toBe(200);
  });
});

describe('state-changing calls only from our own page', () => {
  const create = { document: { name: 'csrf probe', lines: [] } };

  it('refuses text/plain, foreign and null Origins with 403 and changes nothing', async () => {
    const before = await scenarioIds(srv);
    // The cookie a browser holds for this server (under the pre-port name too, so this probe is not
    // refused merely for its cookie's name).
    const cookie = { Cookie: `planner_token=${srv.token}; planner_token_${srv.port}=${srv.token}` };
    const body = JSON.stringify(create);
    const refused = [
      await post(srv, '/api/scenarios.create', body, {
        ...cookie,
        'Content-Type': 'text/plain;charset=UTF-8',
      }),
      await post(srv, '/api/scenarios.create', body, { ...cookie, ...json, Origin: 'http://127.0.0.1:8000' }),
      await post(srv, '/api/scenarios.create', body, { ...cookie, ...json, Origin: 'http://localhost:8000' }),
      await post(srv, '/api/scenarios.create', body, { ...cookie, ...json, Origin: 'null' }),
      await post(srv, '/api/scenarios.create', body, { ...cookie }),
      await post(srv, '/upload?name=x.json', '{}', { ...cookie, 'Content-Type': 'text/plain' }),
      await post(srv, '/upload?name=x.json', '{}', {
        ...cookie,
        'Content-Type': 'application/octet-stream',
        Origin: 'http://127.0.0.1:8000',
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    refused.forEach(expectClean);
    expect(await scenarioIds(srv)).toEqual(before);
    expect(existsSync(srv.uploadsDir) ? readdirSync(srv.uploadsDir) : []).toEqual([]);
  });

  it('answers our own Origin, either host name, and a client that sends none', async () => {
    const before = (await scenarioIds(srv)).length;
    const statuses = [
      (await call(srv, 'scenarios.create', create, { Origin: `http://127.0.0.1:${srv.port}` })).status,
      (await call(srv, 'scenarios.create', create, { Origin: `http://localhost:${srv.port}` })).status,
      (await call(srv, 'scenarios.create', create)).status,
    ];
    expect(statuses).toEqual([200, 200, 200]);
    expect((await scenarioIds(srv)).length).toBe(before + 3);
  });
});

describe('two servers in one browser', () => {
  const cookieOf = async (s: RunningServer) => {
    const r = await rawRequest(
      s.port,
      httpRequest('GET', `/?token=${s.token}`, { ...hostOf(s), Connection: 'close' }),
    );
    expect(r.status).toBe(200);
    return r.headers['set-cookie']!.split(';')[0]!;
  };

  it('each keeps its own cookie, so opening one never logs the other out', async () => {
    const a = await cookieOf(srv);
    const b = await cookieOf(small);
    expect(a).toBe(`planner_token_${srv.port}=${srv.token}`);
    expect(b).toBe(`planner_token_${small.port}=${small.token}`);
    // Cookies ignore ports: the browser sends both cookies to both servers.
    const jar = { Cookie: `${b}; ${a}` };
    const meta = (s: RunningServer, headers: Record<string, string>) =>
      post(s, '/api/catalog.meta', '{}', { ...json, ...headers });
    expect((await meta(srv, jar)).status).toBe(200);
    expect((await meta(small, jar)).status).toBe(200);
    // Another server's cookie is not ours, and a planted cookie of our name cannot hide the real one.
    expect((await meta(srv, { Cookie: `planner_token_${srv.port}=${small.token}` })).status).toBe(401);
    expect((await meta(srv, { Cookie: `planner_token_${srv.port}=forged; ${a}` })).status).toBe(200);
  });
});

/** `count` hourly lines whose counts vary, so the JSON is not trivially small. */
function hourlyDocument(name: string, count: number) {
  return {
    name,
    lines: Array.from({ length: count }, (_, i) => ({
      id: `line-${i}`,
      instanceType: 'm5.large',
      region: 'us-east-1',
      usage: { pattern: 'hourly', counts: Array.from({ length: 8784 }, (_, h) => (h * 7 + i) % 1000) },
    })),
  };
}

describe('sizes: one limit, derived from the contract', () => {
  it('saves a 1 MB scenario (38 hourly lines) and imports a 1.6 MB file', async () => {
    const created = await call(srv, 'scenarios.create', { document: { name: 'big', lines: [] } });
    const id = (JSON.parse(created.body) as { value: { id: string } }).value.id;
    const save = JSON.stringify({ id, document: hourlyDocument('big', 38) });
    expect(save.length).toBeGreaterThan(1_000_000);
    const saved = await post(srv, '/api/scenarios.save', save, { ...bearer(srv), ...json });
    expect(saved.status).toBe(200);
    expect(
      (JSON.parse(saved.body) as { value: { document: { lines: unknown[] } } }).value.document.lines,
    ).toHaveLength(38);

    const text = JSON.stringify(hourlyDocument('imported big', 14), null, 2) + '\n';
    expect(text.length).toBeGreaterThan(1_600_000);
    const imported = await call(srv, 'scenarios.import', { text, fileName: 'big.json' });
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { name: 'imported big' } });
  });

  it('answers 413 with a JSON message to a body declared over the limit, without reading it', async () => {
    const head =
      `POST /api/scenarios.import HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAuthorization: Bearer ${srv.token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${MAX_PAYLOAD_BYTES + 1}\r\n\r\n{"text":"`;
    const r = await rawRequest(srv.port, head);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(r.body).toContain(`over ${(MAX_PAYLOAD_BYTES / 1e6).toFixed(1)} MB`);
  });

  it('answers 413 to a streamed body that grows past the limit, and the client receives it', async () => {
    const r = await streamPost(small, '/api/scenarios.import', json, 1_000_000);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call(small, 'catalog.meta', {})).status).toBe(200);
  });

  it('answers 413 to an upload over the price-file limit and keeps no partial file', async () => {
    const declared =
      `POST /upload?name=huge.json HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAuthorization: Bearer ${srv.token}\r\n` +
      `Content-Type: application/octet-stream\r\nContent-Length: ${MAX_PRICE_FILE_BYTES + 1}\r\n\r\n{`;
    const r = await rawRequest(srv.port, declared);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('GiB') },
    });

    const streamed = await streamPost(
      small,
      '/upload?name=big.json',
      { 'Content-Type': 'application/octet-stream' },
      400_000,
    );
    expect(streamed.status).toBe(413);
    expect(existsSync(small.uploadsDir) ? readdirSync(small.uploadsDir) : []).toEqual([]);
  });
});

describe('errors carry no stack and no server path', () => {
  it('answers an upload with an opaque id, not where the file landed', async () => {
    const r = await post(srv, '/upload?name=prices.json', '{"x":1}', {
      ...bearer(srv),
      'Content-Type': 'application/octet-stream',
    });
    expect(r.status).toBe(200);
    const value = (JSON.parse(r.body) as { value: Record<string, unknown> }).value;
    expect(Object.keys(value).sort()).toEqual(['bytes', 'uploadId']);
    expect(value.uploadId).toMatch(/^[0-9a-f]{16}-prices\.json$/);
    expectClean(r);
    rmSync(join(srv.uploadsDir, value.uploadId as string), { force: true });
  });

  it('refuses a relative import path instead of resolving it against the server folder', async () => {
    const r = await call(srv, 'import.start', { path: 'prices.json' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ error: { field: 'path' } });
    expectClean(r);
    const gone = await call(srv, 'import.start', { path: '0123456789abcdef-gone.json' });
    expect(gone.status).toBe(404);
  });

  it('turns an internal error into a generic message with an id; the details go to stderr', async () => {
    // A user database "inside" a regular file cannot open: the error names that absolute path.
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const broken = await startServer({
      catalogPath: inject('catalogPath'),
      userDbPath: join(file, 'planner.sqlite'),
      rendererDir: dir,
    });
    const logged: string[] = [];
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
    try {
      const r = await call(broken, 'scenarios.list', {});
      expect(r.status).toBe(500);
      const { message } = (JSON.parse(r.body) as { error: { message: string } }).error;
      const id = /internal error \(id ([0-9a-f]{8})\)/.exec(message)?.[1];
      expect(id).toBeDefined();
      expectClean(r);
      expect(logged.some((l) => l.includes(id!) && l.includes(file))).toBe(true);
    } finally {
      spy.mockRestore();
      await broken.close();
    }
  });
});
