/**
 * The one error an import throws for bad input: names where (byte offset for JSON, line for CSV)
 * and which field, so a person can find the problem in a multi-GB file. Messages name files as the
 * person gave them and quote file content only as a short escaped excerpt (`excerpt`).
 */
export type ImportErrorCode =
  | 'truncated'
  | 'malformed'
  | 'wrong-offer'
  | 'missing-column'
  | 'bad-price'
  | 'bad-value'
  | 'stale'
  | 'empty'
  | 'too-large'
  | 'cancelled'
  | 'unreadable'
  /** A defect of the importer itself met while reading (never bad input); the catalog is unchanged. */
  | 'internal';

export interface ImportErrorWhere {
  byteOffset?: number;
  line?: number;
  field?: string;
}

/** Longest piece of file content an error message quotes. */
export const EXCERPT_CHARS = 40;

// Characters that would hide or reorder text in a terminal or a page: shown as \uXXXX.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- these are the characters to find
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const hex = (ch: string) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');

/** Clips to EXCERPT_CHARS characters (… marks the cut) without splitting a surrogate pair. */
function clip(s: string, max = EXCERPT_CHARS): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

/**
 * A value read from a file, as an error message may show it: at most EXCERPT_CHARS characters,
 * JSON-quoted for strings, with control and invisible characters escaped.
 */
export function excerpt(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(clip(value)).replace(INVISIBLE, hex);
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'number' || typeof value === 'boolean') return clip(String(value));
  return Array.isArray(value)
    ? 'an array'
    : `a${typeof value === 'object' ? 'n object' : ' ' + typeof value}`;
}

/** A field path built from file keys (SKUs, rate codes): each part clipped, invisible characters escaped. */
export function safeField(field: string): string {
  return field
    .split('.')
    .map((part) => clip(part).replace(INVISIBLE, hex))
    .join('.');
}

/** A file name as the person gave it, for a message: invisible characters escaped, clipped to 200. */
export function safeName(name: string): string {
  return clip(name, 200).replace(INVISIBLE, hex);
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly byteOffset: number | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(code: ImportErrorCode, message: string, where: ImportErrorWhere = {}) {
    const field = where.field === undefined ? undefined : safeField(where.field);
    const at: string[] = [];
    if (where.line !== undefined) at.push(`line ${where.line}`);
    if (where.byteOffset !== undefined) at.push(`byte ${where.byteOffset}`);
    if (field !== undefined) at.push(`field ${field}`);
    super(at.length > 0 ? `${at.join(', ')}: ${message}` : message);
    this.name = 'ImportError';
    this.code = code;
    this.byteOffset = where.byteOffset;
    this.line = where.line;
    this.field = field;
  }
}

export function cancelled(): ImportError {
  return new ImportError('cancelled', 'import cancelled; the catalog was not changed');
}

/**
 * A message safe to show for any error an import may end with: an ImportError's own message; for a
 * system error its code and description without the paths Node puts in it (the catalog's and the
 * temp file's absolute paths); for anything else its first line with absolute paths cut to their
 * last part. Never a stack trace.
 */
export function publicMessage(err: unknown): string {
  if (err instanceof ImportError) return err.message;
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e.code === 'string' && /^E[A-Z0-9]+$/.test(e.code)) {
    const what = /^E[A-Z0-9]+: ([^,]+)/.exec(e.message)?.[1] ?? 'system error';
    return `${e.code} (${what})`;
  }
  const text = err instanceof Error ? err.message : String(err);
  const first = text.split('\n')[0] ?? '';
  // An absolute path (two or more separators after a root) becomes …/<last part>.
  const path = /(?<=^|[\s'"(=])(?:[A-Za-z]:)?[\\/](?:[^\s'"\\/]+[\\/])+([^\s'"\\/]*)/g;
  return clip(
    first.replace(path, (_m, last: string) => `…/${last}`),
    200,
  );
}
