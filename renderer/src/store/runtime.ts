/**
 * One running console: a session to the core, the data store it fills and the UI store, plus
 * the actions the dispatcher can take. Made outside React so React's strict-mode double effects
 * never open a second connection.
 */
import { ApiError, type ApiInput, type ClientApi } from '../../../shared/api';
import type { ConnectionState } from '../api/ws-client';
import type { Session } from '../api/bridge';
import { ConsoleStore } from './console-store';
import { UiStore } from './ui-store';

export interface Runtime {
  readonly session: Session;
  readonly store: ConsoleStore;
  readonly ui: UiStore;
  readonly actions: Actions;
  dispose(): void;
}

export interface Actions {
  createIncident(input: ApiInput<'incidents.create'>): Promise<void>;
  dispatch(incidentId: string, unitIds: readonly string[]): Promise<void>;
  /** Opens an incident's panel, fetching its orders (and a recommendation while it is new). */
  select(incidentId: string, centre: boolean): Promise<void>;
  recommend(incidentId: string): Promise<void>;
  refreshDiagnostics(): Promise<void>;
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

export function startRuntime(session: Session): Runtime {
  const store = new ConsoleStore();
  const ui = new UiStore();
  const api: ClientApi = session.api;

  // Every (re)connection reloads the whole snapshot: pushes missed while away are not replayed.
  let loading = 0;
  const reload = (): void => {
    const attempt = ++loading;
    api['session.snapshot']({}).then(
      (s) => {
        if (attempt === loading) store.load(s);
      },
      (e: unknown) => ui.setError(message(e)),
    );
  };
  const onState = (s: ConnectionState): void => {
    store.setConnection(s);
    if (s === 'ready') reload();
  };
  const offPush = session.onPush((p) => store.apply(p));
  const offState = session.onState(onState);
  onState(session.connection());

  /** Runs a call, showing its failure in the side panel instead of losing it. */
  const guarded = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    ui.setError(null);
    try {
      return await work();
    } catch (e) {
      ui.setError(message(e));
      return undefined;
    }
  };

  const actions: Actions = {
    createIncident: async (input) => {
      const r = await guarded(() => api['incidents.create'](input));
      if (!r) return;
      store.mergeIncidents([r.incident]);
      ui.setRecommendation(r.recommendation);
      ui.select(r.incident.id, false);
    },
    dispatch: async (incidentId, unitIds) => {
      const r = await guarded(() => api['incidents.dispatch']({ incidentId, unitIds: [...unitIds] }));
      if (r) store.mergeOrders(r.orders);
    },
    select: async (incidentId, centre) => {
      ui.select(incidentId, centre);
      const r = await guarded(() => api['incidents.get']({ incidentId }));
      if (!r) return;
      store.mergeIncidents([r.incident]);
      store.mergeOrders(r.orders);
      if (r.incident.status === 'new' && !ui.getState().recommendations.has(incidentId)) await actions.recommend(incidentId);
    },
    recommend: async (incidentId) => {
      const rec = await guarded(() => api['incidents.recommend']({ incidentId }));
      if (rec) ui.setRecommendation(rec);
    },
    refreshDiagnostics: async () => {
      const d = await guarded(() => api['diagnostics.get']({}));
      if (d) store.apply({ kind: 'diagnostics', diagnostics: d });
    },
  };

  return {
    session,
    store,
    ui,
    actions,
    dispose: () => {
      offPush();
      offState();
      session.close();
    },
  };
}
