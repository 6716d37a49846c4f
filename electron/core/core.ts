/**
 * The core: store, broker, field link, dispatch, wired together behind the app API. It imports
 * nothing from Electron; the Electron shell and the web host both run it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, apiInputs, type ApiHandlers, type ApiInput, type ApiName, type ApiResults, type CallContext, type Push } from '../../shared/api.js';
import type { IncidentView, LinkView, OrderView } from '../../shared/model.js';
import type { Catalog } from '../../shared/schemas/catalog.js';
import { describeZodError } from '../../shared/schemas/common.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.js';
import { Diagnostics } from './diagnostics.js';
import { IncidentLifecycle } from './dispatch/lifecycle.js';
import { OrderDesk } from './dispatch/orders.js';
import { DispatchService } from './dispatch/service.js';
import type { BrokerSettings } from './field/broker-config.js';
import { FieldLink, type Link } from './field/link.js';
import { ThreadedFieldLink } from './field/threaded-link.js';
import { FieldRouter } from './field/router.js';
import { Outbox } from './field/outbox.js';
import { UNIT_FLUSH_MS, UnitTracker } from './field/units.js';
import { loadCatalog, loadRoadGraph, loadRoster } from './resources.js';
import { can, permissionFor } from '../../shared/roles.js';
import { DEFAULT_RECOMMEND_OPTIONS } from '../../shared/domain/recommend.js';
import { closedAreasOf } from '../../shared/domain/roads.js';
import { Queries } from './store/queries.js';
import { Store } from './store/store.js';
import { WarningService } from './warnings/warnings.js';
import { CaseService } from './cases/service.js';
import { CaseSummaries } from './cases/summaries.js';
import { PanoramaService } from './panorama/service.js';
import { topicNamespace } from '../../shared/schemas/namespace.js';
import { topics } from '../../shared/schemas/mqtt.js';
import { DrillClock } from './drills/clock.js';
import { claimMode } from './drills/mode.js';
import { DrillService } from './drills/service.js';
import { TrackRecorder } from './drills/tracks.js';
import { loadBlocks } from './drills/city.js';

export interface CoreConfig {
  /** Folder for quanxiang.db; ':memory:' for a throwaway store. */
  readonly dataDir: string;
  readonly resourcesDir: string;
  readonly rosterFile?: string;
  /** Sensor registry CSV (--sensors FILE). */
  readonly sensorsFile?: string;
  /** External broker URL; when absent the embedded broker runs on `mqttPort`. */
  readonly brokerUrl?: string;
  /** TLS files, credentials, protocol and reconnect policy for the external broker (ignored for the embedded one). */
  readonly broker?: BrokerSettings;
  readonly mqttPort?: number;
  readonly consoleId: string;
  /** GeoJSON with road lines (layer "road") for routed ETAs; default the training city's map. */
  readonly mapFile?: string;
  readonly ackTimeoutMs?: number;
  readonly unitFlushMs?: number;
  /**
   * Run the field link (MQTT receive, position decoding and validation) on a worker thread
   * (default true; QX_FIELD_THREAD=0 in the hosts). Consoles with an injected or drill clock keep
   * it on the main thread, where positions are checked against that clock.
   */
  readonly fieldThread?: boolean;
  readonly now?: () => number;
  /** --map files (.mbtiles, .pmtiles, .geojson) served besides the default basemap. */
  readonly maps?: readonly string[];
  /** --online-tiles: an XYZ/WMTS URL template relayed by the console (off by default). */
  readonly onlineTiles?: string;
  /** Panorama entities (GeoJSON) loaded into an empty store; the hosts pass resources/panorama/training-city.geojson. */
  readonly panoramaData?: string;
  /** Drill mode: drill clock, drill topic namespace (qx-drill/v1), orders marked drill, scenario engine. */
  readonly drill?: boolean;
  /** At most one track sample per unit per this many ms (default 5000; 0 keeps every flushed position). */
  readonly trackEveryMs?: number;
}

export interface Core {
  readonly consoleId: string;
  readonly catalog: Catalog;
  readonly handlers: ApiHandlers;
  readonly diagnostics: Diagnostics;
  readonly store: Store;
  readonly warnings: WarningService;
  readonly cases: CaseService;
  readonly panorama: PanoramaService;
  readonly drills: DrillService;
  link(): LinkView;
  /** Whether the field link runs on its own worker thread (CoreConfig.fieldThread). */
  readonly fieldThread: boolean;
  /** Validates `input` against the method's schema, then calls it. Rejections are counted. */
  call(name: ApiName, input: unknown, ctx: CallContext, source: string): Promise<unknown>;
  subscribe(listener: (p: Push) => void): () => void;
  /** Resolves once the field link is connected. */
  connected(): Promise<void>;
  close(): Promise<void>;
}

export async function startCore(cfg: CoreConfig): Promise<Core> {
  const drillClock = cfg.drill ? new DrillClock() : null;
  const now = cfg.now ?? (drillClock ? () => drillClock.now() : Date.now);
  const ns = topicNamespace(cfg.drill === true);
  const catalog = loadCatalog(join(cfg.resourcesDir, 'catalog'));
  const roster = loadRoster(cfg.rosterFile ?? join(cfg.resourcesDir, 'roster', 'training-city.csv'), catalog);
  if (cfg.dataDir !== ':memory:') mkdirSync(cfg.dataDir, { recursive: true });
  const store = new Store({ file: cfg.dataDir === ':memory:' ? ':memory:' : join(cfg.dataDir, 'quanxiang.db'), consoleId: cfg.consoleId, now });
  const queries = new Queries(store.db);
  claimMode(store.db, join(cfg.dataDir, 'quanxiang.db'), cfg.drill === true);
  drillClock?.atLeast((store.db.prepare('SELECT MAX(at) FROM events').pluck().get() as number | null) ?? 0);
  const tracks = new TrackRecorder(store.db, now, cfg.trackEveryMs);
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
  const checkpointing = store.checkpointing;
  if (checkpointing) diagnostics.watchCheckpoints(() => {
      const { mode, error } = checkpointing.view();
      return { mode, error };
    });
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

  const warnings = new WarningService(store, { consoleId: cfg.consoleId, push, now });
  warnings.loadRegistry(cfg.sensorsFile ?? join(cfg.resourcesDir, 'sensors', 'training-city.csv'));
  const units = new UnitTracker(
    store,
    queries,
    cfg.consoleId,
    (list, positions) => {
      // The screens first (the positions are committed); then the track samples of the flush, in
      // one relaxed transaction (telemetry: no wait for the disk), which nobody waits for.
      if (list.length) push({ kind: 'units', units: list });
      if (positions.length) push({ kind: 'positions', positions });
      store.tx(() => {
        tracks.record(list);
        tracks.record(positions);
      }, 'relaxed');
    },
    cfg.unitFlushMs,
  );
  // The link needs the order desk for acks and the desk needs the link's outbox:
  // handlers are bound late through this holder.
  const late: { orders?: OrderDesk } = {};
  const router = new FieldRouter(
    diagnostics,
    {
      position: (id, msg) => units.position(id, msg),
      status: (id, msg) => {
        const incidentId = queries.unit(id)?.incidentId ?? null;
        units.status(id, msg);
        if (incidentId) late.orders?.progress(incidentId, id);
      },
      ack: (id, msg) => (late.orders ? late.orders.onAck(id, msg) : 'console not ready'),
    },
    now,
    new Map(roster.flatMap((r) => (r.owntracks ? [[r.owntracks, r.id] as const] : []))),
    warnings,
  );
  const onMessage = (topic: string, payload: Buffer): void => {
    const canonical = ns.canonical(topic);
    if (canonical === null) diagnostics.reject('mqtt', topic, `outside the ${ns.prefix} namespace`);
    else router.receive(canonical, payload);
  };
  const presenceTopic = ns.wire(topics.consolePresence(cfg.consoleId));
  const subscriptions = ns.subscriptions(router.subscriptions);
  const brokerSettings = broker === null ? cfg.broker : undefined;
  // Positions are validated against the wall clock in the link's thread: an injected or drill clock keeps it here.
  const fieldThread = (cfg.fieldThread ?? true) && !cfg.now && !cfg.drill;
  const embedded = broker !== null;
  const link: Link = fieldThread
    ? new ThreadedFieldLink({
        init: { url, embedded, consoleId: cfg.consoleId, subscriptions, presenceTopic, drill: false, flushMs: cfg.unitFlushMs ?? UNIT_FLUSH_MS, ...(brokerSettings ? { broker: brokerSettings } : {}) },
        diagnostics,
        onMessage,
        // One flush's positions, validated and coalesced in the link's thread: stored and pushed now.
        onPositions: (batch) => {
          batch((id, msg) => units.position(id, msg));
          units.flush();
        },
      })
    : new FieldLink({ url, embedded, consoleId: cfg.consoleId, diagnostics, now, subscriptions, onMessage, presenceTopic, broker: brokerSettings });
  const outbox = new Outbox(store, link, cfg.consoleId, (orderId) => {
    const order = queries.order(orderId);
    if (order) push({ kind: 'order', order });
  }, (t) => ns.wire(t));
  const events = { incident: (incident: IncidentView) => push({ kind: 'incident', incident }), order: (order: OrderView) => push({ kind: 'order', order }) };
  const ackTimeoutMs = cfg.ackTimeoutMs ?? 30_000;
  const orders = new OrderDesk(store, queries, outbox, units, events, { ackTimeoutMs, resendAfterMs: Math.ceil(ackTimeoutMs / 2) }, cfg.consoleId, cfg.drill === true);
  const mapFile = cfg.mapFile ?? join(cfg.resourcesDir, 'map', 'training-city.geojson');
  const roads = loadRoadGraph(mapFile);
  const blocks = loadBlocks(mapFile);
  // The case desk is built after the drills and the panorama need it: they read it through this holder.
  const caseDesk: { summaries?: CaseSummaries } = {};
  const drills = new DrillService({
    store,
    queries,
    warnings,
    clock: drillClock,
    ns,
    brokerUrl: url,
    roads,
    roster,
    blocks,
    refs: { units: new Set(roster.map((r) => r.id)), sensors: new Set(warnings.queries.sensors().map((s) => s.id)), blocks: new Set(blocks.keys()), incidentTypes: new Set(catalog.incidentTypes.map((t) => t.id)) },
    scenariosDir: join(cfg.resourcesDir, 'drills'),
    cases: { slaResults: (from, to) => caseDesk.summaries?.slaResults(from, to) ?? [] },
    consoleId: cfg.consoleId,
    push,
  });
  const dispatch = new DispatchService(store, queries, catalog, orders, units, events, {
    recommend: { ...DEFAULT_RECOMMEND_OPTIONS, roads },
    closures: () => closedAreasOf(warnings.queries.roadClosures()),
  });
  const lifecycle = new IncidentLifecycle(store, queries, dispatch, orders, units, events);
  late.orders = orders;
  const cases = new CaseService(store, warnings, {
    consoleId: cfg.consoleId,
    push,
    now,
    resourcesDir: cfg.resourcesDir,
    mapFile: cfg.mapFile ?? join(cfg.resourcesDir, 'map', 'training-city.geojson'),
    incidents: {
      create: (input, ctx) => dispatch.createIncident(input, ctx).incident,
      note: (incidentId, text, ctx) => void lifecycle.addNote({ incidentId, text }, ctx),
    },
  });
  cases.start();
  caseDesk.summaries = new CaseSummaries(store.db);
  const panorama = new PanoramaService({
    store, consoleId: cfg.consoleId, now, push, warnings,
    incident: (id) => queries.incident(id),
    unit: (id) => units.get(id),
    units: () => [...units.all()],
    basemap: cfg.mapFile ?? join(cfg.resourcesDir, 'map', 'training-city.geojson'),
    defaultEntities: cfg.panoramaData,
    maps: cfg.maps,
    onlineTiles: cfg.onlineTiles,
    caseStats: (from, to) => caseDesk.summaries?.stats(from, to) ?? null,
  });
  try {
    await panorama.start();
  } catch (e) {
    // A bad --map stops the console with its reason; nothing may be left running.
    units.stop();
    await link.close();
    await broker?.close();
    panorama.close();
    store.close();
    throw e;
  }
  listeners.add((p) => panorama.observe(p));
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
  const timeoutTimer = setInterval(() => orders.checkTimeouts(), 1000);
  const expiryTimer = setInterval(() => warnings.checkExpiry(), 30_000);

  const handlers: ApiHandlers = {
    'session.snapshot': async () => ({
      consoleId: cfg.consoleId,
      catalog,
      units: queries.units(),
      incidents: queries.incidents(now() - 24 * 3_600_000),
      orders: queries.openOrders(),
      diagnostics: diagnostics.view(),
      link: link.state,
      drill: drills.status(),
    }),
    'incidents.create': async (input, ctx) => dispatch.createIncident(input, ctx),
    'incidents.get': async ({ incidentId }) => {
      const incident = dispatch.mustIncident(incidentId);
      return { incident, orders: queries.ordersOf(incidentId), notes: queries.notes(incidentId), links: queries.links(incidentId) };
    },
    'incidents.recommend': async ({ incidentId, level }) => dispatch.recommend(incidentId, level),
    'incidents.dispatch': async (input, ctx) => ({ orders: dispatch.dispatch(input, ctx) }),
    'incidents.nearby': async (input) => dispatch.nearby(input),
    'incidents.escalate': async ({ incidentId }, ctx) => dispatch.escalate(incidentId, ctx),
    'incidents.setStatus': async (input, ctx) => lifecycle.setStatus(input, ctx),
    'incidents.addNote': async (input, ctx) => lifecycle.addNote(input, ctx),
    'incidents.link': async (input, ctx) => lifecycle.link(input, ctx),
    'incidents.timeline': async ({ incidentId }) => {
      dispatch.mustIncident(incidentId);
      return { entries: queries.timeline(incidentId) };
    },
    'orders.cancel': async ({ orderId, reason }, ctx) => orders.cancel(orderId, reason, ctx),
    'orders.replace': async ({ orderId }, ctx) => dispatch.replace(orderId, ctx),
    'units.setStatus': async (input, ctx) => lifecycle.setUnitStatus(input, ctx),
    'units.reassign': async (input, ctx) => lifecycle.reassign(input, ctx),
    'diagnostics.get': async () => diagnostics.view(),
    ...warnings.handlers,
    ...cases.handlers,
    ...panorama.handlers,
    ...drills.handlers,
  };

  const core: Core = {
    consoleId: cfg.consoleId,
    catalog,
    handlers,
    diagnostics,
    store,
    warnings,
    cases,
    panorama,
    drills,
    link: () => link.state,
    fieldThread,
    async call(name, input, ctx, source) {
      const schema = apiInputs[name];
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) {
        const reason = describeZodError(parsed.error);
        diagnostics.reject(source, name, reason);
        throw new ApiError('bad_request', reason);
      }
      const needs = permissionFor(name);
      if (!can(ctx.role, needs)) {
        diagnostics.reject(source, name, `role ${ctx.role} may not ${needs}`);
        throw new ApiError('forbidden', `the ${ctx.role} role may not call ${name} (needs ${needs})`);
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
      await drills.close();
      clearInterval(timeoutTimer);
      clearInterval(expiryTimer);
      cases.stop();
      if (diagTimer) clearTimeout(diagTimer);
      units.stop();
      await outbox.settled();
      await link.close();
      await broker?.close();
      panorama.close();
      store.close();
    },
  };
  // The headless dispatcher is a dispatcher like any other: validated, permission-checked calls.
  const auto = { actor: 'auto-dispatcher', consoleId: cfg.consoleId, role: 'dispatcher' as const };
  drills.setCaller(<K extends ApiName>(name: K, input: ApiInput<K>) => core.call(name, input, auto, 'drill') as Promise<ApiResults[K]>);
  return core;
}
