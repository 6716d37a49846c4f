/**
 * The panorama's UI state, beside the console's stores: what the map shows (basemap, entity kinds,
 * grid), the map tool in use, the card open over the map (an entity, a camera, what is around a
 * point), "around" results by incident or point, and what the wall was asked to show. The map
 * follows it like it follows the UI store; React reads it by selector.
 */
import type { AroundView, EntityKind, MapInfo, WallFocus } from '../../../shared/panorama/model';
import { ExternalStore } from '../store/external-store';
import type { MeasureMode, MeasureResult } from './map/measure';

/** The card over the map. `around` is a map point (an incident's "around" shows in its panel). */
export type PanoCard =
  | { readonly kind: 'none' }
  | { readonly kind: 'entity'; readonly id: string }
  | { readonly kind: 'camera'; readonly id: string }
  | { readonly kind: 'around'; readonly lat: number; readonly lon: number }
  | { readonly kind: 'data' };

/** The basemap drawn by the console itself from the training city's GeoJSON. */
export const CITY_BASEMAP = 'city';

/** Entity kinds shown when the console opens (personal kinds too: the core returns them only to roles that may see them). */
export const DEFAULT_KINDS: readonly EntityKind[] = ['hydrant', 'camera', 'hazmat_store', 'key_area', 'school', 'hospital', 'shelter', 'vulnerable_resident'];

export interface PanoramaState {
  readonly maps: readonly MapInfo[];
  /** CITY_BASEMAP or the id of a tile map. */
  readonly basemap: string;
  /** GeoJSON / extra tile maps drawn over the basemap. */
  readonly overlays: ReadonlySet<string>;
  readonly kinds: ReadonlySet<EntityKind>;
  /** Grid cells with today's patrol coverage. */
  readonly grid: boolean;
  readonly layersOpen: boolean;
  readonly tool: MeasureMode | null;
  readonly measure: MeasureResult | null;
  readonly card: PanoCard;
  /** Results of panorama.around by key (incident id, or "lat,lon"). */
  readonly around: ReadonlyMap<string, AroundView>;
  readonly aroundError: string | null;
  readonly wallFocus: WallFocus | null;
  readonly flyTo: { readonly lat: number; readonly lon: number; readonly zoom: number; readonly n: number } | null;
  /** Bumped to put the keyboard in the search box. */
  readonly searchFocus: number;
  /** Entities drawn on the map, for the layer switcher and tests. */
  readonly entityCount: number;
}

const INITIAL: PanoramaState = {
  maps: [],
  basemap: CITY_BASEMAP,
  overlays: new Set(),
  kinds: new Set(DEFAULT_KINDS),
  grid: true,
  layersOpen: false,
  tool: null,
  measure: null,
  card: { kind: 'none' },
  around: new Map(),
  aroundError: null,
  wallFocus: null,
  flyTo: null,
  searchFocus: 0,
  entityCount: 0,
};

export const pointKey = (lat: number, lon: number): string => `${lat.toFixed(6)},${lon.toFixed(6)}`;

function toggled<T>(set: ReadonlySet<T>, v: T): Set<T> {
  const next = new Set(set);
  if (next.has(v)) next.delete(v);
  else next.add(v);
  return next;
}

export class PanoramaStore extends ExternalStore<PanoramaState> {
  constructor() {
    super(INITIAL);
  }

  private patch(p: Partial<PanoramaState>): void {
    this.setState({ ...this.state, ...p });
  }

  setMaps(maps: readonly MapInfo[]): void {
    this.patch({ maps });
  }

  setBasemap(basemap: string): void {
    this.patch({ basemap });
  }

  toggleOverlay(id: string): void {
    this.patch({ overlays: toggled(this.state.overlays, id) });
  }

  toggleKind(kind: EntityKind): void {
    this.patch({ kinds: toggled(this.state.kinds, kind) });
  }

  toggleGrid(): void {
    this.patch({ grid: !this.state.grid });
  }

  setLayersOpen(layersOpen: boolean): void {
    this.patch({ layersOpen });
  }

  setTool(tool: MeasureMode | null): void {
    this.patch({ tool, measure: null });
  }

  setMeasure(measure: MeasureResult | null): void {
    this.patch({ measure });
  }

  openCard(card: PanoCard): void {
    this.patch({ card });
  }

  setAround(key: string, view: AroundView): void {
    const around = new Map(this.state.around);
    around.set(key, view);
    this.patch({ around, aroundError: null });
  }

  setAroundError(aroundError: string | null): void {
    this.patch({ aroundError });
  }

  setWallFocus(wallFocus: WallFocus | null): void {
    this.patch({ wallFocus });
  }

  flyTo(lat: number, lon: number, zoom = 16): void {
    this.patch({ flyTo: { lat, lon, zoom, n: (this.state.flyTo?.n ?? 0) + 1 } });
  }

  focusSearch(): void {
    this.patch({ searchFocus: this.state.searchFocus + 1 });
  }

  setEntityCount(entityCount: number): void {
    if (entityCount !== this.state.entityCount) this.patch({ entityCount });
  }
}
