import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_NAMES, ApiError, IPC_PUSH, toApiError, type Push, type QxBridge } from '../../../../shared/api.js';
import { failure, success } from '../../../../electron/shell/envelope.js';
import { contextBridge, ipcRenderer } from '../../../stubs/electron.js';

let bridge: QxBridge;
beforeAll(async () => {
  // The preload exposes its bridge as a side effect of being loaded, as in a real renderer.
  await import('../../../../electron/shell/preload.js');
  bridge = contextBridge.exposed.get('qx') as QxBridge;
});
beforeEach(() => {
  ipcRenderer.invoked.length = 0;
  ipcRenderer.responder = () => undefined;
});

/** Every value reachable from `root`, functions included. */
function reachable(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof root !== 'object' && typeof root !== 'function') || root === null || seen.has(root)) return seen;
  seen.add(root);
  for (const key of Reflect.ownKeys(root)) reachable((root as Record<string | symbol, unknown>)[key], seen);
  return seen;
}

describe('preload bridge', () => {
  it('exposes exactly one key, qx, with api and onPush', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['qx']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onPush']);
  });

  it('has exactly the API methods, all functions', () => {
    expect(Object.keys(bridge.api).sort()).toEqual([...API_NAMES].sort());
    for (const name of API_NAMES) expect(typeof bridge.api[name], name).toBe('function');
  });

  it('hands the page nothing of ipcRenderer', () => {
    const values = reachable(bridge);
    expect(values.has(ipcRenderer)).toBe(false);
    // Nor any of its methods (invoke, on, emit, …), which would work as well as the object.
    const methods = new Set<string>();
    for (let o: object | null = ipcRenderer; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null)
      for (const k of Object.getOwnPropertyNames(o)) methods.add(k);
    const record = ipcRenderer as unknown as Record<string, unknown>;
    for (const k of methods) if (typeof record[k] === 'function') expect(values.has(record[k]), k).toBe(false);
  });

  it('calls go to qx:<name> with the input, and resolve to the value', async () => {
    const snapshot = { consoleId: 'c1' };
    ipcRenderer.responder = () => success(snapshot);
    await expect(bridge.api['session.snapshot']({})).resolves.toEqual(snapshot);
    const input = { incidentId: '0190a3c4-0000-7000-8000-000000000000' };
    ipcRenderer.responder = () => success({ incident: {}, orders: [] });
    await bridge.api['incidents.get'](input);
    expect(ipcRenderer.invoked).toEqual([
      { channel: 'qx:session.snapshot', args: [{}] },
      { channel: 'qx:incidents.get', args: [input] },
    ]);
  });

  it('rejects an error envelope with plain data that keeps its code across contextBridge', async () => {
    ipcRenderer.responder = () => failure(new ApiError('not_found', 'no incident x'));
    const err: unknown = await bridge.api['incidents.get']({ incidentId: 'x' }).catch((e: unknown) => e);
    // contextBridge would strip an Error to its message; plain data survives its structured clone
    expect(err).not.toBeInstanceOf(Error);
    expect(structuredClone(err)).toEqual({ name: 'ApiError', code: 'not_found', message: 'no incident x' });
    const rebuilt = toApiError(structuredClone(err));
    expect(rebuilt).toBeInstanceOf(ApiError);
    expect(rebuilt).toMatchObject({ code: 'not_found', message: 'no incident x' });
  });

  it('rejects a malformed reply as internal rather than resolving it', async () => {
    for (const reply of [undefined, null, { value: 1 }, { ok: false }, { ok: false, error: { code: 'weird', message: 3 } }]) {
      ipcRenderer.responder = () => reply;
      await expect(bridge.api['diagnostics.get']({})).rejects.toMatchObject({ name: 'ApiError', code: 'internal' });
    }
  });

  it('relays pushes without the event object, until unsubscribed', () => {
    const got: unknown[][] = [];
    const off = bridge.onPush((...args: unknown[]) => got.push(args));
    const push: Push = { kind: 'link', link: { status: 'connected' } as never };
    ipcRenderer.emit(IPC_PUSH, { sender: ipcRenderer }, push);
    expect(got).toEqual([[push]]);
    off();
    expect(ipcRenderer.listenerCount(IPC_PUSH)).toBe(0);
    ipcRenderer.emit(IPC_PUSH, { sender: ipcRenderer }, push);
    expect(got).toHaveLength(1);
  });
});
