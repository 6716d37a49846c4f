/**
 * The OpenLayers layer renderer of the live-units layer: owns the layer's element (a WebGL canvas
 * with a 2D overlay on top) and draws a frame in two situations:
 *
 * - OpenLayers renders the map (the view changed, another layer changed): `renderFrame` takes the
 *   new view and draws in the same frame as every other layer, so units never lag a pan.
 * - Units move while the view is still: the layer's own animation loop calls `draw` directly,
 *   with the view of the last map render. The map itself is not re-rendered, so the basemap and
 *   any number of static objects cost nothing while units move.
 */
import type { FrameState } from 'ol/Map';
import type { FeatureLike } from 'ol/Feature';
import LayerRenderer from 'ol/renderer/Layer';
import { Aggregator, type ViewFrame } from './aggregate';
import type { LiveUnitsLayer } from './live-units-layer';
import { Overlay } from './overlay';
import { FLAG_HIDDEN, FLAG_HOVER, FLAG_SELECTED, STRIDE } from './unit-table';
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
}

/** Clusters are recomputed at most this often while units move (and at once when the view moves). */
const AGGREGATE_MS = 200;

export class LiveUnitsRenderer extends LayerRenderer<LiveUnitsLayer> {
  readonly element: HTMLDivElement;
  private readonly gl: UnitsGl;
  private readonly overlay = new Overlay();
  private readonly aggregator = new Aggregator();
  private frame: ViewFrame | null = null;
  private aggregatedFrame: ViewFrame | null = null;
  private aggregatedAt = -Infinity;
  private overlayFrame: ViewFrame | null = null;
  private clustered = false;
  private readonly top = new Float32Array(STRIDE * 2);
  drawnVersion = -1;
  /** performance.now() of the last draw, by either path: the loop skips a frame already drawn. */
  lastDrawAt = -Infinity;

  constructor(layer: LiveUnitsLayer) {
    super(layer);
    this.element = document.createElement('div');
    this.element.className = `ol-layer ${layer.getClassName()}`;
    this.element.style.cssText = 'position:absolute;inset:0;pointer-events:none';
    const canvas = document.createElement('canvas');
    canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%';
    this.overlay.canvas.style.cssText = canvas.style.cssText;
    this.element.append(canvas, this.overlay.canvas);
    this.gl = new UnitsGl(canvas);
  }

  setPalette(agencies: readonly string[], statuses: readonly string[]): void {
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
    this.element.style.opacity = String(frameState.layerStatesArray[frameState.layerIndex].opacity);
    this.draw(performance.now());
    this.getLayer().wake();
    return this.element;
  }

  /** The view as last rendered by the map (null before the first render). */
  view(): ViewFrame | null {
    return this.frame;
  }

  /** Whether a draw would be seen: rendered at least once, in the document, displayed. */
  canDraw(): boolean {
    return this.frame !== null && this.element.isConnected && this.element.offsetParent !== null && this.getLayer().getVisible();
  }

  /** Something on screen can still change without new input (moves, a pending upload). */
  animating(t: number): boolean {
    const table = this.getLayer().table;
    return this.drawnVersion !== table.version || t < table.movingUntil;
  }

  draw(frameTime: number): void {
    const frame = this.frame;
    if (!frame) return;
    const layer = this.getLayer();
    const { table, options } = layer;
    const t = layer.now();
    const now = performance.now();
    const cluster = options.declutter && frame.resolution > options.clusterAbove;
    let overlayDirty = this.overlayFrame !== frame;
    if (cluster && (this.aggregatedFrame !== frame || now - this.aggregatedAt >= AGGREGATE_MS)) {
      this.aggregator.run(table, t, frame, options.cellPx, options.maxPerCell);
      this.aggregatedFrame = frame;
      this.aggregatedAt = now;
      overlayDirty = true;
    } else if (!cluster && this.clustered) {
      this.aggregator.reset(table);
      overlayDirty = true;
    }
    this.clustered = cluster;

    let topCount = 0;
    const hovered = layer.hovered();
    for (const id of [hovered === layer.selected() ? null : hovered, layer.selected()]) {
      const s = id === null ? undefined : table.slotOf(id);
      if (s === undefined || table.has(s, FLAG_HIDDEN) || !table.has(s, FLAG_HOVER | FLAG_SELECTED)) continue;
      this.top.set(table.f32.subarray(s * STRIDE, (s + 1) * STRIDE), topCount++ * STRIDE);
    }
    this.gl.draw(table, frame, t, this.top, topCount);
    this.drawnVersion = table.version;

    const labels = frame.resolution < options.labelsBelow;
    if (overlayDirty || (labels && t < table.movingUntil + 0.1)) {
      this.overlay.draw(frame, table, t, cluster ? this.aggregator : null, labels, options.maxLabels);
      this.overlayFrame = frame;
    }
    this.lastDrawAt = performance.now();
    layer.onDraw?.({ version: table.version, frameTime, drawnAt: this.lastDrawAt, units: table.count, clusters: cluster ? this.aggregator.clusterCount : 0 });
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
