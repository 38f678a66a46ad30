import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'EC2 EBS Planner';

/**
 * Where the user's own data (scenarios, settings) lives: PLANNER_USER_DATA when set (tests, portable
 * installs); otherwise the platform's usual per-user folder — the same folder Electron's
 * app.getPath('userData') gives for this product name, so desktop, serve and CLI share one database.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.PLANNER_USER_DATA) return env.PLANNER_USER_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

export function userDbPath(dir: string = userDataDir()): string {
  return join(dir, 'planner.sqlite');
}
