/**
 * Spatial index of units for candidate search: one uniform grid hash per unit type. A position
 * update is O(1) (a unit that stays in its cell only swaps its object; one that crosses a cell
 * boundary is swap-removed from one bucket and appended to another), which suits 1 Hz updates of
 * 10,000+ units better than a static tree rebuilt whenever anything moved.
 */
import { distanceM } from '../geo.js';
import type { UnitView } from '../model.js';

const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
const RAD = Math.PI / 180;
/**
 * Grid cell key, wrapped to 15 bits a side so it stays a small integer (a float key would be boxed
 * on every Map lookup). Cells 32,768 apart share a bucket; searches measure every entry, so that
 * only costs a look at a far-away entry, never a wrong answer.
 */
const cellKey = (cx: number, cy: number): number => ((cy & 0x7fff) << 15) | (cx & 0x7fff);

interface Entry {
  unit: UnitView;
  type: string;
  lat: number;
  lon: number;
  key: number;
  /** Position inside its bucket, for O(1) swap-removal. */
  slot: number;
}

interface TypeGrid {
  readonly cells: Map<number, Entry[]>;
  /** Cells ever used; only grows, so it stays a safe bound for ending a search. */
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export interface Nearby {
  readonly unit: UnitView;
  readonly distanceM: number;
}

export interface UnitIndexOptions {
  /** Grid cell edge in metres; about the spacing of units of one type works well. */
  readonly cellM?: number;
  /** Latitude that sets the width of a cell in degrees of longitude; the first unit's if omitted. */
  readonly refLat?: number;
}

export class UnitIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly grids = new Map<string, TypeGrid>();
  private readonly cellM: number;
  private dLat: number;
  private dLon = NaN;

  constructor(opts: UnitIndexOptions = {}) {
    this.cellM = opts.cellM ?? 500;
    this.dLat = this.cellM / M_PER_DEG;
    if (opts.refLat !== undefined) this.setRefLat(opts.refLat);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds, moves or replaces a unit; a unit without a type or a position is dropped from the index. */
  upsert(unit: UnitView): void {
    const old = this.entries.get(unit.id);
    if (unit.type === null || unit.lat === null || unit.lon === null) {
      if (old) this.detach(old);
      return;
    }
    if (Number.isNaN(this.dLon)) this.setRefLat(unit.lat);
    const cx = Math.floor(unit.lon / this.dLon), cy = Math.floor(unit.lat / this.dLat);
    const key = cellKey(cx, cy);
    if (old && old.key === key && old.type === unit.type) {
      old.unit = unit;
      old.lat = unit.lat;
      old.lon = unit.lon;
      return;
    }
    if (old) this.detach(old);
    let grid = this.grids.get(unit.type);
    if (!grid) this.grids.set(unit.type, (grid = { cells: new Map(), minX: cx, maxX: cx, minY: cy, maxY: cy }));
    grid.minX = Math.min(grid.minX, cx);
    grid.maxX = Math.max(grid.maxX, cx);
    grid.minY = Math.min(grid.minY, cy);
    grid.maxY = Math.max(grid.maxY, cy);
    let bucket = grid.cells.get(key);
    if (!bucket) grid.cells.set(key, (bucket = []));
    const entry: Entry = { unit, type: unit.type, lat: unit.lat, lon: unit.lon, key, slot: bucket.length };
    bucket.push(entry);
    this.entries.set(unit.id, entry);
  }

  remove(unitId: string): void {
    const e = this.entries.get(unitId);
    if (e) this.detach(e);
  }

  /**
   * The k units of `type` nearest to (lat, lon) that `accept` lets through, nearest first. Rings of
   * cells grow around the query until the k-th distance is within what the rings already cover.
   */
  nearest(type: string, lat: number, lon: number, k: number, accept: (u: UnitView) => boolean = () => true): Nearby[] {
    const grid = this.grids.get(type);
    const best: Nearby[] = [];
    if (!grid || k <= 0) return best;
    const cx = Math.floor(lon / this.dLon), cy = Math.floor(lat / this.dLat);
    const rLast = Math.max(cx - grid.minX, grid.maxX - cx, cy - grid.minY, grid.maxY - cy);
    const rFirst = Math.max(0, grid.minX - cx, cx - grid.maxX, grid.minY - cy, cy - grid.maxY);
    const here = { lat, lon };
    for (let r = rFirst; r <= rLast; r++) {
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx += dy === -r || dy === r ? 1 : 2 * r) {
          const cell = grid.cells.get(cellKey(cx + dx, cy + dy));
          // Indexed, not for…of: no iterator garbage per cell visited.
          for (let j = 0; cell && j < cell.length; j++) {
            const e = cell[j];
            if (best.length === k && !roughlyCloser(e, here, best[k - 1].distanceM)) continue;
            if (!accept(e.unit)) continue;
            const d = distanceM(here, e);
            if (best.length === k && d >= best[k - 1].distanceM) continue;
            let i = Math.min(best.length, k - 1);
            while (i > 0 && best[i - 1].distanceM > d) i--;
            best.splice(i, 0, { unit: e.unit, distanceM: d });
            if (best.length > k) best.pop();
          }
        }
      }
      if (best.length === k && best[k - 1].distanceM <= this.coveredM(r, cx, cy, lat, lon)) break;
    }
    return best;
  }

  private setRefLat(lat: number): void {
    this.dLon = this.dLat / Math.max(0.01, Math.cos(lat * RAD));
  }

  /** How far from (lat, lon) the square of rings 0..r reaches at least: anything outside is farther. */
  private coveredM(r: number, cx: number, cy: number, lat: number, lon: number): number {
    const south = (cy - r) * this.dLat, north = (cy + r + 1) * this.dLat;
    const west = (cx - r) * this.dLon, east = (cx + r + 1) * this.dLon;
    // East-west degrees shrink toward the poles: measure them at the square's most poleward edge.
    const cosMin = Math.cos(Math.min(89.9, Math.max(Math.abs(south), Math.abs(north))) * RAD);
    const ns = Math.min(lat - south, north - lat) * M_PER_DEG;
    const ew = Math.min(lon - west, east - lon) * M_PER_DEG * cosMin;
    return Math.min(ns, ew) * 0.999;
  }

  private detach(e: Entry): void {
    const grid = this.grids.get(e.type);
    const bucket = grid?.cells.get(e.key);
    if (grid && bucket) {
      const last = bucket.pop();
      if (last && last !== e) {
        bucket[e.slot] = last;
        last.slot = e.slot;
      }
      if (bucket.length === 0) grid.cells.delete(e.key);
    }
    this.entries.delete(e.unit.id);
  }
}

/** Cheap pre-check before haversine: a latitude gap alone already longer than the k-th best. */
function roughlyCloser(e: Entry, here: { lat: number; lon: number }, limitM: number): boolean {
  return Math.abs(e.lat - here.lat) * M_PER_DEG * 0.999 < limitM;
}
