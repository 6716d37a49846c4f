/**
 * Everything the dispatcher can do, as calls to the core that keep the stores current. Each
 * operation throws an ApiError (or a LocalError with an i18n key) when it fails: the command
 * line shows it inline; the panels use the guarded `actions` that show it in the side panel.
 */
import { toApiError, type ApiInput, type ApiResults, type ClientApi } from '../../../shared/api';
import type { Disposition, IncidentView, NoteView, OrderView, RecommendationView, UnitStatus, UnitView, WarningView } from '../../../shared/model';
import type { ConsoleStore } from './console-store';
import type { DetailStore } from './detail-store';
import type { Escalation, UiError, UiStore } from './ui-store';

/** A failure the console itself explains (not the core): its text is an i18n key. */
export class LocalError extends Error {
  constructor(
    readonly key: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(key);
    this.name = 'LocalError';
  }
}

export function toUiError(e: unknown): UiError {
  if (e instanceof LocalError) return { code: 'conflict', message: e.message, key: e.key, params: e.params };
  const a = toApiError(e);
  return { code: a.code, message: a.message };
}

export interface Operations {
  createIncident(input: ApiInput<'incidents.create'>): Promise<IncidentView>;
  nearby(q: ApiInput<'incidents.nearby'>): Promise<readonly IncidentView[]>;
  /** Sends exactly `unitIds`; without them the core's own plan. */
  dispatch(incidentId: string, unitIds?: readonly string[]): Promise<readonly OrderView[]>;
  /** Opens an incident's panel, fetching its orders, notes, timeline (and a recommendation while it is new). */
  select(incidentId: string, centre: boolean): Promise<void>;
  recommend(incidentId: string): Promise<RecommendationView>;
  escalate(incidentId: string): Promise<Escalation>;
  setIncidentStatus(incidentId: string, status: 'under_control' | 'closed', disposition?: Disposition): Promise<IncidentView>;
  addNote(incidentId: string, text: string): Promise<NoteView>;
  link(incidentId: string, otherId: string, relation: 'duplicate' | 'related'): Promise<void>;
  refreshDetail(incidentId: string, what: 'all' | 'timeline'): Promise<void>;
  cancelOrder(orderId: string, reason: string): Promise<OrderView>;
  /** The next best unit in place of a refused, unanswered or cancelled order. */
  replaceOrder(orderId: string): Promise<OrderView>;
  setUnitStatus(unitId: string, status: UnitStatus): Promise<UnitView>;
  reassign(unitId: string, incidentId: string, reason: string): Promise<OrderView>;
  refreshDiagnostics(): Promise<void>;
  /** Open warnings, sensors and new citizen reports, all at once (on every connection). */
  loadRisks(): Promise<void>;
  refreshSensors(): Promise<void>;
  /** Records the dispatcher as having seen the warning. */
  ackWarning(warningId: string): Promise<WarningView>;
  /** One CAP 1.2 document, as read from a file: `ignored` says why it changed nothing. */
  importCap(xml: string): Promise<ApiResults['alerts.importCap']>;
}

export function makeOperations(api: ClientApi, store: ConsoleStore, ui: UiStore, detail: DetailStore): Operations {
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw e instanceof LocalError ? e : toApiError(e);
    }
  };
  const units = (list: readonly UnitView[]): void => store.apply({ kind: 'units', units: list });

  const ops: Operations = {
    createIncident: async (input) => {
      const r = await call(() => api['incidents.create'](input));
      store.mergeIncidents([r.incident]);
      ui.setRecommendation(r.recommendation);
      ui.setDuplicates(r.incident.id, r.duplicates ?? []);
      ui.select(r.incident.id, false);
      detail.reset(r.incident.id);
      void ops.refreshDetail(r.incident.id, 'all').catch(() => undefined);
      return r.incident;
    },
    nearby: async (q) => (await call(() => api['incidents.nearby'](q))).duplicates,
    dispatch: async (incidentId, unitIds) => {
      const r = await call(() => api['incidents.dispatch']({ incidentId, ...(unitIds ? { unitIds: [...unitIds] } : {}) }));
      store.mergeOrders(r.orders);
      return r.orders;
    },
    select: async (incidentId, centre) => {
      ui.select(incidentId, centre);
      detail.reset(incidentId);
      const r = await call(() => api['incidents.get']({ incidentId }));
      store.mergeIncidents([r.incident]);
      store.mergeOrders(r.orders);
      detail.set(incidentId, { notes: r.notes, links: r.links });
      void ops.refreshDetail(incidentId, 'timeline').catch(() => undefined);
      if (r.incident.status === 'new' && !ui.getState().recommendations.has(incidentId)) await ops.recommend(incidentId);
    },
    recommend: async (incidentId) => {
      const rec = await call(() => api['incidents.recommend']({ incidentId }));
      ui.setRecommendation(rec);
      return rec;
    },
    escalate: async (incidentId) => {
      const r = await call(() => api['incidents.escalate']({ incidentId }));
      store.mergeIncidents([r.incident]);
      store.mergeOrders(r.orders);
      const e: Escalation = { level: r.incident.level, orders: r.orders, missing: r.recommendation.slots.reduce((n, s) => n + s.missing, 0) };
      ui.setEscalation(incidentId, e);
      return e;
    },
    setIncidentStatus: async (incidentId, status, disposition) => {
      const i = await call(() => api['incidents.setStatus']({ incidentId, status, ...(disposition ? { disposition } : {}) }));
      store.mergeIncidents([i]);
      return i;
    },
    addNote: async (incidentId, text) => {
      const n = await call(() => api['incidents.addNote']({ incidentId, text }));
      detail.addNote(n);
      return n;
    },
    link: async (incidentId, otherId, relation) => {
      await call(() => api['incidents.link']({ incidentId, otherId, relation }));
      if (detail.getState().incidentId === incidentId) await ops.refreshDetail(incidentId, 'all');
    },
    refreshDetail: async (incidentId, what) => {
      if (what === 'all') {
        const r = await call(() => api['incidents.get']({ incidentId }));
        store.mergeIncidents([r.incident]);
        store.mergeOrders(r.orders);
        detail.set(incidentId, { notes: r.notes, links: r.links });
      }
      const t = await call(() => api['incidents.timeline']({ incidentId }));
      detail.set(incidentId, { timeline: t.entries });
    },
    cancelOrder: async (orderId, reason) => {
      const o = await call(() => api['orders.cancel']({ orderId, reason }));
      store.mergeOrders([o]);
      return o;
    },
    replaceOrder: async (orderId) => {
      const r = await call(() => api['orders.replace']({ orderId }));
      if (!r.order) throw new LocalError('errors.noReplacement');
      store.mergeOrders([r.order]);
      return r.order;
    },
    setUnitStatus: async (unitId, status) => {
      const u = await call(() => api['units.setStatus']({ unitId, status }));
      units([u]);
      return u;
    },
    reassign: async (unitId, incidentId, reason) => {
      const r = await call(() => api['units.reassign']({ unitId, incidentId, reason }));
      store.mergeOrders([r.cancelled, r.order]);
      return r.order;
    },
    refreshDiagnostics: async () => {
      const d = await call(() => api['diagnostics.get']({}));
      store.apply({ kind: 'diagnostics', diagnostics: d });
    },
    loadRisks: async () => {
      const [w, s, r] = await Promise.all([
        call(() => api['warnings.list']({})),
        call(() => api['sensors.list']({})),
        call(() => api['reports.list']({ status: 'new' })),
      ]);
      store.loadSensors(s.sensors);
      store.loadWarnings(w.warnings);
      store.loadReports(r.reports);
    },
    refreshSensors: async () => {
      store.loadSensors((await call(() => api['sensors.list']({}))).sensors);
    },
    ackWarning: async (warningId) => {
      const w = await call(() => api['warnings.ack']({ warningId }));
      store.mergeWarnings([w]);
      return w;
    },
    importCap: async (xml) => {
      const r = await call(() => api['alerts.importCap']({ xml }));
      store.mergeWarnings(r.warnings);
      return r;
    },
  };
  return ops;
}

/** The operations for buttons: a failure is shown in the side panel and the result is undefined. */
export type Actions = { [K in keyof Operations]: (...a: Parameters<Operations[K]>) => Promise<Awaited<ReturnType<Operations[K]>> | undefined> };

export function guard(ops: Operations, ui: UiStore): Actions {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(ops) as [string, (...a: unknown[]) => Promise<unknown>][]) {
    out[name] = async (...args: unknown[]) => {
      ui.setError(null);
      try {
        return await fn(...args);
      } catch (e) {
        ui.setError(toUiError(e));
        return undefined;
      }
    };
  }
  return out as Actions;
}
