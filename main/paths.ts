import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** The catalog built from the shipped snapshot by `npm run catalog`. */
export function shippedCatalogPath(): string {
  return resolve(import.meta.dirname, '..', 'pricing-data', 'catalog.sqlite');
}

/** Where imports write the user's own catalog (a copy of the shipped one plus imported prices). */
export function importedCatalogPath(dir: string = userDataDir()): string {
  return join(dir, 'catalog.sqlite');
}

/**
 * The catalog the app reads: PLANNER_CATALOG when set (tests, pinned installs); else the imported
 * catalog in the user-data folder once an import has created it; else the shipped one (`shipped`:
 * the packaged desktop app keeps it beside app.asar).
 */
export function activeCatalogPath(
  env: NodeJS.ProcessEnv = process.env,
  shipped: string = shippedCatalogPath(),
): string {
  if (env.PLANNER_CATALOG) return env.PLANNER_CATALOG;
  const imported = importedCatalogPath(userDataDir(env));
  return existsSync(imported) ? imported : shipped;
}
