/**
 * A stand-in for the `electron` module in unit tests (vitest aliases `electron` to this file;
 * Electron's binary is not installed here). It has only what electron/shell uses, behaves like
 * Electron where the shell depends on it (before-quit can be prevented, a second ipcMain
 * handler for a channel throws, new windows announce their web contents) and records the rest
 * for assertions. Shell code is type-checked against the real Electron types, not these.
 */
import { EventEmitter } from 'node:events';

/** Electron's event object: preventable, with any details (url, …) merged in. */
export class StubEvent<T extends object = object> {
  defaultPrevented = false;
  constructor(details?: T) {
    Object.assign(this, details);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}
export const stubEvent = <T extends object>(details: T): StubEvent<T> & T => new StubEvent(details) as StubEvent<T> & T;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

class StubApp extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string> = { userData: '/tmp/quanxiang-stub/userData' };
  appPath = '/tmp/quanxiang-stub/app';
  singleInstance = true;
  sandboxEnabled = false;
  ready = false;
  quits = 0;
  exitCode: number | null = null;

  whenReady(): Promise<void> {
    return Promise.resolve().then(() => {
      this.ready = true;
    });
  }
  isReady(): boolean {
    return this.ready;
  }
  getPath(name: string): string {
    const p = this.paths[name];
    if (p === undefined) throw new Error(`stub app has no path "${name}"`);
    return p;
  }
  getAppPath(): string {
    return this.appPath;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() must be called before ready');
    this.sandboxEnabled = true;
  }
  /** Like Electron: emits before-quit; the app quits only if no listener prevented it. */
  quit(): void {
    const event = new StubEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quits++;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  relaunches: { args?: string[] }[] = [];
  relaunch(opts: { args?: string[] } = {}): void {
    this.relaunches.push(opts);
  }
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, { isPackaged: false, singleInstance: true, sandboxEnabled: false, ready: false, quits: 0, exitCode: null, relaunches: [] });
  }
}
export const app = new StubApp();

export class StubWebContents extends EventEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows.filter((w) => !w.destroyed);
  }
  readonly webContents = new StubWebContents();
  loadedUrl: string | null = null;
  shown = false;
  destroyed = false;
  focused = false;
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.windows.push(this);
    app.emit('web-contents-created', new StubEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
}

type InvokeListener = (event: { readonly senderFrame: { readonly url: string } | null }, ...args: unknown[]) => unknown;

class StubIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would get back, for a call from a frame at `senderUrl`. */
  async invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args);
  }
}
export const ipcMain = new StubIpcMain();

class StubIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  /** The main process's side of invoke, set by a test. */
  responder: (channel: string, ...args: unknown[]) => unknown = () => undefined;
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.responder(channel, ...args);
  }
}
export const ipcRenderer = new StubIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

type SchemeHandler = (request: Request) => Response | Promise<Response>;
export const protocol = {
  privileged: [] as { schemes: unknown[]; beforeReady: boolean }[],
  handlers: new Map<string, SchemeHandler>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    protocol.privileged.push({ schemes, beforeReady: !app.ready });
  },
  handle(scheme: string, handler: SchemeHandler): void {
    protocol.handlers.set(scheme, handler);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: object) => boolean;
export class StubSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.checkHandler = handler;
  }
}
export const session = { defaultSession: new StubSession() };

interface StubDisplay {
  id: number;
  label?: string;
  bounds: Rect;
}
const ONE_DISPLAY: StubDisplay[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];

/** Displays as Electron reports them; a test sets `displays` (primary first) and emits display-added/-removed. */
class StubScreen extends EventEmitter {
  displays: StubDisplay[] = ONE_DISPLAY;
  getAllDisplays(): StubDisplay[] {
    return this.displays;
  }
  getPrimaryDisplay(): StubDisplay {
    return this.displays[0];
  }
  reset(): void {
    this.removeAllListeners();
    this.displays = ONE_DISPLAY;
  }
}
export const screen = new StubScreen();

export const dialog = {
  errors: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    dialog.errors.push({ title, content });
  },
  /** Message boxes shown; answered with `answer` (the button index). */
  boxes: [] as { message: string; buttons?: string[] }[],
  answer: 0,
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    const opts = args[args.length - 1] as { message: string; buttons?: string[] };
    dialog.boxes.push(opts);
    return Promise.resolve({ response: dialog.answer, checkboxChecked: false });
  },
};

/** Menus are plain templates here: built, set, and kept for assertions. */
export interface StubMenuItem {
  label?: string;
  role?: string;
  type?: string;
  submenu?: StubMenuItem[];
  click?: () => void;
}
export const Menu = {
  current: null as { items: StubMenuItem[] } | null,
  buildFromTemplate(items: StubMenuItem[]): { items: StubMenuItem[] } {
    return { items };
  },
  setApplicationMenu(menu: { items: StubMenuItem[] } | null): void {
    Menu.current = menu;
  },
};

/** Puts every stand-in back to its first state. */
export function resetStubs(): void {
  app.reset();
  BrowserWindow.windows = [];
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
  ipcRenderer.responder = () => undefined;
  contextBridge.exposed.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession = new StubSession();
  dialog.errors.length = 0;
  dialog.boxes.length = 0;
  dialog.answer = 0;
  Menu.current = null;
  screen.reset();
}
