/**
 * The text the GPU layer does not draw: cluster bubbles with their counts when zoomed out, and
 * unit names when zoomed in close. A 2D canvas over the WebGL one, redrawn only when what it
 * shows can have changed (the view moved, clusters were recomputed, or labelled units moved),
 * and never with more than `maxLabels` names, so its cost stays flat however many units exist.
 */
import { LABEL_FONT_FAMILY, MAP_BACKGROUND } from '../palette';
import { clusterRadius, type Aggregator, type ViewFrame } from './aggregate';
import { FLAG_HIDDEN, FLAG_SELECTED, type UnitTable } from './unit-table';

export class Overlay {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private blank = true;
  private readonly p = new Float64Array(2);
  private cos = 1;
  private sin = 0;

  constructor() {
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d');
  }

  /** CSS pixel position of a table-relative point in `view`, written to p[0], p[1]. */
  private toScreen(view: ViewFrame, table: UnitTable, x: number, y: number): void {
    const dx = x + table.originX - view.centreX;
    const dy = y + table.originY - view.centreY;
    this.p[0] = view.width / 2 + (dx * this.cos + dy * this.sin) / view.resolution;
    this.p[1] = view.height / 2 - (-dx * this.sin + dy * this.cos) / view.resolution;
  }

  draw(view: ViewFrame, table: UnitTable, t: number, clusters: Aggregator | null, labels: boolean, maxLabels: number): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const nothing = (!clusters || clusters.clusterCount === 0) && !labels;
    if (nothing && this.blank) return;
    const w = Math.round(view.width * view.pixelRatio);
    const h = Math.round(view.height * view.pixelRatio);
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    } else {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
    }
    this.blank = nothing;
    if (nothing) return;
    ctx.setTransform(view.pixelRatio, 0, 0, view.pixelRatio, 0, 0);
    this.cos = Math.cos(view.rotation);
    this.sin = Math.sin(view.rotation);
    if (clusters) this.drawClusters(ctx, view, table, clusters);
    if (labels) this.drawLabels(ctx, view, table, t, maxLabels);
  }

  private drawClusters(ctx: CanvasRenderingContext2D, view: ViewFrame, table: UnitTable, agg: Aggregator): void {
    ctx.font = `700 12px ${LABEL_FONT_FAMILY}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#8fb3e0';
    for (let i = 0; i < agg.clusterCount; i++) {
      const count = agg.clusters[i * 3 + 2];
      this.toScreen(view, table, agg.clusters[i * 3], agg.clusters[i * 3 + 1]);
      const [x, y] = this.p;
      if (x < -30 || y < -30 || x > view.width + 30 || y > view.height + 30) continue;
      ctx.beginPath();
      ctx.arc(x, y, clusterRadius(count), 0, Math.PI * 2);
      ctx.fillStyle = 'rgba(22, 36, 56, 0.88)';
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = '#e6eef9';
      ctx.fillText(count > 999 ? `${Math.round(count / 100) / 10}k` : String(count), x, y + 0.5);
    }
  }

  private drawLabels(ctx: CanvasRenderingContext2D, view: ViewFrame, table: UnitTable, t: number, maxLabels: number): void {
    ctx.font = `600 12px ${LABEL_FONT_FAMILY}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = MAP_BACKGROUND;
    ctx.fillStyle = '#e2e8f2';
    let drawn = 0;
    // The selected unit is always named, then others near the view up to the budget.
    const label = (s: number): void => {
      const text = table.labels[s];
      if (!text) return;
      table.at(s, t, this.p);
      this.toScreen(view, table, this.p[0], this.p[1]);
      const [x, y] = this.p;
      if (x < -80 || y < -10 || x > view.width || y > view.height + 10) return;
      ctx.strokeText(text, x + 11, y);
      ctx.fillText(text, x + 11, y);
      drawn++;
    };
    for (let s = 0; s < table.count; s++) if (table.has(s, FLAG_SELECTED)) label(s);
    // Only units near the view are visited (the grid), so a close zoom on a big fleet stays cheap.
    const reach = (Math.hypot(view.width, view.height) / 2 + 80) * view.resolution + table.hitMargin(t);
    table.grid.query(view.centreX - table.originX, view.centreY - table.originY, reach, (s) => {
      if (drawn < maxLabels && !table.has(s, FLAG_HIDDEN | FLAG_SELECTED)) label(s);
    });
  }
}
