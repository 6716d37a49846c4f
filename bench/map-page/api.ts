/**
 * What the map bench page (bench/map-page/main.ts) exposes on `window.qxBench`, shared by the
 * page, bench/map.ts and the e2e map tests (test/e2e/pages/map-page.ts).
 */

export interface Latency {
  /** Position batches handed to the renderer and seen drawn during the measurement. */
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** 1 = drawn in the first frame that started after the batch arrived. */
  readonly p50Frames: number;
  readonly p95Frames: number;
  readonly maxFrames: number;
  /** Share of batches drawn within two frames of arriving. */
  readonly withinTwoFrames: number;
  /** The samples, for pooling runs: milliseconds and frames per batch. */
  readonly samples: { readonly ms: readonly number[]; readonly frames: readonly number[] };
}

export interface Measurement {
  readonly seconds: number;
  /** requestAnimationFrame callbacks per second: the page's frame rate. */
  readonly fps: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  /** Draws of the live-units layer per second (0 for other scenarios). */
  readonly layerDrawsPerSecond: number;
  /** Device-pixel rows of the live layer's text atlas sent to the GPU per second (new names, digits). */
  readonly textRowsPerSecond: number;
  /** Full map renders (all layers) per second. */
  readonly mapRendersPerSecond: number;
  /** Unit position updates handed to the renderer per second. */
  readonly updatesPerSecond: number;
  /** Every position batch: arrival → the first frame drawn with it. */
  readonly latency: Latency | null;
  /** Batches that changed something on screen at once (status colours): arrival → frame. */
  readonly visibleLatency: Latency | null;
}

export interface BenchApi {
  readonly ready: boolean;
  readonly error: string | null;
  /** Starts the simulated fleet reporting at 1 Hz per unit, batched like the core's flush. */
  startFleet(): void;
  stopFleet(): void;
  measure(ms: number): Promise<Measurement>;
  /**
   * Waits until frames flow steadily (no gap above 250 ms for a second): big layers build their
   * GPU buffers over the first seconds and must not be counted. False after `timeoutMs`.
   */
  settle(timeoutMs: number): Promise<boolean>;
  /** Moves the view and resolves once the map has rendered it. */
  setView(lon: number, lat: number, zoom: number): Promise<void>;
  /** Where unit `id` is drawn now, in CSS pixels of the page, or null when it is not drawn. */
  unitPixel(id: string): [number, number] | null;
  /** Units drawn individually (not clustered) inside the viewport, with their pixels. */
  visibleUnits(limit: number): { id: string; x: number; y: number }[];
  /** The unit selected in the console's UI store (console mode). */
  selectedUnit(): string | null;
  clearSelection(): void;
  /** Hands a batch of unit changes to the store, as a `units` push from the core would. */
  push(units: readonly BenchUnit[]): void;
  agencyColour(agency: string): string;
  statusColour(status: string): string;
}

/** A unit as the tests describe it; the page fills in the rest of the UnitView. */
export interface BenchUnit {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly agency?: string;
  readonly status?: string;
  readonly heading?: number | null;
  readonly name?: string;
  readonly registered?: boolean;
}

declare global {
  interface Window {
    qxBench?: BenchApi;
  }
}
