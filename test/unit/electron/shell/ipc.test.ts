import { userInfo } from 'node:os';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_NAMES, ApiError, IPC_PUSH, ipcChannel, type ApiName, type CallContext, type Push } from '../../../../shared/api.js';
import { unwrap } from '../../../../electron/shell/envelope.js';
import { fanOutPushes, osActor, registerIpc, type IpcCore } from '../../../../electron/shell/ipc.js';
import { BrowserWindow, ipcMain, resetStubs } from '../../../stubs/electron.js';

const PAGE = 'app://console/index.html';

interface Call {
  name: ApiName;
  input: unknown;
  ctx: CallContext;
  source: string;
}

function fakeCore(result: (name: ApiName, input: unknown) => unknown = () => ({ done: true })) {
  const calls: Call[] = [];
  const listeners = new Set<(p: Push) => void>();
  const core: IpcCore = {
    consoleId: 'hall-1',
    async call(name, input, ctx, source) {
      calls.push({ name, input, ctx, source });
      return result(name, input);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { core, calls, push: (p: Push) => listeners.forEach((l) => l(p)), listeners };
}

beforeEach(() => resetStubs());

describe('registerIpc', () => {
  it('registers one channel per API method', () => {
    registerIpc(ipcMain, fakeCore().core, 'li.wei');
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_NAMES.map(ipcChannel).sort());
  });

  it('routes each call to core.call with source ipc and the console context', async () => {
    const { core, calls } = fakeCore((name) => ({ from: name }));
    registerIpc(ipcMain, core, 'li.wei');
    for (const name of API_NAMES) {
      const reply = await ipcMain.invoke(ipcChannel(name), PAGE, { n: name });
      expect(reply).toEqual({ ok: true, value: { from: name } });
      // The reply must survive IPC's structured clone unchanged.
      expect(structuredClone(reply)).toEqual(reply);
    }
    expect(calls).toEqual(API_NAMES.map((name) => ({ name, input: { n: name }, ctx: { actor: 'li.wei', consoleId: 'hall-1', role: 'supervisor' as const }, source: 'ipc' })));
  });

  it('returns ApiErrors as an envelope the preload turns back into the same ApiError', async () => {
    const { core } = fakeCore(() => {
      throw new ApiError('conflict', 'incident already closed');
    });
    registerIpc(ipcMain, core, 'li.wei');
    const reply = await ipcMain.invoke(ipcChannel('incidents.dispatch'), PAGE, {});
    expect(reply).toEqual({ ok: false, error: { code: 'conflict', message: 'incident already closed' } });
    expect(() => unwrap(structuredClone(reply))).toThrow(expect.objectContaining({ name: 'ApiError', code: 'conflict', message: 'incident already closed' }));
  });

  it('reports other errors as internal without their details', async () => {
    const { core } = fakeCore(() => {
      throw new Error('SQLITE_CORRUPT at /home/li/.config/db');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registerIpc(ipcMain, core, 'li.wei');
    const reply = await ipcMain.invoke(ipcChannel('session.snapshot'), PAGE, {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('refuses calls from any frame not on app://console', async () => {
    const { core, calls } = fakeCore();
    registerIpc(ipcMain, core, 'li.wei');
    for (const sender of ['https://example.com/', 'file:///tmp/x.html', 'app://other/', null]) {
      const reply = await ipcMain.invoke(ipcChannel('incidents.create'), sender, {});
      expect(reply, String(sender)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(calls).toEqual([]);
  });

  it('unregisters every handler', () => {
    const off = registerIpc(ipcMain, fakeCore().core, 'li.wei');
    off();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('takes the OS account as the actor by default', async () => {
    expect(osActor()).toBe(userInfo().username);
    const { core, calls } = fakeCore();
    registerIpc(ipcMain, core);
    await ipcMain.invoke(ipcChannel('diagnostics.get'), PAGE, {});
    expect(calls[0].ctx.actor).toBe(userInfo().username);
  });
});

describe('fanOutPushes', () => {
  const push: Push = { kind: 'units', units: [] };

  it('sends every push to every window on qx:push', () => {
    const { core, push: emit } = fakeCore();
    const wins = [new BrowserWindow(), new BrowserWindow(), new BrowserWindow()];
    fanOutPushes(core, () => BrowserWindow.getAllWindows());
    emit(push);
    emit(push);
    for (const w of wins) expect(w.webContents.sent).toEqual([{ channel: IPC_PUSH, args: [push] }, { channel: IPC_PUSH, args: [push] }]);
  });

  it('skips destroyed windows and survives a failing one', () => {
    const { core, push: emit } = fakeCore();
    const [a, gone, failing, b] = [new BrowserWindow(), new BrowserWindow(), new BrowserWindow(), new BrowserWindow()];
    gone.destroy();
    failing.webContents.send = () => {
      throw new Error('render process gone');
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The list includes the destroyed one, as a list taken just before it closed would.
    fanOutPushes(core, () => [a, gone, failing, b]);
    emit(push);
    logged.mockRestore();
    expect(a.webContents.sent).toHaveLength(1);
    expect(b.webContents.sent).toHaveLength(1);
    expect(gone.webContents.sent).toHaveLength(0);
  });

  it('stops when unsubscribed', () => {
    const { core, listeners } = fakeCore();
    const off = fanOutPushes(core, () => []);
    expect(listeners.size).toBe(1);
    off();
    expect(listeners.size).toBe(0);
  });
});
