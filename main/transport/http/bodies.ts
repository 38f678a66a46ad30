import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { finished } from 'node:stream/promises';

export type BodyResult<T> = { kind: 'ok'; value: T } | { kind: 'too-large' } | { kind: 'aborted' };

/** The declared Content-Length when it alone proves the body too large (no need to read it). */
export function declaredTooLarge(req: IncomingMessage, max: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > max;
}

/**
 * Reads the request body into memory up to `max` bytes. Past the limit the rest is read and thrown
 * away rather than the connection cut, so the client still receives the 413 answer: `onTooLarge`
 * is called at once (to answer), and the promise settles when the body has ended.
 */
export async function readBody(
  req: IncomingMessage,
  max: number,
  onTooLarge: () => void,
): Promise<BodyResult<Buffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (c: Buffer) => {
    if (over) return;
    size += c.length;
    if (size > max) {
      over = true;
      chunks.length = 0;
      onTooLarge();
      return;
    }
    chunks.push(c);
  });
  try {
    await finished(req);
  } catch {
    return { kind: 'aborted' };
  }
  return over ? { kind: 'too-large' } : { kind: 'ok', value: Buffer.concat(chunks) };
}

/** `<16 hex>-<safe name>`: what POST /upload answers and import.start accepts as the file over HTTP. */
export const UPLOAD_ID = /^[0-9a-f]{16}-[A-Za-z0-9._-]{1,120}$/;

/**
 * Streams an uploaded file to `dir` (never into memory), at most `max` bytes. A broken or too large
 * upload leaves nothing behind; past the limit the partial file is removed at once, then
 * `onTooLarge` called, and the rest of the body read and discarded (see readBody). A disk error
 * rejects, after removing the file.
 */
export async function receiveUpload(
  req: IncomingMessage,
  dir: string,
  name: string,
  max: number,
  onTooLarge: () => void,
): Promise<BodyResult<{ id: string; bytes: number }>> {
  mkdirSync(dir, { recursive: true });
  const safe =
    basename(name)
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(-120) || 'upload';
  const id = `${randomBytes(8).toString('hex')}-${safe}`;
  const path = join(dir, id);
  const out = createWriteStream(path, { flags: 'wx' });
  // Closes the file (once it is open: destroy waits for that) and removes it.
  const discard = () => {
    out.destroy();
    return finished(out)
      .catch(() => undefined)
      .then(() => rmSync(path, { force: true }));
  };
  let bytes = 0;
  let over = false;
  let writeError: unknown = null;
  let removed: Promise<void> | null = null;
  out.on('error', (err) => {
    writeError = err;
    req.resume();
  });
  req.on('data', (c: Buffer) => {
    if (over || writeError) return;
    bytes += c.length;
    if (bytes > max) {
      over = true;
      // Answer once the partial file is gone, so a client that sees the 413 finds nothing left over.
      removed = discard().then(onTooLarge);
      return;
    }
    if (!out.write(c)) {
      req.pause();
      out.once('drain', () => req.resume());
    }
  });
  let complete = true;
  try {
    await finished(req);
  } catch {
    complete = false;
  }
  if (complete && !over && !writeError) {
    out.end();
    await finished(out).catch((err: unknown) => (writeError = err));
  }
  if (!complete || over || writeError) {
    await (removed ?? discard());
    if (writeError) throw writeError instanceof Error ? writeError : new Error(String(writeError));
    return over ? { kind: 'too-large' } : { kind: 'aborted' };
  }
  return { kind: 'ok', value: { id, bytes } };
}
