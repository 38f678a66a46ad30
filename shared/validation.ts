import type { z } from 'zod';

/** The first problem of a failed parse as a field path and a readable message ("lines.0.usage.count: …"). */
export function firstIssue(
  error: z.ZodError,
  prefix: (string | number)[] = [],
): { field: string | undefined; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: prefix.length ? prefix.join('.') : undefined, message: 'invalid input' };
  const path = [
    ...prefix,
    ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : []),
  ];
  const field = path.length > 0 ? path.join('.') : undefined;
  return { field, message: `${field ?? 'input'}: ${issue.message}` };
}
