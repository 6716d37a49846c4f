/**
 * The measure tool on the map: distance along a line or the area of a polygon, geodesic (ol/sphere).
 * Points come from clicks or, keyboard-first, from the map centre (Enter adds the point under the
 * crosshair, Backspace takes the last one back); the moving pointer previews the next segment.
 */
import Feature from 'ol/Feature';
import type OlMap from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { LineString, Polygon } from 'ol/geom';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { getArea, getLength } from 'ol/sphere';
import { Fill, Stroke, Style } from 'ol/style';
import type { Coordinate } from 'ol/coordinate';

export type MeasureMode = 'distance' | 'area';

export interface MeasureResult {
  readonly mode: MeasureMode;
  readonly points: number;
  /** Metres along the line (distance) or around the ring (area). */
  readonly length: number;
  /** Square metres (area mode, three points or more), else 0. */
  readonly area: number;
}

const STYLE = new Style({
  stroke: new Stroke({ color: '#4cc3ff', width: 3, lineDash: [10, 6] }),
  fill: new Fill({ color: 'rgba(76, 195, 255, 0.15)' }),
});

/** Measures of a list of map coordinates (EPSG:3857), geodesic. */
export function measureOf(mode: MeasureMode, coords: readonly Coordinate[]): MeasureResult {
  if (coords.length < 2) return { mode, points: coords.length, length: 0, area: 0 };
  if (mode === 'distance') return { mode, points: coords.length, length: getLength(new LineString([...coords])), area: 0 };
  const ring = [...coords, coords[0]];
  return {
    mode,
    points: coords.length,
    length: getLength(new LineString(ring)),
    area: coords.length >= 3 ? getArea(new Polygon([ring])) : 0,
  };
}

export class MeasureTool {
  readonly layer: VectorLayer<VectorSource<Feature>>;
  private readonly source = new VectorSource<Feature>();
  private readonly feature = new Feature();
  private coords: Coordinate[] = [];
  private hover: Coordinate | null = null;
  private mode: MeasureMode | null = null;
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly map: OlMap,
    private readonly report: (r: MeasureResult | null) => void,
  ) {
    this.layer = new VectorLayer({ source: this.source, style: STYLE, zIndex: 60 });
    this.source.addFeature(this.feature);
    const click = (e: MapBrowserEvent): void => {
      if (!this.mode) return;
      e.stopPropagation();
      this.add(e.coordinate);
    };
    const move = (e: MapBrowserEvent): void => {
      if (!this.mode || e.dragging || this.coords.length === 0) return;
      this.hover = e.coordinate;
      this.redraw(false);
    };
    // Registered before the console's own click handler would run: a measuring click never
    // starts an incident (the console checks `active` too).
    map.on('singleclick', click);
    map.on('pointermove', move);
    this.offs.push(
      () => map.un('singleclick', click),
      () => map.un('pointermove', move),
    );
  }

  get active(): boolean {
    return this.mode !== null;
  }

  start(mode: MeasureMode | null): void {
    this.mode = mode;
    this.coords = [];
    this.hover = null;
    this.redraw(true);
  }

  /** Adds the point under the map's centre (the keyboard's crosshair). */
  addCentre(): void {
    const c = this.map.getView().getCenter();
    if (c) this.add(c);
  }

  undo(): void {
    this.coords.pop();
    this.redraw(true);
  }

  private add(c: Coordinate): void {
    this.coords.push(c);
    this.hover = null;
    this.redraw(true);
  }

  private redraw(report: boolean): void {
    const pts = this.hover ? [...this.coords, this.hover] : this.coords;
    if (!this.mode || pts.length < 2) this.feature.setGeometry(undefined);
    else if (this.mode === 'distance') this.feature.setGeometry(new LineString(pts));
    else this.feature.setGeometry(new Polygon([[...pts, pts[0]]]));
    if (report) this.report(this.mode ? measureOf(this.mode, this.coords) : null);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.layer.dispose();
  }
}
