/**
 * Management grid cells with today's patrol coverage: a visited cell is outlined in green, a cell
 * no grid worker has entered today in dashed amber; names show at street zoom. Few polygons, so a
 * canvas layer with cached styles (one Style object per state, never one per feature).
 */
import Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import { Polygon } from 'ol/geom';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style, Text } from 'ol/style';
import type { CellCoverage, GridCellView } from '../../../../shared/panorama/model';
import { LABEL_FONT_FAMILY, MAP_BACKGROUND } from '../../map/palette';

export const VISITED_COLOUR = '#3ddc84';
export const NOT_VISITED_COLOUR = '#ffb020';

const CELL_STYLES = {
  visited: new Style({ stroke: new Stroke({ color: 'rgba(61, 220, 132, 0.85)', width: 2 }), fill: new Fill({ color: 'rgba(61, 220, 132, 0.10)' }), zIndex: 1 }),
  // Quiet: most cells are not yet visited early in the day, and the map must stay readable.
  open: new Style({ stroke: new Stroke({ color: 'rgba(255, 176, 32, 0.40)', width: 1.2, lineDash: [6, 6] }), zIndex: 1 }),
};
const labels = new Map<string, Style>();
function label(name: string, visited: boolean): Style {
  const key = `${visited ? 1 : 0}|${name}`;
  let s = labels.get(key);
  if (!s) {
    s = new Style({
      text: new Text({
        text: name,
        font: `600 13px ${LABEL_FONT_FAMILY}`,
        fill: new Fill({ color: visited ? VISITED_COLOUR : NOT_VISITED_COLOUR }),
        stroke: new Stroke({ color: MAP_BACKGROUND, width: 3 }),
      }),
      zIndex: 2,
    });
    labels.set(key, s);
  }
  return s;
}

export interface GridLayer {
  readonly layer: VectorLayer<VectorSource<Feature>>;
  setCells(cells: readonly GridCellView[]): void;
  setCoverage(list: readonly CellCoverage[]): void;
  visit(cellId: string): void;
  /** Counts for the map element's data attributes (tests, diagnostics). */
  counts(): { cells: number; visited: number };
  dispose(): void;
}

export function createGridLayer(): GridLayer {
  const source = new VectorSource<Feature>();
  const visited = new Set<string>();
  const style = (f: FeatureLike, resolution: number): Style[] => {
    const v = visited.has(String(f.getId()));
    const base = v ? CELL_STYLES.visited : CELL_STYLES.open;
    return resolution < 4 ? [base, label(String(f.get('name')), v)] : [base];
  };
  const layer = new VectorLayer({ source, style, zIndex: 8 });
  return {
    layer,
    setCells: (cells) => {
      source.clear(true);
      source.addFeatures(
        cells.map((c) => {
          const f = new Feature({ geometry: new Polygon(c.area.map((r) => r.map((p) => fromLonLat([p[0], p[1]])))), name: c.name });
          f.setId(c.id);
          return f;
        }),
      );
    },
    setCoverage: (list) => {
      visited.clear();
      for (const c of list) if (c.visited) visited.add(c.cellId);
      layer.changed();
    },
    visit: (id) => {
      visited.add(id);
      layer.changed();
    },
    counts: () => ({ cells: source.getFeatures().length, visited: source.getFeatures().filter((f) => visited.has(String(f.getId()))).length }),
    dispose: () => layer.dispose(),
  };
}
