import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './transport/http/bridge';

/**
 * The desktop window's page is served from app://planner/, a privileged custom scheme, instead of
 * file://: the page gets a real origin (so 'self' in the policy means our files only), real response
 * headers (the Content-Security-Policy), and no file:// powers (the grantFileProtocolExtraPrivileges
 * fuse is off). Everything here is plain Node and web-standard Request/Response, so it is unit-tested
 * without Electron; main/app.ts registers it.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'planner';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready: a standard, secure scheme (an
 * origin, relative URLs, localStorage) whose same-origin module scripts load through fetch. No
 * bypassCSP, no service workers, and no corsEnabled, so no other origin can read it.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** The only file types the built renderer contains; anything else is not ours to serve. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type AppFileRequest =
  | { ok: true; path: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

const refuse = (status: 400 | 403 | 404 | 405, reason: string): AppFileRequest => ({
  ok: false,
  status,
  reason,
});

/**
 * Which file under `rendererDir` an app:// request means, or why it is refused: another scheme or
 * host, a method other than GET/HEAD, a malformed escape, a NUL byte, or any path that leads outside
 * the folder (`..`, encoded `%2e%2e`, `%2f`, backslashes, absolute paths).
 */
export function resolveAppRequest(rendererDir: string, url: string, method = 'GET'): AppFileRequest {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, `method ${method}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return refuse(404, 'not our origin');
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return refuse(400, 'malformed escape');
  }
  if (pathname.includes('\0')) return refuse(400, 'NUL in path');
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rendererDir);
  // Backslashes are separators on Windows: treat them as such everywhere, so the check is the same.
  const full = resolve(root, ...pathname.split(/[/\\]+/).filter(Boolean));
  const inside = relative(root, full);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
    return refuse(403, 'outside the renderer folder');
  }
  const contentType = CONTENT_TYPES[extname(full).toLowerCase()];
  if (!contentType) return refuse(404, 'not a renderer file type');
  return { ok: true, path: full, contentType };
}

/** The headers on every file the app:// handler serves. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

/** The protocol.handle('app', …) handler: files from `rendererDir` with the policy, 4xx for the rest. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const target = resolveAppRequest(rendererDir, request.url, request.method);
    if (!target.ok) return new Response(null, { status: target.status });
    let body: Buffer;
    try {
      body = await readFile(target.path);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: appResponseHeaders(target.contentType),
    });
  };
}
