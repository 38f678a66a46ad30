import { open, type FileHandle } from 'node:fs/promises';
import { cancelled } from './errors';

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

  static async open(path: string, signal?: AbortSignal, onChunk?: ChunkListener): Promise<ByteReader> {
    const fh = await open(path, 'r');
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
