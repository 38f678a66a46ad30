import type { ByteReader } from './byte-reader';
import { ImportError } from './errors';
import { jsonFailure } from './parse-slice';

/**
 * A byte-level scanner for very large JSON documents (AWS offer files: 0.5–9 GB). It tracks only
 * structure — strings and escapes, depth, the keys of the first levels — and hands the exact bytes
 * of the containers the caller asks for to the caller (who JSON.parses the few it needs), so only
 * small slices are ever materialized. Skipped regions are still checked for balanced brackets,
 * closed strings and legal characters; parsed slices are fully validated by JSON.parse.
 */
export interface ScanTarget {
  /** A string value directly inside the root object (offerCode, version, publicationDate…). */
  topString(key: string, value: string, byteOffset: number): void;
  /** Whether to hand over the container opening at `depth` (root object = depth 1) at `byteOffset`. */
  wants(depth: number, keys: readonly string[], parentIsArray: boolean, byteOffset: number): boolean;
  /** The bytes [start, end) of a wanted container in `buf` (valid only during the call). */
  value(
    buf: Buffer,
    start: number,
    end: number,
    depth: number,
    keys: readonly string[],
    byteOffset: number,
  ): void;
}

const CHUNK = 4 << 20;
const MAX_SLICE = 256 << 20;
const MAX_DEPTH = 64;
const KEY_DEPTH = 3;

// Bytes allowed outside strings besides structure: whitespace and the letters of numbers/literals.
const LEGAL = new Uint8Array(256);
for (const ch of ' \t\r\n0123456789+-.eEtrufalsn') LEGAL[ch.charCodeAt(0)] = 1;

const OBJ = 1;
const ARR = 2;

/**
 * `known` = how many levels of `keys` name the container the error is in (keys[d] names the value
 * read at depth d; inside a handed-over slice keys are not tracked, so they stop at its path).
 */
function fail(
  code: 'malformed' | 'truncated',
  msg: string,
  at: number,
  keys: string[],
  known: number,
): never {
  const field = keys.slice(1, Math.min(known, KEY_DEPTH) + 1).join('.') || '(root)';
  throw new ImportError(code, msg, { byteOffset: at, field });
}

// eslint-disable-next-line no-control-regex -- these are the characters to find
const CONTROL = /[\u0000-\u001f]/;

/**
 * The string whose quotes are at b[open] and b[close]: escapes decoded, raw control characters
 * (which JSON forbids) refused at their byte.
 */
function jsonString(
  b: Buffer,
  open: number,
  close: number,
  at: number,
  keys: string[],
  known: number,
): string {
  const raw = b.toString('utf8', open + 1, close);
  if (raw.indexOf('\\') < 0 && !CONTROL.test(raw)) return raw;
  const json = b.toString('utf8', open, close + 1);
  try {
    return JSON.parse(json) as string;
  } catch (err) {
    const f = jsonFailure(err, json);
    return fail('malformed', `invalid string (${f.reason})`, at + f.offset, keys, known);
  }
}

/** Index of the quote closing the string whose opening quote is at `open`, or -1 if not in [0, end). */
function stringEnd(b: Buffer, open: number, end: number): number {
  let j = b.indexOf(0x22, open + 1);
  for (;;) {
    if (j < 0 || j >= end) return -1;
    if (b[j - 1] !== 0x5c) return j;
    let k = j - 1;
    while (b[k] === 0x5c) k--;
    if ((j - 1 - k) % 2 === 0) return j; // an even run of backslashes escapes only itself
    j = b.indexOf(0x22, j + 1);
  }
}

export async function scanJson(reader: ByteReader, target: ScanTarget): Promise<void> {
  let buf = Buffer.allocUnsafe(CHUNK * 2);
  let len = 0;
  let i = 0;
  let base = 0; // file offset of buf[0]
  let depth = 0;
  let expectKey = false;
  let capDepth = 0;
  let capStart = 0;
  let rootDone = false;
  let eof = false;
  const types = new Uint8Array(MAX_DEPTH + 1);
  const keys: string[] = new Array<string>(KEY_DEPTH + 1).fill('');

  for (;;) {
    const b = buf;
    const end = len;
    for (; i < end; i++) {
      const c = b[i]!;
      if (c === 0x20 || c === 0x0a) continue;
      if (c === 0x22) {
        const close = stringEnd(b, i, end);
        if (close < 0) break; // the string continues in the next chunk: re-scan it from its quote
        if (capDepth === 0) {
          if (expectKey) {
            if (depth <= KEY_DEPTH) keys[depth] = jsonString(b, i, close, base + i, keys, depth - 1);
          } else if (depth === 1) {
            target.topString(keys[1]!, jsonString(b, i, close, base + i, keys, 1), base + i);
          }
        }
        i = close;
      } else if (c === 0x2c) {
        expectKey = types[depth] === OBJ;
      } else if (c === 0x3a) {
        expectKey = false;
      } else if (c === 0x7b || c === 0x5b) {
        if (rootDone)
          fail(
            'malformed',
            'content after the end of the document',
            base + i,
            keys,
            (capDepth || depth + 1) - 1,
          );
        if (depth === MAX_DEPTH)
          fail('malformed', 'nested too deeply', base + i, keys, (capDepth || depth + 1) - 1);
        depth++;
        const isObj = c === 0x7b;
        types[depth] = isObj ? OBJ : ARR;
        expectKey = isObj;
        if (capDepth === 0 && depth >= 2 && depth <= KEY_DEPTH + 1) {
          if (target.wants(depth, keys, types[depth - 1] === ARR, base + i)) {
            capDepth = depth;
            capStart = i;
          }
        }
      } else if (c === 0x7d || c === 0x5d) {
        if (depth === 0 || types[depth] !== (c === 0x7d ? OBJ : ARR)) {
          fail(
            'malformed',
            `unexpected '${String.fromCharCode(c)}'`,
            base + i,
            keys,
            (capDepth || depth + 1) - 1,
          );
        }
        if (capDepth === depth) {
          target.value(b, capStart, i + 1, depth, keys, base + capStart);
          capDepth = 0;
        }
        depth--;
        if (depth === 0) rootDone = true;
        expectKey = false;
      } else if (LEGAL[c] !== 1) {
        fail(
          'malformed',
          `unexpected character 0x${c.toString(16).padStart(2, '0')}`,
          base + i,
          keys,
          (capDepth || depth + 1) - 1,
        );
      }
    }
    if (eof) break;

    // Keep the unfinished slice or string, move it to the front, read the next chunk after it.
    const from = capDepth > 0 ? capStart : i;
    if (from > 0) {
      buf.copyWithin(0, from, len);
      len -= from;
      i -= from;
      base += from;
      capStart -= from;
    }
    if (buf.length - len < CHUNK) {
      if (len > MAX_SLICE) {
        throw new ImportError('too-large', 'one object is larger than 256 MB', { byteOffset: base });
      }
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    const n = await reader.read(buf, len, CHUNK);
    if (n === 0) eof = true;
    len += n;
    // A UTF-8 byte order mark before the document is allowed (and skipped).
    if (base === 0 && i === 0 && len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
  }

  const fileEnd = base + len;
  if (i < len) fail('truncated', 'file ends inside a string', fileEnd, keys, (capDepth || depth + 1) - 1);
  if (depth > 0)
    fail(
      'truncated',
      `file ends inside an object (${depth} level(s) open)`,
      fileEnd,
      keys,
      (capDepth || depth + 1) - 1,
    );
  if (!rootDone) fail('truncated', 'file holds no JSON object', fileEnd, keys, (capDepth || depth + 1) - 1);
}
