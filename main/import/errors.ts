/**
 * The one error an import throws for bad input: names where (byte offset for JSON, line for CSV)
 * and which field, so a person can find the problem in a multi-GB file.
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
  | 'unreadable';

export interface ImportErrorWhere {
  byteOffset?: number;
  line?: number;
  field?: string;
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly byteOffset: number | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(code: ImportErrorCode, message: string, where: ImportErrorWhere = {}) {
    const at: string[] = [];
    if (where.line !== undefined) at.push(`line ${where.line}`);
    if (where.byteOffset !== undefined) at.push(`byte ${where.byteOffset}`);
    if (where.field !== undefined) at.push(`field ${where.field}`);
    super(at.length > 0 ? `${at.join(', ')}: ${message}` : message);
    this.name = 'ImportError';
    this.code = code;
    this.byteOffset = where.byteOffset;
    this.line = where.line;
    this.field = where.field;
  }
}

export function cancelled(): ImportError {
  return new ImportError('cancelled', 'import cancelled; the catalog was not changed');
}
