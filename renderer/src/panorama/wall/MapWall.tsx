/**
 * The map wall: the console's map (live units, incidents, risk layers, entities, grid coverage)
 * over the whole display, following what the dispatcher puts on the wall, with the incident on
 * the wall and the key figures beside it in large type. Clicks change nothing here.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import basemapUrl from '../../../../resources/map/training-city.geojson?url';
import { useRuntime } from '../../hooks/runtime';
import { ConsoleMap } from '../../map/console-map';
import { panoramaOf } from '../runtime';
import { FocusCard } from './FocusCard';
import { LiveFigures } from './LiveFigures';

/** Map symbols and labels are drawn in CSS pixels for a desk: a wall wider than 1920 px scales them up. */
const DESIGN_WIDTH = 1920;
const scaleOf = (): number => Math.max(1, window.innerWidth / DESIGN_WIDTH);

export function MapWall() {
  const rt = useRuntime();
  const target = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(scaleOf);
  useEffect(() => {
    const onResize = (): void => setScale(scaleOf());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  // The map is laid out 1/k the size and scaled by k: labels and symbols k times larger (a wall takes no clicks).
  const scaled: CSSProperties = { width: `${100 / scale}%`, height: `${100 / scale}%`, transform: `scale(${scale})`, transformOrigin: '0 0' };
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const map = new ConsoleMap({ target: el, basemapUrl, store: rt.store, ui: rt.ui, panorama: panoramaOf(rt, true), wall: true, latency: rt.screenLatency, onPick: () => undefined });
    return () => map.dispose();
  }, [rt]);
  return (
    <div className="qx-wallmap">
      <div className="qx-wallmap__map">
        <div ref={target} className="qx-wallmap__scaled" style={scaled} data-testid="map" data-scale={scale} />
      </div>
      <aside className="qx-wallmap__side">
        <FocusCard />
        <LiveFigures />
      </aside>
    </div>
  );
}
