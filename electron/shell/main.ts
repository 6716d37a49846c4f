/**
 * The Electron main process: the same core as the web host, served to sandboxed windows over
 * IPC and the app:// scheme. The decisions live in the modules beside this one; this file
 * only wires them to Electron in the order Electron requires.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session } from 'electron';
import { startCore, type Core } from '../core/core.js';
import { appRoot, parseHostOptions, USAGE, UsageError, type HostOptions } from '../node/options.js';
import { fanOutPushes, registerIpc } from './ipc.js';
import { closeBeforeQuit, describeStartError, hostArgv, shellConfig } from './lifecycle.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppAndMedia, type MediaSource } from './protocol.js';
import { panoramaMedia } from '../core/panorama/http.js';
import { hardenApp, hardenSession } from './security.js';
import { createWorkstationWindow } from './windows.js';
import { installDrillMenu } from './drill-menu.js';
import { WallManager } from './wall.js';

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
hardenApp(app);

function fail(title: string, message: string, code: number): void {
  console.error(`quanxiang: ${message}`);
  // Launched from a desktop icon there is no terminal to read.
  if (app.isReady()) dialog.showErrorBox(title, message);
  app.exit(code);
}

async function start(): Promise<void> {
  const { args, ignored } = hostArgv(process.argv, process.defaultApp);
  if (ignored.length > 0) console.warn(`quanxiang: not for the console, left to Electron/Chromium: ${ignored.join(' ')}`);
  let opts: HostOptions;
  try {
    opts = parseHostOptions(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail('Quanxiang: bad option', `${e.message}\n${USAGE}`, 2);
    return;
  }

  await app.whenReady();
  const { core: coreConfig, rendererDir } = shellConfig(opts, args, {
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    userData: app.getPath('userData'),
    appRoot: () => appRoot(),
  });
  hardenSession(session.defaultSession);
  let media: MediaSource | null = null;
  protocol.handle(APP_SCHEME, (request) => serveAppAndMedia(rendererDir, request, media));

  const starting = startCore(coreConfig);
  // Registered before the core is up, so a quit during start-up still closes it.
  closeBeforeQuit(app, async () => {
    const core = await starting.catch(() => null);
    await core?.close();
  });
  let core: Core;
  try {
    core = await starting;
  } catch (e) {
    fail('Quanxiang could not start', describeStartError(e), 1);
    return;
  }
  media = (path, query) => panoramaMedia(core.panorama, path, query);
  registerIpc(ipcMain, core);
  fanOutPushes(core, () => BrowserWindow.getAllWindows());

  // Drill mode is switched by a restart from this menu, never inside a running console.
  installDrillMenu(opts.drill, process.argv.slice(1));
  // IPC handlers exist before the page loads, so its first snapshot call cannot miss them.
  const workstation = createWorkstationWindow();
  // One wall window per further display, each with its remembered layout.
  const wall = new WallManager(screen, join(app.getPath('userData'), 'wall.json'));
  core.panorama.wall.host = wall;
  wall.start();
  app.on('second-instance', () => {
    if (workstation.isDestroyed()) return;
    if (workstation.isMinimized()) workstation.restore();
    workstation.focus();
  });
}

// One console per user session: a second launch focuses the first instead of fighting over
// the database and the broker port.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Ctrl+C on `npm start` and service stops go through before-quit, so the core closes cleanly.
  process.on('SIGINT', () => app.quit());
  process.on('SIGTERM', () => app.quit());
  start().catch((e: unknown) => fail('Quanxiang could not start', describeStartError(e), 1));
}
