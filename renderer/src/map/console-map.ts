/**
 * The OpenLayers map of the console, owned outside React: React mounts it once into a div and
 * never re-renders it. It reads the stores directly and reports clicks back through the UI store.
 */
import i18next from 'i18next';
import OlMap from 'ol/Map';
import View from 'ol/View';
import { defaults as defaultControls, MousePosition, ScaleLine } from 'ol/control';
import { fromLonLat, toLonLat } from 'ol/proj';
import type { CasesStore } from '../store/cases-store';
import { attachPanorama } from '../panorama/map/panorama-map';
import type { Panorama } from '../panorama/runtime';
import type { ConsoleStore } from '../store/console-store';
import type { UiStore } from '../store/ui-store';
import { latLon } from '../lib/format';
import { localStore } from '../lib/local-store';
import type { ScreenLatency } from '../lib/screen-latency';
import { createAssignmentsLayer } from './assignments-layer';
import { createBasemap } from './basemap';
import { createCaseLayers } from './cases-layer';
import { createIncidentsLayer } from './incidents-layer';
import { createRiskLayers } from './risk-layers';
import { createUnitsLayer, parseDrawRate } from './units-layer';

/** The training city's centre and a zoom that shows all of it on a hall display. */
export const HOME_CENTRE: readonly [number, number] = [104.4, 31.13];
export const HOME_ZOOM = 13;

export interface ConsoleMapOptions {
  readonly target: HTMLElement;
  readonly basemapUrl: string;
  readonly store: ConsoleStore;
  readonly ui: UiStore;
  /** The case desk's cases (their layers load them on first use); without it, no case layers. */
  readonly cases?: CasesStore;
  /** A click on empty map (or on an incident): the console decides what to open. */
  readonly onPick: (pick: { kind: 'empty'; lat: number; lon: number } | { kind: 'incident'; id: string }) => void;
  /** Offline maps, entities, grid, measure tool (renderer/src/panorama); `wall`: a read-only wall map. */
  readonly panorama?: Panorama;
  readonly wall?: boolean;
  /** Told when each batch of new positions is first drawn (the diagnostics view's figure). */
  readonly latency?: ScreenLatency;
}

export class ConsoleMap {
  private readonly map: OlMap;
  private readonly disposers: (() => void)[] = [];

  constructor(opts: ConsoleMapOptions) {
    const { store, ui } = opts;
    const agencyColour = (id: string): string => store.getState().catalog?.agencies.find((a) => a.id === id)?.color ?? '#8a94a6';
    const basemap = createBasemap(opts.basemapUrl, { language: () => i18next.language, agencyColour });
    const units = createUnitsLayer(store, { maxDrawRate: parseDrawRate(localStore()?.getItem('qx.map.drawRate') ?? null) }, opts.latency);
    const incidents = createIncidentsLayer(store, ui);
    const assignments = createAssignmentsLayer(store, ui);
    const risk = createRiskLayers(store, ui, opts.target);
    const caseLayers = opts.cases ? createCaseLayers(opts.cases, ui, opts.target) : null;

    const pointer = document.createElement('div');
    pointer.className = 'qx-pointer';
    pointer.dataset.testid = 'pointer-coords';
    this.map = new OlMap({
      target: opts.target,
      layers: [
        ...basemap.layers,
        ...(caseLayers ? [caseLayers.heat] : []),
        ...risk.layers,
        ...(caseLayers ? [caseLayers.dots] : []),
        assignments.layer,
        units.layer,
        incidents.layer,
      ],
      view: new View({ center: fromLonLat([...HOME_CENTRE]), zoom: HOME_ZOOM, minZoom: 10, maxZoom: 19, enableRotation: false }),
      controls: defaultControls({ attribution: false, rotate: false }).extend([
        new ScaleLine({ units: 'metric', minWidth: 90 }),
        new MousePosition({
          className: 'qx-pointer-coords',
          target: pointer,
          projection: 'EPSG:4326',
          coordinateFormat: (c) => (c ? latLon(c[1], c[0]) : ''),
          placeholder: '',
        }),
      ]),
    });
    opts.target.appendChild(pointer);
    risk.attach(this.map);
    // Before the click handler below: a click on an entity or while measuring is the panorama's.
    if (opts.panorama) this.disposers.push(attachPanorama({ map: this.map, target: opts.target, pano: opts.panorama, cityLayers: basemap.layers, wall: opts.wall }));

    // The map highlights whichever unit is selected (here, on the board, in a list or an order).
    units.select(ui.getState().selectedUnit);
    this.disposers.push(ui.subscribe(() => units.select(ui.getState().selectedUnit)));
    this.map.on('singleclick', (e) => {
      const hit = this.map.forEachFeatureAtPixel(e.pixel, (f) => f.getId(), { layerFilter: (l) => l === incidents.layer, hitTolerance: 6 });
      if (typeof hit === 'string' && hit !== '__draft__') {
        opts.onPick({ kind: 'incident', id: hit });
        return;
      }
      // A unit under the pointer is selected (incidents, drawn above units, win first); a cluster
      // of units opens up (zooms in) rather than starting an incident there.
      const unit = units.hitTest(e.pixel);
      if (unit !== null) {
        ui.selectUnit(unit);
        return;
      }
      if (units.expandClusterAt(e.pixel)) return;
      const [lon, lat] = toLonLat(e.coordinate);
      opts.onPick({ kind: 'empty', lat, lon });
    });
    this.map.on('pointermove', (e) => {
      if (e.dragging) return;
      const over = this.map.hasFeatureAtPixel(e.pixel, { layerFilter: (l) => l === incidents.layer, hitTolerance: 6 });
      opts.target.classList.toggle('qx-map--over-incident', over);
    });

    // Labels follow the language; station symbols take their colours once the catalog is in.
    const relabel = (): void => basemap.layers.forEach((l) => l.changed());
    i18next.on('languageChanged', relabel);
    let catalog = store.getState().catalog;
    const offCatalog = store.subscribe(() => {
      if (store.getState().catalog === catalog) return;
      catalog = store.getState().catalog;
      relabel();
    });

    let centreRequest = ui.getState().centreRequest;
    let mapPoint = ui.getState().mapPoint;
    const offUi = ui.subscribe(() => {
      const s = ui.getState();
      if (s.mapPoint !== mapPoint) {
        mapPoint = s.mapPoint;
        if (mapPoint) this.flyTo(mapPoint.lat, mapPoint.lon);
      }
      if (s.centreRequest === centreRequest) return;
      centreRequest = s.centreRequest;
      if (s.panel.kind !== 'incident') return;
      const i = store.getState().incidents.get(s.panel.id);
      if (i) this.flyTo(i.lat, i.lon);
    });

    this.disposers.push(
      () => i18next.off('languageChanged', relabel),
      offCatalog,
      offUi,
      () => units.dispose(),
      () => incidents.dispose(),
      () => assignments.dispose(),
      () => risk.dispose(),
      () => caseLayers?.dispose(),
      () => basemap.layers.forEach((l) => l.dispose()),
      () => this.map.setTarget(undefined),
      () => pointer.remove(),
    );
    void basemap.ready.catch((e: unknown) => console.error('[map] basemap failed to load:', e));
  }

  /** The map centre as WGS 84, for "new incident here" from the keyboard. */
  centre(): { lat: number; lon: number } {
    const c = this.map.getView().getCenter() ?? fromLonLat([...HOME_CENTRE]);
    const [lon, lat] = toLonLat(c);
    return { lat, lon };
  }

  flyTo(lat: number, lon: number): void {
    const view = this.map.getView();
    view.animate({ center: fromLonLat([lon, lat]), zoom: Math.max(view.getZoom() ?? HOME_ZOOM, 14), duration: 400 });
  }

  /** Re-reads the target's size after the layout changes (side panel opened, window resized). */
  resize(): void {
    this.map.updateSize();
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
  }
}
