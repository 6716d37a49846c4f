/**
 * What is drawn around the unit table each frame: cluster bubbles (as extra point records, in the
 * table's layout), the selected and hovered units again on top, and text quads for cluster counts
 * and unit names. Names are budgeted and decluttered (a name that would overlap one already
 * placed is left out), with the selected unit's name placed first.
 */
import type { Aggregator, ViewFrame } from './aggregate';
import { TextAtlas, TextQuads, type Glyphs } from './text-atlas';
import { FLAG_CLUSTER, FLAG_HIDDEN, HEADING, STRIDE, STYLE, X0, X1, Y0, Y1, type UnitTable } from './unit-table';

export class Decorations {
  readonly atlas = new TextAtlas();
  readonly text = new TextQuads();
  records = new Float32Array(STRIDE * 64);
  count = 0;
  private words = new Uint32Array(this.records.buffer);
  private readonly p = new Float64Array(2);
  /** The glyphs of the count being set (reused). */
  private readonly glyphs: Glyphs[] = [];
  /** Boxes of the names placed this frame (x0, y0, x1, y1 in CSS pixels). */
  private boxes: number[] = [];

  /** Records of the units near the view (see `near`). */
  nearby = new Float32Array(STRIDE * 1024);

  /**
   * Copies the records of the units within reach of the view into `nearby` (without those folded
   * into clusters); returns how many, or -1 when they are too many to be worth it (then the whole
   * table is drawn).
   */
  near(frame: ViewFrame, table: UnitTable, t: number): number {
    const reach = (Math.hypot(frame.width, frame.height) / 2 + 30) * frame.resolution + table.hitMargin(t);
    let n = 0;
    const limit = table.count / 2;
    table.grid.query(frame.centreX - table.originX, frame.centreY - table.originY, reach, (s) => {
      if (n > limit || table.has(s, FLAG_HIDDEN)) return;
      if ((n + 1) * STRIDE > this.nearby.length) {
        const grown = new Float32Array(this.nearby.length * 2);
        grown.set(this.nearby);
        this.nearby = grown;
      }
      this.nearby.set(table.f32.subarray(s * STRIDE, (s + 1) * STRIDE), n * STRIDE);
      n++;
    });
    return n > limit ? -1 : n;
  }

  begin(frame: ViewFrame): void {
    this.atlas.begin(frame.pixelRatio);
    this.text.clear();
    this.count = 0;
  }

  /** Appends record slot `i`, growing the batch as needed. */
  private next(): Float32Array {
    if ((this.count + 1) * STRIDE > this.records.length) {
      const grown = new Float32Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
      this.words = new Uint32Array(grown.buffer);
    }
    const i = this.count++;
    return this.records.subarray(i * STRIDE, (i + 1) * STRIDE);
  }

  /** Cluster bubbles (count in the heading slot) and their counts as text. */
  clusters(frame: ViewFrame, table: UnitTable, agg: Aggregator): void {
    const c = agg.clusters;
    for (let i = 0; i < agg.clusterCount; i++) {
      const r = this.next();
      r.fill(0);
      r[X0] = r[X1] = c[i * 3];
      r[Y0] = r[Y1] = c[i * 3 + 1];
      r[HEADING] = c[i * 3 + 2];
      this.words[(this.count - 1) * STRIDE + STYLE] = FLAG_CLUSTER;
      const n = c[i * 3 + 2];
      if (this.toScreen(frame, table, c[i * 3], c[i * 3 + 1])) this.countText(n > 999 ? `${Math.round(n / 100) / 10}k` : String(n), frame.pixelRatio);
    }
  }

  /**
   * A cluster's count centred on this.p, set glyph by glyph: counts change with every move, and
   * as whole strings they would keep adding to the atlas (and its upload); a dozen glyphs serve all.
   */
  private countText(text: string, pixelRatio: number): void {
    const glyphs = this.glyphs;
    glyphs.length = 0;
    let width = 0;
    for (const ch of text) {
      const g = this.atlas.get('count', ch);
      if (!g) return; // the atlas is full this frame: no half-drawn counts
      glyphs.push(g);
      width += g.advance;
    }
    let x = this.p[0] - width / 2 - 1; // a glyph's image starts one pixel left of its pen
    for (const g of glyphs) {
      this.text.add(g, x, this.p[1] - g.height / 2, pixelRatio);
      x += g.advance;
    }
  }

  /** A unit's record again, drawn above everything else (selection, hover). */
  raise(table: UnitTable, s: number): void {
    this.next().set(table.f32.subarray(s * STRIDE, (s + 1) * STRIDE));
  }

  /** Names of the units near the view at time `t`: the selected one first, then up to `max`. */
  labels(frame: ViewFrame, table: UnitTable, t: number, max: number, selected: number | undefined): void {
    this.boxes = [];
    const label = (s: number): void => {
      const text = table.labels[s];
      if (!text || this.boxes.length >= max * 4) return;
      table.at(s, t, this.p);
      if (!this.toScreen(frame, table, this.p[0], this.p[1])) return;
      const x = this.p[0] + 10;
      const y = this.p[1] - 9;
      // Checked with an estimate first, so names that would not fit never take atlas space.
      if (this.overlaps(x, y, x + estimateWidth(text), y + 18)) return;
      const g = this.atlas.get('label', text);
      if (!g || this.overlaps(x, y, x + g.width, y + g.height)) return;
      this.text.add(g, x, y, frame.pixelRatio);
      this.boxes.push(x, y, x + g.width, y + g.height);
    };
    if (selected !== undefined) label(selected);
    const reach = (Math.hypot(frame.width, frame.height) / 2 + 80) * frame.resolution + table.hitMargin(t);
    table.grid.query(frame.centreX - table.originX, frame.centreY - table.originY, reach, (s) => {
      if (s !== selected && !table.has(s, FLAG_HIDDEN)) label(s);
    });
  }

  private overlaps(x0: number, y0: number, x1: number, y1: number): boolean {
    const b = this.boxes;
    for (let i = 0; i < b.length; i += 4) if (x0 < b[i + 2] && x1 > b[i] && y0 < b[i + 3] && y1 > b[i + 1]) return true;
    return false;
  }

  /** CSS pixel of a table-relative point into this.p; false when it is well off screen. */
  private toScreen(frame: ViewFrame, table: UnitTable, x: number, y: number): boolean {
    const dx = x + table.originX - frame.centreX;
    const dy = y + table.originY - frame.centreY;
    const cos = Math.cos(frame.rotation);
    const sin = Math.sin(frame.rotation);
    this.p[0] = frame.width / 2 + (dx * cos + dy * sin) / frame.resolution;
    this.p[1] = frame.height / 2 - (-dx * sin + dy * cos) / frame.resolution;
    return this.p[0] > -150 && this.p[1] > -30 && this.p[0] < frame.width + 30 && this.p[1] < frame.height + 30;
  }
}

/** Width of a 12 px name: CJK characters are about a full em, others about 0.6 em. */
function estimateWidth(text: string): number {
  let w = 6;
  for (let i = 0; i < text.length; i++) w += text.charCodeAt(i) >= 0x2e80 ? 12 : 7;
  return w;
}
