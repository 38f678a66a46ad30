import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { ImportError } from './errors';

/**
 * The catalog an import starts from: the target itself once it exists, else the base catalog it is
 * first copied from (the shipped one, for the user's own catalog); refused when there is neither.
 */
export function importBase(target: string, baseCatalogPath: string | undefined): string {
  const base = existsSync(target) ? target : baseCatalogPath;
  if (!base || !existsSync(base))
    throw new ImportError(
      'unreadable',
      'the catalog does not exist yet and there is no catalog to start it from',
    );
  return base;
}

/**
 * `<target>.import-<pid>.tmp`: the private copy an import writes, beside the target. A worker
 * thread adds its id (`-<thread>`); a second import of this thread while an earlier one is still
 * winding down (a cancelled job whose read has not returned) adds a count (`.2`), so neither ever
 * removes or overwrites the other's file.
 */
export function tempPathFor(target: string, pid: number = process.pid, n = 1): string {
  return `${target}.import-${pid}${threadId ? `-${threadId}` : ''}${n > 1 ? `.${n}` : ''}.tmp`;
}

/** Temp files of this thread's imports that are still running. */
const active = new Set<string>();

/** A temp path no running import of this thread uses; release it with releaseTemp. */
export function claimTemp(target: string): string {
  let n = 1;
  while (active.has(resolve(tempPathFor(target, process.pid, n)))) n++;
  const temp = tempPathFor(target, process.pid, n);
  active.add(resolve(temp));
  return temp;
}

/** Removes the temp file (and its journal) and frees its name. */
export function releaseTemp(temp: string): void {
  removeTemp(temp);
  active.delete(resolve(temp));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes temp files left by imports that were killed (their process is gone) or that ended
 * without cleaning up in this thread. Another live process's, another thread's, and this thread's
 * running imports' files are left alone.
 */
export function removeStaleTemps(target: string): string[] {
  const dir = dirname(target);
  const prefix = basename(target) + '.import-';
  const removed: string[] = [];
  if (!existsSync(dir)) return removed;
  for (const name of readdirSync(dir)) {
    const rest = name.startsWith(prefix) ? name.slice(prefix.length) : '';
    const m = /^(\d+)(?:-(\d+))?(?:\.\d+)?\.tmp(-journal)?$/.exec(rest);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid) {
      if (Number(m[2] ?? 0) !== threadId) continue;
      if (active.has(resolve(dir, name.replace(/-journal$/, '')))) continue;
    } else if (alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Copies the catalog an import starts from to its temp path, creating the folder if needed. */
export function copyForImport(source: string, temp: string): void {
  removeTemp(temp);
  mkdirSync(dirname(temp), { recursive: true });
  copyFileSync(source, temp);
}

export function removeTemp(temp: string): void {
  rmSync(temp, { force: true });
  rmSync(temp + '-journal', { force: true });
}

/**
 * Makes the new catalog durable, then renames it over the target: rename(2) is atomic, so a reader
 * (or a crash) sees either the old file or the new one, never a mix.
 */
export function swapInto(temp: string, target: string): void {
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
  try {
    const dirFd = openSync(dirname(target), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Directories cannot be opened for fsync on some platforms (Windows); the rename still holds.
  }
}
