/**
 * Text for the GPU: each distinct string (a unit's name, a digit of a cluster's count) is drawn
 * once with the 2D canvas into a shelf-packed atlas, then placed as textured quads in the layer's
 * one WebGL canvas. A separate 2D overlay canvas would be one more full-screen layer for the
 * browser to composite on every frame; here text costs only its own pixels, and only when shown.
 *
 * Only the rows written since the last upload go to the GPU (`takeDirty`): a whole 1024² atlas
 * is 4 MB, and uploading it on every draw that met a new string cost a tenth of the page's main
 * thread (and as much again in the GPU process) while a big fleet moved.
 */
import { LABEL_FONT_FAMILY, MAP_BACKGROUND } from '../palette';

export type TextKind = 'label' | 'count';

/** Where a string is in the atlas (uv, 0..1) and its size in CSS pixels. */
export interface Glyphs {
  readonly u0: number;
  readonly v0: number;
  readonly u1: number;
  readonly v1: number;
  readonly width: number;
  readonly height: number;
  /** How far the pen moves after this text (CSS pixels): to set glyphs side by side. */
  readonly advance: number;
}

const STYLE: Readonly<Record<TextKind, { font: string; fill: string; stroke: number }>> = {
  label: { font: `600 12px ${LABEL_FONT_FAMILY}`, fill: '#e2e8f2', stroke: 3 },
  count: { font: `700 12px ${LABEL_FONT_FAMILY}`, fill: '#e6eef9', stroke: 0 },
};
const HEIGHT = 18;
/** Width and height of the atlas in device pixels. */
export const ATLAS_SIZE = 1024;
const SIZE = ATLAS_SIZE;

export class TextAtlas {
  readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly entries = new Map<string, Glyphs>();
  private x = 0;
  private y = 0;
  private pixelRatio = 1;
  /** Device-pixel rows written since the GPU copy was made: [from, to), empty when from >= to. */
  private dirtyFrom = 0;
  private dirtyTo = SIZE;
  /** It filled up during this frame: it is emptied before the next one. */
  full = false;

  constructor() {
    this.canvas.width = SIZE;
    this.canvas.height = SIZE;
    this.ctx = this.canvas.getContext('2d');
  }

  /** Empties the atlas (when full, or when the device pixel ratio changed). */
  reset(pixelRatio: number): void {
    this.pixelRatio = pixelRatio;
    this.entries.clear();
    this.x = 0;
    this.y = 0;
    this.full = false;
    this.ctx?.clearRect(0, 0, SIZE, SIZE);
    this.dirtyFrom = 0;
    this.dirtyTo = SIZE;
  }

  /** The rows to upload ([from, to) in device pixels; null when the GPU copy is current), now marked clean. */
  takeDirty(): readonly [number, number] | null {
    if (this.dirtyFrom >= this.dirtyTo) return null;
    const rows = [this.dirtyFrom, this.dirtyTo] as const;
    this.dirtyFrom = SIZE;
    this.dirtyTo = 0;
    return rows;
  }

  /** Prepares a frame: a full atlas or a new pixel ratio starts over. */
  begin(pixelRatio: number): void {
    if (this.full || pixelRatio !== this.pixelRatio) this.reset(pixelRatio);
  }

  get(kind: TextKind, text: string): Glyphs | null {
    const key = `${kind}\u0000${text}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const ctx = this.ctx;
    if (!ctx || this.full) return null;
    const style = STYLE[kind];
    const pr = this.pixelRatio;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.font = style.font;
    const advance = ctx.measureText(text).width;
    const width = Math.ceil(advance + style.stroke + 2);
    const w = Math.ceil(width * pr);
    const h = Math.ceil(HEIGHT * pr);
    if (w > SIZE) return null;
    if (this.x + w > SIZE) {
      this.x = 0;
      this.y += h + 1;
    }
    if (this.y + h > SIZE) {
      this.full = true;
      return null;
    }
    ctx.setTransform(pr, 0, 0, pr, this.x, this.y);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const left = style.stroke / 2 + 1;
    if (style.stroke > 0) {
      ctx.lineJoin = 'round';
      ctx.lineWidth = style.stroke;
      ctx.strokeStyle = MAP_BACKGROUND;
      ctx.strokeText(text, left, HEIGHT / 2);
    }
    ctx.fillStyle = style.fill;
    ctx.fillText(text, left, HEIGHT / 2);
    const entry: Glyphs = { u0: this.x / SIZE, v0: this.y / SIZE, u1: (this.x + w) / SIZE, v1: (this.y + h) / SIZE, width: w / pr, height: h / pr, advance };
    this.x += w + 1;
    this.entries.set(key, entry);
    this.dirtyFrom = Math.min(this.dirtyFrom, this.y);
    this.dirtyTo = Math.max(this.dirtyTo, this.y + h);
    return entry;
  }
}

/** Text quads for one frame: six vertices (x, y, u, v) per string, grown as needed. */
export class TextQuads {
  data = new Float32Array(6 * 4 * 256);
  vertices = 0;

  clear(): void {
    this.vertices = 0;
  }

  /** Adds `g` with its top-left corner at CSS pixel (x, y), snapped to device pixels (crisp text). */
  add(g: Glyphs, x: number, y: number, pixelRatio: number): void {
    if ((this.vertices + 6) * 4 > this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const x0 = Math.round(x * pixelRatio) / pixelRatio;
    const y0 = Math.round(y * pixelRatio) / pixelRatio;
    const x1 = x0 + g.width;
    const y1 = y0 + g.height;
    this.data.set([x0, y0, g.u0, g.v0, x1, y0, g.u1, g.v0, x0, y1, g.u0, g.v1, x0, y1, g.u0, g.v1, x1, y0, g.u1, g.v0, x1, y1, g.u1, g.v1], this.vertices * 4);
    this.vertices += 6;
  }
}
