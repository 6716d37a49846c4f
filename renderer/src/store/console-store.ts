/**
 * The console's copy of the core's state: the snapshot, kept current by pushes. Components read
 * slices of it through `useConsole`; the map instead listens to `subscribeUnits`, which hands it
 * just the units that changed so it can move its symbols without any React render.
 *
 * Units are the one slice that changes thousands of times a second. A batch updates one map in
 * place (O(batch), never a copy of 20,000 entries); React sees it through `units`, a read-only
 * view of that map whose identity changes at most every UNITS_PUBLISH_MS (sooner for changes a
 * list shows, such as a status, than for moves alone), so lists re-render a few times a second.
 */
import type { Push, Snapshot } from '../../../shared/api';
import type { DiagnosticsView, IncidentView, LinkView, OrderView, ReportView, SensorView, UnitView, WarningView } from '../../../shared/model';
import { levelOfSeverity } from '../../../shared/domain/thresholds';
import type { Catalog } from '../../../shared/schemas/catalog';
import type { ConnectionState } from '../api/ws-client';
import { ExternalStore } from './external-store';
import { shownChange, UnitsView } from './units-view';

export interface ConsoleData {
  /** The connection to the core (not the field link: that is `link`). */
  readonly connection: ConnectionState;
  /** True once a snapshot has been loaded; the console shows a loading state until then. */
  readonly loaded: boolean;
  readonly consoleId: string;
  readonly catalog: Catalog | null;
  readonly units: ReadonlyMap<string, UnitView>;
  /**
   * Changes when a unit changes in anything lists show (status, assignment, name, a unit added or
   * gone), not when units only move: lists of all units depend on it instead of on `units`.
   */
  readonly unitsListVersion: number;
  readonly incidents: ReadonlyMap<string, IncidentView>;
  readonly orders: ReadonlyMap<string, OrderView>;
  readonly diagnostics: DiagnosticsView | null;
  readonly link: LinkView | null;
  /** Open risk warnings (cleared ones leave), sensors, and citizen reports still new. */
  readonly warnings: ReadonlyMap<string, WarningView>;
  readonly sensors: ReadonlyMap<string, SensorView>;
  readonly reports: ReadonlyMap<string, ReportView>;
}

/**
 * `null` means "everything was replaced" (a new snapshot): the listener redraws all units.
 * `moved` is true when the batch is only new positions (a `positions` push).
 */
export type UnitsListener = (changed: readonly UnitView[] | null, moved: boolean) => void;

const EMPTY: ConsoleData = {
  connection: 'connecting',
  loaded: false,
  consoleId: '',
  catalog: null,
  units: new Map(),
  unitsListVersion: 0,
  incidents: new Map(),
  orders: new Map(),
  diagnostics: null,
  link: null,
  warnings: new Map(),
  sensors: new Map(),
  reports: new Map(),
};

function byId<T extends { readonly id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

/**
 * How long after a units batch React is told: a change lists show (a status, an assignment, a new
 * unit) within `change` ms, positions alone within `move` ms. Reads between see the current map.
 */
export const UNITS_PUBLISH_MS = { change: 100, move: 1000 } as const;

function withAll<T extends { readonly id: string }>(map: ReadonlyMap<string, T>, items: readonly T[]): Map<string, T> {
  const next = new Map(map);
  for (const item of items) next.set(item.id, item);
  return next;
}

export class ConsoleStore extends ExternalStore<ConsoleData> {
  private readonly unitListeners = new Set<UnitsListener>();
  /** The current units, updated in place by each batch; `state.units` is a view of it. */
  private liveUnits = new Map<string, UnitView>();
  private unitsTimer: ReturnType<typeof setTimeout> | null = null;
  private unitsDue = Infinity;
  /** A change lists show is waiting in the next publication. */
  private listChanged = false;
  /** When each cleared warning was cleared: an older copy arriving late must not bring it back. */
  private readonly cleared = new Map<string, number>();

  constructor() {
    super(EMPTY);
  }

  subscribeUnits(listener: UnitsListener): () => void {
    this.unitListeners.add(listener);
    return () => this.unitListeners.delete(listener);
  }

  setConnection(connection: ConnectionState): void {
    if (connection !== this.state.connection) this.setState({ ...this.state, connection });
  }

  /** Replaces everything with a fresh snapshot (first load and after every reconnect). */
  load(s: Snapshot): void {
    this.cancelUnitsPublish();
    this.liveUnits = byId(s.units);
    this.setState({
      ...this.state,
      loaded: true,
      consoleId: s.consoleId,
      catalog: s.catalog,
      units: new UnitsView(this.liveUnits),
      unitsListVersion: this.state.unitsListVersion + 1,
      incidents: byId(s.incidents),
      orders: byId(s.orders),
      diagnostics: s.diagnostics,
      link: s.link,
    });
    this.tellUnits(null);
  }

  apply(p: Push): void {
    switch (p.kind) {
      case 'units': {
        if (p.units.length === 0) return;
        let shown = false;
        for (const u of p.units) {
          const old = this.liveUnits.get(u.id);
          this.liveUnits.set(u.id, u);
          if (!shown && (!old || shownChange(old, u))) shown = true;
        }
        this.tellUnits(p.units);
        if (shown) this.listChanged = true;
        this.publishUnits(UNITS_PUBLISH_MS[shown ? 'change' : 'move']);
        return;
      }
      case 'positions': {
        // New positions of units we have (the core sends a unit's whole view first).
        const moved: UnitView[] = [];
        for (const q of p.positions) {
          const old = this.liveUnits.get(q.id);
          if (!old) continue;
          const u: UnitView = { ...old, lat: q.lat, lon: q.lon, heading: q.heading, speed: q.speed, positionTs: q.positionTs };
          this.liveUnits.set(q.id, u);
          moved.push(u);
        }
        if (moved.length === 0) return;
        this.tellUnits(moved, true);
        this.publishUnits(UNITS_PUBLISH_MS.move);
        return;
      }
      case 'incident':
        this.mergeIncidents([p.incident]);
        return;
      case 'order':
        this.mergeOrders([p.order]);
        return;
      case 'diagnostics':
        this.setState({ ...this.state, diagnostics: p.diagnostics });
        return;
      case 'link':
        this.setState({ ...this.state, link: p.link });
        return;
      case 'warning':
        this.mergeWarnings([p.warning]);
        return;
      case 'report':
        this.mergeReports([p.report]);
        return;
    }
  }

  /** Replaces the open warnings with a fresh list (on every connection). */
  loadWarnings(list: readonly WarningView[]): void {
    this.setState({ ...this.state, warnings: byId(list.filter((w) => w.clearedAt === null)) });
  }

  /** Keeps the newer copy of each; a cleared warning leaves the list (and its sensor returns to normal). */
  mergeWarnings(list: readonly WarningView[]): void {
    const warnings = new Map(this.state.warnings);
    let sensors: Map<string, SensorView> | null = null;
    let changed = false;
    for (const w of list) {
      const old = warnings.get(w.id);
      const clearedAt = this.cleared.get(w.id);
      if ((old && old.updatedAt > w.updatedAt) || (clearedAt !== undefined && clearedAt >= w.updatedAt)) continue;
      changed = true;
      if (w.clearedAt !== null) {
        this.cleared.set(w.id, w.updatedAt);
        // A day's worth is plenty: late copies arrive within seconds.
        if (this.cleared.size > 5000) this.cleared.delete(this.cleared.keys().next().value ?? '');
        warnings.delete(w.id);
      } else warnings.set(w.id, w);
      const sensor = w.source === 'sensor' ? (sensors ?? this.state.sensors).get(w.sourceRef) : undefined;
      if (sensor) {
        sensors ??= new Map(this.state.sensors);
        const open = w.clearedAt === null;
        sensors.set(sensor.id, { ...sensor, level: levelOfSeverity(open ? w.severity : null), warningId: open ? w.id : null });
      }
    }
    if (changed) this.setState({ ...this.state, warnings, sensors: sensors ?? this.state.sensors });
  }

  loadSensors(list: readonly SensorView[]): void {
    this.setState({ ...this.state, sensors: byId(list) });
  }

  loadReports(list: readonly ReportView[]): void {
    this.setState({ ...this.state, reports: byId(list.filter((r) => r.status === 'new')) });
  }

  /** A report joins the intake list while new; one the case desk took on leaves it. */
  mergeReports(list: readonly ReportView[]): void {
    const reports = new Map(this.state.reports);
    for (const r of list) {
      if (r.status === 'new') reports.set(r.id, r);
      else reports.delete(r.id);
    }
    this.setState({ ...this.state, reports });
  }

  /** Keeps the newer of two copies: a call's result can arrive after a push of a later change. */
  mergeIncidents(list: readonly IncidentView[]): void {
    const fresh = list.filter((i) => {
      const old = this.state.incidents.get(i.id);
      return !old || old.updatedAt <= i.updatedAt;
    });
    if (fresh.length) this.setState({ ...this.state, incidents: withAll(this.state.incidents, fresh) });
  }

  mergeOrders(list: readonly OrderView[]): void {
    const fresh = list.filter((o) => {
      const old = this.state.orders.get(o.id);
      return !old || orderProgress(old) <= orderProgress(o);
    });
    if (fresh.length) this.setState({ ...this.state, orders: withAll(this.state.orders, fresh) });
  }

  /** Tells React about the units within `ms` (an earlier pending publication stands). */
  private publishUnits(ms: number): void {
    const due = performance.now() + ms;
    if (this.unitsTimer !== null) {
      if (this.unitsDue <= due) return;
      clearTimeout(this.unitsTimer);
    }
    this.unitsDue = due;
    this.unitsTimer = setTimeout(() => {
      this.unitsTimer = null;
      this.unitsDue = Infinity;
      const unitsListVersion = this.state.unitsListVersion + (this.listChanged ? 1 : 0);
      this.listChanged = false;
      this.setState({ ...this.state, units: new UnitsView(this.liveUnits), unitsListVersion });
    }, ms);
  }

  private cancelUnitsPublish(): void {
    if (this.unitsTimer !== null) clearTimeout(this.unitsTimer);
    this.unitsTimer = null;
    this.unitsDue = Infinity;
    this.listChanged = false;
  }

  private tellUnits(changed: readonly UnitView[] | null, moved = false): void {
    for (const l of [...this.unitListeners]) l(changed, moved);
  }
}

/**
 * How far an order has got. An order only moves forward (queued → sent → answered → en route →
 * on scene → cleared), so a copy from a slow call result never overwrites a later push with an
 * older state.
 */
export function orderProgress(o: OrderView): number {
  if (o.clearedAt !== null || o.state === 'cancelled') return 5;
  if (o.onSceneAt !== null) return 4;
  if (o.enRouteAt !== null) return 3;
  if (o.answeredAt !== null || (o.state !== 'queued' && o.state !== 'sent')) return 2;
  return o.state === 'sent' ? 1 : 0;
}
