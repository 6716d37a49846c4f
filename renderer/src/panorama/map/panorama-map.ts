/**
 * The panorama on an OpenLayers map (the workstation's and the map wall's): offline basemaps and
 * GeoJSON overlays from the console's map files, entity layers by kind, grid cells with today's
 * coverage, the measure tool, clicks on entities (a camera opens its feed), fly-to requests and,
 * on a wall, the incident or point the dispatcher put on the wall. It must be attached before the
 * console's own click handler, so a click on an entity or while measuring never starts an incident.
 * The map element carries data-entity-features, data-grid-cells, data-grid-visited, data-basemap.
 */
import { Zoom } from 'ol/control';
import type OlMap from 'ol/Map';
import type BaseLayer from 'ol/layer/Base';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { fromLonLat, toLonLat } from 'ol/proj';
import { ENTITY_KINDS, type EntityKind } from '../../../../shared/panorama/model';
import { typing } from '../../hooks/shortcuts';
import type { Panorama } from '../runtime';
import { CITY_BASEMAP, type PanoramaState } from '../store';
import { createEntityLayer, KIND_MIN_ZOOM } from './entity-layer';
import { createGridLayer } from './grid-layer';
import { MeasureTool } from './measure';
import { tileLayerOf } from './tile-layers';

export interface PanoramaMapOptions {
  readonly map: OlMap;
  readonly target: HTMLElement;
  readonly pano: Panorama;
  /** The console's own basemap layers, hidden while a tile basemap is chosen. */
  readonly cityLayers: readonly BaseLayer[];
  /** Wall: follow the wall's focus; no tools, no cards. */
  readonly wall?: boolean;
}

const ENTITY_LIMIT = 20_000;
/** Entities answer clicks from this zoom on, where their points are apart (7 px radius at 17). */
export const ENTITY_CLICK_ZOOM = 15;

export function attachPanorama(opts: PanoramaMapOptions): () => void {
  const { map, target, pano } = opts;
  const { store } = pano;
  const offs: (() => void)[] = [];
  const measure = new MeasureTool(map, (r) => store.setMeasure(r));
  const entities = createEntityLayer(store.getState().kinds);
  const grid = createGridLayer();
  map.addLayer(measure.layer);
  map.addLayer(entities.layer);
  map.addLayer(grid.layer);
  // A wall has nothing to press: no zoom buttons (it follows the wall's focus instead).
  if (opts.wall) for (const c of map.getControls().getArray().filter((x) => x instanceof Zoom)) map.removeControl(c);
  const mark = (): void => {
    target.dataset.entityFeatures = String(entities.count());
    const c = grid.counts();
    target.dataset.gridCells = String(c.cells);
    target.dataset.gridVisited = String(c.visited);
    store.setEntityCount(entities.count());
  };

  // Entities: each shown kind is loaded once per connection; pushes keep them current.
  let loaded = new Set<EntityKind>();
  // Dense kinds are fetched only once the map is zoomed in far enough to show them.
  const loadKinds = (kinds: ReadonlySet<EntityKind>): void => {
    const zoom = map.getView().getZoom() ?? 0;
    const missing = ENTITY_KINDS.filter((k) => kinds.has(k) && !loaded.has(k) && zoom >= (KIND_MIN_ZOOM[k] ?? 0));
    if (missing.length === 0) return;
    for (const k of missing) loaded.add(k);
    void pano.api['entities.list']({ kinds: missing, limit: ENTITY_LIMIT }).then((r) => {
      entities.put(r.entities);
      mark();
    }, () => missing.forEach((k) => loaded.delete(k)));
  };
  const loadGrid = (): void => {
    void Promise.all([pano.api['grid.cells']({}), pano.api['grid.coverage']({})]).then(([cells, coverage]) => {
      grid.setCells(cells.cells);
      grid.setCoverage(coverage.cells);
      mark();
    }, () => undefined);
  };
  offs.push(
    pano.onReady(() => {
      loaded = new Set();
      loadKinds(store.getState().kinds);
      loadGrid();
    }),
    pano.onPush((p) => {
      if (p.kind === 'entity') {
        if (p.entity && loaded.has(p.entity.kind)) entities.put([p.entity]);
        else if (!p.entity) entities.remove(p.id);
        mark();
      } else if (p.kind === 'coverage') {
        grid.visit(p.cellId);
        mark();
      }
    }),
  );

  // Basemap and overlays follow the store; tile layers are made once per map id.
  const made = new Map<string, BaseLayer>();
  const layerFor = (id: string, overlay: boolean): BaseLayer | null => {
    let l = made.get(id);
    if (!l) {
      const info = store.getState().maps.find((m) => m.id === id);
      if (!info) return null;
      l = tileLayerOf(info, overlay);
      made.set(id, l);
      map.addLayer(l);
    }
    return l;
  };
  const applyMaps = (s: PanoramaState): void => {
    const base = s.basemap !== CITY_BASEMAP ? layerFor(s.basemap, false) : null;
    for (const l of opts.cityLayers) l.setVisible(base === null);
    for (const id of s.overlays) layerFor(id, true);
    for (const [id, l] of made) l.setVisible(id === s.basemap ? base !== null : s.overlays.has(id));
    target.dataset.basemap = base ? s.basemap : CITY_BASEMAP;
  };

  let prev = store.getState();
  applyMaps(prev);
  offs.push(
    store.subscribe(() => {
      const s = store.getState();
      if (s.maps !== prev.maps || s.basemap !== prev.basemap || s.overlays !== prev.overlays) applyMaps(s);
      if (s.kinds !== prev.kinds) {
        entities.setKinds(s.kinds);
        loadKinds(s.kinds);
      }
      if (s.grid !== prev.grid) grid.layer.setVisible(s.grid);
      if (s.tool !== prev.tool) measure.start(s.tool);
      if (s.flyTo !== prev.flyTo && s.flyTo) map.getView().animate({ center: fromLonLat([s.flyTo.lon, s.flyTo.lat]), zoom: s.flyTo.zoom, duration: 400 });
      if (opts.wall && s.wallFocus !== prev.wallFocus && s.wallFocus) {
        const f = s.wallFocus;
        map.getView().animate({ center: fromLonLat([f.lon, f.lat]), zoom: f.zoom, duration: 600 });
        target.dataset.wallFocus = f.incidentId ?? `${f.lat},${f.lon}`;
      }
      prev = s;
    }),
  );

  // Clicks: the measure tool takes them while active (it stops them itself); an entity opens its card.
  const click = (e: MapBrowserEvent): void => {
    // Below street zoom a click is the dispatcher's (a new incident): entities are dots there.
    if (opts.wall || measure.active || (map.getView().getZoom() ?? 0) < ENTITY_CLICK_ZOOM) return;
    const tol = (map.getView().getResolution() ?? 1) * 8;
    const id = entities.hit(e.coordinate, tol, store.getState().kinds);
    if (!id) return;
    e.stopPropagation();
    const kind = entities.source.getFeatureById(id)?.get('kind') as EntityKind | undefined;
    store.openCard(kind === 'camera' ? { kind: 'camera', id } : { kind: 'entity', id });
  };
  map.on('singleclick', click);
  const onZoom = (): void => loadKinds(store.getState().kinds);
  map.getView().on('change:resolution', onZoom);
  offs.push(() => map.getView().un('change:resolution', onZoom));
  // Keyboard measuring: Enter adds the point under the map's centre, Backspace takes one back.
  const onKey = (e: KeyboardEvent): void => {
    if (!measure.active || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') measure.addCentre();
    else if (e.key === 'Backspace') measure.undo();
    else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  window.addEventListener('keydown', onKey, true);
  if (!opts.wall)
    pano.setCentre(() => {
      const [lon, lat] = toLonLat(map.getView().getCenter() ?? [0, 0]);
      return { lat, lon };
    });
  offs.push(
    () => pano.setCentre(null),
    () => map.un('singleclick', click),
    () => window.removeEventListener('keydown', onKey, true),
  );
  mark();

  return () => {
    for (const off of offs.splice(0)) off();
    for (const l of made.values()) {
      map.removeLayer(l);
      l.dispose();
    }
    for (const l of [measure.layer, entities.layer, grid.layer]) map.removeLayer(l);
    measure.dispose();
    entities.dispose();
    grid.dispose();
  };
}
