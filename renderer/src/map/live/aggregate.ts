/**
 * Decluttering for a zoomed-out map: the screen is cut into cells of `cellPx` pixels and a cell
 * holding more than `maxPerCell` symbols is drawn as one counted cluster instead. Cells are
 * anchored to map coordinates (not to the screen), so panning does not reshuffle clusters.
 *
 * Thousands of overlapping discs are unreadable, and on software WebGL they are also the whole
 * cost of the frame (overdraw), so folding them into clusters is what keeps a city-wide view
 * both legible and fast. A selected unit is never folded away.
 */
import { clusterRadius } from './shaders';
import { FLAG_HIDDEN, FLAG_SELECTED, type UnitTable } from './unit-table';

/** The view as drawn: EPSG:3857 centre and extent, metres per CSS pixel, size in CSS pixels. */
export interface ViewFrame {
  readonly centreX: number;
  readonly centreY: number;
  readonly resolution: number;
  readonly rotation: number;
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
  readonly extent: readonly number[];
}

/** More cells than this in view (a huge window at a tiny cell size): give up rather than stall. */
const MAX_CELLS = 250_000;

export class Aggregator {
  /** Clusters as (x, y, count) triples, x and y relative to the table's origin. */
  clusters = new Float64Array(0);
  clusterCount = 0;
  private counts = new Int32Array(0);
  private sumX = new Float64Array(0);
  private sumY = new Float64Array(0);
  private cellOf = new Int32Array(0);
  private readonly p = new Float64Array(2);

  private previous = new Float64Array(0);
  private previousCount = 0;

  /**
   * Folds crowded cells at time `t`. Returns true when anything drawn changed: which units are
   * hidden, or a cluster's count, or a cluster's position by half a pixel or more.
   */
  run(table: UnitTable, t: number, view: ViewFrame, cellPx: number, maxPerCell: number): boolean {
    const cs = cellPx * view.resolution;
    const [e0, e1, e2, e3] = view.extent;
    const cx0 = Math.floor(e0 / cs) - 1;
    const cy0 = Math.floor(e1 / cs) - 1;
    const nx = Math.floor(e2 / cs) + 2 - cx0;
    const ny = Math.floor(e3 / cs) + 2 - cy0;
    if (nx * ny > MAX_CELLS || table.count === 0) return this.reset(table);
    if (this.counts.length < nx * ny) {
      this.counts = new Int32Array(nx * ny * 2);
      this.sumX = new Float64Array(nx * ny * 2);
      this.sumY = new Float64Array(nx * ny * 2);
    }
    if (this.cellOf.length < table.count) this.cellOf = new Int32Array(table.count * 2);
    this.counts.fill(0, 0, nx * ny);
    this.sumX.fill(0, 0, nx * ny);
    this.sumY.fill(0, 0, nx * ny);
    const ox = table.originX;
    const oy = table.originY;
    const p = this.p;
    for (let s = 0; s < table.count; s++) {
      this.cellOf[s] = -1;
      if (table.has(s, FLAG_SELECTED)) continue;
      table.at(s, t, p);
      const cx = Math.floor((p[0] + ox) / cs) - cx0;
      const cy = Math.floor((p[1] + oy) / cs) - cy0;
      if (cx < 0 || cy < 0 || cx >= nx || cy >= ny) continue;
      const c = cy * nx + cx;
      this.cellOf[s] = c;
      this.counts[c]++;
      this.sumX[c] += p[0];
      this.sumY[c] += p[1];
    }
    let changed = false;
    for (let s = 0; s < table.count; s++) {
      const c = this.cellOf[s];
      if (table.flag(s, FLAG_HIDDEN, c >= 0 && this.counts[c] > maxPerCell)) changed = true;
    }
    let n = 0;
    for (let c = 0; c < nx * ny; c++) if (this.counts[c] > maxPerCell) n++;
    [this.previous, this.clusters] = [this.clusters, this.previous];
    this.previousCount = this.clusterCount;
    if (this.clusters.length < n * 3) this.clusters = new Float64Array(n * 6);
    let k = 0;
    for (let c = 0; c < nx * ny; c++) {
      const count = this.counts[c];
      if (count <= maxPerCell) continue;
      this.clusters[k++] = this.sumX[c] / count;
      this.clusters[k++] = this.sumY[c] / count;
      this.clusters[k++] = count;
    }
    this.clusterCount = n;
    return changed || this.moved(view.resolution * 0.5);
  }

  /** Whether the clusters differ from the previous run's (count, or position beyond `tolerance`). */
  private moved(tolerance: number): boolean {
    if (this.clusterCount !== this.previousCount) return true;
    const a = this.clusters;
    const b = this.previous;
    for (let i = 0; i < this.clusterCount * 3; i += 3) {
      if (a[i + 2] !== b[i + 2] || Math.abs(a[i] - b[i]) >= tolerance || Math.abs(a[i + 1] - b[i + 1]) >= tolerance) return true;
    }
    return false;
  }

  /** Shows every unit again (zoomed in past the clustering zoom). */
  reset(table: UnitTable): boolean {
    let changed = this.clusterCount > 0;
    for (let s = 0; s < table.count; s++) if (table.flag(s, FLAG_HIDDEN, false)) changed = true;
    this.clusterCount = 0;
    return changed;
  }

  /** The cluster drawn within `radiusPx` of EPSG:3857 (x, y): its index, or -1. */
  clusterAt(view: ViewFrame, table: UnitTable, x: number, y: number, radiusPx: number): number {
    let best = -1;
    let bestD = radiusPx;
    for (let i = 0; i < this.clusterCount; i++) {
      const dx = (this.clusters[i * 3] + table.originX - x) / view.resolution;
      const dy = (this.clusters[i * 3 + 1] + table.originY - y) / view.resolution;
      const d = Math.hypot(dx, dy) - clusterRadius(this.clusters[i * 3 + 2]);
      if (d <= bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }
}
