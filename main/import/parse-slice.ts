import { ImportError } from './errors';

/** JSON.parse of one slice of a large file, with errors placed at the file's byte offset. */
export function parseSlice(json: string, byteOffset: number, field: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message);
    const at = byteOffset + (pos ? Buffer.byteLength(json.slice(0, Number(pos[1]))) : 0);
    throw new ImportError('malformed', `invalid JSON (${(err as Error).message})`, { byteOffset: at, field });
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
