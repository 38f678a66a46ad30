import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../main/serve';
import { CALL_NAMES } from '@shared/call-names';
import { httpRequest, rawRequest, type RawResponse } from '../support/raw-http';

/**
 * A bounded, seeded fuzz of `serve` over raw sockets: malformed request lines, bad percent-encoding in
 * path, query and cookie, huge and duplicate headers, broken chunked bodies, and every contract call
 * with random and hostile JSON. The server must answer every request without a 500, a stack trace or
 * a server path, keep answering, and keep its memory bounded.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const SEED = 0x5eed_2024;
const REQUESTS = 2000;
const CONCURRENCY = 6;

let dir: string;
let srv: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-fuzz-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>planner</title>');
  srv = await startServer({
    catalogPath: inject('catalogPath'),
    userDbPath: join(dir, 'user', 'planner.sqlite'),
    rendererDir: dir,
  });
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: a small seeded PRNG, so a failure replays exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  // No 'w' or 'k': a random string never spells a server folder the leak check looks for.
  const ALPHA = 'abcdefghijlmnopqrstuvxyz0123456789-_.~ !"#$&\'()*+,;=:@[]{}<>\\^`|';
  const str = (max: number) => Array.from({ length: int(max + 1) }, () => pick([...ALPHA])).join('');
  return { next, int, pick, chance, str };
}
type Rng = ReturnType<typeof prng>;

const BAD_ESCAPES = [
  '%',
  '%%',
  '%E0',
  '%E0%A4%A',
  '%C0%80',
  '%FF',
  '%ED%A0%80',
  '%G1',
  '%0',
  '%00',
  '%2e%2e%2f',
];

function randomJson(r: Rng, depth = 0): unknown {
  const kind = r.int(depth > 3 ? 5 : 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1e308, -1e-308, 2 ** 53 + 1, 0.1, 100_000, 65_536, r.int(1e6)]);
    case 3:
      return r.str(40);
    case 4:
      return r.pick(['\u0000', '\ud800', '\u202e', 'us-east-1', 'm5.large', 'gp3', 'linux', '__proto__', '']);
    case 5:
      return Array.from({ length: r.int(5) }, () => randomJson(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(5) }, () => [
          r.pick(['region', 'document', 'id', 'name', 'lines', 'path', 'jobId', 'text', r.str(10)]),
          randomJson(r, depth + 1),
        ]),
      );
  }
}

/** Valid inputs of calls that are safe to run many times (no downloads, no browser, no imports). */
const SEEDS: Record<string, unknown> = {
  'catalog.families': { region: 'us-east-1' },
  'catalog.instances': { region: 'us-east-1', limit: 5 },
  'catalog.priceOptions': { instanceType: 'm5.large', region: 'us-east-1' },
  'ebs.prices': { region: 'us-east-1' },
  'ebs.size': { region: 'us-east-1', capacityGiB: 500, iops: 3000, throughputMiBps: 125 },
  'ebs.cost': { region: 'us-east-1', volumeType: 'gp3', sizeGiB: 100 },
  'pricing.estimate': {
    document: {
      name: 'f',
      lines: [
        { id: 'a', instanceType: 'm5.large', region: 'us-east-1', usage: { pattern: 'constant', count: 1 } },
      ],
    },
  },
  'scenarios.create': { document: { name: 'fuzz', lines: [] } },
};

/** A valid input with one value somewhere replaced by something random or hostile. */
function mutate(r: Rng, value: unknown): unknown {
  if (Array.isArray(value) && value.length > 0 && r.chance(0.7)) {
    const copy = [...value];
    const i = r.int(copy.length);
    copy[i] = mutate(r, copy[i]);
    return copy;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && r.chance(0.8)) {
    const copy = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = r.chance(0.2) ? r.pick(['__proto__', 'constructor', r.str(8)]) : r.pick(keys);
    copy[key] = mutate(r, copy[key]);
    return copy;
  }
  return randomJson(r, 3);
}

function hostileBody(r: Rng, call: string): string | Buffer {
  switch (r.int(12)) {
    case 0:
      return '['.repeat(20_000) + ']'.repeat(20_000);
    case 1:
      return '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000);
    case 2:
      return JSON.stringify({ text: 'x'.repeat(200_000), region: 'y'.repeat(100_000) });
    case 3:
      return '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    case 4:
      return Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x3a, 0x31, 0x7d]);
    case 5:
      return r.pick(['', ' ', '{', 'nul', 'NaN', '1e99999', '"\\ud800"', '{"a":1,}', '\u0000', '[]', 'null']);
    case 6:
      return JSON.stringify({ document: { name: 'n', lines: Array.from({ length: 3000 }, () => ({})) } });
    case 7:
    case 8:
      return JSON.stringify(SEEDS[call] !== undefined ? mutate(r, SEEDS[call]) : randomJson(r));
    default:
      return JSON.stringify(randomJson(r));
  }
}

interface FuzzCase {
  kind: string;
  raw: Buffer;
}

function fuzzCase(r: Rng, port: number, token: string): FuzzCase {
  const host = `127.0.0.1:${port}`;
  // Mostly this server's token, so most requests reach the handlers; sometimes none, wrong or poisoned.
  const auth = (): Record<string, string> =>
    r.chance(0.8)
      ? r.pick<Record<string, string>>([
          { Authorization: `Bearer ${token}` },
          { Cookie: `planner_token_${port}=${token}` },
        ])
      : r.pick<Record<string, string>>([
          { Cookie: `planner_token_${port}=${r.pick(BAD_ESCAPES)}; planner_token_${port}=${token}` },
          { Cookie: `planner_token=${r.pick(BAD_ESCAPES)}` },
          { Authorization: `Bearer ${r.str(48)}` },
          {},
        ]);
  const kind = r.pick([
    'request-line',
    'percent',
    'headers',
    'call',
    'call',
    'call',
    'chunked',
    'upload',
  ] as const);
  const close = { Connection: 'close' };
  switch (kind) {
    case 'request-line': {
      const method = r.pick([
        'GET',
        'POST',
        'PUT',
        'DELETE',
        'OPTIONS',
        'PATCH',
        'HEAD',
        'G ET',
        'CONNECT',
        'GET\u0000',
        '',
        'X'.repeat(40),
      ]);
      const target = r.pick([
        '/',
        '//[',
        '*',
        'http://evil.example/x',
        '/%',
        '/%E0%A4%A.png',
        '/api/',
        '/api/%',
        '/..%2f..%2fetc%2fpasswd',
        '/' + r.str(30),
        '/' + 'a'.repeat(9000),
        '/\u0001\u007f',
      ]);
      const version = r.pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', '', 'HTTP/1.1 x', 'http/1.1']);
      const eol = r.pick(['\r\n', '\n']);
      const headers = Object.entries({ Host: host, ...close, ...auth() }).map(([k, v]) => `${k}: ${v}`);
      return {
        kind,
        raw: Buffer.from([`${method} ${target} ${version}`, ...headers, '', ''].join(eol), 'latin1'),
      };
    }
    case 'percent': {
      const bad = () => r.pick(BAD_ESCAPES);
      const where = r.int(3);
      const path =
        where === 0 ? `/${bad()}${r.str(5)}` : r.pick(['/', '/api/catalog.meta', '/upload', '/catalog']);
      const query = where === 1 ? `?token=${bad()}&name=${bad()}` : `?token=${token}`;
      const headers: Record<string, string> = { Host: host, ...close };
      if (where === 2) headers.Cookie = `planner_token_${port}=${bad()}; planner_token=${bad()}`;
      const method = path.startsWith('/api') || path === '/upload' ? 'POST' : 'GET';
      if (method === 'POST') headers['Content-Type'] = 'application/json';
      return { kind, raw: httpRequest(method, path + query, headers, method === 'POST' ? '{}' : '') };
    }
    case 'headers': {
      const variant = r.int(9);
      const base = `POST /api/catalog.meta HTTP/1.1\r\n`;
      const a = Object.entries({ Host: host, ...close, 'Content-Type': 'application/json', ...auth() })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      const extra = [
        `X-Big: ${'a'.repeat(17_000 + r.int(20_000))}\r\n`,
        Array.from({ length: 300 }, (_, i) => `X-H${i}: ${r.str(20)}\r\n`).join(''),
        `Host: evil.example\r\n`,
        `Content-Length: 2\r\nContent-Length: 7\r\n`,
        `Transfer-Encoding: chunked\r\nContent-Length: 2\r\n`,
        `Origin: http://${host}\r\nOrigin: http://127.0.0.1:8000\r\n`,
        `X-Bad\u0001Name: 1\r\nNoColon\r\n`,
        ` folded: continuation\r\n`,
        `Upgrade: websocket\r\nConnection: Upgrade\r\n`,
      ][variant]!;
      const length = variant === 3 || variant === 4 ? '' : 'Content-Length: 2\r\n';
      return { kind, raw: Buffer.from(`${base}${a}${extra}${length}\r\n{}`, 'latin1') };
    }
    case 'call': {
      const call = r.chance(0.95)
        ? r.pick(CALL_NAMES)
        : r.pick(['catalog.dropTables', r.str(12), '../etc', '']);
      const body = hostileBody(r, call);
      const type = r.chance(0.8)
        ? r.pick(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'])
        : r.pick(['text/plain', 'multipart/form-data; boundary=x', '']);
      const origin = r.chance(0.85)
        ? r.pick([undefined, `http://127.0.0.1:${port}`, `http://localhost:${port}`])
        : r.pick(['null', 'http://127.0.0.1:8000', 'http://evil.example']);
      const headers: Record<string, string> = {
        Host: host,
        ...close,
        ...auth(),
        ...(type ? { 'Content-Type': type } : {}),
      };
      if (origin) headers.Origin = origin;
      return { kind, raw: httpRequest('POST', `/api/${encodeURIComponent(call)}`, headers, body) };
    }
    case 'chunked': {
      const chunks = r.pick([
        '2\r\n{}\r\n0\r\n\r\n',
        'zz\r\n{}\r\n0\r\n\r\n',
        '2;ext=\u0001\r\n{}\r\n0\r\n\r\n',
        'fffffffffffffffff\r\n{}\r\n0\r\n\r\n',
        '-2\r\n{}\r\n0\r\n\r\n',
        '2\r\n{}XX0\r\n\r\n',
      ]);
      const head = Object.entries({
        Host: host,
        ...close,
        ...auth(),
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      return {
        kind,
        raw: Buffer.from(`POST /api/${r.pick(CALL_NAMES)} HTTP/1.1\r\n${head}\r\n${chunks}`, 'latin1'),
      };
    }
    case 'upload': {
      const name = r.pick([
        'prices.json',
        '../../etc/passwd',
        r.pick(BAD_ESCAPES),
        'a'.repeat(400),
        '',
        r.str(20),
      ]);
      const headers: Record<string, string> = {
        Host: host,
        ...close,
        ...auth(),
        'Content-Type': r.pick(['application/octet-stream', 'application/json', 'text/csv']),
      };
      return { kind, raw: httpRequest('POST', `/upload?name=${name}`, headers, r.str(2000)) };
    }
  }
}

const STACK = /\n\s+at |\(\/[^)]*:\d+:\d+\)|node:internal/;

describe('HTTP fuzz', () => {
  it(`answers ${REQUESTS} malformed and hostile requests without a 500, a stack or a path, and keeps serving`, async () => {
    const r = prng(SEED);
    const cases = Array.from({ length: REQUESTS }, () => fuzzCase(r, srv.port, srv.token));
    const statuses = new Map<string, number>();
    const byKind = new Map<string, Map<number, number>>();
    const problems: string[] = [];
    const check = (c: FuzzCase, res: RawResponse) => {
      statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
      const kind = byKind.get(c.kind) ?? new Map<number, number>();
      kind.set(res.status, (kind.get(res.status) ?? 0) + 1);
      byKind.set(c.kind, kind);
      const leaks =
        STACK.test(res.body) ||
        res.body.includes(ROOT) ||
        (res.status >= 400 && res.body.includes(tmpdir() + '/'));
      if (res.status >= 500 || res.status <= 0 || leaks) {
        if (problems.length < 10)
          problems.push(`${res.status} ${c.raw.toString('latin1', 0, 160)} → ${res.body.slice(0, 300)}`);
      }
    };
    // Warm up (first SQLite reads, JIT), then measure memory across the run.
    for (let i = 0; i < 20; i++) await rawRequest(srv.port, cases[i]!.raw, { timeoutMs: 10_000 });
    const rssBefore = process.memoryUsage().rss;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < cases.length) {
          const c = cases[next++]!;
          check(c, await rawRequest(srv.port, c.raw, { timeoutMs: 10_000 }));
        }
      }),
    );
    const rssGrowthMB = (process.memoryUsage().rss - rssBefore) / 1e6;
    const meta = await rawRequest(
      srv.port,
      httpRequest(
        'POST',
        '/api/catalog.meta',
        {
          Host: `127.0.0.1:${srv.port}`,
          Connection: 'close',
          Authorization: `Bearer ${srv.token}`,
          'Content-Type': 'application/json',
        },
        '{}',
      ),
    );
    console.log(
      `HTTP fuzz (seed ${SEED.toString(16)}): ${cases.length} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `by kind ${JSON.stringify(Object.fromEntries([...byKind].map(([k, m]) => [k, Object.fromEntries(m)])))}; RSS growth ${rssGrowthMB.toFixed(1)} MB`,
    );
    expect(problems).toEqual([]);
    expect(meta.status).toBe(200);
    expect(rssGrowthMB).toBeLessThan(200);
  }, 120_000);
});
