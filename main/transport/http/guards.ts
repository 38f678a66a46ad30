import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Host names that may address the server (a DNS-rebinding guard: nothing else reaches it). */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The token cookie's name for the server on `port`. Cookies ignore ports, so two servers on one
 * machine share a cookie jar; a name per port keeps one server's login from replacing the other's.
 */
export const tokenCookieName = (port: number): string => `planner_token_${port}`;

/** The request target as a URL, or null when it is not an origin-form path (`/…`) a URL can hold. */
export function parseTarget(raw: string | undefined): URL | null {
  if (!raw || !raw.startsWith('/')) return null;
  try {
    // A fixed base and the target appended as text: `//host` in the target stays part of the path.
    return new URL(`http://127.0.0.1${raw}`);
  } catch {
    return null;
  }
}

/** decodeURIComponent that answers null instead of throwing on malformed percent-encoding. */
export function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function isLoopbackHost(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  return LOOPBACK_HOSTS.includes(host.toLowerCase());
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether the request carries this server's token: `?token=` (the printed URL), a Bearer header, or
 * this port's cookie. Every cookie of that name counts, so a cookie another page planted for the
 * same host name (cookies ignore ports) cannot hide ours.
 */
export function hasToken(req: IncomingMessage, url: URL, token: string, port: number): boolean {
  const offered: string[] = [];
  const q = url.searchParams.get('token');
  if (q) offered.push(q);
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) offered.push(auth.slice(7));
  const prefix = tokenCookieName(port) + '=';
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const c = part.trim();
    if (c.startsWith(prefix)) offered.push(c.slice(prefix.length));
  }
  return offered.some((t) => sameToken(t, token));
}

/** The media type of a header value, without parameters, lower-case (`application/json`). */
export function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * A state-changing request must come from this server's own page (or from a non-browser client,
 * which sends no Origin): Origin absent or exactly our origin. Browsers always send Origin on a
 * cross-origin POST, including no-cors ones from another port of the same site.
 */
export function isOwnOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
