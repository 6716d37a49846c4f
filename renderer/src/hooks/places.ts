/**
 * The gazetteer for React: the basemap's named places, loaded once with the map's own GeoJSON
 * (one request for both), and stations by id for the recommendation's "from" column.
 */
import { useSyncExternalStore } from 'react';
import basemapUrl from '../../../resources/map/training-city.geojson?url';
import { placesFromGeoJson, type Place } from '../../../shared/domain/places';
import { loadGeoJson } from '../map/geojson';

export interface Gazetteer {
  readonly list: readonly Place[];
  readonly byId: ReadonlyMap<string, Place>;
}

let current: Gazetteer = { list: [], byId: new Map() };
let started = false;
const listeners = new Set<() => void>();

function subscribe(l: () => void): () => void {
  listeners.add(l);
  if (!started) {
    started = true;
    void loadGeoJson(basemapUrl).then(
      (json) => {
        const list = placesFromGeoJson(json);
        current = { list, byId: new Map(list.map((p) => [p.id, p])) };
        for (const x of [...listeners]) x();
      },
      // The map reports a failed basemap; without it the form still takes coordinates.
      () => undefined,
    );
  }
  return () => listeners.delete(l);
}

export function usePlaces(): Gazetteer {
  return useSyncExternalStore(subscribe, () => current);
}

/** For code outside React (the command line's runner): the places loaded so far. */
export function placesNow(): Gazetteer {
  return current;
}
