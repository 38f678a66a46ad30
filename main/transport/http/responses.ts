import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CallError, CallResult } from '@shared/contract';

/** HTTP status for each contract error code. */
const STATUS: Record<CallError['code'], number> = {
  'invalid-input': 400,
  'not-found': 404,
  unauthorized: 401,
  // Stopped by jobs.cancel (main/workers/call-jobs.ts).
  cancelled: 409,
  internal: 500,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

/** An error answer in the contract's shape; `status` defaults to the code's. */
export function sendError(
  res: ServerResponse,
  code: CallError['code'],
  message: string,
  status: number = STATUS[code],
): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * An unexpected failure: the details (message, stack) go to stderr under a short id; the client
 * gets only a generic message naming that id, never a stack trace or a server path.
 */
export function internalError(context: string, err: unknown): CallError {
  const id = randomBytes(4).toString('hex');
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error(`[serve] internal error ${id} (${context}): ${detail}`);
  return {
    code: 'internal',
    message: `internal error (id ${id}); the details are in the planner's terminal output`,
  };
}

/**
 * An absolute file path (POSIX or Windows) standing alone in a message: after the start, a space, a
 * quote or a parenthesis (so URLs, `MiB/s` and `Linux/UNIX` are left alone).
 */
const ABSOLUTE_PATH = /(^|[\s'"`(])(\/[^\s'"`()<>|]+|[A-Za-z]:\\[^\s'"`()<>|]+)/g;

/** A message with every absolute path cut to its last part: the client learns no server folders. */
export function withoutPaths(message: string): string {
  return message.replace(ABSOLUTE_PATH, (_, before: string, path: string) => {
    const parts = path.split(/[\\/]/).filter(Boolean);
    return before + (parts[parts.length - 1] ?? '');
  });
}

/**
 * A call's result as an HTTP answer. An internal error's message is replaced (see internalError);
 * other errors keep their message with any absolute path cut to its file name.
 */
export function sendResult(res: ServerResponse, call: string, result: CallResult<unknown>): void {
  if (result.ok) {
    sendJson(res, 200, result);
    return;
  }
  const error =
    result.error.code === 'internal'
      ? internalError(call, result.error.message)
      : { ...result.error, message: withoutPaths(result.error.message) };
  sendJson(res, STATUS[error.code], { ok: false, error });
}
