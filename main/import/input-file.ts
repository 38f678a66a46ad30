import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { ImportError, safeName } from './errors';
import { fileKindOf as kindOf } from '../file-kind';

function refuse(name: string, what: string): ImportError {
  return new ImportError('unreadable', `cannot read ${safeName(name)}: ${what}`);
}

function unreadable(err: unknown, name: string): ImportError {
  const code = (err as NodeJS.ErrnoException).code;
  const what =
    code === 'ENOENT'
      ? 'ENOENT (no such file)'
      : code === 'EACCES' || code === 'EPERM'
        ? `${code} (permission denied)`
        : (code ?? 'cannot open it');
  return refuse(name, what);
}

/**
 * Checks that `path` is a regular file before anything opens it: opening a FIFO blocks until a
 * writer appears (forever, for an import), and a device or folder is never a price file. `name` is
 * the file as the person gave it (the message never shows the resolved path). Returns its size.
 */
export async function checkInputFile(path: string, name: string): Promise<number> {
  let s: Stats;
  try {
    s = await stat(path);
  } catch (err) {
    throw unreadable(err, name);
  }
  if (!s.isFile()) throw refuse(name, `it is ${kindOf(s)}, not a price file`);
  return s.size;
}

// O_NONBLOCK: should the path have become a FIFO since the check, open returns at once instead of
// waiting for a writer; the fstat below then refuses it. (It changes nothing for regular files.)
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Opens a regular file for reading; anything else is refused without blocking. */
export async function openRegularFile(path: string, name: string): Promise<FileHandle> {
  let fh: FileHandle;
  try {
    fh = await open(path, READ_FLAGS);
  } catch (err) {
    throw unreadable(err, name);
  }
  const s = await fh.stat();
  if (!s.isFile()) {
    await fh.close();
    throw refuse(name, `it is ${kindOf(s)}, not a price file`);
  }
  return fh;
}
