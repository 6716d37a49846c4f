/**
 * The in-memory spatial index of entities (an R-tree, rbush), kept in step with the entity events
 * by the entity desk. Items are points (areas by their bounding box); a radius query walks the
 * box around the point and keeps those within the radius by great-circle distance.
 */
import RBush from 'rbush';
import { distanceM } from '../../../shared/geo.js';
import { bboxAround, polygonBBox, type BBox } from '../../../shared/panorama/geometry.js';
import type { EntityKind, PolygonCoords } from '../../../shared/panorama/model.js';

export interface IndexItem {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  readonly id: string;
  readonly kind: EntityKind;
  readonly lat: number;
  readonly lon: number;
}

export interface Hit {
  readonly item: IndexItem;
  readonly distanceM: number;
}

export class EntityIndex {
  private readonly tree = new RBush<IndexItem>();
  private readonly byId = new Map<string, IndexItem>();

  get size(): number {
    return this.byId.size;
  }

  /** Loads many at once (bulk loading builds a better tree than one insert at a time). */
  load(items: readonly { id: string; kind: EntityKind; lat: number; lon: number; area: PolygonCoords | null }[]): void {
    const made = items.map((e) => this.make(e));
    for (const m of made) {
      const old = this.byId.get(m.id);
      if (old) this.tree.remove(old);
      this.byId.set(m.id, m);
    }
    this.tree.load(made);
  }

  upsert(e: { id: string; kind: EntityKind; lat: number; lon: number; area: PolygonCoords | null }): void {
    this.remove(e.id);
    const item = this.make(e);
    this.byId.set(e.id, item);
    this.tree.insert(item);
  }

  remove(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.tree.remove(old);
    this.byId.delete(id);
  }

  clear(): void {
    this.tree.clear();
    this.byId.clear();
  }

  inBox([w, s, e, n]: BBox, kinds?: ReadonlySet<EntityKind>): IndexItem[] {
    const found = this.tree.search({ minX: w, minY: s, maxX: e, maxY: n });
    return kinds ? found.filter((i) => kinds.has(i.kind)) : found;
  }

  /** Entities of `kinds` (all when absent) within `radiusM` of the point, nearest first. */
  within(lat: number, lon: number, radiusM: number, kinds?: ReadonlySet<EntityKind>): Hit[] {
    const hits: Hit[] = [];
    for (const item of this.inBox(bboxAround(lat, lon, radiusM), kinds)) {
      const d = item.minX === item.maxX ? distanceM({ lat, lon }, item) : distanceToBox(lat, lon, item);
      if (d <= radiusM) hits.push({ item, distanceM: d });
    }
    return hits.sort((a, b) => a.distanceM - b.distanceM);
  }

  private make(e: { id: string; kind: EntityKind; lat: number; lon: number; area: PolygonCoords | null }): IndexItem {
    const [minX, minY, maxX, maxY] = e.area ? polygonBBox(e.area) : [e.lon, e.lat, e.lon, e.lat];
    return { minX, minY, maxX, maxY, id: e.id, kind: e.kind, lat: e.lat, lon: e.lon };
  }
}

/** Distance from a point to an area's bounding box (0 inside): "the compound is 20 m away". */
function distanceToBox(lat: number, lon: number, b: IndexItem): number {
  const cLon = Math.min(Math.max(lon, b.minX), b.maxX);
  const cLat = Math.min(Math.max(lat, b.minY), b.maxY);
  return distanceM({ lat, lon }, { lat: cLat, lon: cLon });
}
