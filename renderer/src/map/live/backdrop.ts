/**
 * An image of the map beneath the live-units layer, so the layer's canvas can be opaque.
 *
 * Why: the browser composites a page's layers on every frame in which any of them changed. With a
 * transparent units canvas animating over the basemap, each frame blends the basemap canvas(es),
 * the static layers and the units again; on software rendering each full-screen layer costs
 * ~10–15 ms, so two or three of them halve the frame rate before a single unit is drawn. An
 * opaque canvas lets the compositor skip everything it covers. So after each map render (the
 * only time the layers beneath change) they are copied into one texture, drawn as the first
 * quad of every units frame.
 *
 * The copy follows OpenLayers' own map export (renderer/Composite.js): every canvas of the layer
 * elements before ours, with the element's opacity and CSS transform, over the map's background.
 */
import { fromString } from 'ol/transform';
import { MAP_BACKGROUND } from '../palette';
import { rgb } from './units-gl';

export class Backdrop {
  readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D | null;
  /** The map's background as three floats (what shows where no layer draws). */
  background: [number, number, number] = rgb(MAP_BACKGROUND);

  constructor() {
    this.ctx = this.canvas.getContext('2d');
  }

  /**
   * Composites the layer canvases preceding `own` in OpenLayers' layer container, at `width` ×
   * `height` device pixels. Returns false when there is nothing to composite into. (A canvas
   * tainted by a cross-origin image makes the upload throw; the caller then goes transparent.)
   */
  capture(own: HTMLElement, width: number, height: number, pixelRatio: number): boolean {
    const ctx = this.ctx;
    const container = own.parentElement;
    if (!ctx || !container) return false;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const background = backgroundOf(container);
    this.background = rgb(background);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    for (let i = 0; i < container.children.length; i++) {
      const element = container.children[i];
      if (element === own) break;
      if (!(element instanceof HTMLElement) || element.style.display === 'none') continue;
      const canvas = element.firstElementChild ?? element;
      if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0 || canvas.height === 0) continue;
      const opacity = element.style.opacity || canvas.style.opacity;
      // Layer canvases map their pixels to CSS pixels with a CSS transform; ours are device pixels.
      ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
      ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
      const transform = canvas.style.transform;
      if (transform) {
        const [a, b, c, d, e, f] = fromString(transform);
        ctx.transform(a, b, c, d, e, f);
      } else {
        const cssWidth = parseFloat(canvas.style.width) || width / pixelRatio;
        const cssHeight = parseFloat(canvas.style.height) || height / pixelRatio;
        ctx.transform(cssWidth / canvas.width, 0, 0, cssHeight / canvas.height, 0, 0);
      }
      ctx.drawImage(canvas, 0, 0);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    return true;
  }
}

/** The first opaque background colour from the map's layer container up (the hall's dark blue). */
function backgroundOf(element: HTMLElement): string {
  for (let e: HTMLElement | null = element; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(c);
    if (m && (m[4] === undefined || Number(m[4]) === 1)) {
      return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
    }
  }
  return MAP_BACKGROUND;
}
