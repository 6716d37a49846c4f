/**
 * Field sensors as small squares coloured by their level (normal, warning, alarm), with the last
 * reading under each at close zoom. Canvas, cached styles: a few dozen fixed points.
 */
import type Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import type Point from 'ol/geom/Point';
import type VectorLayer from 'ol/layer/Vector';
import { Fill, RegularShape, Stroke, Style, Text } from 'ol/style';
import type { SensorLevel, SensorView } from '../../../shared/model';
import { reading } from '../lib/format';
import type { ConsoleStore } from '../store/console-store';
import { LABEL_FONT_FAMILY, MAP_BACKGROUND, SENSOR_LEVEL_COLOURS } from './palette';
import { createPointLayer } from './point-layer';

/** Readings show from zoom 15 on (metres per pixel of the view). */
export const SENSOR_LABEL_RESOLUTION = 5;

const symbols = new Map<SensorLevel, Style>(
  (['normal', 'warning', 'alarm'] as const).map((level) => [
    level,
    new Style({
      image: new RegularShape({
        points: 4,
        radius: level === 'normal' ? 6 : 8,
        angle: Math.PI / 4,
        fill: new Fill({ color: SENSOR_LEVEL_COLOURS[level] }),
        stroke: new Stroke({ color: level === 'normal' ? MAP_BACKGROUND : '#ffffff', width: 1.5 }),
      }),
      zIndex: level === 'normal' ? 1 : 2,
    }),
  ]),
);

/** Label styles by level and text; the readings change, so the cache is emptied when it grows. */
const labels = new Map<string, Style>();

function label(level: SensorLevel, text: string): Style {
  const key = `${level}|${text}`;
  let s = labels.get(key);
  if (!s) {
    if (labels.size > 500) labels.clear();
    s = new Style({
      text: new Text({
        text,
        offsetY: 17,
        font: `600 14px ${LABEL_FONT_FAMILY}`,
        fill: new Fill({ color: level === 'normal' ? '#d7e0ec' : SENSOR_LEVEL_COLOURS[level] }),
        stroke: new Stroke({ color: MAP_BACKGROUND, width: 3 }),
      }),
      zIndex: 3,
    });
    labels.set(key, s);
  }
  return s;
}

export function createSensorsLayer(store: ConsoleStore, onCount: (n: number) => void): { layer: VectorLayer; dispose(): void } {
  const style = (f: FeatureLike, resolution: number): Style | Style[] | undefined => {
    const level = f.get('level') as SensorLevel;
    const text = f.get('reading') as string | null;
    const symbol = symbols.get(level);
    if (!symbol || resolution > SENSOR_LABEL_RESOLUTION || !text) return symbol;
    return [symbol, label(level, text)];
  };
  const decorate = (f: Feature<Point>, s: SensorView): void => {
    const text = s.lastValue === null ? null : reading(s.lastValue, s.unit);
    if (f.get('level') !== s.level || f.get('reading') !== text) f.setProperties({ level: s.level, reading: text });
  };
  return createPointLayer(store, { select: (d) => d.sensors, style, zIndex: 12, decorate, onCount });
}
