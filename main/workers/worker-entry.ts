/**
 * A planner worker thread (started by main/workers/pool.ts): runs the heavy tasks of tasks.ts on its
 * own read-only connection to the catalog it was started with. Bundled to dist-electron/worker.cjs for
 * the desktop app (scripts/build-electron.ts); started through tsx from the sources.
 */
import { workerData } from 'node:worker_threads';
import { setNativeBinding } from '../db/open';
import type { PdfRenderer } from '../reports/pdf';
import { openCatalogContext } from '../services';
import { serveTasks } from './host';
import type { PlannerWorkerData } from './protocol';
import { runTask, type TaskContext } from './tasks';

const data = workerData as PlannerWorkerData;
// The same opener and the same native build as the main process (Electron's ABI in the desktop app).
setNativeBinding(data.nativeBinding);

const printHere: PdfRenderer = () =>
  Promise.reject(new Error('PDFs are printed by the main process, not in a worker'));

let context: TaskContext | null = null;
// Opened on first use: an import task never needs it, and an unreadable catalog fails that task only.
const catalog = (): TaskContext => (context ??= openCatalogContext(data.catalogPath, printHere));

serveTasks((task, input, tools) => runTask(task, catalog, input, tools));
