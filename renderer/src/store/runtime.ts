/**
 * One running console: a session to the core, the data store it fills, the UI store, the
 * selected incident's detail, plus the operations the dispatcher can run. Made outside React so
 * React's strict-mode double effects never open a second connection.
 */
import { ApiError } from '../../../shared/api';
import type { ConnectionState } from '../api/ws-client';
import type { Session } from '../api/bridge';
import { ConsoleStore } from './console-store';
import { DetailStore } from './detail-store';
import { guard, makeOperations, toUiError, type Actions, type Operations } from './operations';
import { UiStore } from './ui-store';

export type { Actions, Operations } from './operations';

export interface Runtime {
  readonly session: Session;
  readonly store: ConsoleStore;
  readonly ui: UiStore;
  readonly detail: DetailStore;
  /** Throwing operations (the command line shows their failures inline). */
  readonly ops: Operations;
  /** The same, showing failures in the side panel. */
  readonly actions: Actions;
  dispose(): void;
}

/**
 * The text of a failure. Over Electron IPC a rejection arrives as plain data
 * `{ name: 'ApiError', code, message }` (contextBridge strips Error objects), not as an Error.
 */
export function message(e: unknown): string {
  if (e instanceof ApiError || e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}

/** Pushes about the selected incident refresh its detail at most this often. */
const DETAIL_DEBOUNCE_MS = 250;

export function startRuntime(session: Session): Runtime {
  const store = new ConsoleStore();
  const ui = new UiStore();
  const detail = new DetailStore();
  const ops = makeOperations(session.api, store, ui, detail);
  const actions = guard(ops, ui);

  // Every (re)connection reloads the whole snapshot: pushes missed while away are not replayed.
  let loading = 0;
  const reload = (): void => {
    const attempt = ++loading;
    session.api['session.snapshot']({}).then(
      (s) => {
        if (attempt !== loading) return;
        store.load(s);
        const id = detail.getState().incidentId;
        if (id) schedule(id, 'all');
      },
      (e: unknown) => ui.setError(toUiError(e)),
    );
  };
  const onState = (s: ConnectionState): void => {
    store.setConnection(s);
    if (s === 'ready') reload();
  };

  // The selected incident's notes and timeline follow the pushes that concern it.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: 'all' | 'timeline' | null = null;
  const schedule = (incidentId: string, what: 'all' | 'timeline'): void => {
    pending = pending === 'all' || what === 'all' ? 'all' : 'timeline';
    timer ??= setTimeout(() => {
      timer = null;
      const w = pending ?? 'timeline';
      pending = null;
      if (detail.getState().incidentId === incidentId) void ops.refreshDetail(incidentId, w).catch(() => undefined);
    }, DETAIL_DEBOUNCE_MS);
  };
  const offPush = session.onPush((p) => {
    store.apply(p);
    const id = detail.getState().incidentId;
    if (!id) return;
    if (p.kind === 'incident' && p.incident.id === id) schedule(id, 'all');
    else if (p.kind === 'order' && p.order.incidentId === id) schedule(id, 'timeline');
  });
  const offState = session.onState(onState);
  onState(session.connection());

  return {
    session,
    store,
    ui,
    detail,
    ops,
    actions,
    dispose: () => {
      if (timer) clearTimeout(timer);
      offPush();
      offState();
      session.close();
    },
  };
}
