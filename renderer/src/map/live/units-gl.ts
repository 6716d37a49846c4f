/**
 * Raw WebGL 2 for the live-units layer. One canvas, three kinds of draw:
 * - the backdrop: a captured image of the layers beneath, as one unblended quad (opaque mode);
 * - point sprites: the whole unit table with one upload (only when it changed since the last
 *   draw) and one non-instanced draw — or, zoomed in, just the records near the view — then
 *   small extra batches (clusters, selected, hovered);
 * - text quads from the label atlas.
 *
 * Opaque mode exists for the compositor: a transparent canvas over the basemap makes the browser
 * blend every layer of the map again on every animated frame, which on software rendering costs
 * more than everything else together; an opaque canvas lets it skip the layers it covers.
 */
import type { ViewFrame } from './aggregate';
import { SPRITE_FRAGMENT, SPRITE_VERTEX, UNIT_FRAGMENT, UNIT_VERTEX } from './shaders';
import { STRIDE, type UnitTable } from './unit-table';

const BYTES = STRIDE * 4;

/** '#rrggbb' → three floats in 0..1 (unknown strings are grey rather than an exception). */
export function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return [0.54, 0.58, 0.65];
  return [parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255];
}

/**
 * Whether a WebGL renderer string names a software rasteriser (SwiftShader, Mesa's llvmpipe or
 * softpipe, Windows' Basic Render Driver): a machine without a usable GPU, where every frame costs
 * the CPU that the console's core and the browser share.
 */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}

function rendererName(gl: WebGL2RenderingContext): string {
  // The unmasked name where the browser offers it (Chromium does); the masked one says little.
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

function program(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const p = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const s = gl.createShader(type);
    if (!s) throw new Error('live units: cannot create a shader');
    gl.shaderSource(s, source);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`live units: shader: ${gl.getShaderInfoLog(s) ?? ''}`);
    gl.attachShader(p, s);
  }
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS) && !gl.isContextLost()) throw new Error(`live units: program: ${gl.getProgramInfoLog(p) ?? ''}`);
  return p;
}

type Uniforms = Record<string, WebGLUniformLocation | null>;

interface Gpu {
  readonly gl: WebGL2RenderingContext;
  readonly units: { program: WebGLProgram; u: Uniforms; main: Batch; extra: Batch };
  readonly sprites: { program: WebGLProgram; u: Uniforms; vao: WebGLVertexArrayObject; buffer: WebGLBuffer };
  readonly backdrop: WebGLTexture;
  readonly atlas: WebGLTexture;
}

interface Batch {
  readonly vao: WebGLVertexArrayObject;
  readonly buffer: WebGLBuffer;
}

function batch(gl: WebGL2RenderingContext): Batch {
  const vao = gl.createVertexArray();
  const buffer = gl.createBuffer();
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 4, gl.FLOAT, false, BYTES, 0);
  gl.enableVertexAttribArray(1);
  gl.vertexAttribPointer(1, 3, gl.FLOAT, false, BYTES, 16);
  gl.enableVertexAttribArray(2);
  gl.vertexAttribIPointer(2, 1, gl.UNSIGNED_INT, BYTES, 28);
  gl.bindVertexArray(null);
  return { vao, buffer };
}

function texture(gl: WebGL2RenderingContext): WebGLTexture {
  const t = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, t);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  return t;
}

function uniforms(gl: WebGL2RenderingContext, p: WebGLProgram, names: readonly string[]): Uniforms {
  return Object.fromEntries(names.map((n) => [n, gl.getUniformLocation(p, `u_${n}`)]));
}

export class UnitsGl {
  private gpu: Gpu | null = null;
  private uploaded = -1;
  private capacity = 0;
  private palette = { agency: new Float32Array(96), status: new Float32Array(48) };
  private paletteDirty = true;
  /** Size of the backdrop texture in device pixels (0: none yet). */
  private backdropSize = [0, 0];
  /** Size of the atlas texture (0: nothing uploaded yet). */
  private atlasSize = [0, 0];
  private readonly fullScreen = new Float32Array(24);
  /** Whether the context draws in software (known once a context exists; null before). */
  software: boolean | null = null;

  constructor(
    readonly canvas: HTMLCanvasElement,
    readonly opaque: boolean,
  ) {
    // A lost context (GPU reset, too many contexts) comes back empty: rebuild everything then.
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      this.gpu = null;
      this.uploaded = -1;
      this.capacity = 0;
      this.paletteDirty = true;
      this.backdropSize = [0, 0];
      this.atlasSize = [0, 0];
    });
  }

  setPalette(agencies: readonly string[], statuses: readonly string[]): void {
    agencies.slice(0, 32).forEach((c, i) => this.palette.agency.set(rgb(c), i * 3));
    statuses.slice(0, 16).forEach((c, i) => this.palette.status.set(rgb(c), i * 3));
    this.paletteDirty = true;
  }

  private init(): Gpu | null {
    const gl = this.canvas.getContext('webgl2', { alpha: !this.opaque, premultipliedAlpha: true, antialias: false, depth: false, stencil: false });
    if (!gl || gl.isContextLost()) return null;
    this.software = isSoftwareRenderer(rendererName(gl));
    const unitsProgram = program(gl, UNIT_VERTEX, UNIT_FRAGMENT);
    const spriteProgram = program(gl, SPRITE_VERTEX, SPRITE_FRAGMENT);
    const vao = gl.createVertexArray();
    const buffer = gl.createBuffer();
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 4, gl.FLOAT, false, 16, 0);
    gl.bindVertexArray(null);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
    return {
      gl,
      units: {
        program: unitsProgram,
        u: uniforms(gl, unitsProgram, ['centre', 'res', 'rot', 'half', 'time', 'pixelRatio', 'agency', 'status']),
        main: batch(gl),
        extra: batch(gl),
      },
      sprites: { program: spriteProgram, u: uniforms(gl, spriteProgram, ['size', 'tex']), vao, buffer },
      backdrop: texture(gl),
      atlas: texture(gl),
    };
  }

  /** Starts a frame: sizes the canvas, then clears it (transparent) or draws the backdrop (opaque). */
  begin(view: ViewFrame, background: readonly [number, number, number]): WebGL2RenderingContext | null {
    const width = Math.round(view.width * view.pixelRatio);
    const height = Math.round(view.height * view.pixelRatio);
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.gpu ??= this.init();
    const g = this.gpu;
    if (!g) return null;
    const { gl } = g;
    gl.viewport(0, 0, width, height);
    if (this.opaque && this.backdropSize[0] === width && this.backdropSize[1] === height) {
      // Every pixel is overwritten by the backdrop, so no clear, and no blending for it: an
      // unblended textured quad measured no slower on SwiftShader than a blit.
      gl.disable(gl.BLEND);
      const w = view.width;
      const h = view.height;
      this.fullScreen.set([0, 0, 0, 0, w, 0, 1, 0, 0, h, 0, 1, 0, h, 0, 1, w, 0, 1, 0, w, h, 1, 1]);
      this.quads(view, g.backdrop, this.fullScreen, 6);
    } else {
      gl.clearColor(background[0], background[1], background[2], this.opaque ? 1 : 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
    }
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    return gl;
  }

  /** Whether there is a usable context (false while it is lost). */
  ready(): boolean {
    this.gpu ??= this.init();
    return this.gpu !== null;
  }

  /** Whether a backdrop of this size (device pixels) is on the GPU (a lost context drops it). */
  hasBackdrop(width: number, height: number): boolean {
    return this.gpu !== null && this.backdropSize[0] === width && this.backdropSize[1] === height;
  }

  /** Replaces the backdrop with an image of the layers beneath (a canvas of the viewport's size). */
  setBackdrop(source: HTMLCanvasElement): void {
    const g = this.gpu ?? (this.gpu = this.init());
    if (!g) return;
    const { gl } = g;
    gl.bindTexture(gl.TEXTURE_2D, g.backdrop);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
    this.backdropSize = [source.width, source.height];
  }

  /**
   * Brings the GPU's copy of the text atlas up to date: the rows [from, to) written since the last
   * call, as a sub-rectangle of the canvas (WebGL 2's UNPACK_SKIP_ROWS), or the whole canvas when
   * the texture is new (first use, a restored context). Nothing when `rows` is null and the copy exists.
   */
  setAtlas(source: HTMLCanvasElement, rows: readonly [number, number] | null): void {
    const g = this.gpu;
    if (!g) return;
    const { gl } = g;
    if (this.atlasSize[0] !== source.width || this.atlasSize[1] !== source.height) {
      gl.bindTexture(gl.TEXTURE_2D, g.atlas);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
      this.atlasSize = [source.width, source.height];
      return;
    }
    if (!rows) return;
    const [from, to] = rows;
    gl.bindTexture(gl.TEXTURE_2D, g.atlas);
    gl.pixelStorei(gl.UNPACK_SKIP_ROWS, from);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, from, source.width, to - from, gl.RGBA, gl.UNSIGNED_BYTE, source);
    gl.pixelStorei(gl.UNPACK_SKIP_ROWS, 0);
  }

  private useUnits(g: Gpu, view: ViewFrame, originX: number, originY: number, t: number): void {
    const { gl, units } = g;
    const u = units.u;
    gl.useProgram(units.program);
    if (this.paletteDirty) {
      gl.uniform3fv(u.agency, this.palette.agency);
      gl.uniform3fv(u.status, this.palette.status);
      this.paletteDirty = false;
    }
    gl.uniform2f(u.centre, view.centreX - originX, view.centreY - originY);
    gl.uniform1f(u.res, view.resolution);
    gl.uniform2f(u.rot, Math.cos(view.rotation), Math.sin(view.rotation));
    gl.uniform2f(u.half, view.width / 2, view.height / 2);
    gl.uniform1f(u.time, t);
    gl.uniform1f(u.pixelRatio, view.pixelRatio);
  }

  /** The whole table as points: the frame's one upload (when it changed) and one draw. */
  drawTable(table: UnitTable, view: ViewFrame, t: number): void {
    const g = this.gpu;
    if (!g || table.count === 0) return;
    const { gl } = g;
    this.useUnits(g, view, table.originX, table.originY, t);
    gl.bindVertexArray(g.units.main.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, g.units.main.buffer);
    if (this.uploaded !== table.version) {
      const floats = table.count * STRIDE;
      if (floats > this.capacity) {
        this.capacity = Math.max(floats * 2, 4096 * STRIDE);
        gl.bufferData(gl.ARRAY_BUFFER, this.capacity * 4, gl.DYNAMIC_DRAW);
      }
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, table.f32, 0, floats);
      this.uploaded = table.version;
    }
    gl.drawArrays(gl.POINTS, 0, table.count);
  }

  /** A few more records in the table's layout (clusters, the selected and hovered units), on top. */
  drawRecords(records: Float32Array, count: number, table: UnitTable, view: ViewFrame, t: number): void {
    const g = this.gpu;
    if (!g || count === 0) return;
    const { gl } = g;
    this.useUnits(g, view, table.originX, table.originY, t);
    gl.bindVertexArray(g.units.extra.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, g.units.extra.buffer);
    gl.bufferData(gl.ARRAY_BUFFER, records, gl.DYNAMIC_DRAW, 0, count * STRIDE);
    gl.drawArrays(gl.POINTS, 0, count);
  }

  /** Text quads (6 vertices of x, y, u, v each) from the atlas. */
  drawText(quads: Float32Array, vertices: number, view: ViewFrame): void {
    const g = this.gpu;
    if (g && vertices > 0) this.quads(view, g.atlas, quads, vertices);
  }

  private quads(view: ViewFrame, tex: WebGLTexture, quads: Float32Array, vertices: number): void {
    const g = this.gpu;
    if (!g) return;
    const { gl, sprites } = g;
    gl.useProgram(sprites.program);
    gl.uniform2f(sprites.u.size, view.width, view.height);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.uniform1i(sprites.u.tex, 0);
    gl.bindVertexArray(sprites.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, sprites.buffer);
    gl.bufferData(gl.ARRAY_BUFFER, quads, gl.DYNAMIC_DRAW, 0, vertices * 4);
    gl.drawArrays(gl.TRIANGLES, 0, vertices);
  }

  end(): void {
    this.gpu?.gl.bindVertexArray(null);
  }

  dispose(): void {
    this.gpu?.gl.getExtension('WEBGL_lose_context')?.loseContext();
    this.gpu = null;
  }
}
