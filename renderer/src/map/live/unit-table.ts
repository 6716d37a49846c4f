/**
 * Live units as one typed array: a fixed-stride record per unit, laid out exactly as the GPU
 * reads it, so a frame uploads the whole table with one call and a moving unit costs a few
 * stores, never an object. Records stay dense (a removal moves the last record into the hole),
 * so the draw call covers `count` instances with no gaps.
 *
 * Motion: a report does not teleport the symbol. The record keeps where the symbol is drawn now
 * (x0, y0 at t0) and where the unit reported (x1, y1); the vertex shader moves it between them
 * over `dur` seconds. With 1 Hz reports and dur ≈ 1 s the movement is continuous.
 *
 * Coordinates are EPSG:3857 metres minus a fixed origin near the first unit, so float32 keeps
 * millimetres instead of the metre steps it would have at 10^7 m.
 */
import { SpatialGrid } from './spatial-grid';

/** Floats per record: x0 y0 x1 y1 t0 dur heading style. */
export const STRIDE = 8;
export const X0 = 0;
export const Y0 = 1;
export const X1 = 2;
export const Y1 = 3;
export const T0 = 4;
export const DUR = 5;
export const HEADING = 6;
export const STYLE = 7;

/** The style word (uint32): agency index in bits 0–4, status index in bits 5–8, then flags. */
export const AGENCY_BITS = 0x1f;
export const STATUS_SHIFT = 5;
export const STATUS_BITS = 0xf;
export const FLAG_REGISTERED = 1 << 9;
export const FLAG_HEADING = 1 << 10;
export const FLAG_SELECTED = 1 << 11;
export const FLAG_HOVER = 1 << 12;
/** Folded into a cluster at this zoom (see aggregate.ts): not drawn, not clickable. */
export const FLAG_HIDDEN = 1 << 13;
/** Not a unit: a cluster bubble (records built per frame, never stored in the table). */
export const FLAG_CLUSTER = 1 << 14;
const KEPT_FLAGS = FLAG_SELECTED | FLAG_HOVER | FLAG_HIDDEN;

/** What a unit looks like; `heading` is radians clockwise from north, or null when unknown. */
export interface UnitLook {
  readonly agency: number;
  readonly status: number;
  readonly registered: boolean;
  readonly heading: number | null;
  readonly label: string;
}

export class UnitTable {
  count = 0;
  f32 = new Float32Array(0);
  u32 = new Uint32Array(0);
  /** Bumped by every change: the renderer uploads when it differs from what it drew. */
  version = 0;
  originX = Number.NaN;
  originY = Number.NaN;
  /** Seconds (table clock) until which some symbol is still moving: the draw loop runs until then. */
  movingUntil = 0;
  /**
   * Whether the last `set` changed pixels at once (a new unit, a jump, another look), as opposed
   * to starting a glide, which shows only as the symbol moves.
   */
  lastSetVisible = false;
  readonly ids: string[] = [];
  readonly labels: string[] = [];
  /** Indexed by the reported position (x1, y1); see `hitMargin` for symbols still on their way. */
  readonly grid = new SpatialGrid(250);
  private readonly slots = new Map<string, number>();
  // Longest move still being animated, tracked per `dur`-long window (now and the one before).
  private window = -1;
  private windowMax = 0;
  private previousMax = 0;

  /**
   * @param interpolate seconds a symbol takes to reach a new report (0: jump at once)
   * @param snap metres beyond which a report is a jump, not a movement (a first fix, a device reset)
   */
  constructor(
    public interpolate = 1,
    public snap = 1500,
  ) {}

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  private ensure(n: number): void {
    if (n * STRIDE <= this.f32.length) return;
    const buffer = new ArrayBuffer(Math.max(1024, n * 2) * STRIDE * 4);
    const f32 = new Float32Array(buffer);
    f32.set(this.f32);
    this.f32 = f32;
    this.u32 = new Uint32Array(buffer);
  }

  /** How far along its move slot `s` is at time `t` (0 at the start, 1 when it has arrived). */
  progress(s: number, t: number): number {
    const o = s * STRIDE;
    const dur = this.f32[o + DUR];
    return dur > 0 ? Math.min(1, Math.max(0, (t - this.f32[o + T0]) / dur)) : 1;
  }

  /** Where slot `s` is drawn at time `t`, relative to the origin, written to out[i], out[i + 1]. */
  at(s: number, t: number, out: Float32Array | Float64Array, i = 0): void {
    const o = s * STRIDE;
    const f = this.f32;
    const a = this.progress(s, t);
    out[i] = f[o + X0] + (f[o + X1] - f[o + X0]) * a;
    out[i + 1] = f[o + Y0] + (f[o + Y1] - f[o + Y0]) * a;
  }

  private readonly here = new Float64Array(2);

  /** Adds or moves a unit to EPSG:3857 (x, y) at table time `now` (seconds). */
  set(id: string, x: number, y: number, look: UnitLook, now: number): number {
    if (Number.isNaN(this.originX)) {
      this.originX = Math.round(x / 1000) * 1000;
      this.originY = Math.round(y / 1000) * 1000;
    }
    const rx = x - this.originX;
    const ry = y - this.originY;
    let s = this.slots.get(id);
    let fresh = false;
    if (s === undefined) {
      s = this.count++;
      this.ensure(this.count);
      this.slots.set(id, s);
      this.ids[s] = id;
      this.u32[s * STRIDE + STYLE] = 0;
      fresh = true;
    }
    const o = s * STRIDE;
    const f = this.f32;
    if (!fresh) this.at(s, now, this.here);
    const dx = fresh ? 0 : rx - this.here[0];
    const dy = fresh ? 0 : ry - this.here[1];
    const moved = Math.hypot(dx, dy);
    const jump = fresh || moved > this.snap || (this.interpolate <= 0 && moved > 0);
    if (jump || moved === 0 || this.interpolate <= 0) {
      f[o + X0] = rx;
      f[o + Y0] = ry;
      f[o + DUR] = 0;
    } else {
      // Start from where the symbol is now: a report mid-move bends the path, never jumps back.
      f[o + X0] = this.here[0];
      f[o + Y0] = this.here[1];
      f[o + DUR] = this.interpolate;
      this.movingUntil = Math.max(this.movingUntil, now + this.interpolate);
      this.noteMove(moved, now);
    }
    f[o + X1] = rx;
    f[o + Y1] = ry;
    f[o + T0] = now;
    const old = this.u32[o + STYLE];
    const style =
      (look.agency & AGENCY_BITS) |
      ((look.status & STATUS_BITS) << STATUS_SHIFT) |
      (look.registered ? FLAG_REGISTERED : 0) |
      (look.heading === null ? 0 : FLAG_HEADING) |
      (old & KEPT_FLAGS);
    this.u32[o + STYLE] = style;
    // A new status or agency shows at once; so does a turn of the heading pointer by more than
    // ~3° (its tip, 12 px out, moves half a pixel).
    const turn = look.heading === null ? 0 : Math.abs(Math.atan2(Math.sin(look.heading - f[o + HEADING]), Math.cos(look.heading - f[o + HEADING])));
    this.lastSetVisible = jump || style !== old || turn > 0.05;
    f[o + HEADING] = look.heading ?? 0;
    if (this.labels[s] !== look.label) this.lastSetVisible = true;
    this.labels[s] = look.label;
    this.grid.place(s, rx, ry);
    this.version++;
    return s;
  }

  remove(id: string): void {
    const s = this.slots.get(id);
    if (s === undefined) return;
    const last = this.count - 1;
    this.grid.remove(s);
    this.slots.delete(id);
    if (s !== last) {
      this.f32.copyWithin(s * STRIDE, last * STRIDE, (last + 1) * STRIDE);
      this.ids[s] = this.ids[last];
      this.labels[s] = this.labels[last];
      this.slots.set(this.ids[s], s);
      this.grid.renumber(last, s);
    }
    this.ids.length = last;
    this.labels.length = last;
    this.count = last;
    this.version++;
  }

  clear(): void {
    this.slots.clear();
    this.grid.clear();
    this.ids.length = 0;
    this.labels.length = 0;
    this.count = 0;
    this.version++;
  }

  /** Sets or clears a flag; returns whether anything changed (callers redraw only then). */
  flag(s: number, flag: number, on: boolean): boolean {
    const o = s * STRIDE + STYLE;
    const old = this.u32[o];
    const next = on ? old | flag : old & ~flag;
    if (next === old) return false;
    this.u32[o] = next;
    this.version++;
    return true;
  }

  has(s: number, flag: number): boolean {
    return (this.u32[s * STRIDE + STYLE] & flag) !== 0;
  }

  private noteMove(length: number, now: number): void {
    const w = Math.floor(now / Math.max(this.interpolate, 1e-3));
    if (w !== this.window) {
      this.previousMax = w === this.window + 1 ? this.windowMax : 0;
      this.windowMax = 0;
      this.window = w;
    }
    this.windowMax = Math.max(this.windowMax, length);
  }

  /** The fastest glide under way at `now`, metres per second (an upper bound). */
  maxSpeed(now: number): number {
    return this.interpolate > 0 ? this.hitMargin(now) / this.interpolate : 0;
  }

  /**
   * How far a drawn symbol can be from its indexed (reported) position at `now`: the longest move
   * started within the last `interpolate` seconds. Hit tests widen their search by this much.
   */
  hitMargin(now: number): number {
    const w = Math.floor(now / Math.max(this.interpolate, 1e-3));
    if (w === this.window) return Math.max(this.windowMax, this.previousMax);
    return w === this.window + 1 ? this.windowMax : 0;
  }
}
