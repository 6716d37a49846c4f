/**
 * The map bench page: a 1280×800 OpenLayers map with the console's basemap and, by query string,
 * - `layer=none|live|stock`: no units, the live-units layer, or the stock WebGLVectorLayer;
 * - `units=N`: a simulated fleet of N units (started by `qxBench.startFleet()`);
 * - `static=N`: N static objects on the static layer;
 * - `zoom`, `lon`, `lat`: the view; `pan=1`: the view drifts east during measurements;
 * - live layer switches: `declutter=0` (no clusters), `interp=S` (glide seconds), `flatten=0`
 *   (transparent canvas, no backdrop), `adaptive=0` (draw every frame in which anything changed),
 *   `arrival=0` (do not draw on a batch's arrival: only when a glide has moved a symbol visibly),
 *   `rate=N|batch|auto` (draws a second, as `localStorage['qx.map.drawRate']`);
 * - `mode=console`: the console's own ConsoleMap (stores, click handling) instead of a bench map.
 * Positions reach the layers through the console's store exactly as core pushes do. */
import i18next from 'i18next';
import OlMap from 'ol/Map';
import View from 'ol/View';
import { fromLonLat } from 'ol/proj';
import type { Snapshot, UnitPosition } from '../../shared/api';
import type { UnitStatus, UnitView } from '../../shared/model';
import type { Catalog } from '../../shared/schemas/catalog';
import agencies from '../../resources/catalog/agencies.json';
import { createBasemap } from '../../renderer/src/map/basemap';
import { ConsoleMap, HOME_CENTRE, HOME_ZOOM } from '../../renderer/src/map/console-map';
import { LiveUnitsLayer } from '../../renderer/src/map/live/live-units-layer';
import { STATUS_COLOURS } from '../../renderer/src/map/palette';
import { FLAG_HIDDEN } from '../../renderer/src/map/live/unit-table';
import { createUnitsLayer, parseDrawRate } from '../../renderer/src/map/units-layer';
import { ConsoleStore } from '../../renderer/src/store/console-store';
import { UiStore } from '../../renderer/src/store/ui-store';
import type { BenchApi, BenchUnit, Measurement } from './api';
import { createStaticObjects, createStockUnitsLayer } from './baseline';
import { Fleet } from './fleet';
import { summarise, type Arrival } from './measure';

const q = new URLSearchParams(location.search);
const num = (k: string, d: number): number => (q.has(k) ? Number(q.get(k)) : d);
const mode = q.get('mode') ?? 'bench';
const kind = q.get('layer') ?? 'live';
const fleet = num('units', 0) > 0 ? new Fleet(num('units', 0)) : null;
const colours: Readonly<Record<string, string>> = Object.fromEntries(agencies.map((a) => [a.id, a.color]));
const catalog = { agencies, unitTypes: [], incidentTypes: [] } as unknown as Catalog;
const target = document.getElementById('map') as HTMLDivElement;

const state: { ready: boolean; error: string | null } = { ready: false, error: null };
const store = new ConsoleStore();
const ui = new UiStore();
store.load({ consoleId: 'bench', catalog, units: fleet?.all(0) ?? [], incidents: [], orders: [], diagnostics: null, link: null } as unknown as Snapshot);

let map: OlMap;
let live: LiveUnitsLayer | null = null;
if (mode === 'console') {
  await i18next.init({ lng: 'zh-CN', resources: {} });
  const consoleMap = new ConsoleMap({ target, basemapUrl: './basemap.geojson', store, ui, onPick: (p) => (p.kind === 'empty' ? ui.openNew(p.lat, p.lon) : undefined) });
  // The harness needs the OpenLayers map inside ConsoleMap (a private field) to move the view and
  // project units to pixels; fail loudly if that ever changes.
  const inner = (consoleMap as unknown as { map: unknown }).map;
  if (!(inner instanceof OlMap)) throw new Error('bench: ConsoleMap has no OpenLayers map');
  map = inner;
  live = map.getAllLayers().find((l): l is LiveUnitsLayer => l instanceof LiveUnitsLayer) ?? null;
} else {
  const basemap = createBasemap('./basemap.geojson', { language: () => 'zh-CN', agencyColour: (a) => colours[a] ?? '#8a94a6' });
  map = new OlMap({
    target,
    layers: basemap.layers,
    view: new View({ center: fromLonLat([...HOME_CENTRE]), zoom: HOME_ZOOM, minZoom: 10, maxZoom: 19, enableRotation: false }),
  });
  if (num('static', 0) > 0) map.addLayer(createStaticObjects(num('static', 0)).layer);
  if (kind === 'live') {
    live = createUnitsLayer(store, {
      declutter: q.get('declutter') !== '0',
      interpolate: num('interp', 1),
      flatten: q.get('flatten') !== '0',
      adaptive: q.get('adaptive') !== '0',
      drawOnArrival: q.get('arrival') !== '0',
      maxDrawRate: parseDrawRate(q.get('rate')),
    }).layer;
    map.addLayer(live);
  } else if (kind === 'stock') {
    map.addLayer(createStockUnitsLayer(store, colours));
  }
  await basemap.ready;
}
map.getView().setCenter(fromLonLat([num('lon', HOME_CENTRE[0]), num('lat', HOME_CENTRE[1])]));
map.getView().setZoom(num('zoom', HOME_ZOOM));

let mapRenders = 0;
let layerDraws = 0;
let textRows = 0;
let updates = 0;
let arrivals: Arrival[] = [];
let measuring = false;
map.on('postrender', () => mapRenders++);
if (live) live.onDraw = (info) => {
  layerDraws++;
  textRows += info.textRows;
  for (const a of arrivals) if (a.drawnAt === null && a.version <= info.version) {
    a.drawnAt = info.drawnAt;
    a.frameTime = info.frameTime;
  }
};

/** The status each unit was last pushed with: a new one goes as a whole view, as the core sends an event's change. */
const statusOf = new Map<string, string>();

function apply(batch: UnitView[]): void {
  const before = live?.visibleChanges ?? 0;
  // As the core pushes: whole views of units new or changed by an event (here a new status), positions of the others.
  const changed: UnitView[] = [];
  const positions: UnitPosition[] = [];
  for (const u of batch) {
    if (statusOf.get(u.id) === u.status) positions.push({ id: u.id, lat: u.lat, lon: u.lon, heading: u.heading, speed: u.speed, positionTs: u.positionTs });
    else changed.push(u);
    statusOf.set(u.id, u.status);
  }
  if (changed.length) store.apply({ kind: 'units', units: changed });
  if (positions.length) store.apply({ kind: 'positions', positions });
  updates += batch.length;
  if (measuring && live) {
    arrivals.push({ at: performance.now(), version: live.table.version, visible: live.visibleChanges > before, drawnAt: null, frameTime: null });
  }
}

const rendered = (): Promise<void> => new Promise((resolve) => map.once('rendercomplete', () => resolve()));

function measure(ms: number): Promise<Measurement> {
  const frames: number[] = [];
  const callbacks: number[] = [];
  mapRenders = 0;
  layerDraws = 0;
  textRows = 0;
  updates = 0;
  arrivals = [];
  measuring = true;
  const start = performance.now();
  // `pan=1`: the view drifts east every frame, as under a dragging hand (every layer re-renders).
  const view = map.getView();
  const from = view.getCenter() ?? [0, 0];
  return new Promise((resolve) => {
    const loop = (ts: number): void => {
      frames.push(ts);
      callbacks.push(performance.now());
      if (q.get('pan') === '1') view.setCenter([from[0] + (performance.now() - start) * 0.1 * (view.getResolution() ?? 1), from[1]]);
      if (performance.now() - start < ms) {
        requestAnimationFrame(loop);
        return;
      }
      measuring = false;
      const seconds = (performance.now() - start) / 1000;
      resolve(summarise({ frames, callbacks, seconds, layerDraws, textRows, mapRenders, updates, arrivals: live ? arrivals : null }));
    };
    requestAnimationFrame(loop);
  });
}

/** A bench unit as a full UnitView, as the core would push it. */
function view(u: BenchUnit): UnitView {
  return {
    id: u.id,
    name: u.name ?? u.id,
    agency: (u.agency ?? 'fire') as UnitView['agency'],
    type: null,
    station: null,
    registered: u.registered ?? true,
    status: (u.status ?? 'available') as UnitStatus,
    statusSince: 0,
    lat: u.lat,
    lon: u.lon,
    heading: u.heading ?? null,
    speed: null,
    positionTs: Date.now(),
    incidentId: null,
  };
}

function pixelOfSlot(layer: LiveUnitsLayer, s: number): [number, number] | null {
  const p = new Float64Array(2);
  layer.table.at(s, layer.now(), p);
  const px = map.getPixelFromCoordinate([p[0] + layer.table.originX, p[1] + layer.table.originY]);
  const box = target.getBoundingClientRect();
  return px ? [px[0] + box.left, px[1] + box.top] : null;
}

const api: BenchApi = {
  get ready() {
    return state.ready;
  },
  get error() {
    return state.error;
  },
  startFleet: () => fleet?.start(apply),
  stopFleet: () => fleet?.stop(),
  measure,
  settle: async (timeoutMs) => {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      const gaps: number[] = [];
      let last = performance.now();
      await new Promise<void>((resolve) => {
        const end = last + 1000;
        const tick = (): void => {
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      if (Math.max(...gaps) < 250) return true;
    }
    return false;
  },
  setView: async (lon, lat, zoom) => {
    const done = rendered();
    map.getView().setCenter(fromLonLat([lon, lat]));
    map.getView().setZoom(zoom);
    await done;
    // One more frame, so that the live layer has drawn (and clustered) with the new view.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  },
  unitPixel: (id) => {
    const s = live?.table.slotOf(id);
    return live && s !== undefined ? pixelOfSlot(live, s) : null;
  },
  visibleUnits: (limit) => {
    const out: { id: string; x: number; y: number }[] = [];
    const box = target.getBoundingClientRect();
    for (let s = 0; live && s < live.table.count && out.length < limit; s++) {
      const p = live.table.has(s, FLAG_HIDDEN) ? null : pixelOfSlot(live, s);
      if (p && p[0] > box.left + 20 && p[1] > box.top + 20 && p[0] < box.right - 20 && p[1] < box.bottom - 20) out.push({ id: live.table.ids[s], x: p[0], y: p[1] });
    }
    return out;
  },
  selectedUnit: () => ui.getState().selectedUnit,
  clearSelection: () => ui.selectUnit(null),
  push: (units) => apply(units.map(view)),
  agencyColour: (a) => colours[a] ?? '',
  statusColour: (s) => (STATUS_COLOURS as Readonly<Record<string, string>>)[s] ?? '',
};
window.qxBench = api;
await rendered().catch(() => undefined);
state.ready = true;
