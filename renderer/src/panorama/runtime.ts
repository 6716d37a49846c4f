/**
 * The panorama beside a running console: its store, the pushes it follows (the wall's focus) and
 * the calls the panels make. One per console runtime, made on first use (no edit of the console's
 * runtime needed), so the workstation and every wall page share the same code.
 */
import type { ApiInput, ClientApi, Push } from '../../../shared/api';
import type { AroundView, WallFocus } from '../../../shared/panorama/model';
import type { Role } from '../../../shared/roles';
import type { Runtime } from '../store/runtime';
import { toUiError } from '../store/operations';
import { PanoramaStore, pointKey } from './store';

export interface Panorama {
  readonly store: PanoramaStore;
  readonly api: ClientApi;
  /** What the core said this token may do; null until known (Electron: the window's own role). */
  role(): Role | null;
  /** True for wall pages and wall tokens: no control that changes anything is shown. */
  readOnly(): boolean;
  /** What is around an incident or a point (kept in the store under its key). */
  around(target: { incidentId: string } | { lat: number; lon: number }): Promise<AroundView | null>;
  /** Puts an incident on the wall (every wall page follows). */
  showOnWall(incidentId: string): Promise<WallFocus | null>;
  /** Runs a write and shows its failure in the side panel; null when it failed. */
  run<T>(work: (api: ClientApi) => Promise<T>): Promise<T | null>;
  onPush(listener: (p: Push) => void): () => void;
  /** Shows what is around the map's centre (the map registers how to read it). */
  aroundCentre(): void;
  /** The map tells how to read its centre; returns the undo. */
  setCentre(centre: (() => { lat: number; lon: number }) | null): void;
  /** Runs `listener` now if connected and on every (re)connection: loads that must follow one. */
  onReady(listener: () => void): () => void;
}

const made = new WeakMap<Runtime, Panorama>();

export function panoramaOf(rt: Runtime, wall = false): Panorama {
  const had = made.get(rt);
  if (had) return had;
  const store = new PanoramaStore();
  const api = rt.session.api;
  const role = (): Role | null => rt.session.role?.() ?? null;
  const run = async <T,>(work: (a: ClientApi) => Promise<T>): Promise<T | null> => {
    try {
      return await work(api);
    } catch (e) {
      rt.ui.setError(toUiError(e));
      return null;
    }
  };
  const load = (): void => {
    void api['maps.list']({}).then((r) => store.setMaps(r.maps), () => undefined);
    void api['wall.state']({}).then((r) => store.setWallFocus(r.focus), () => undefined);
  };
  rt.session.onPush((p) => {
    if (p.kind === 'wall') store.setWallFocus(p.focus);
  });
  if (rt.session.connection() === 'ready') load();
  rt.session.onState((s) => {
    if (s === 'ready') load();
  });

  let centre: (() => { lat: number; lon: number }) | null = null;
  const p: Panorama = {
    store,
    api,
    role,
    readOnly: () => wall || role() === 'wall',
    around: async (target) => {
      const input: ApiInput<'panorama.around'> = 'incidentId' in target ? { incidentId: target.incidentId } : { lat: target.lat, lon: target.lon };
      try {
        const view = await api['panorama.around'](input);
        store.setAround('incidentId' in target ? target.incidentId : pointKey(target.lat, target.lon), view);
        return view;
      } catch (e) {
        store.setAroundError(toUiError(e).message);
        return null;
      }
    },
    showOnWall: (incidentId) => run(async (a) => {
      const focus = await a['wall.show']({ incidentId });
      store.setWallFocus(focus);
      rt.ui.notify('panorama.wall.shown');
      return focus;
    }),
    run,
    aroundCentre: () => {
      const c = centre?.();
      if (c) store.openCard({ kind: 'around', lat: c.lat, lon: c.lon });
    },
    setCentre: (c) => {
      centre = c;
    },
    onPush: (l) => rt.session.onPush(l),
    onReady: (l) => {
      if (rt.session.connection() === 'ready') l();
      return rt.session.onState((s) => {
        if (s === 'ready') l();
      });
    },
  };
  made.set(rt, p);
  return p;
}
