/**
 * `npm run serve`: the app in a browser. main's services over HTTP on 127.0.0.1, serving the built
 * renderer, behind a random per-run token carried in the URL it prints (like Jupyter).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHttpHandler, newToken, type HttpLimits } from './transport/http/bridge';
import { createServices, type ServiceOptions } from './services';
import { isEntryPoint } from './entry-point';

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  /** Where uploads land (tests look there; clients only ever see upload ids). */
  uploadsDir: string;
  close(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '..', 'dist', 'renderer');

export async function startServer(
  opts: {
    port?: number;
    rendererDir?: string;
    token?: string;
    /** Lower request limits (tests); the defaults derive from the contract (see main/transport/http/bridge.ts). */
    limits?: Partial<HttpLimits>;
  } & ServiceOptions = {},
): Promise<RunningServer> {
  // Long-lived: pricing, reports and imports run in worker threads so every other call keeps answering.
  const services = createServices({ workers: true, ...opts });
  const token = opts.token ?? newToken();
  let port = opts.port ?? 0;
  const handler = createHttpHandler({
    handlers: services.handlers,
    token,
    rendererDir: opts.rendererDir ?? DEFAULT_RENDERER_DIR,
    uploadsDir: services.uploadsDir,
    ...(opts.limits ? { limits: opts.limits } : {}),
  });
  const server = createServer(handler);
  server.on('clientError', answerClientError);
  // CONNECT (a proxy tunnel) is not ours to serve; unanswered, Node would just drop the connection.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) =>
    refuse(socket, '405 Method Not Allowed', 'this server is not a proxy'),
  );
  // `Expect: 100-continue`: the handler decides (it refuses a body declared too large, or a request
  // without the token, before the client sends it; see main/transport/http/bridge.ts).
  server.on('checkContinue', handler);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    uploadsDir: services.uploadsDir,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          services.close();
          ok();
        });
      }),
  };
}

/** Answers on a bare socket (no response object exists) and closes it, letting go after a grace period. */
function refuse(socket: Duplex, status: string, message: string): void {
  const body = JSON.stringify({ ok: false, error: { code: 'invalid-input', message } });
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 2000).unref();
}

/**
 * Malformed HTTP (a bad request line, invalid header characters, headers over Node's size limit)
 * never reaches the handler: answer it with a small 4xx, as Node's default does, unless a response
 * is already under way on this socket; then close.
 */
function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : '400 Bad Request';
  refuse(socket, status, 'malformed HTTP request');
}

if (isEntryPoint(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, catalog: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: must be a whole number from 0 to 65535, got ${values.port}`);
    process.exit(2);
  }
  if (!existsSync(resolve(DEFAULT_RENDERER_DIR, 'index.html'))) {
    console.error('The renderer is not built: run `npm run build:renderer` (npm run serve does it for you).');
    process.exit(2);
  }
  try {
    const running = await startServer({
      port,
      ...(values.catalog ? { catalogPath: resolve(values.catalog) } : {}),
    });
    console.log(
      `EC2/EBS planner is serving on 127.0.0.1. Open this URL (it carries this run's access token):`,
    );
    console.log(`  ${running.url}`);
    const stop = () => void running.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`serve: ${(err as Error).message}`);
    process.exit(2);
  }
}
