import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * True when the module at `moduleUrl` (its import.meta.url) is the program Node was asked to run, not
 * a module imported by another: process.argv[1] names it directly or through a link, such as the
 * `ec2-planner` link npm puts in a bin folder (Node runs the link's target, so the paths are compared
 * after resolving links).
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return realpathSync(resolve(invoked)) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
