/** New citizen reports (app, hotline, service station) as small white stars: where people call from. */
import type VectorLayer from 'ol/layer/Vector';
import { Fill, RegularShape, Stroke, Style } from 'ol/style';
import type { ConsoleStore } from '../store/console-store';
import { MAP_BACKGROUND, REPORT_COLOUR } from './palette';
import { createPointLayer } from './point-layer';

const star = new Style({
  image: new RegularShape({
    points: 5,
    radius: 9,
    radius2: 4,
    angle: 0,
    fill: new Fill({ color: REPORT_COLOUR }),
    stroke: new Stroke({ color: MAP_BACKGROUND, width: 1.5 }),
  }),
});

export function createReportsLayer(store: ConsoleStore, onCount: (n: number) => void): { layer: VectorLayer; dispose(): void } {
  return createPointLayer(store, { select: (d) => d.reports, style: star, zIndex: 24, onCount });
}
