import { connect } from 'node:net';

export interface RawResponse {
  /** 0 when the server closed the connection without a complete answer, -1 on timeout. */
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses one complete HTTP/1.1 response from `buf` (after any 1xx), or null if more bytes are needed. */
function parseResponse(buf: Buffer, head: boolean, closed: boolean): RawResponse | null {
  let start = 0;
  for (;;) {
    const end = buf.indexOf('\r\n\r\n', start);
    if (end < 0) return null;
    const lines = buf.toString('latin1', start, end).split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
    if (!Number.isFinite(status)) return { status: 0, headers: {}, body: buf.toString('utf8') };
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const bodyStart = end + 4;
    if (status >= 100 && status < 200) {
      start = bodyStart;
      continue;
    }
    if (head || status === 204 || status === 304) return { status, headers, body: '' };
    if (headers['content-length'] !== undefined) {
      const n = Number(headers['content-length']);
      if (buf.length - bodyStart < n) return null;
      return { status, headers, body: buf.toString('utf8', bodyStart, bodyStart + n) };
    }
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const parts: Buffer[] = [];
      let at = bodyStart;
      for (;;) {
        const lineEnd = buf.indexOf('\r\n', at);
        if (lineEnd < 0) return null;
        const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
        if (size === 0) return { status, headers, body: Buffer.concat(parts).toString('utf8') };
        if (buf.length < lineEnd + 2 + size + 2) return null;
        parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
    }
    return closed ? { status, headers, body: buf.toString('utf8', bodyStart) } : null;
  }
}

/**
 * Sends raw bytes (anything, well-formed or not) to 127.0.0.1:`port` on a fresh connection and
 * resolves with the first complete response; the connection is then closed from our side.
 */
export function rawRequest(
  port: number,
  request: string | Buffer,
  opts: { timeoutMs?: number; head?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (r: RawResponse) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ status: -1, headers: {}, body: '' }), opts.timeoutMs ?? 10_000);
    const head =
      opts.head ?? /^HEAD /.test(typeof request === 'string' ? request : request.toString('latin1', 0, 5));
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const r = parseResponse(buf, head, false);
      if (r) finish(r);
    });
    // A reset after the answer arrived still counts as answered: parse what we have.
    const closed = () =>
      finish(parseResponse(buf, head, true) ?? { status: 0, headers: {}, body: buf.toString() });
    socket.on('end', closed);
    socket.on('close', closed);
    socket.on('error', () => undefined);
    socket.write(request);
  });
}

/** A request with CRLF line ends and a correct Content-Length for `body`. */
export function httpRequest(
  method: string,
  target: string,
  headers: Record<string, string>,
  body: string | Buffer = '',
): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const lines = [`${method} ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (bytes.length > 0 || method === 'POST') lines.push(`Content-Length: ${bytes.length}`);
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), bytes]);
}
