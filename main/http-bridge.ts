import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import type { CallResult, Handlers } from '../shared/contract';
import { dispatch } from './dispatch';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const STATUS: Record<string, number> = {
  'invalid-input': 400,
  'not-found': 404,
  unauthorized: 401,
  internal: 500,
};
const MAX_BODY_BYTES = 1_000_000;
export const TOKEN_COOKIE = 'planner_token';
/** The same policy as the Electron window: our own scripts only, no remote content. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function presentedToken(req: IncomingMessage, url: URL): string | null {
  const q = url.searchParams.get('token');
  if (q) return q;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const cookie = req.headers.cookie ?? '';
  const m = cookie.split(/;\s*/).find((c) => c.startsWith(TOKEN_COOKIE + '='));
  return m ? decodeURIComponent(m.slice(TOKEN_COOKIE.length + 1)) : null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Streams an uploaded file to disk (never into memory); a broken upload leaves nothing behind. */
async function receiveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  name: string,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const safe =
    basename(name)
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(-120) || 'upload';
  const path = join(dir, `${randomBytes(8).toString('hex')}-${safe}`);
  try {
    await pipeline(req, createWriteStream(path, { flags: 'wx' }));
    sendJson(res, 200, { ok: true, value: { path, bytes: statSync(path).size } });
  } catch (err) {
    rmSync(path, { force: true });
    if (!res.headersSent) {
      sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid-input', message: `upload failed: ${(err as Error).message}` },
      });
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The request handler behind `npm run serve`: the contract's calls at POST /api/<call>, the built
 * renderer for everything else, all behind the per-run token (query, bearer header or cookie).
 */
export function createHttpHandler(opts: {
  handlers: Handlers;
  token: string;
  rendererDir: string;
  /** Where POST /upload stores price files for an import (serve mode has no file paths). */
  uploadsDir?: string;
}) {
  const root = resolve(opts.rendererDir);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // DNS-rebinding guard: only our loopback host names may address this server.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: 'bad Host header' } });
      return;
    }
    const token = presentedToken(req, url);
    if (!token || !sameToken(token, opts.token)) {
      sendJson(res, 401, {
        ok: false,
        error: {
          code: 'unauthorized',
          message: 'missing or wrong token: open the URL that `npm run serve` printed',
        },
      });
      return;
    }
    if (url.pathname === '/upload' && opts.uploadsDir) {
      if (req.method !== 'POST') {
        sendJson(res, 405, { ok: false, error: { code: 'invalid-input', message: 'use POST to upload' } });
        return;
      }
      await receiveUpload(req, res, opts.uploadsDir, url.searchParams.get('name') ?? 'upload');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, {
          ok: false,
          error: { code: 'invalid-input', message: 'use POST for API calls' },
        });
        return;
      }
      let raw: unknown;
      try {
        const text = await readBody(req);
        raw = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
      } catch (err) {
        sendJson(res, 400, {
          ok: false,
          error: {
            code: 'invalid-input',
            message: `request body is not valid JSON: ${(err as Error).message}`,
          },
        });
        return;
      }
      const result: CallResult<unknown> = await dispatch(
        opts.handlers,
        decodeURIComponent(url.pathname.slice(5)),
        raw,
      );
      sendJson(res, result.ok ? 200 : (STATUS[result.error.code] ?? 500), result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { ok: false, error: { code: 'invalid-input', message: 'method not allowed' } });
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    let file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) {
      sendJson(res, 404, { ok: false, error: { code: 'not-found', message: 'not found' } });
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (extname(rel)) {
        sendJson(res, 404, { ok: false, error: { code: 'not-found', message: `no such file ${rel}` } });
        return;
      }
      file = join(root, 'index.html');
    }
    const headers: Record<string, string> = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      // The token travels once in the printed URL; afterwards a same-site cookie carries it.
      headers['set-cookie'] = `${TOKEN_COOKIE}=${opts.token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}
