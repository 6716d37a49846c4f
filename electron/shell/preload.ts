/**
 * The sandboxed preload: exposes `window.qx` (QxBridge) and nothing else. The page gets plain
 * functions only; ipcRenderer and IPC event objects (which carry `sender`, i.e. ipcRenderer)
 * never cross into it, so page script can reach no channel but the API's.
 * Bundled to CommonJS with everything but 'electron' inlined: a sandboxed preload may require
 * nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_NAMES, IPC_PUSH, ipcChannel, toApiError, type ApiName } from '../../shared/api-names.js';
import type { ApiInput, ApiResults, ClientApi, Push, QxBridge } from '../../shared/api.js';
import { unwrap } from './envelope.js';

/**
 * One client method. The cast is the single point where the reply is trusted to be the
 * method's result type: the main process produced it from the same ApiHandlers contract.
 */
function method<K extends ApiName>(name: K): (input: ApiInput<K>) => Promise<ApiResults[K]> {
  const channel = ipcChannel(name);
  // contextBridge copies a rejected Error into the page as a plain Error carrying only its
  // message, so a failure crosses as plain data { name, code, message }: the renderer's bridge
  // turns it back into an ApiError (toApiError).
  return async (input) => {
    try {
      return unwrap(await ipcRenderer.invoke(channel, input)) as ApiResults[K];
    } catch (e) {
      const { code, message } = toApiError(e);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an Error would lose `code` on the bridge
      return Promise.reject({ name: 'ApiError', code, message });
    }
  };
}

function clientApi(): ClientApi {
  const api: Partial<Record<ApiName, unknown>> = {};
  for (const name of API_NAMES) api[name] = method(name);
  return Object.freeze(api) as ClientApi;
}

const bridge = {
  api: clientApi(),
  onPush(listener: (p: Push) => void): () => void {
    // The page's listener sees the push alone, never the event object.
    const relay = (_event: IpcRendererEvent, push: Push): void => listener(push);
    ipcRenderer.on(IPC_PUSH, relay);
    return () => {
      ipcRenderer.removeListener(IPC_PUSH, relay);
    };
  },
} satisfies QxBridge;

contextBridge.exposeInMainWorld('qx', bridge);
