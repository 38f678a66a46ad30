import Database from 'better-sqlite3';
import { migrate, type Migration } from './migrate';

/**
 * How a writable database's commits reach the disk.
 * - `full`: WAL, synchronous=FULL — a committed change survives a power cut (the user's scenarios).
 * - `normal`: WAL, synchronous=NORMAL — never corrupts, but a power cut may lose the last commits;
 *   for data that can be rebuilt (the catalog).
 * - `none`: no fsync (the file keeps its rollback journal: better-sqlite3's defensive mode refuses
 *   journal_mode=OFF) — only for a private scratch copy that is thrown away on any failure and made
 *   durable by the caller before use (an import's temporary catalog).
 */
export type Durability = 'full' | 'normal' | 'none';

export interface OpenOptions {
  readonly?: boolean;
  /** Refuse to create the file when it is missing; default: true for read-only opens, else false. */
  fileMustExist?: boolean;
  /** Writable opens only; default `full` (the safe choice). */
  durability?: Durability;
  migrations?: readonly Migration[];
  label?: string;
  /** Electron passes the native module rebuilt for its ABI (see scripts/electron-native.ts). */
  nativeBinding?: string;
}

let defaultNativeBinding: string | undefined;
/** Set once by the Electron shell so every database opened in that process uses Electron's ABI build. */
export function setNativeBinding(path: string | undefined): void {
  defaultNativeBinding = path;
}
/** The binding set above, if any: worker threads open their databases with the same one. */
export function nativeBinding(): string | undefined {
  return defaultNativeBinding;
}

const PRAGMAS: Record<Durability, readonly string[]> = {
  full: ['journal_mode = WAL', 'synchronous = FULL'],
  normal: ['journal_mode = WAL', 'synchronous = NORMAL'],
  none: ['synchronous = OFF'],
};

/**
 * The one way the app opens a SQLite database (ESLint forbids importing better-sqlite3 elsewhere), so
 * the Electron-ABI binding and the project's habits apply to every file: explicit journal and
 * synchronous, foreign keys, migrations (or, read-only, a schema version check).
 */
export function openDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  const nativeBinding = opts.nativeBinding ?? defaultNativeBinding;
  const readonly = opts.readonly ?? false;
  const db = new Database(path, {
    readonly,
    fileMustExist: opts.fileMustExist ?? readonly,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    if (!readonly) for (const pragma of PRAGMAS[opts.durability ?? 'full']) db.pragma(pragma);
    db.pragma('foreign_keys = ON');
    if (opts.migrations) {
      if (readonly) {
        const version = db.pragma('user_version', { simple: true }) as number;
        if (version !== opts.migrations.length) {
          throw new Error(
            `The ${opts.label ?? 'catalog'} at ${path} has schema version ${version}; this app needs ${opts.migrations.length}. ` +
              'Rebuild it with `npm run catalog`.',
          );
        }
      } else {
        migrate(db, opts.migrations, opts.label ?? 'database');
      }
    }
  } catch (err) {
    // Never leave a half-set-up handle open (it would keep the file locked on Windows).
    db.close();
    throw err;
  }
  return db;
}
