/**
 * The console's copy of the core's state: the snapshot, kept current by pushes. Components read
 * slices of it through `useConsole`; the map instead listens to `subscribeUnits`, which hands it
 * just the units that changed so it can move OpenLayers features without any React render.
 */
import type { Push, Snapshot } from '../../../shared/api';
import type { DiagnosticsView, IncidentView, LinkView, OrderView, UnitView } from '../../../shared/model';
import type { Catalog } from '../../../shared/schemas/catalog';
import type { ConnectionState } from '../api/ws-client';
import { ExternalStore } from './external-store';

export interface ConsoleData {
  /** The connection to the core (not the field link: that is `link`). */
  readonly connection: ConnectionState;
  /** True once a snapshot has been loaded; the console shows a loading state until then. */
  readonly loaded: boolean;
  readonly consoleId: string;
  readonly catalog: Catalog | null;
  readonly units: ReadonlyMap<string, UnitView>;
  readonly incidents: ReadonlyMap<string, IncidentView>;
  readonly orders: ReadonlyMap<string, OrderView>;
  readonly diagnostics: DiagnosticsView | null;
  readonly link: LinkView | null;
}

/** `null` means "everything was replaced" (a new snapshot): the listener redraws all units. */
export type UnitsListener = (changed: readonly UnitView[] | null) => void;

const EMPTY: ConsoleData = {
  connection: 'connecting',
  loaded: false,
  consoleId: '',
  catalog: null,
  units: new Map(),
  incidents: new Map(),
  orders: new Map(),
  diagnostics: null,
  link: null,
};

function byId<T extends { readonly id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

function withAll<T extends { readonly id: string }>(map: ReadonlyMap<string, T>, items: readonly T[]): Map<string, T> {
  const next = new Map(map);
  for (const item of items) next.set(item.id, item);
  return next;
}

export class ConsoleStore extends ExternalStore<ConsoleData> {
  private readonly unitListeners = new Set<UnitsListener>();

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
    this.setState({
      ...this.state,
      loaded: true,
      consoleId: s.consoleId,
      catalog: s.catalog,
      units: byId(s.units),
      incidents: byId(s.incidents),
      orders: byId(s.orders),
      diagnostics: s.diagnostics,
      link: s.link,
    });
    this.tellUnits(null);
  }

  apply(p: Push): void {
    switch (p.kind) {
      case 'units':
        if (p.units.length === 0) return;
        this.setState({ ...this.state, units: withAll(this.state.units, p.units) });
        this.tellUnits(p.units);
        return;
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
    }
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

  private tellUnits(changed: readonly UnitView[] | null): void {
    for (const l of [...this.unitListeners]) l(changed);
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
