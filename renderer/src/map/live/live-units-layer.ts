/**
 * An OpenLayers layer for many moving points (see live-units-renderer.ts for how it draws). Units
 * live in a typed-array table; `setUnit` is a few stores and an O(1) index move, never an object
 * or a feature. Between reports the GPU moves each symbol smoothly toward its latest report. The
 * layer runs its own animation loop, only while something moves, and draws only the frames that
 * show something new: an idle map costs nothing, a busy one never re-renders the other layers, and
 * a batch of reports or a change that shows at once (a status colour, a unit appearing) is drawn
 * in the next frame.
 *
 * Hover is handled here (the pointer is the layer's business); clicks are the map's: it asks
 * `hitTest(pixel)` and decides what a selected unit means. */
import type { FeatureLike } from 'ol/Feature';
import type OlMap from 'ol/Map';
import type { EventsKey } from 'ol/events';
import Layer from 'ol/layer/Layer';
import { unByKey } from 'ol/Observable';
import type { Pixel } from 'ol/pixel';
import { LiveUnitsRenderer, type DrawInfo } from './live-units-renderer';
import { FLAG_HIDDEN, FLAG_HOVER, FLAG_SELECTED, UnitTable, type UnitLook } from './unit-table';

/** One frame at 60 Hz (ms). */
const FRAME_MS = 1000 / 60;

export interface LiveUnitsOptions {
  readonly zIndex?: number;
  readonly className?: string;
  /** Seconds a symbol takes to reach a new report: ~ the report interval (0: jump at once). */
  readonly interpolate?: number;
  /** Fold crowded screen cells into counted clusters. */
  readonly declutter?: boolean;
  /** Cluster only above this resolution (m/px); default 4.8, i.e. zoom 15 and out. */
  readonly clusterAbove?: number;
  readonly cellPx?: number;
  readonly maxPerCell?: number;
  /** Name units below this resolution (m/px); default 2.4, i.e. zoom 16 and in. */
  readonly labelsBelow?: number;
  readonly maxLabels?: number;
  /** Click tolerance beyond the symbol, CSS pixels. */
  readonly hitTolerance?: number;
  /**
   * Draw an opaque canvas carrying a copy of the layers beneath (see backdrop.ts): on software
   * rendering this is what keeps an animated map near the frame rate of a still one.
   */
  readonly flatten?: boolean;
  /**
   * Draw only frames whose pixels change (see LiveUnitsRenderer.wantsDraw); false draws every
   * frame in which something moves or changed, for comparison.
   */
  readonly adaptive?: boolean;
  /** With `adaptive`: redraw once the fastest symbol has moved this far, CSS pixels. */
  readonly minMotionPx?: number;
  /**
   * With `adaptive`: draw the frame right after new reports arrive, so each is on screen within
   * two frames (one draw per batch). False keeps to the glide threshold alone: fewer draws (a
   * higher frame rate on software rendering), but a report shows only once its symbol has moved
   * `minMotionPx` (at city zoom, ~100 ms).
   */
  readonly drawOnArrival?: boolean;
  /**
   * At most this many draws a second for new reports and moving symbols (Infinity: one per batch);
   * `'auto'` (the default): SOFTWARE_DRAW_RATE (live-units-renderer.ts) when WebGL runs in
   * software, one per batch on a GPU. A moved view, hover and selection draw in the next frame
   * whatever the limit.
   */
  readonly maxDrawRate?: number | 'auto';
}

const DEFAULTS: Required<Omit<LiveUnitsOptions, 'zIndex' | 'className'>> = {
  interpolate: 1,
  declutter: true,
  clusterAbove: 4.8,
  cellPx: 40,
  maxPerCell: 4,
  labelsBelow: 2.4,
  maxLabels: 150,
  hitTolerance: 5,
  flatten: true,
  adaptive: true,
  minMotionPx: 0.5,
  drawOnArrival: true,
  maxDrawRate: 'auto',
};

/** The largest symbol radius the shader draws, CSS pixels. */
const SYMBOL_RADIUS = 7.5;

export class LiveUnitsLayer extends Layer<never, LiveUnitsRenderer> {
  readonly table: UnitTable;
  readonly options: Required<Omit<LiveUnitsOptions, 'zIndex' | 'className'>>;
  /** Called after every draw (benches measure report-to-frame latency with it). */
  onDraw: ((info: DrawInfo) => void) | null = null;
  /** Changes that had to show in the next frame (benches measure their latency). */
  visibleChanges = 0;
  private readonly epoch = performance.now();
  private selectedId: string | null = null;
  private hoverId: string | null = null;
  private palette: { agencies: readonly string[]; statuses: readonly string[] } = { agencies: [], statuses: [] };
  private raf = 0;
  /** While the draw rate limit has the loop wait: the timer that wakes it just before the next draw is due. */
  private rest: ReturnType<typeof setTimeout> | null = null;
  private keys: EventsKey[] = [];
  private leave: (() => void) | null = null;
  private readonly p = new Float64Array(2);

  constructor(options: LiveUnitsOptions = {}) {
    super({ zIndex: options.zIndex, className: options.className ?? 'qx-live-units' });
    this.options = { ...DEFAULTS, ...options };
    this.table = new UnitTable(this.options.interpolate);
  }

  /** The renderer if the map has made it; data arriving earlier must not create DOM and GL. */
  private renderer(): LiveUnitsRenderer | null {
    return this.hasRenderer() ? this.getRenderer() : null;
  }

  /** The table's clock: seconds since the layer was made (float32-friendly in the shader). */
  now(): number {
    return (performance.now() - this.epoch) / 1000;
  }

  protected override createRenderer(): LiveUnitsRenderer {
    const r = new LiveUnitsRenderer(this);
    r.setPalette(this.palette.agencies, this.palette.statuses);
    return r;
  }

  /** Colours by agency index and by status index (as given to `setUnit`). */
  setPalette(agencies: readonly string[], statuses: readonly string[]): void {
    this.palette = { agencies, statuses };
    const r = this.renderer();
    r?.setPalette(agencies, statuses);
    this.table.version++;
    if (r) {
      r.visibleChange = true;
      r.urgent = true;
    }
    this.wake();
  }

  /** Adds or moves a unit; x, y in EPSG:3857. Cheap enough to call 20,000 times a second. */
  setUnit(id: string, x: number, y: number, look: UnitLook): void {
    const s = this.table.set(id, x, y, look, this.now());
    if (id === this.selectedId) this.table.flag(s, FLAG_SELECTED, true);
    if (this.table.lastSetVisible) this.changedAt(s);
    this.wake();
  }

  removeUnit(id: string): void {
    const s = this.table.slotOf(id);
    if (s === undefined) return;
    this.changedAt(s);
    this.table.remove(id);
    this.wake();
  }

  clearUnits(): void {
    this.table.clear();
    const r = this.renderer();
    if (r) r.visibleChange = true;
    this.wake();
  }

  /** Slot `s` changed in a way that shows at once: the next frame is drawn if it is on screen. */
  private changedAt(s: number): void {
    const r = this.renderer();
    if (r?.shows(s)) {
      r.visibleChange = true;
      this.visibleChanges++;
    }
  }

  selected(): string | null {
    return this.selectedId;
  }

  hovered(): string | null {
    return this.hoverId;
  }

  /** Highlights one unit (or none); it is kept out of clusters and always labelled up close. */
  select(id: string | null): void {
    if (id === this.selectedId) return;
    this.mark(this.selectedId, FLAG_SELECTED, false);
    this.selectedId = id;
    this.mark(id, FLAG_SELECTED, true);
    this.wake();
  }

  private hover(id: string | null): void {
    if (id === this.hoverId) return;
    this.mark(this.hoverId, FLAG_HOVER, false);
    this.hoverId = id;
    this.mark(id, FLAG_HOVER, true);
    const viewport = this.getMapInternal()?.getViewport();
    if (viewport) viewport.style.cursor = id ? 'pointer' : '';
    this.wake();
  }

  private mark(id: string | null, flag: number, on: boolean): void {
    const s = id === null ? undefined : this.table.slotOf(id);
    if (s === undefined || !this.table.flag(s, flag, on)) return;
    const r = this.renderer();
    if (r) {
      r.visibleChange = true;
      r.urgent = true; // the dispatcher's own hand: shown in the next frame
    }
  }

  /**
   * The unit drawn nearest to `pixel`, within its symbol plus the tolerance, or null. Uses the
   * grid index around the point, so the cost does not depend on the fleet's size; symbols folded
   * into a cluster are not candidates.
   */
  hitTest(pixel: Pixel): string | null {
    const map = this.getMapInternal();
    const resolution = map?.getView().getResolution();
    const c = map?.getCoordinateFromPixel(pixel);
    if (!map || !resolution || !c || !this.getVisible()) return null;
    const table = this.table;
    const t = this.now();
    const x = c[0] - table.originX;
    const y = c[1] - table.originY;
    const reach = (SYMBOL_RADIUS + this.options.hitTolerance) * resolution;
    let best = -1;
    let bestD = reach;
    table.grid.query(x, y, reach + table.hitMargin(t), (s) => {
      if (table.has(s, FLAG_HIDDEN)) return;
      table.at(s, t, this.p);
      const d = Math.hypot(this.p[0] - x, this.p[1] - y);
      if (d <= bestD) {
        best = s;
        bestD = d;
      }
    });
    return best < 0 ? null : table.ids[best];
  }

  /** A cluster under `pixel`: the map zooms in on it. Returns whether there was one. */
  expandClusterAt(pixel: Pixel): boolean {
    const map = this.getMapInternal();
    const c = map?.getCoordinateFromPixel(pixel);
    const hit = c ? this.renderer()?.clusterAt(c[0], c[1], this.options.hitTolerance) : null;
    if (!map || !hit) return false;
    const view = map.getView();
    view.animate({ center: [hit.x, hit.y], zoom: (view.getZoom() ?? 13) + 2, duration: 350 });
    return true;
  }

  /**
   * Makes sure a frame will be drawn (after a change); the loop stops itself when all is still.
   * While the loop rests until the draw rate limit allows the next draw, only an urgent change
   * (the dispatcher's own hover or selection) cuts the rest short: anything else is drawn then.
   */
  wake(): void {
    if (this.raf !== 0 || !this.getMapInternal()) return;
    if (this.rest !== null) {
      if (!this.renderer()?.urgent) return;
      clearTimeout(this.rest);
      this.rest = null;
    }
    this.raf = requestAnimationFrame(this.tick);
  }

  /**
   * The next tick: in the next frame, or, when the rate limit will not allow a draw for a while,
   * a frame before it is due. Asking for frames that draw nothing is not free: an empty
   * requestAnimationFrame loop costs Chromium ~8 % of a core without a GPU (it composites every
   * frame), so between draws limited to ten a second the loop sleeps instead of ticking 60 times.
   */
  private next(renderer: LiveUnitsRenderer): void {
    // Woken a third of a frame before the draw is due: after the last frame that is too early (the
    // limit has half a frame of slack), so the next frame asked for is the one that draws.
    const wait = renderer.untilDue(performance.now()) - FRAME_MS / 3;
    if (wait <= 0) {
      this.wake();
      return;
    }
    this.rest = setTimeout(() => {
      this.rest = null;
      this.wake();
    }, wait);
  }

  private readonly tick = (frameTime: number): void => {
    this.raf = 0;
    const map = this.getMapInternal();
    const renderer = this.renderer();
    if (!map || !renderer?.canDraw()) return; // asleep until the next change or map render
    const view = map.getView();
    if (view.getAnimating() || view.getInteracting()) {
      // The map renders every frame now anyway; drawing here too would draw twice.
      map.render();
    } else if (renderer.lastDrawAt < frameTime && renderer.due(frameTime) && renderer.wantsDraw(this.now())) {
      renderer.draw(frameTime);
    }
    if (renderer.animating(this.now())) this.next(renderer);
  };

  override setMapInternal(map: OlMap | null): void {
    unByKey(this.keys);
    this.keys = [];
    this.leave?.();
    this.leave = null;
    super.setMapInternal(map);
    if (!map) {
      this.stop();
      return;
    }
    this.keys.push(
      map.on('pointermove', (e) => {
        if (!e.dragging) this.hover(this.hitTest(e.pixel));
      }),
      map.on('postrender', () => this.renderer()?.afterMapRender()),
    );
    // Undefined for a map living in a worker (OpenLayers' types say so).
    const viewport = map.getViewport();
    const out = (): void => this.hover(null);
    viewport?.addEventListener('pointerleave', out);
    this.leave = () => viewport?.removeEventListener('pointerleave', out);
    this.wake();
  }

  override getFeatures(): Promise<FeatureLike[]> {
    return Promise.resolve([]);
  }

  private stop(): void {
    if (this.raf !== 0) cancelAnimationFrame(this.raf);
    this.raf = 0;
    if (this.rest !== null) clearTimeout(this.rest);
    this.rest = null;
  }

  protected override disposeInternal(): void {
    this.stop();
    unByKey(this.keys);
    this.leave?.();
    super.disposeInternal();
  }
}
