/**
 * Every window the shell opens is built from windowOptions(), so the security-relevant
 * webPreferences exist in exactly one place and a new kind of window cannot forget them.
 */
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type BrowserWindowConstructorOptions, type Display, type Rectangle } from 'electron';
import { APP_INDEX_URL } from './protocol.js';

export type WindowKind = 'workstation' | 'wall';

/** main.ts is bundled to dist/electron/main.js, next to preload.cjs. */
export const PRELOAD_PATH = fileURLToPath(new URL('./preload.cjs', import.meta.url));

export const WINDOW_TITLE = '全响应 Quanxiang';
/** Same as the renderer's page background, so no white flash while it loads. */
export const BACKGROUND = '#0b1220';

const WORKSTATION = { width: 1600, height: 1000, minWidth: 1280, minHeight: 720 };

export function windowOptions(kind: WindowKind, display?: { readonly bounds: Rectangle }): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    title: WINDOW_TITLE,
    backgroundColor: BACKGROUND,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // A wall page must not be frozen by a stray alert() nobody is there to dismiss.
      safeDialogs: true,
    },
  };
  if (kind === 'wall') {
    // One frameless fullscreen window per wall display, placed on that display.
    const b = display?.bounds;
    return {
      ...common,
      ...(b ? { x: b.x, y: b.y, width: b.width, height: b.height } : {}),
      minWidth: 800,
      minHeight: 600,
      frame: false,
      fullscreen: true,
    };
  }
  const b = display?.bounds;
  const width = b ? Math.min(WORKSTATION.width, b.width) : WORKSTATION.width;
  const height = b ? Math.min(WORKSTATION.height, b.height) : WORKSTATION.height;
  return {
    ...common,
    ...WORKSTATION,
    width,
    height,
    // Centred on the given display; Electron centres on the primary one otherwise.
    ...(b ? { x: b.x + Math.round((b.width - width) / 2), y: b.y + Math.round((b.height - height) / 2) } : { center: true }),
  };
}

/** The dispatcher's window: opens the console page and shows once painted. */
export function createWorkstationWindow(url: string = APP_INDEX_URL): BrowserWindow {
  const win = new BrowserWindow(windowOptions('workstation'));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url).catch((e: unknown) => console.error('[shell] the console page failed to load:', e));
  return win;
}

/** A wall window: fullscreen on its display, showing one wall layout (see ./wall.ts). */
export function createWallWindow(display: Pick<Display, 'bounds'>, url: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions('wall', display));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url).catch((e: unknown) => console.error('[shell] a wall page failed to load:', e));
  return win;
}
