/**
 * Citizen cases on the map: a dot per open case coloured by its stage (received, with a body,
 * in progress, resolved) with its category's short name at close zoom, and a heatmap of every
 * case in the desk's list (ol/layer/Heatmap). Both follow the case store; the legend switches
 * them (`cases`, `heatmap`). The map element carries data-case-features and data-heat-features.
 */
import Feature, { type FeatureLike } from 'ol/Feature';
import Point from 'ol/geom/Point';
import HeatmapLayer from 'ol/layer/Heatmap';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import { caseStage, CASE_STAGE_COLOURS, type CaseStage } from '../lib/cases';
import i18next from 'i18next';
import { caseNames } from '../hooks/cases';
import type { CasesStore } from '../store/cases-store';
import type { UiStore } from '../store/ui-store';
import { LABEL_FONT_FAMILY, MAP_BACKGROUND } from './palette';

/** Category names show from zoom 15 on (metres per pixel). */
const LABEL_RESOLUTION = 5;

const dots = new Map<CaseStage, Style>(
  (Object.keys(CASE_STAGE_COLOURS) as CaseStage[]).map((stage) => [
    stage,
    new Style({
      image: new Circle({ radius: 6, fill: new Fill({ color: CASE_STAGE_COLOURS[stage] }), stroke: new Stroke({ color: MAP_BACKGROUND, width: 2 }) }),
    }),
  ]),
);
const labels = new Map<string, Style>();

function label(text: string): Style {
  let s = labels.get(text);
  if (!s) {
    if (labels.size > 200) labels.clear();
    s = new Style({
      text: new Text({ text, offsetY: 15, font: `600 13px ${LABEL_FONT_FAMILY}`, fill: new Fill({ color: '#e8eef7' }), stroke: new Stroke({ color: MAP_BACKGROUND, width: 3 }) }),
    });
    labels.set(text, s);
  }
  return s;
}

export interface CaseLayers {
  readonly dots: VectorLayer;
  readonly heat: HeatmapLayer;
  dispose(): void;
}

export function createCaseLayers(cases: CasesStore, ui: UiStore, target: HTMLElement): CaseLayers {
  const mark = (name: string, n: number): void => {
    target.dataset[name] = String(n);
  };
  let names = caseNames(null, i18next.language);
  const categoryName = (id: string): string => names.category(id);
  const open = new VectorSource<Feature<Point>>();
  const all = new VectorSource<Feature<Point>>();
  const style = (f: FeatureLike, resolution: number): Style | Style[] | undefined => {
    const dot = dots.get(f.get('stage') as CaseStage);
    if (!dot) return undefined;
    return resolution <= LABEL_RESOLUTION ? [dot, label(categoryName(f.get('category') as string))] : dot;
  };
  const dotsLayer = new VectorLayer({ source: open, style, zIndex: 23, updateWhileAnimating: true });
  const heat = new HeatmapLayer({ source: all, blur: 18, radius: 10, zIndex: 5, opacity: 0.8 });

  // Shown as the legend says; the cases load the first time either layer shows.
  let layers = ui.getState().layers;
  const applyVisibility = (): void => {
    dotsLayer.setVisible(layers.cases);
    heat.setVisible(layers.heatmap);
    if (layers.cases || layers.heatmap) cases.ensure();
  };
  const offUi = ui.subscribe(() => {
    if (ui.getState().layers === layers) return;
    layers = ui.getState().layers;
    applyVisibility();
  });
  const relabel = (): void => {
    names = caseNames(cases.getState().catalog, i18next.language);
    dotsLayer.changed();
  };
  i18next.on('languageChanged', relabel);

  let list = cases.getState().list;
  let catalog = cases.getState().catalog;
  const sync = (): void => {
    list = cases.getState().list;
    const openFeatures: Feature<Point>[] = [];
    const allFeatures: Feature<Point>[] = [];
    for (const c of list.values()) {
      const at = new Point(fromLonLat([c.lon, c.lat]));
      const stage = caseStage(c.status);
      allFeatures.push(new Feature(at));
      if (stage === 'closed') continue;
      const f = new Feature({ geometry: at.clone(), stage, category: c.category });
      f.setId(c.id);
      openFeatures.push(f);
    }
    open.clear(true);
    open.addFeatures(openFeatures);
    all.clear(true);
    all.addFeatures(allFeatures);
    mark('caseFeatures', openFeatures.length);
    mark('heatFeatures', allFeatures.length);
  };
  sync();
  applyVisibility();
  const off = cases.subscribe(() => {
    const st = cases.getState();
    if (st.catalog !== catalog) {
      catalog = st.catalog;
      relabel();
    }
    if (st.list !== list) sync();
  });
  return {
    dots: dotsLayer,
    heat,
    dispose: () => {
      off();
      offUi();
      i18next.off('languageChanged', relabel);
      dotsLayer.dispose();
      heat.dispose();
    },
  };
}
