/**
 * The app API over WebSocket, for browsers and wall screens. Logs in with the token, reconnects
 * with backoff, and tells the app when it is (re)connected so it can reload its snapshot.
 */
import { API_NAMES, ApiError, type ApiName, type ClientApi, type Push, type QxBridge } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import type { ServerMessage } from '../../../shared/wire';

export type ConnectionState = 'connecting' | 'ready' | 'closed' | 'denied';

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

export class WsClient implements QxBridge {
  /** What the core said this token may do (known once ready). */
  role: Role | null = null;

  readonly api: ClientApi;
  private ws: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly pushListeners = new Set<(p: Push) => void>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private state: ConnectionState = 'closed';
  private retry = 0;
  private stopped = false;

  constructor(
    private readonly url: string,
    private token: string,
    private readonly actor: string,
  ) {
    const api: Partial<Record<ApiName, (input: unknown) => Promise<unknown>>> = {};
    for (const name of API_NAMES) api[name] = (input: unknown) => this.call(name, input);
    this.api = api as ClientApi;
  }

  get connection(): ConnectionState {
    return this.state;
  }

  onPush(listener: (p: Push) => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  connect(): void {
    this.stopped = false;
    this.setState('connecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ t: 'auth', token: this.token, actor: this.actor }));
    ws.onmessage = (ev) => this.receive(JSON.parse(String(ev.data)) as ServerMessage);
    ws.onclose = () => {
      this.failPending('connection closed');
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.state === 'denied' || this.stopped) return;
      this.setState('closed');
      const delay = Math.min(10_000, 500 * 2 ** this.retry) * (0.5 + Math.random() / 2);
      this.retry += 1;
      setTimeout(() => {
        if (!this.stopped) this.connect();
      }, delay);
    };
  }

  /** Logs in again with another token (after a denial). */
  relogin(token: string): void {
    this.token = token;
    this.close();
    this.connect();
  }

  close(): void {
    this.stopped = true;
    const ws = this.ws;
    this.ws = null;
    ws?.close();
  }

  private call(name: ApiName, input: unknown): Promise<unknown> {
    const ws = this.ws;
    if (!ws || this.state !== 'ready') return Promise.reject(new ApiError('internal', 'not connected to the console core'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ t: 'call', id, name, input }));
    });
  }

  private receive(m: ServerMessage): void {
    switch (m.t) {
      case 'ready':
        this.retry = 0;
        this.role = m.role;
        this.setState('ready');
        break;
      case 'denied':
        this.setState('denied');
        break;
      case 'push':
        for (const l of this.pushListeners) l(m.push);
        break;
      case 'result': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else p.reject(new ApiError(m.error.code, m.error.message));
        break;
      }
    }
  }

  private failPending(reason: string): void {
    for (const p of this.pending.values()) p.reject(new ApiError('internal', reason));
    this.pending.clear();
  }

  private setState(s: ConnectionState): void {
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }
}

/** Takes a token from the URL fragment (#token=…) once, keeps it for the tab, and strips it. */
export function takeToken(loc: Location, storage: Storage): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(loc.hash);
  if (m) {
    storage.setItem('qx.token', decodeURIComponent(m[1]));
    history.replaceState(null, '', loc.pathname + loc.search);
  }
  return storage.getItem('qx.token');
}
