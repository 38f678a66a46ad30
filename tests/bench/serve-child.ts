/**
 * `serve` for the catalog page benchmark, on a chosen catalog and a chosen renderer build (so a
 * baseline build of an older commit can be measured against the same services):
 * `tsx tests/bench/serve-child.ts CATALOG RENDERER_DIR` → prints the URL with its token.
 */
import { startServer } from '../../main/serve';

const [catalogPath, rendererDir] = process.argv.slice(2);
if (!catalogPath || !rendererDir) {
  console.error('usage: serve-child.ts CATALOG RENDERER_DIR');
  process.exit(2);
}
const running = await startServer({ port: 0, catalogPath, rendererDir });
console.log(running.url);
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
