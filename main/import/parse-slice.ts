import { excerpt, ImportError } from './errors';

export interface JsonFailure {
  /** What JSON.parse objected to, without the source excerpt V8 puts in its message. */
  reason: string;
  /** Bytes from the start of the parsed text to the fault (0 when V8 does not say). */
  offset: number;
  /** The text ended before the value did. */
  truncated: boolean;
}

/** Turns a JSON.parse SyntaxError into a reason and a byte offset within `json`. */
export function jsonFailure(err: unknown, json: string): JsonFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (/Unexpected end of JSON input/.test(message)) {
    return { reason: 'the text ends inside a value', offset: Buffer.byteLength(json), truncated: true };
  }
  const pos = /at position (\d+)/.exec(message);
  const offset = pos ? Buffer.byteLength(json.slice(0, Number(pos[1]))) : 0;
  // V8: "Unexpected token 'x', "…source…" is not valid JSON" or "Bad control character … at position 7".
  const token = /^Unexpected token '(.*)', /s.exec(message);
  const reason = token
    ? `unexpected ${excerpt(token[1])}`
    : (message.replace(/ in JSON at position \d+.*$/s, '').split(',')[0] ?? 'invalid JSON').slice(0, 80);
  return { reason, offset, truncated: false };
}

/** JSON.parse of one slice of a large file, with errors placed at the file's byte offset. */
export function parseSlice(json: string, byteOffset: number, field: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (err) {
    const f = jsonFailure(err, json);
    throw new ImportError(f.truncated ? 'truncated' : 'malformed', `invalid JSON (${f.reason})`, {
      byteOffset: byteOffset + f.offset,
      field,
    });
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A lookup in a constant table that never answers with Object.prototype members ("constructor"). */
export function own<T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
