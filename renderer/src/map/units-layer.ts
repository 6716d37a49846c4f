/**
 * Live unit positions on a WebGL layer. It listens to the store's unit channel and moves
 * OpenLayers features in place: a batch of position updates never goes through React.
 * Fill = agency colour (from the catalog), ring = status; unregistered devices are hollow grey.
 */
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import WebGLVectorLayer from 'ol/layer/WebGLVector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import type { FlatStyleLike } from 'ol/style/flat';
import type { UnitView } from '../../../shared/model';
import type { Catalog } from '../../../shared/schemas/catalog';
import type { ConsoleStore } from '../store/console-store';
import { STATUS_COLOURS, UNREGISTERED_COLOUR } from './palette';

/** A 'match' expression over a string property, with a fallback (alone when there is no case). */
function matchColour(property: string, colours: Readonly<Record<string, string>>, fallback: string): unknown {
  const cases = Object.entries(colours).flat();
  return cases.length ? ['match', ['get', property], ...cases, fallback] : fallback;
}

export function unitStyle(catalog: Catalog | null): FlatStyleLike {
  const agencies = Object.fromEntries((catalog?.agencies ?? []).map((a) => [a.id, a.color]));
  return [
    {
      filter: ['==', ['get', 'registered'], 0],
      style: {
        'circle-radius': 6,
        'circle-fill-color': 'rgba(11, 17, 27, 0.6)',
        'circle-stroke-color': UNREGISTERED_COLOUR,
        'circle-stroke-width': 2,
      },
    },
    {
      else: true,
      style: {
        'circle-radius': ['match', ['get', 'status'], 'available', 6.5, 7.5],
        'circle-fill-color': matchColour('agency', agencies, UNREGISTERED_COLOUR),
        'circle-stroke-color': matchColour('status', STATUS_COLOURS, '#ffffff'),
        'circle-stroke-width': ['match', ['get', 'status'], 'available', 1.5, 3],
      },
    },
  ] as FlatStyleLike;
}

function place(f: Feature<Point>, u: UnitView): void {
  // Properties the style reads; numbers and short strings only (WebGL attributes).
  f.setProperties({ agency: u.agency ?? '', status: u.status, registered: u.registered ? 1 : 0 }, true);
  const at = fromLonLat([u.lon as number, u.lat as number]);
  const g = f.getGeometry();
  if (g) g.setCoordinates(at);
  else f.setGeometry(new Point(at));
}

export function createUnitsLayer(store: ConsoleStore): { layer: WebGLVectorLayer; dispose(): void } {
  const source = new VectorSource<Feature<Point>>();
  const layer = new WebGLVectorLayer({ source, style: unitStyle(store.getState().catalog), zIndex: 20, disableHitDetection: true });
  const features = new Map<string, Feature<Point>>();
  let catalog = store.getState().catalog;

  const upsert = (u: UnitView): void => {
    const f = features.get(u.id);
    if (u.lat === null || u.lon === null) {
      if (f) {
        source.removeFeature(f);
        features.delete(u.id);
      }
      return;
    }
    if (f) {
      place(f, u);
      f.changed();
      return;
    }
    const nf = new Feature<Point>();
    nf.setId(u.id);
    place(nf, u);
    features.set(u.id, nf);
    source.addFeature(nf);
  };

  const sync = (changed: readonly UnitView[] | null): void => {
    const state = store.getState();
    if (state.catalog !== catalog) {
      catalog = state.catalog;
      layer.setStyle(unitStyle(catalog));
    }
    if (changed) {
      for (const u of changed) upsert(u);
      return;
    }
    // A new snapshot: drop units that are gone, then place every unit.
    for (const [id, f] of features) {
      if (!state.units.has(id)) {
        source.removeFeature(f);
        features.delete(id);
      }
    }
    for (const u of state.units.values()) upsert(u);
  };

  const off = store.subscribeUnits(sync);
  sync(null);
  return {
    layer,
    dispose: () => {
      off();
      layer.dispose();
    },
  };
}
