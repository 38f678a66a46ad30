/**
 * `npm run serve`: the app in a browser. main's services over HTTP on 127.0.0.1, serving the built
 * renderer, behind a random per-run token carried in the URL it prints (like Jupyter).
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHttpHandler, newToken } from './http-bridge';
import { createServices, type ServiceOptions } from './services';

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '..', 'dist', 'renderer');

export async function startServer(
  opts: { port?: number; rendererDir?: string; token?: string } & ServiceOptions = {},
): Promise<RunningServer> {
  const services = createServices(opts);
  const token = opts.token ?? newToken();
  let port = opts.port ?? 0;
  const server = createServer(
    createHttpHandler({
      handlers: services.handlers,
      token,
      rendererDir: opts.rendererDir ?? DEFAULT_RENDERER_DIR,
      uploadsDir: services.uploadsDir,
    }),
  );
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

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
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
