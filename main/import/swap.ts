import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `<target>.import-<pid>.tmp`: the private copy an import writes, beside the target. */
export function tempPathFor(target: string, pid: number = process.pid): string {
  return `${target}.import-${pid}.tmp`;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes temp files left by imports that were killed (their process is gone). */
export function removeStaleTemps(target: string): string[] {
  const dir = dirname(target);
  const prefix = basename(target) + '.import-';
  const removed: string[] = [];
  if (!existsSync(dir)) return removed;
  for (const name of readdirSync(dir)) {
    const m = name.startsWith(prefix) ? /^(\d+)\.tmp(-journal)?$/.exec(name.slice(prefix.length)) : null;
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function copyForImport(source: string, temp: string): void {
  removeTemp(temp);
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
