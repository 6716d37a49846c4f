/**
 * The offline basemap: the training city's GeoJSON drawn for a dark control room. Geometry and
 * labels are two layers over one source so only the labels are decluttered, and label text
 * follows the console's language (name / nameEn).
 */
import type { FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, RegularShape, Stroke, Style, Text } from 'ol/style';
import { loadGeoJson } from './geojson';
import { LABEL_FONT_FAMILY, MAP_BACKGROUND } from './palette';

/** Map resolutions (m/px) for the zoom levels at which details appear. */
const RES_Z14 = 9.6;
const RES_Z15 = 4.8;
const RES_Z16 = 2.4;

const BLOCK_FILL: Readonly<Record<string, string>> = {
  residential: '#161e2b',
  commercial: '#1c2134',
  industrial: '#1d1f27',
  park: '#12261d',
  school: '#1a2431',
  hospital: '#2a1a22',
};

const ROADS: Readonly<Record<string, { colour: string; width: number; z: number }>> = {
  ring: { colour: '#b8803f', width: 4.5, z: 14 },
  primary: { colour: '#8390a6', width: 3.5, z: 13 },
  secondary: { colour: '#5a6579', width: 2.2, z: 12 },
  residential: { colour: '#3d4658', width: 1.4, z: 11 },
};

const districtStyle = new Style({
  fill: new Fill({ color: 'rgba(70, 100, 150, 0.08)' }),
  stroke: new Stroke({ color: 'rgba(130, 160, 210, 0.5)', width: 1.5, lineDash: [8, 5] }),
  zIndex: 1,
});
const gridStyle = new Style({ stroke: new Stroke({ color: 'rgba(110, 130, 160, 0.16)', width: 0.8 }), zIndex: 2 });
const waterStyle = new Style({ fill: new Fill({ color: '#0f2c4a' }), stroke: new Stroke({ color: '#1b4d7d', width: 1 }), zIndex: 3 });
const riverStyle = new Style({ stroke: new Stroke({ color: '#1d5a93', width: 5 }), zIndex: 4 });
const blockStyles = new Map(
  Object.entries(BLOCK_FILL).map(([kind, colour]) => [
    kind,
    new Style({ fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#222c3d', width: 1 }), zIndex: 5 }),
  ]),
);
/** Roads widen as the map zooms in (three bands), so streets read as streets up close. */
const ROAD_SCALES = [1, 1.6, 2.6] as const;
const roadStyles = new Map<string, Style[]>(
  Object.entries(ROADS).flatMap(([cls, r]) =>
    ROAD_SCALES.map((k, band): [string, Style[]] => [
      `${cls}|${band}`,
      [
        new Style({ stroke: new Stroke({ color: MAP_BACKGROUND, width: r.width * k + 2 }), zIndex: r.z }),
        new Style({ stroke: new Stroke({ color: r.colour, width: r.width * k }), zIndex: r.z + 10 }),
      ],
    ]),
  ),
);
const roadBand = (resolution: number): number => (resolution < RES_Z16 ? 2 : resolution < RES_Z14 ? 1 : 0);
const stationStyles = new Map<string, Style>();

function stationStyle(colour: string): Style {
  let s = stationStyles.get(colour);
  if (!s) {
    s = new Style({
      image: new RegularShape({
        points: 4,
        radius: 6,
        angle: Math.PI / 4,
        fill: new Fill({ color: colour }),
        stroke: new Stroke({ color: '#0b111b', width: 1.5 }),
      }),
      zIndex: 40,
    });
    stationStyles.set(colour, s);
  }
  return s;
}

export interface BasemapOptions {
  readonly language: () => string;
  /** Agency colours from the catalog, for station symbols; grey until the catalog arrives. */
  readonly agencyColour: (agency: string) => string;
}

export function createBasemap(url: string, opts: BasemapOptions): { source: VectorSource; layers: VectorLayer[]; ready: Promise<void> } {
  const source = new VectorSource();
  const ready = loadGeoJson(url).then((json) => {
    source.addFeatures(new GeoJSON().readFeatures(json, { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' }));
  });

  const geometry = (f: FeatureLike, resolution: number): Style | Style[] | undefined => {
    switch (f.get('layer') as string) {
      case 'district':
        return districtStyle;
      case 'grid':
        return resolution < RES_Z14 ? gridStyle : undefined;
      case 'water':
        return waterStyle;
      case 'river':
        return riverStyle;
      case 'block':
        return blockStyles.get(f.get('kind') as string) ?? blockStyles.get('residential');
      case 'road':
        return roadStyles.get(`${f.get('class') as string}|${roadBand(resolution)}`) ?? roadStyles.get(`residential|${roadBand(resolution)}`);
      case 'station':
        return stationStyle(opts.agencyColour(f.get('agency') as string));
      default:
        return undefined;
    }
  };

  const labelCache = new Map<string, Style>();
  const label = (key: string, make: () => Style): Style => {
    let s = labelCache.get(key);
    if (!s) {
      s = make();
      labelCache.set(key, s);
    }
    return s;
  };
  const text = (content: string, size: number, colour: string, extra: Partial<ConstructorParameters<typeof Text>[0]> = {}): Text =>
    new Text({
      text: content,
      font: `600 ${size}px ${LABEL_FONT_FAMILY}`,
      fill: new Fill({ color: colour }),
      stroke: new Stroke({ color: MAP_BACKGROUND, width: 3.5 }),
      overflow: false,
      ...extra,
    });

  const labels = (f: FeatureLike, resolution: number): Style | undefined => {
    const zh = opts.language().startsWith('zh');
    const name = (zh ? f.get('name') : (f.get('nameEn') ?? f.get('name'))) as string | undefined;
    if (!name) return undefined;
    const layer = f.get('layer') as string;
    if (layer === 'district' && resolution >= RES_Z15)
      return label(`d|${name}`, () => new Style({ text: text(name, 18, 'rgba(170, 190, 225, 0.75)'), zIndex: 1 }));
    if (layer === 'road' && resolution < RES_Z14 && (resolution < RES_Z15 || f.get('class') !== 'residential'))
      return label(`r|${name}`, () => new Style({ text: text(name, 14, '#c7d1e0', { placement: 'line' }), zIndex: 3 }));
    if (layer === 'station' && resolution < RES_Z14)
      return label(`s|${name}`, () => new Style({ text: text(name, 14, '#e2e8f2', { offsetY: -14 }), zIndex: 4 }));
    if (layer === 'block' && resolution < RES_Z16)
      return label(`b|${name}`, () => new Style({ text: text(name, 14, '#8d9bb2'), zIndex: 2 }));
    if (layer === 'water' && resolution < RES_Z14)
      return label(`w|${name}`, () => new Style({ text: text(name, 14, '#5f9ed6'), zIndex: 2 }));
    return undefined;
  };

  const base = new VectorLayer({ source, style: geometry, updateWhileAnimating: true, updateWhileInteracting: true, zIndex: 0 });
  const names = new VectorLayer({ source, style: labels, declutter: true, zIndex: 5 });
  return { source, layers: [base, names], ready };
}
