import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CallError, Handlers } from '@shared/contract';
import { MAX_PAYLOAD_BYTES, tooLargeMessage } from '@shared/limits';
import { dispatch, inputFieldLabel } from '../dispatch';
import { MAX_PRICE_FILE_BYTES } from '../../import/limits';
import { declaredTooLarge, readBody, receiveUpload, UPLOAD_ID } from './bodies';
import {
  decodePath,
  hasToken,
  isLoopbackHost,
  isOwnOrigin,
  mediaType,
  parseTarget,
  tokenCookieName,
} from './guards';
import { internalError, sendError, sendJson, sendResult } from './responses';

export { tokenCookieName } from './guards';

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
/** The same policy as the Electron window: our own scripts only, no remote content. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

/** Request size limits; tests lower them to exercise the streaming checks without sending gigabytes. */
export interface HttpLimits {
  /** An /api call's JSON body. */
  bodyBytes: number;
  /** A price file sent to /upload. */
  uploadBytes: number;
}

interface BridgeOptions {
  handlers: Handlers;
  token: string;
  rendererDir: string;
  /** Where POST /upload stores price files for an import (serve mode has no file paths). */
  uploadsDir?: string;
  limits?: Partial<HttpLimits>;
}

type Handle = (req: IncomingMessage, res: ServerResponse, url: URL, port: number) => Promise<void>;

/**
 * A state-changing request (every POST) needs our own page's Origin (or none) and the content type
 * our client sends; a form or no-cors fetch from another page, even on another port of this host
 * (same site, so the SameSite cookie goes along), can send neither.
 */
function refuseForeign(req: IncomingMessage, res: ServerResponse, port: number, type: string): boolean {
  if (!isOwnOrigin(req, port)) {
    sendError(res, 'unauthorized', 'requests from other pages are refused', 403);
    return true;
  }
  if (mediaType(req.headers['content-type']) !== type) {
    sendError(res, 'unauthorized', `content-type must be ${type}`, 403);
    return true;
  }
  return false;
}

const bodyTooLarge = (res: ServerResponse, max: number) =>
  sendError(res, 'invalid-input', tooLargeMessage('the request body', undefined, max), 413);
const uploadTooLarge = (res: ServerResponse, max: number) =>
  sendError(
    res,
    'invalid-input',
    `the upload is over ${(max / 2 ** 30).toFixed(1)} GiB, the largest price file the planner accepts`,
    413,
  );

/** A client that sent `Expect: 100-continue` waits for this before sending the body it may send. */
function continueIfExpected(req: IncomingMessage, res: ServerResponse): void {
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue();
}

function apiCall(opts: BridgeOptions, bodyBytes: number): Handle {
  return async (req, res, url, port) => {
    if (req.method !== 'POST') return sendError(res, 'invalid-input', 'use POST for API calls', 405);
    if (refuseForeign(req, res, port, 'application/json')) return;
    const name = decodePath(url.pathname.slice('/api/'.length));
    if (name === null) return sendError(res, 'invalid-input', 'the call name is not valid percent-encoding');
    if (declaredTooLarge(req, bodyBytes)) return bodyTooLarge(res, bodyBytes);
    continueIfExpected(req, res);
    const body = await readBody(req, bodyBytes, () => bodyTooLarge(res, bodyBytes));
    if (body.kind !== 'ok') return;
    let raw: unknown;
    try {
      const text = body.value.toString('utf8');
      raw = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      return sendError(res, 'invalid-input', 'the request body is not valid JSON');
    }
    if (name === 'import.start' && opts.uploadsDir) {
      const resolved = importPath(raw, opts.uploadsDir);
      if ('error' in resolved) return sendJson(res, resolved.status, { ok: false, error: resolved.error });
      raw = resolved.raw;
    }
    sendResult(res, name, await dispatch(opts.handlers, name, raw));
  };
}

/**
 * Over HTTP, import.start's `path` is the id POST /upload answered (the browser knows no server paths,
 * and the server tells it none), naming that file in the uploads folder, or an absolute path on this
 * computer. A relative path is refused: it would depend on where the server was started.
 */
function importPath(
  raw: unknown,
  uploadsDir: string,
): { raw: unknown } | { status: number; error: CallError } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { raw };
  const path = (raw as { path?: unknown }).path;
  if (typeof path !== 'string' || path === '' || isAbsolute(path)) return { raw };
  const pathLabel = { label: inputFieldLabel({ name: 'import.start', input: raw }, 'path') };
  if (!UPLOAD_ID.test(path)) {
    const message = 'give an absolute path on this computer, or upload the file';
    return { status: 400, error: { code: 'invalid-input', message, field: 'path', ...pathLabel } };
  }
  const file = join(uploadsDir, path);
  if (existsSync(file)) return { raw: { ...raw, path: file } };
  const message = 'that upload is gone; upload the file again';
  return { status: 404, error: { code: 'not-found', message, field: 'path', ...pathLabel } };
}

function upload(opts: BridgeOptions & { uploadsDir: string }, uploadBytes: number): Handle {
  return async (req, res, url, port) => {
    if (req.method !== 'POST') return sendError(res, 'invalid-input', 'use POST to upload', 405);
    if (refuseForeign(req, res, port, 'application/octet-stream')) return;
    if (declaredTooLarge(req, uploadBytes)) return uploadTooLarge(res, uploadBytes);
    continueIfExpected(req, res);
    const name = url.searchParams.get('name') ?? 'upload';
    const got = await receiveUpload(req, opts.uploadsDir, name, uploadBytes, () =>
      uploadTooLarge(res, uploadBytes),
    );
    if (got.kind === 'ok')
      sendJson(res, 200, { ok: true, value: { uploadId: got.value.id, bytes: got.value.bytes } });
  };
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function staticFile(root: string, token: string): Handle {
  return async (req, res, url, port) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 'invalid-input', 'method not allowed', 405);
    }
    const rel = url.pathname === '/' ? 'index.html' : decodePath(url.pathname.slice(1));
    if (rel === null || rel.includes('\0')) return sendError(res, 'invalid-input', 'malformed path');
    let file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return sendError(res, 'not-found', 'not found');
    if (!statOrNull(file)?.isFile()) {
      if (extname(rel)) return sendError(res, 'not-found', 'no such file');
      file = join(root, 'index.html');
    }
    const headers: Record<string, string> = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      // The token travels once in the printed URL; afterwards this port's same-site cookie carries it.
      headers['set-cookie'] = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
  };
}

/**
 * The request handler behind `npm run serve`: the contract's calls at POST /api/<call>, uploads at
 * POST /upload, the built renderer for everything else, all behind the per-run token (query, bearer
 * header or this port's cookie). No request can throw out of it: malformed input gets a 4xx, and
 * anything unexpected a 500 with a generic message (details on stderr).
 */
export function createHttpHandler(opts: BridgeOptions) {
  const root = resolve(opts.rendererDir);
  const limits: HttpLimits = {
    bodyBytes: MAX_PAYLOAD_BYTES,
    uploadBytes: MAX_PRICE_FILE_BYTES,
    ...opts.limits,
  };
  const api = apiCall(opts, limits.bodyBytes);
  const uploads = opts.uploadsDir
    ? upload({ ...opts, uploadsDir: opts.uploadsDir }, limits.uploadBytes)
    : null;
  const page = staticFile(root, opts.token);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS-rebinding guard: only our loopback host names may address this server.
    if (!isLoopbackHost(req)) return sendError(res, 'unauthorized', 'bad Host header', 403);
    const url = parseTarget(req.url);
    if (!url) return sendError(res, 'invalid-input', 'malformed request target');
    const port = req.socket.localPort ?? 0;
    if (!hasToken(req, url, opts.token, port)) {
      return sendError(
        res,
        'unauthorized',
        'missing or wrong token: open the URL that `npm run serve` printed',
      );
    }
    if (url.pathname === '/upload' && uploads) return uploads(req, res, url, port);
    if (url.pathname.startsWith('/api/')) return api(req, res, url, port);
    return page(req, res, url, port);
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      const error = internalError(`${req.method ?? '?'} ${req.url ?? ''}`, err);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { ok: false, error });
    });
  };
}
