/**
 * The map wall: the console's map (live units, incidents, risk layers, entities, grid coverage)
 * over the whole display, following what the dispatcher puts on the wall, with the incident on
 * the wall and the key figures beside it in large type. Clicks change nothing here.
 */
import { useEffect, useRef } from 'react';
import basemapUrl from '../../../../resources/map/training-city.geojson?url';
import { useRuntime } from '../../hooks/runtime';
import { ConsoleMap } from '../../map/console-map';
import { panoramaOf } from '../runtime';
import { FocusCard } from './FocusCard';
import { LiveFigures } from './LiveFigures';

export function MapWall() {
  const rt = useRuntime();
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const map = new ConsoleMap({ target: el, basemapUrl, store: rt.store, ui: rt.ui, panorama: panoramaOf(rt, true), wall: true, onPick: () => undefined });
    const onResize = (): void => map.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      map.dispose();
    };
  }, [rt]);
  return (
    <div className="qx-wallmap">
      <div ref={target} className="qx-wallmap__map" data-testid="map" />
      <aside className="qx-wallmap__side">
        <FocusCard />
        <LiveFigures />
      </aside>
    </div>
  );
}
