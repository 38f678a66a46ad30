import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_PAYLOAD_BYTES, tooLargeMessage } from '@shared/limits';
import { fileKindOf as kindOf } from '../file-kind';

// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer (forever, for a CLI);
// the fstat below then refuses it. It changes nothing for regular files.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 20;

/** Reads at most `limit` + 1 bytes: enough to know a file grew past the limit since its size was read. */
function readBounded(fd: number, limit: number): Buffer | null {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const n = readSync(fd, chunk, 0, CHUNK, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) return null;
  }
}

/**
 * A scenario file's text for a CLI command, or why it cannot be had: not a regular file (a FIFO,
 * folder or device is refused without blocking), unreadable, or bigger than the one size limit
 * (shared/limits.ts, the same as over HTTP and IPC), checked before reading it. `arg` is the file as
 * the person gave it; messages name it so, and `what` the kind of file expected (optimize's usage CSV
 * is read the same way).
 */
export function readScenarioFile(arg: string, what = 'scenario file'): { text: string } | { error: string } {
  let fd: number;
  try {
    fd = openSync(resolve(arg), READ_FLAGS);
  } catch (err) {
    return { error: `cannot read ${arg}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return { error: `cannot read ${arg}: it is ${kindOf(s)}, not a ${what}` };
    if (s.size > MAX_PAYLOAD_BYTES) return { error: tooLargeMessage(arg, s.size) };
    const bytes = readBounded(fd, MAX_PAYLOAD_BYTES);
    if (!bytes) return { error: tooLargeMessage(arg) };
    const text = bytes.toString('utf8');
    // Editors on Windows often save UTF-8 with a byte order mark; JSON.parse refuses it.
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    return { error: `cannot read ${arg}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    closeSync(fd);
  }
}
