/**
 * The OpenLayers layer renderer of the live-units layer. It owns one WebGL canvas and draws a
 * frame in two situations:
 *
 * - OpenLayers renders the map (the view changed, another layer changed): `renderFrame` takes the
 *   new view; once every layer has rendered (the map's postrender, same task) the layers beneath
 *   are copied into the backdrop and the units drawn over it, so units never lag a pan.
 * - Units move while the view is still: the layer's animation loop calls `draw` with the view of
 *   the last map render, and only when the pixels would change (`wantsDraw`). The map itself is
 *   not re-rendered, so the basemap and any number of static objects cost nothing while units
 *   move, and the canvas being opaque (backdrop) spares the browser from compositing them again.
 *
 * Transparent mode (no backdrop) is the fallback: layer opacity below 1, or a tainted canvas.
 */
import type { FeatureLike } from 'ol/Feature';
import type { FrameState } from 'ol/Map';
import LayerRenderer from 'ol/renderer/Layer';
import { Aggregator, type ViewFrame } from './aggregate';
import { Backdrop } from './backdrop';
import type { LiveUnitsLayer } from './live-units-layer';
import { Decorations } from './decorations';
import { FLAG_HIDDEN, FLAG_HOVER, FLAG_SELECTED } from './unit-table';
import { UnitsGl } from './units-gl';

/** What one draw did, for benches and tests (`LiveUnitsLayer.onDraw`). */
export interface DrawInfo {
  /** Table version drawn: every change made before the draw has a version at most this. */
  readonly version: number;
  /** The animation frame's timestamp (requestAnimationFrame), or performance.now() for map renders. */
  readonly frameTime: number;
  readonly drawnAt: number;
  readonly units: number;
  readonly clusters: number;
  readonly opaque: boolean;
  /** Device-pixel rows of the text atlas this draw sent to the GPU (new names or digits; 0 mostly). */
  readonly textRows: number;
  /** Draws a second allowed now while units move (null: no limit), whether WebGL runs in software, whether the limit is automatic. */
  readonly limit: number | null;
  readonly software: boolean | null;
  readonly auto: boolean;
}

/**
 * Draws a second on software WebGL. Without a GPU every draw costs the CPU (the browser rasterises
 * the frame, then reads it back to composite it), shared with the console's core: at one draw per
 * batch (~25 a second) the GPU process alone took 40 % of a core under a 20,000-unit fleet, and the
 * fleet's first seconds (every unit starting at once) kept the core behind for seconds. At ten a
 * second it takes half that, the core catches up in one or two seconds, and a report waits at most
 * ~100 ms for its frame (docs/performance.md).
 */
export const SOFTWARE_DRAW_RATE = 10;

/** Clusters are recomputed at most this often while units move (and at once when the view moves). */
const AGGREGATE_MS = 250;

export class LiveUnitsRenderer extends LayerRenderer<LiveUnitsLayer> {
  readonly element: HTMLDivElement;
  private gl: UnitsGl;
  private readonly backdrop = new Backdrop();
  private readonly decorations = new Decorations();
  private readonly aggregator = new Aggregator();
  private palette: { agencies: readonly string[]; statuses: readonly string[] } = { agencies: [], statuses: [] };
  private frame: ViewFrame | null = null;
  private aggregatedFrame: ViewFrame | null = null;
  private aggregatedAt = -Infinity;
  private aggregatedVersion = -1;
  private clustered = false;
  private drawnFrame: ViewFrame | null = null;
  /** Table time of the last draw. */
  private drawnT = 0;
  /** A change that shows at once is waiting for the next frame (see `wantsDraw`). */
  visibleChange = false;
  private tainted = false;
  private capturePending = false;
  /** The view the backdrop canvas holds an image of (null: none yet). */
  private capturedFrame: ViewFrame | null = null;
  private readonly p = new Float64Array(2);
  drawnVersion = -1;
  /** performance.now() of the last draw, by either path: the loop skips a frame already drawn. */
  lastDrawAt = -Infinity;
  /** The frame time of the last draw (performance.now() for map renders), for the rate limit. */
  private lastDrawFrame = -Infinity;
  /** Hover, selection or colours changed: the next frame draws, whatever the rate limit. */
  urgent = false;

  constructor(layer: LiveUnitsLayer) {
    super(layer);
    this.element = document.createElement('div');
    this.element.className = `ol-layer ${layer.getClassName()}`;
    this.element.style.cssText = 'position:absolute;inset:0;pointer-events:none';
    this.gl = this.makeGl(layer.options.flatten);
  }

  private makeGl(opaque: boolean): UnitsGl {
    const canvas = document.createElement('canvas');
    canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%';
    this.element.replaceChildren(canvas);
    const gl = new UnitsGl(canvas, opaque);
    gl.setPalette(this.palette.agencies, this.palette.statuses);
    this.drawnVersion = -1;
    this.visibleChange = true;
    return gl;
  }

  setPalette(agencies: readonly string[], statuses: readonly string[]): void {
    this.palette = { agencies, statuses };
    this.gl.setPalette(agencies, statuses);
  }

  override prepareFrame(): boolean {
    return true;
  }

  override renderFrame(frameState: FrameState): HTMLElement {
    const vs = frameState.viewState;
    this.frame = {
      centreX: vs.center[0],
      centreY: vs.center[1],
      resolution: vs.resolution,
      rotation: vs.rotation,
      width: frameState.size[0],
      height: frameState.size[1],
      pixelRatio: frameState.pixelRatio,
      extent: frameState.extent ? [...frameState.extent] : [0, 0, 0, 0],
    };
    const opacity = frameState.layerStatesArray[frameState.layerIndex].opacity;
    const opaque = this.getLayer().options.flatten && opacity === 1 && !this.tainted;
    if (opaque !== this.gl.opaque) {
      this.gl.dispose();
      this.gl = this.makeGl(opaque);
    }
    this.element.style.opacity = opaque ? '' : String(opacity);
    // Opaque: wait for the layers beneath to finish this render (afterMapRender), then copy them.
    if (opaque) this.capturePending = true;
    else this.draw(performance.now());
    this.getLayer().wake();
    return this.element;
  }

  /** The map's postrender: every layer has drawn this render, the DOM holds them in order. */
  afterMapRender(): void {
    if (!this.capturePending || !this.frame) return;
    this.capturePending = false;
    const f = this.frame;
    const w = Math.round(f.width * f.pixelRatio);
    const h = Math.round(f.height * f.pixelRatio);
    try {
      if (this.backdrop.capture(this.element, w, h, f.pixelRatio)) {
        this.gl.setBackdrop(this.backdrop.canvas);
        this.capturedFrame = f;
      }
    } catch (e) {
      // A cross-origin image somewhere beneath: its pixels cannot be read. Draw transparent.
      console.warn('[map] live units: cannot copy the layers beneath, drawing transparent:', e);
      this.tainted = true;
      this.getLayer().changed();
      return;
    }
    this.draw(performance.now());
  }

  /** Whether a draw would be seen: rendered at least once, in the document, displayed. */
  canDraw(): boolean {
    return this.frame !== null && this.element.isConnected && this.element.offsetParent !== null && this.getLayer().getVisible();
  }

  /** Whether slot `s` is drawn in the current view (not folded into a cluster, near the screen). */
  shows(s: number): boolean {
    const f = this.frame;
    const table = this.getLayer().table;
    if (!f || table.has(s, FLAG_HIDDEN)) return false;
    table.at(s, this.getLayer().now(), this.p);
    const margin = 30 * f.resolution;
    const x = this.p[0] + table.originX;
    const y = this.p[1] + table.originY;
    return x > f.extent[0] - margin && y > f.extent[1] - margin && x < f.extent[2] + margin && y < f.extent[3] + margin;
  }

  /** Whether this page's WebGL runs in software (null until a context exists). */
  software(): boolean | null {
    return this.gl.software;
  }

  /** Draws a second allowed while units move (`maxDrawRate`; 'auto' limits software WebGL only), null: no limit. */
  drawRate(): number | null {
    const rate = this.getLayer().options.maxDrawRate;
    if (rate === 'auto') return this.gl.software === true ? SOFTWARE_DRAW_RATE : null;
    return rate > 0 && Number.isFinite(rate) ? rate : null;
  }

  /** Whether the rate limit lets the animation loop draw in the frame at `frameTime`. */
  due(frameTime: number): boolean {
    return this.untilDue(frameTime) <= 0;
  }

  /** Milliseconds from `now` until the rate limit lets the loop draw (≤ 0: it may now). */
  untilDue(now: number): number {
    if (this.urgent) return 0;
    const rate = this.drawRate();
    // Half a frame of slack: frames come every ~16.7 ms, so ten a second is every sixth frame.
    return rate === null ? 0 : this.lastDrawFrame + 1000 / rate - 8 - now;
  }

  /** Something will still need drawing without new input (moves under way, a pending change). */
  animating(t: number): boolean {
    const table = this.getLayer().table;
    return this.visibleChange || this.drawnVersion !== table.version || t < table.movingUntil + AGGREGATE_MS / 1000;
  }

  /**
   * Whether the next frame must be drawn. A frame costs the browser a full composite, so frames
   * whose pixels would not change are skipped:
   * - the view moved, or a change shows at once (a status colour, a unit appearing, selection);
   * - new reports arrived since the last draw (`drawOnArrival`): the frame right after a batch
   *   draws it, so every report is in a drawn frame within two frames of arriving (one draw per
   *   batch, ~30 a second at most, not one per frame; its glide starts where the symbol is drawn
   *   now). Without it a report waits for its glide to move a symbol visibly (fewer draws);
   * - between batches, the fastest glide has moved `minMotionPx` since the last draw, or the
   *   glides have come to rest since;
   * - the clusters changed (recomputed at most every AGGREGATE_MS while units move).
   */
  wantsDraw(t: number): boolean {
    const frame = this.frame;
    if (!frame) return false;
    const layer = this.getLayer();
    const { table, options } = layer;
    if (frame !== this.drawnFrame || this.visibleChange) return true;
    if (this.drawnVersion !== table.version && (options.drawOnArrival || !options.adaptive)) return true;
    if (!options.adaptive) return t < table.movingUntil;
    if (this.aggregate(frame, t)) return true;
    if (this.drawnT >= table.movingUntil) return false;
    // The glides have ended since the last draw: draw where they came to rest.
    if (t >= table.movingUntil) return true;
    const motion = (table.maxSpeed(t) * (t - this.drawnT)) / frame.resolution;
    return motion >= options.minMotionPx;
  }

  /** Re-clusters when due; true when what is drawn changed. */
  private aggregate(frame: ViewFrame, t: number): boolean {
    const { table, options } = this.getLayer();
    const cluster = options.declutter && frame.resolution > options.clusterAbove;
    const now = performance.now();
    let changed = false;
    if (cluster) {
      const moving = t < table.movingUntil + AGGREGATE_MS / 1000 || this.aggregatedVersion !== table.version;
      if (this.aggregatedFrame !== frame || (moving && now - this.aggregatedAt >= AGGREGATE_MS)) {
        changed = this.aggregator.run(table, t, frame, options.cellPx, options.maxPerCell);
        this.aggregatedFrame = frame;
        this.aggregatedAt = now;
        this.aggregatedVersion = table.version;
      }
    } else if (this.clustered) {
      changed = this.aggregator.reset(table);
    }
    this.clustered = cluster;
    return changed;
  }

  draw(frameTime: number): void {
    const frame = this.frame;
    if (!frame) return;
    const layer = this.getLayer();
    const { table, options } = layer;
    const t = layer.now();
    this.aggregate(frame, t);
    const gl = this.gl;
    if (gl.opaque && !this.backdropReady(frame)) return;
    if (!gl.begin(frame, this.backdrop.background)) return;
    // Zoomed in, most of a big fleet is off screen; zoomed out, most of it is folded into
    // clusters: draw only the units near the view and not folded, gathered with the grid index,
    // instead of pushing every vertex through the (software) pipeline.
    const near = table.count > 2_000 ? this.decorations.near(frame, table, t) : -1;
    if (near >= 0) gl.drawRecords(this.decorations.nearby, near, table, frame, t);
    else gl.drawTable(table, frame, t);
    this.drawnVersion = table.version;
    this.drawnFrame = frame;
    this.drawnT = t;
    this.visibleChange = false;
    this.urgent = false;
    this.lastDrawFrame = frameTime;
    const d = this.decorations;
    d.begin(frame);
    if (this.clustered) d.clusters(frame, table, this.aggregator);
    // The selected and hovered units again, above their neighbours and the clusters.
    const hovered = layer.hovered();
    const selectedId = layer.selected();
    const selected = selectedId === null ? undefined : table.slotOf(selectedId);
    for (const id of [hovered === selectedId ? null : hovered, selectedId]) {
      const s = id === null ? undefined : table.slotOf(id);
      if (s !== undefined && !table.has(s, FLAG_HIDDEN) && table.has(s, FLAG_HOVER | FLAG_SELECTED)) d.raise(table, s);
    }
    gl.drawRecords(d.records, d.count, table, frame, t);
    if (frame.resolution < options.labelsBelow) d.labels(frame, table, t, options.maxLabels, selected);
    const rows = d.atlas.takeDirty();
    gl.setAtlas(d.atlas.canvas, rows);
    gl.drawText(d.text.data, d.text.vertices, frame);
    gl.end();
    this.lastDrawAt = performance.now();
    layer.onDraw?.({ version: table.version, frameTime, drawnAt: this.lastDrawAt, units: table.count, clusters: this.clustered ? this.aggregator.clusterCount : 0, opaque: gl.opaque, textRows: rows ? rows[1] - rows[0] : 0, limit: this.drawRate(), software: gl.software, auto: layer.options.maxDrawRate === 'auto' });
  }

  /**
   * Whether the opaque canvas has the layers beneath to draw over. An opaque frame without them
   * would cover the basemap with plain background. After a lost WebGL context (restored empty)
   * the image captured for this view is uploaded again; without one (none captured yet for this
   * view) the map is asked to render, which captures it, and nothing is drawn until then.
   */
  private backdropReady(frame: ViewFrame): boolean {
    const w = Math.round(frame.width * frame.pixelRatio);
    const h = Math.round(frame.height * frame.pixelRatio);
    if (!this.gl.ready()) return false; // a lost context: nothing can be drawn until it is back
    if (this.gl.hasBackdrop(w, h)) return true;
    if (this.capturedFrame === frame && this.backdrop.canvas.width === w && this.backdrop.canvas.height === h) {
      this.gl.setBackdrop(this.backdrop.canvas);
      if (this.gl.hasBackdrop(w, h)) return true;
    }
    if (!this.capturePending) {
      this.capturePending = true;
      this.getLayer().changed();
    }
    return false;
  }

  /** The cluster within `radiusPx` of map coordinate (x, y): its centre and count, or null. */
  clusterAt(x: number, y: number, radiusPx: number): { x: number; y: number; count: number } | null {
    const frame = this.frame;
    if (!frame || !this.clustered) return null;
    const table = this.getLayer().table;
    const i = this.aggregator.clusterAt(frame, table, x, y, radiusPx);
    if (i < 0) return null;
    const c = this.aggregator.clusters;
    return { x: c[i * 3] + table.originX, y: c[i * 3 + 1] + table.originY, count: c[i * 3 + 2] };
  }

  override getFeatures(): Promise<FeatureLike[]> {
    return Promise.resolve([]);
  }

  override disposeInternal(): void {
    this.gl.dispose();
    this.element.remove();
    super.disposeInternal();
  }
}
