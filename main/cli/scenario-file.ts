import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_PAYLOAD_BYTES, tooLargeMessage } from '../../shared/limits';

/**
 * A scenario file's text for a CLI command, or why it cannot be had: unreadable, or bigger than the
 * one size limit (shared/limits.ts, the same as over HTTP and IPC), checked before reading it.
 */
export function readScenarioFile(arg: string): { text: string } | { error: string } {
  const path = resolve(arg);
  try {
    const { size } = statSync(path);
    if (size > MAX_PAYLOAD_BYTES) return { error: tooLargeMessage(arg, size) };
    const text = readFileSync(path, 'utf8');
    // Editors on Windows often save UTF-8 with a byte order mark; JSON.parse refuses it.
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    return { error: `cannot read ${arg}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}
