/**
 * A uniform hash grid over unit slots, kept current incrementally: a move unlinks a slot from one
 * cell's list and links it into another in O(1), with no allocation (the lists live in typed
 * arrays indexed by slot). A query visits only the cells around a point, so hit detection costs
 * what is near the click, not what is on the map: with a bounded density per cell it does not
 * grow with the number of units at all (better than the O(log n) of a tree, and no rebuilds).
 */

/** Cell coordinates are offset so that (cx, cy) fit one exact double key: ±32768 cells per axis. */
const OFFSET = 32768;
const SPAN = 65536;

export class SpatialGrid {
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  private keyOf = new Float64Array(0);
  /** Cell key → first slot of the cell's list. Empty cells are deleted, so the map stays small. */
  private readonly heads = new Map<number, number>();

  constructor(readonly cellSize: number) {}

  private key(x: number, y: number): number {
    const cx = Math.min(SPAN - 1, Math.max(0, Math.floor(x / this.cellSize) + OFFSET));
    const cy = Math.min(SPAN - 1, Math.max(0, Math.floor(y / this.cellSize) + OFFSET));
    return cx * SPAN + cy;
  }

  private ensure(slot: number): void {
    if (slot < this.next.length) return;
    const size = Math.max(1024, this.next.length * 2, slot + 1);
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T, fill: number): T => {
      const b = make(size);
      b.fill(fill);
      b.set(a);
      return b;
    };
    this.next = grow(this.next, (n) => new Int32Array(n), -1);
    this.prev = grow(this.prev, (n) => new Int32Array(n), -1);
    this.keyOf = grow(this.keyOf, (n) => new Float64Array(n), -1);
  }

  private link(slot: number, key: number): void {
    const head = this.heads.get(key);
    this.next[slot] = head ?? -1;
    this.prev[slot] = -1;
    if (head !== undefined) this.prev[head] = slot;
    this.heads.set(key, slot);
    this.keyOf[slot] = key;
  }

  private unlink(slot: number): void {
    const key = this.keyOf[slot];
    if (key < 0) return;
    const n = this.next[slot];
    const p = this.prev[slot];
    if (p >= 0) this.next[p] = n;
    else if (n >= 0) this.heads.set(key, n);
    else this.heads.delete(key);
    if (n >= 0) this.prev[n] = p;
    this.keyOf[slot] = -1;
  }

  /** Puts a slot at (x, y), wherever it was before. */
  place(slot: number, x: number, y: number): void {
    this.ensure(slot);
    const key = this.key(x, y);
    if (this.keyOf[slot] === key) return;
    this.unlink(slot);
    this.link(slot, key);
  }

  remove(slot: number): void {
    if (slot < this.keyOf.length) this.unlink(slot);
  }

  /** The table moved its last slot into a freed one: the same cell entry now has a new number. */
  renumber(from: number, to: number): void {
    const key = this.keyOf[from];
    this.ensure(to);
    this.unlink(to);
    if (key < 0) return;
    this.unlink(from);
    this.link(to, key);
  }

  clear(): void {
    this.heads.clear();
    this.keyOf.fill(-1);
  }

  /** Calls `visit` for every slot in the cells that touch the square of half-side `r` around (x, y). */
  query(x: number, y: number, r: number, visit: (slot: number) => void): void {
    const c = this.cellSize;
    const x0 = Math.floor((x - r) / c);
    const x1 = Math.floor((x + r) / c);
    const y0 = Math.floor((y - r) / c);
    const y1 = Math.floor((y + r) / c);
    // A far-zoomed click can span more cells than there are occupied ones: then walk the cells.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.heads.size) {
      for (const [key, head] of this.heads) {
        const cx = Math.floor(key / SPAN) - OFFSET;
        const cy = (key % SPAN) - OFFSET;
        if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) this.walk(head, visit);
      }
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const head = this.heads.get((cx + OFFSET) * SPAN + cy + OFFSET);
        if (head !== undefined) this.walk(head, visit);
      }
    }
  }

  private walk(head: number, visit: (slot: number) => void): void {
    for (let s = head; s >= 0; s = this.next[s]) visit(s);
  }
}
