/**
 * The app API over Electron IPC: one invoke channel per method (qx:<name>), and pushes sent to
 * every window on qx:push. Handlers never throw (see envelope.ts).
 */
import type { Role } from '../../shared/roles.js';
import { userInfo } from 'node:os';
import { ApiError, API_NAMES, IPC_PUSH, ipcChannel, type CallContext, type Push } from '../../shared/api.js';
import type { Core } from '../core/core.js';
import { failure, success, type IpcResult } from './envelope.js';
import { isAppUrl } from './protocol.js';

export type IpcCore = Pick<Core, 'consoleId' | 'call' | 'subscribe'>;

/** What a handler needs of an invoke event: which frame sent it. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, input: unknown) => Promise<IpcResult>): void;
  removeHandler(channel: string): void;
}

/** The OS account is the dispatcher's identity in the event log; some accounts have no passwd entry. */
export function osActor(): string {
  try {
    return userInfo().username || 'operator';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'operator';
  }
}

/**
 * Registers a handler for every API method; returns a function removing them all.
 * Only frames on app://console may call: a page that somehow got into a window cannot.
 */
export function registerIpc(ipcMain: IpcMainLike, core: IpcCore, actor: string = osActor(), role: Role = 'supervisor'): () => void {
  const ctx: CallContext = { actor, consoleId: core.consoleId, role };
  for (const name of API_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) return failure(new ApiError('unauthorized', 'calls are accepted only from the console page'));
      try {
        return success(await core.call(name, input, ctx, 'ipc'));
      } catch (e) {
        if (!(e instanceof ApiError)) console.error(`[ipc] ${name} failed:`, e);
        return failure(e);
      }
    });
  }
  return () => {
    for (const name of API_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** A window as far as pushes are concerned (BrowserWindow fits). */
export interface PushTarget {
  isDestroyed(): boolean;
  readonly webContents: { send(channel: string, push: Push): void; isDestroyed(): boolean };
}

/** Sends every core push to every open window; returns the unsubscribe. */
export function fanOutPushes(core: Pick<Core, 'subscribe'>, windows: () => Iterable<PushTarget>): () => void {
  return core.subscribe((push) => {
    for (const win of windows()) {
      // A window closing between the list and the send must not stop the others getting it.
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
      try {
        win.webContents.send(IPC_PUSH, push);
      } catch (e) {
        console.error('[ipc] push to a window failed:', e);
      }
    }
  });
}
