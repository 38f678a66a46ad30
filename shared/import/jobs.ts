import type { CatalogMeta } from '../catalog-types';
import type { ImportProgress, ImportSummary } from './types';

/** A running or finished import as the Data screen sees it (polled through `import.status`). */
export interface ImportJobStatus {
  id: string;
  kind: 'file' | 'aws-update';
  /** The file being imported, or the regions being updated. */
  label: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  startedAt: string;
  finishedAt: string | null;
  phase: 'upload' | 'index' | 'download' | 'import' | null;
  progress: ImportProgress | null;
  summaries: ImportSummary[];
  error: { message: string; code: string | null } | null;
}

export interface DataStatus {
  catalogPath: string;
  /** shipped = built from pricing-data/; imported = the user's catalog after imports; custom = chosen by path. */
  origin: 'shipped' | 'imported' | 'custom';
  meta: CatalogMeta;
  /** The latest import of this run, if any. */
  job: ImportJobStatus | null;
  /** Set when the imported catalog could not be opened and the shipped one is in use instead. */
  catalogProblem?: CatalogProblem;
}

/** A catalog file the app could not use: which one, and the reason SQLite (or the schema check) gave. */
export interface CatalogProblem {
  file: string;
  reason: string;
}
