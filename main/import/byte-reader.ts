import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { cancelled } from './errors';
import { openRegularFile } from './input-file';

/** Bytes read so far, for progress reports; shared by every format's reader. */
export interface ReadStats {
  bytesRead: number;
  totalBytes: number;
}

export type ChunkListener = (stats: ReadStats) => void;

/**
 * Reads a file in large chunks into a caller-owned buffer (no per-chunk allocation), checks the
 * AbortSignal between chunks and tells a listener how far it got.
 */
export class ByteReader {
  readonly stats: ReadStats;
  private constructor(
    private readonly fh: FileHandle,
    totalBytes: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onChunk: ChunkListener | undefined,
  ) {
    this.stats = { bytesRead: 0, totalBytes };
  }

  /** `name`: the file as the person gave it, for messages (never the resolved path). */
  static async open(
    path: string,
    signal?: AbortSignal,
    onChunk?: ChunkListener,
    name: string = basename(path),
  ): Promise<ByteReader> {
    const fh = await openRegularFile(path, name);
    const { size } = await fh.stat();
    return new ByteReader(fh, size, signal, onChunk);
  }

  /** Fills buf[offset, offset+length); returns the bytes read, 0 at end of file. */
  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    if (this.signal?.aborted) throw cancelled();
    const { bytesRead } = await this.fh.read(buf, offset, length, null);
    this.stats.bytesRead += bytesRead;
    this.onChunk?.(this.stats);
    if (this.signal?.aborted) throw cancelled();
    return bytesRead;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
