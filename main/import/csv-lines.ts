import { StringDecoder } from 'node:string_decoder';
import type { ByteReader } from './byte-reader';
import { ImportError, type ImportErrorWhere } from './errors';

const CHUNK = 4 << 20;

/**
 * Splits one CSV record into `out` (RFC 4180 quoting: "" inside quotes is a quote). Returns false
 * when a quoted field is still open at the end (the record continues on the next line).
 */
export function splitCsv(line: string, out: string[]): boolean {
  out.length = 0;
  const n = line.length;
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 0x22) {
      let val = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return false;
        if (line.charCodeAt(q + 1) === 0x22) {
          val += line.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        val += line.slice(j, q);
        i = q + 1;
        break;
      }
      out.push(val);
    } else {
      const c = line.indexOf(',', i);
      const e = c < 0 ? n : c;
      out.push(line.slice(i, e));
      i = e;
    }
    if (i >= n) return true;
    i++; // the comma
    if (i === n) {
      out.push('');
      return true;
    }
  }
}

/**
 * Streams a CSV file line by line (chunks decoded with a StringDecoder so multi-byte characters
 * survive chunk edges) and calls `onLine(text, lineNumber)`. When `onLine` returns false the record
 * is incomplete (a newline inside quotes): it is called again with the next line appended. A UTF-8
 * byte order mark is skipped. AWS ends every line, the last one too, with a line break: a file
 * whose last line has none was cut mid-row and is refused (its last row may look complete).
 */
export async function readCsvLines(
  reader: ByteReader,
  onLine: (line: string, lineNo: number) => boolean,
): Promise<number> {
  const decoder = new StringDecoder('utf8');
  const buf = Buffer.allocUnsafe(CHUNK);
  let carry = '';
  let lineNo = 0;
  let pending: string | null = null;
  let pendingStart = 0;
  let first = true;
  const emit = (text: string) => {
    lineNo++;
    const line = pending === null ? text : pending + '\n' + text;
    const start = pending === null ? lineNo : pendingStart;
    if (onLine(line, start)) {
      pending = null;
    } else {
      if (pending === null) pendingStart = lineNo;
      pending = line;
    }
  };
  for (;;) {
    const n = await reader.read(buf, 0, CHUNK);
    if (n === 0) break;
    let text = carry + decoder.write(buf.subarray(0, n));
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
      emit(text.slice(start, end));
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  carry += decoder.end();
  if (pending !== null) {
    throw new ImportError('truncated', 'file ends inside a quoted field', { line: pendingStart });
  }
  if (carry.length > 0) {
    throw new ImportError('truncated', 'the file ends in the middle of this line (it has no line break)', {
      line: lineNo + 1,
    });
  }
  return lineNo;
}

/** The five metadata lines of an AWS CSV price file ("Publication Date","…"). */
export function csvMetadata(lines: string[][]): Record<string, string> {
  const meta = Object.create(null) as Record<string, string>;
  for (const f of lines) if (f.length >= 2) meta[f[0]!] = f[1]!;
  return meta;
}

/** The line of the "Publication Date" metadata row (line 3 in AWS's files), for date errors. */
export function dateLine(metaLines: string[][]): ImportErrorWhere {
  const i = metaLines.findIndex((f) => f[0] === 'Publication Date');
  return { line: i < 0 ? 3 : i + 1 };
}

/** Column positions from the header row; a missing required column is bad input on that line. */
export function columnIndex(
  header: string[],
  required: readonly string[],
  lineNo: number,
): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  for (const name of required) {
    if (!index.has(name)) {
      throw new ImportError('missing-column', `the header has no "${name}" column`, {
        line: lineNo,
        field: name,
      });
    }
  }
  return index;
}
