/**
 * The core: store, broker, field link, dispatch, wired together behind the app API. It imports
 * nothing from Electron; the Electron shell and the web host both run it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, apiInputs, type ApiHandlers, type ApiName, type CallContext, type Push } from '../../shared/api.js';
import type { LinkView } from '../../shared/model.js';
import type { Catalog } from '../../shared/schemas/catalog.js';
import { describeZodError } from '../../shared/schemas/common.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.js';
import { Diagnostics } from './diagnostics.js';
import { DispatchService } from './dispatch/service.js';
import { FieldLink } from './field/link.js';
import { Outbox } from './field/outbox.js';
import { UnitTracker } from './field/units.js';
import { loadCatalog, loadRoster } from './resources.js';
import { Queries } from './store/queries.js';
import { Store } from './store/store.js';

export interface CoreConfig {
  /** Folder for quanxiang.db; ':memory:' for a throwaway store. */
  readonly dataDir: string;
  readonly resourcesDir: string;
  readonly rosterFile?: string;
  /** External broker URL; when absent the embedded broker runs on `mqttPort`. */
  readonly brokerUrl?: string;
  readonly mqttPort?: number;
  readonly consoleId: string;
  readonly ackTimeoutMs?: number;
  readonly unitFlushMs?: number;
  readonly now?: () => number;
}

export interface Core {
  readonly consoleId: string;
  readonly catalog: Catalog;
  readonly handlers: ApiHandlers;
  readonly diagnostics: Diagnostics;
  readonly store: Store;
  link(): LinkView;
  /** Validates `input` against the method's schema, then calls it. Rejections are counted. */
  call(name: ApiName, input: unknown, ctx: CallContext, source: string): Promise<unknown>;
  subscribe(listener: (p: Push) => void): () => void;
  /** Resolves once the field link is connected. */
  connected(): Promise<void>;
  close(): Promise<void>;
}

export async function startCore(cfg: CoreConfig): Promise<Core> {
  const now = cfg.now ?? Date.now;
  const catalog = loadCatalog(join(cfg.resourcesDir, 'catalog'));
  const roster = loadRoster(cfg.rosterFile ?? join(cfg.resourcesDir, 'roster', 'training-city.csv'), catalog);
  if (cfg.dataDir !== ':memory:') mkdirSync(cfg.dataDir, { recursive: true });
  const store = new Store({ file: cfg.dataDir === ':memory:' ? ':memory:' : join(cfg.dataDir, 'quanxiang.db'), consoleId: cfg.consoleId, now });
  const queries = new Queries(store.db);
  const system = { actor: 'system', consoleId: cfg.consoleId };

  // The roster is a start-up input: record each new or changed row as an event.
  store.tx(() => {
    for (const row of roster) {
      const u = queries.unit(row.id);
      if (u && u.registered && u.name === row.name && u.agency === row.agency && u.type === row.type && u.station === row.station) continue;
      store.append('unit.rostered', row, system);
    }
  });

  const listeners = new Set<(p: Push) => void>();
  const push = (p: Push): void => {
    for (const l of listeners) l(p);
  };
  const diagnostics = new Diagnostics(now);
  diagnostics.onReject(() => pushDiagnostics());
  let diagTimer: NodeJS.Timeout | null = null;
  const pushDiagnostics = (): void => {
    diagTimer ??= setTimeout(() => {
      diagTimer = null;
      push({ kind: 'diagnostics', diagnostics: diagnostics.view() });
    }, 500);
  };

  let broker: EmbeddedBroker | null = null;
  let url = cfg.brokerUrl;
  if (!url) {
    broker = await startEmbeddedBroker({ port: cfg.mqttPort ?? 1883 });
    url = broker.url;
  }

  const units = new UnitTracker(store, queries, cfg.consoleId, (list) => push({ kind: 'units', units: list }), cfg.unitFlushMs);
  // The link needs the dispatch service for acks and the service needs the link's outbox:
  // handlers are bound late through this holder.
  const late: { dispatch?: DispatchService } = {};
  const link = new FieldLink({
    url,
    embedded: broker !== null,
    consoleId: cfg.consoleId,
    diagnostics,
    now,
    handlers: {
      position: (id, msg) => units.position(id, msg),
      status: (id, msg) => {
        units.status(id, msg);
        late.dispatch?.onUnitStatus(id);
      },
      ack: (id, msg) => late.dispatch?.onAck(id, msg) ?? 'console not ready',
    },
  });
  const outbox = new Outbox(store, link, cfg.consoleId);
  const dispatch = new DispatchService(
    store,
    queries,
    catalog,
    outbox,
    units,
    { incident: (incident) => push({ kind: 'incident', incident }), order: (order) => push({ kind: 'order', order }) },
    { ackTimeoutMs: cfg.ackTimeoutMs ?? 30_000, consoleId: cfg.consoleId },
  );
  late.dispatch = dispatch;
  const connectedWaiters = new Set<() => void>();
  link.onState((state) => {
    push({ kind: 'link', link: state });
    if (state.status === 'connected') {
      outbox.drain();
      for (const w of connectedWaiters) w();
      connectedWaiters.clear();
    }
  });
  link.start();
  const timeoutTimer = setInterval(() => dispatch.checkTimeouts(), 1000);

  const handlers: ApiHandlers = {
    'session.snapshot': async () => ({
      consoleId: cfg.consoleId,
      catalog,
      units: queries.units(),
      incidents: queries.incidents(now() - 24 * 3_600_000),
      orders: queries.openOrders(),
      diagnostics: diagnostics.view(),
      link: link.state,
    }),
    'incidents.create': async (input, ctx) => dispatch.createIncident(input, ctx),
    'incidents.get': async ({ incidentId }) => {
      const incident = queries.incident(incidentId);
      if (!incident) throw new ApiError('not_found', `no incident ${incidentId}`);
      return { incident, orders: queries.ordersOf(incidentId) };
    },
    'incidents.recommend': async ({ incidentId, level }) => dispatch.recommend(incidentId, level),
    'incidents.dispatch': async (input, ctx) => ({ orders: dispatch.dispatch(input, ctx) }),
    'diagnostics.get': async () => diagnostics.view(),
  };

  return {
    consoleId: cfg.consoleId,
    catalog,
    handlers,
    diagnostics,
    store,
    link: () => link.state,
    async call(name, input, ctx, source) {
      const schema = apiInputs[name];
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) {
        const reason = describeZodError(parsed.error);
        diagnostics.reject(source, name, reason);
        throw new ApiError('bad_request', reason);
      }
      const handler = handlers[name] as (i: unknown, c: CallContext) => Promise<unknown>;
      try {
        const result = await handler(parsed.data, ctx);
        diagnostics.accept(source);
        return result;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'bad_request') diagnostics.reject(source, name, e.message);
        throw e;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connected: () => (link.connected ? Promise.resolve() : new Promise<void>((resolve) => connectedWaiters.add(resolve))),
    async close() {
      clearInterval(timeoutTimer);
      if (diagTimer) clearTimeout(diagTimer);
      units.stop();
      await outbox.settled();
      await link.close();
      await broker?.close();
      store.close();
    },
  };
}
