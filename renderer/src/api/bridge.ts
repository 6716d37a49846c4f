/**
 * Chooses how this page reaches the core. In Electron the preload exposes `window.qx` (IPC, always
 * connected); in a browser or on a wall screen the page talks WebSocket to the host it came from.
 * Both are wrapped as a `Session` so the rest of the renderer never asks which one it has.
 */
import type { ClientApi, Push, QxBridge } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { WsClient, type ConnectionState } from './ws-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    readonly qx?: QxBridge;
  }
}

export interface Session {
  readonly api: ClientApi;
  readonly kind: 'electron' | 'web';
  readonly actor: string;
  connection(): ConnectionState;
  /** What the core said this token may do (web: once ready); null when not told (Electron's own windows). */
  role?(): Role | null;
  onState(listener: (s: ConnectionState) => void): () => void;
  onPush(listener: (p: Push) => void): () => void;
  close(): void;
}

export function electronBridge(): QxBridge | null {
  return typeof window !== 'undefined' && window.qx ? window.qx : null;
}

/** IPC has no connection to lose: the session is ready for as long as the window lives. */
export function bridgeSession(bridge: QxBridge, actor: string): Session {
  return {
    api: bridge.api,
    kind: 'electron',
    actor,
    connection: () => 'ready',
    role: () => null,
    onState: () => () => undefined,
    onPush: (l) => bridge.onPush(l),
    close: () => undefined,
  };
}

/** The WebSocket endpoint of the host that served this page (ws: or wss: to match http(s):). */
export function wsUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

export function webSession(token: string, actor: string): Session {
  const client = new WsClient(wsUrl(window.location), token, actor);
  const session: Session = {
    api: client.api,
    kind: 'web',
    actor,
    connection: () => client.connection,
    role: () => client.role,
    onState: (l) => client.onState(l),
    onPush: (l) => client.onPush(l),
    close: () => client.close(),
  };
  client.connect();
  return session;
}
