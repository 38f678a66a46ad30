import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions,
  type Session,
} from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { setNativeBinding } from './db/open';
import { registerIpc, sendMenuCommand } from './transport/ipc';
import { activeCatalogPath, userDataDir, userDbPath } from './paths';
import { renderPdfWithElectron } from './reports/pdf-electron';
import { createServices, type Services } from './services';
import { flushBeforeClose } from './window-close';
import { hardenWebContents, isTrustedSender } from './window-security';

/**
 * The Electron main process: one window, our own page only, every call through the contract's IPC.
 * Bundled to dist-electron/app.cjs by scripts/build-electron.ts. Paths come from app.getAppPath()
 * (the folder holding package.json, or app.asar when packaged), never from import.meta.
 */

const PRODUCT_NAME = 'EC2 EBS Planner';

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
/** Set once the app is quitting, so a window whose close was held for a flush quits instead of closing. */
let quitting = false;

function appPath(...parts: string[]): string {
  return join(app.getAppPath(), ...parts);
}

const rendererDir = appPath('dist', 'renderer');
const indexHtml = join(rendererDir, 'index.html');
/** The only page this app shows, served by the app:// handler (main/app-protocol.ts). */
const appUrl = APP_INDEX_URL;

/** The catalog that ships with the app; electron-builder.yml copies it next to app.asar. */
function shippedCatalog(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'catalog.sqlite')
    : appPath('pricing-data', 'catalog.sqlite');
}

/** The rule of main/paths.ts (userData is set to userDataDir() below, before start). */
function resolveCatalogPath(): string {
  return resolve(activeCatalogPath(process.env, shippedCatalog()));
}

/** Shows a message a person can act on, then quits; used before or instead of the window. */
function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  services?.close();
  services = null;
  // exit, not quit: nothing else should run (no window, no will-quit handlers).
  app.exit(1);
}

function configureSession(ses: Session): void {
  // The page and its assets come from app://planner with the Content-Security-Policy on every response.
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  // No remote content, whatever the page or a dependency tries: the app is offline by design.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
  // The planner needs no camera, notifications, geolocation, clipboard reads or devices.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** File menu: Export report… opens the renderer's export dialog (it picks the format; see downloads). */
function fileMenu(): MenuItemConstructorOptions {
  const isMac = process.platform === 'darwin';
  return {
    label: '&File',
    submenu: [
      {
        label: 'Export report…',
        accelerator: 'CmdOrCtrl+E',
        click: () => sendMenuCommand(mainWindow?.webContents, 'export-report'),
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

/**
 * Report downloads (a Blob the renderer saves): a save dialog, then Chromium writes to a temporary
 * name and renames it, so a failed export never leaves a half-written file at the chosen path.
 */
function handleDownloads(ses: Session): void {
  ses.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      title: 'Export report',
      defaultPath: join(app.getPath('downloads'), item.getFilename()),
    });
  });
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const devItems: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'toggleDevTools' }, { type: 'separator' }];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    fileMenu(),
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow(): void {
  const win = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    ...(app.isPackaged ? {} : { icon: appPath('build', 'icon.png') }),
    webPreferences: {
      preload: appPath('dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  // Edits made within the autosave pause are saved before the window goes (bounded wait).
  flushBeforeClose(win, ipcMain, () => {
    if (quitting) app.quit();
    else if (!win.isDestroyed()) win.close();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(appUrl).catch((err: unknown) => {
    const reason = err instanceof Error ? err.message : String(err);
    fail(PRODUCT_NAME, `The planner window could not load ${appUrl} (${indexHtml}).\n\n${reason}`);
  });
}

function start(): void {
  if (!existsSync(indexHtml)) {
    fail(
      PRODUCT_NAME,
      `The user interface has not been built (${indexHtml} is missing).\n\nRun: npm run build`,
    );
    return;
  }
  const catalogPath = resolveCatalogPath();
  if (!existsSync(catalogPath)) {
    const hint = app.isPackaged
      ? 'The installation is incomplete; reinstall the app, or set PLANNER_CATALOG to a catalog file.'
      : 'Build it with: npm run catalog\n(or set PLANNER_CATALOG to a catalog file).';
    fail('Pricing catalog not found', `No pricing catalog at ${catalogPath}.\n\n${hint}`);
    return;
  }
  if (!app.isPackaged) {
    // node_modules/better-sqlite3 is built for Node (tests run there); Electron needs its own ABI build.
    // A packaged app needs none of this: electron-builder rebuilds native modules for Electron.
    const binding = appPath('.electron-native', 'better_sqlite3.node');
    if (!existsSync(binding)) {
      fail(
        PRODUCT_NAME,
        `better-sqlite3 has not been built for Electron (${binding} is missing).\n\nRun: npx tsx scripts/electron-native.ts (npm start does this).`,
      );
      return;
    }
    setNativeBinding(binding);
  }
  try {
    // Same folder the serve mode and CLI use by default (main/paths.ts), so all three share scenarios.
    services = createServices({
      catalogPath,
      shippedCatalogPath: shippedCatalog(),
      userDbPath: userDbPath(app.getPath('userData')),
      renderPdf: renderPdfWithElectron,
      // Pricing, reports and imports off the main thread: the window stays responsive (main/workers/).
      workers: true,
    });
  } catch (err) {
    fail('Pricing catalog could not be opened', err instanceof Error ? err.message : String(err));
    return;
  }

  configureSession(session.defaultSession);
  handleDownloads(session.defaultSession);
  registerIpc(ipcMain, services.handlers, (event) =>
    isTrustedSender(event.senderFrame, mainWindow?.webContents.mainFrame, appUrl),
  );
  Menu.setApplicationMenu(buildMenu());
  createWindow();
}

// Before the app is ready: app:// is a standard, secure scheme (an origin of its own, no file:// powers).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// One user-data folder for the desktop app, serve and the CLI (main/paths.ts), whatever Electron
// would derive from the package name.
app.setPath('userData', userDataDir());

if (!app.requestSingleInstanceLock()) {
  // Another planner is running; it gets focused through 'second-instance' below.
  app.quit();
} else {
  // Every renderer sandboxed, whatever a future window forgets to set.
  app.enableSandbox();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { appUrl, openExternal: (url) => shell.openExternal(url) });
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings the planner back.
    if (services && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    services?.close();
    services = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail(PRODUCT_NAME, err instanceof Error ? err.message : String(err)));
}
