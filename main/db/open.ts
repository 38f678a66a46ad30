import Database from 'better-sqlite3';
import { migrate, type Migration } from './migrate';

export interface OpenOptions {
  readonly?: boolean;
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

/** Opens a database with the project's habits: WAL, foreign keys, explicit synchronous, migrations. */
export function openDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  const nativeBinding = opts.nativeBinding ?? defaultNativeBinding;
  const db = new Database(path, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  if (opts.migrations) {
    if (opts.readonly) {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== opts.migrations.length) {
        db.close();
        throw new Error(
          `The ${opts.label ?? 'catalog'} at ${path} has schema version ${version}; this app needs ${opts.migrations.length}. ` +
            'Rebuild it with `npm run catalog`.',
        );
      }
    } else {
      migrate(db, opts.migrations, opts.label ?? 'database');
    }
  }
  return db;
}
