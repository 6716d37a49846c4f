/**
 * Mounts the OpenLayers map once. This component subscribes to nothing, so unit updates never
 * re-render it: the map's layers listen to the stores themselves.
 */
import { memo, useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import basemapUrl from '../../../resources/map/training-city.geojson?url';
import { useRuntime } from '../hooks/runtime';
import { MapTools } from '../panorama/components/MapTools';
import { PanoramaCard } from '../panorama/components/PanoramaCard';
import { panoramaOf } from '../panorama/runtime';
import { ConsoleMap } from './console-map';
import { MapLegend } from './MapLegend';

export const MapView = memo(function MapView({ mapRef, hidden }: { mapRef: RefObject<ConsoleMap | null>; hidden: boolean }) {
  const rt = useRuntime();
  const { store, ui, actions, cases } = rt;
  const { t } = useTranslation();
  const target = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const map = new ConsoleMap({
      target: el,
      basemapUrl,
      store,
      ui,
      cases,
      latency: rt.screenLatency,
      panorama: panoramaOf(rt),
      onPick: (p) => {
        // The hotline form asked for its place: the click answers it and the desk comes back.
        if (cases.getState().picking && p.kind === 'empty') {
          cases.setPoint(p.lat, p.lon);
          ui.setView('cases');
          return;
        }
        if (p.kind === 'incident') void actions.select(p.id, false);
        // With the form open, a click moves its point and keeps what was typed.
        else if (ui.getState().panel.kind === 'new') ui.moveDraft(p.lat, p.lon, false);
        else ui.openNew(p.lat, p.lon);
      },
    });
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.dispose();
    };
  }, [rt, store, ui, actions, cases, mapRef]);

  return (
    <section className="qx-map-wrap" aria-label={t('map.label')} hidden={hidden}>
      <div ref={target} className="qx-map" data-testid="map" tabIndex={0} />
      <div className="qx-map-hint">{t('map.hint')}</div>
      <MapLegend />
      <MapTools />
      <PanoramaCard />
    </section>
  );
});
