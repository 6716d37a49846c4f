// The wiring in electron/shell/main.ts, run against the Electron stand-in with a fake core.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_NAMES, IPC_PUSH, ipcChannel, type Push } from '../../../../shared/api.js';
import type { Core } from '../../../../electron/core/core.js';
import { APP_INDEX_URL } from '../../../../electron/shell/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/web/static.js';

vi.mock('../../../../electron/core/core.js', () => ({ startCore: vi.fn() }));

type Stubs = typeof import('../../../stubs/electron.js');

function fakeCore() {
  const listeners = new Set<(p: Push) => void>();
  const close = vi.fn(async () => undefined);
  const core = {
    consoleId: 'hall-7',
    call: vi.fn(async () => ({ ok: 1 })),
    subscribe: (l: (p: Push) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close,
  };
  return { core: core as unknown as Core, close, call: core.call, push: (p: Push) => listeners.forEach((l) => l(p)) };
}

const saved = { argv: process.argv, defaultApp: Object.getOwnPropertyDescriptor(process, 'defaultApp') };
const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };

/** Loads main.ts afresh (with a fresh stand-in) as Electron would run it. */
async function boot(argv: string[], setup: (s: Stubs) => void = () => undefined, start?: () => Promise<Core>) {
  vi.resetModules();
  const stubs = await import('../../../stubs/electron.js');
  const { startCore } = await import('../../../../electron/core/core.js');
  const fake = fakeCore();
  vi.mocked(startCore).mockReset();
  vi.mocked(startCore).mockImplementation(start ?? (async () => fake.core));
  process.argv = ['/opt/electron', '/work/main', ...argv];
  Object.defineProperty(process, 'defaultApp', { value: true, configurable: true });
  setup(stubs);
  await import('../../../../electron/shell/main.js');
  return { stubs, startCore: vi.mocked(startCore), ...fake };
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  process.argv = saved.argv;
  if (saved.defaultApp) Object.defineProperty(process, 'defaultApp', saved.defaultApp);
  else Reflect.deleteProperty(process, 'defaultApp');
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    for (const l of process.listeners(signal)) if (!signalListeners[signal].includes(l)) process.removeListener(signal, l);
  vi.restoreAllMocks();
});

describe('main', () => {
  it('starts the core, wires IPC, serves app:// and opens one hardened workstation window', async () => {
    const { stubs, startCore, call, push } = await boot(['--console-id', 'hall-7', '--no-sandbox']);
    const { app, BrowserWindow, ipcMain, protocol, session } = stubs;
    await vi.waitFor(() => expect(BrowserWindow.windows).toHaveLength(1));

    // Privileged scheme and sandbox before ready, as Electron requires.
    expect(protocol.privileged).toEqual([{ schemes: [expect.objectContaining({ scheme: 'app' })], beforeReady: true }]);
    expect(app.sandboxEnabled).toBe(true);

    // Same core as the web host, data in userData since --data was not given.
    expect(startCore).toHaveBeenCalledTimes(1);
    expect(startCore.mock.calls[0][0]).toMatchObject({ consoleId: 'hall-7', dataDir: app.getPath('userData') });

    const [win] = BrowserWindow.windows;
    expect(win.loadedUrl).toBe(APP_INDEX_URL);
    expect(win.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(session.defaultSession.requestHandler).not.toBeNull();

    const serve = protocol.handlers.get('app');
    const res = await serve?.(new Request(APP_INDEX_URL));
    expect(res?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_NAMES.map(ipcChannel).sort());
    await expect(ipcMain.invoke(ipcChannel('diagnostics.get'), APP_INDEX_URL, {})).resolves.toEqual({ ok: true, value: { ok: 1 } });
    expect(call).toHaveBeenCalledWith('diagnostics.get', {}, expect.objectContaining({ consoleId: 'hall-7' }), 'ipc');

    const p: Push = { kind: 'units', units: [] };
    push(p);
    expect(win.webContents.sent).toEqual([{ channel: IPC_PUSH, args: [p] }]);
  });

  it('closes the core before quitting', async () => {
    const { stubs, close } = await boot([]);
    await vi.waitFor(() => expect(stubs.BrowserWindow.windows).toHaveLength(1));
    stubs.app.quit();
    expect(stubs.app.quits).toBe(0);
    await vi.waitFor(() => expect(stubs.app.quits).toBe(1));
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('uses --data when given', async () => {
    const { stubs, startCore } = await boot(['--data', '/srv/qx-data']);
    await vi.waitFor(() => expect(stubs.BrowserWindow.windows).toHaveLength(1));
    expect(startCore.mock.calls[0][0].dataDir).toBe('/srv/qx-data');
  });

  it('leaves the first instance alone when it is already running', async () => {
    const { stubs, startCore } = await boot([], (s) => (s.app.singleInstance = false));
    await new Promise((r) => setTimeout(r, 20));
    expect(startCore).not.toHaveBeenCalled();
    expect(stubs.BrowserWindow.windows).toHaveLength(0);
    expect(stubs.app.quits).toBe(1);
  });

  it('reports a bad option and exits 2 without starting', async () => {
    const { stubs, startCore } = await boot(['--ack-timeout', 'soon']);
    await vi.waitFor(() => expect(stubs.app.exitCode).toBe(2));
    expect(startCore).not.toHaveBeenCalled();
  });

  it('shows why the core could not start and exits 1', async () => {
    const err = Object.assign(new Error('listen EADDRINUSE 0.0.0.0:1883'), { code: 'EADDRINUSE' });
    const { stubs } = await boot([], undefined, () => Promise.reject(err));
    await vi.waitFor(() => expect(stubs.app.exitCode).toBe(1));
    expect(stubs.dialog.errors[0]?.content).toMatch(/already in use/);
    expect(stubs.BrowserWindow.windows).toHaveLength(0);
  });
});
