/**
 * Raw WebGL 2 for the live-units layer: one program, one instance buffer holding the whole unit
 * table (uploaded with a single call when the table changed since the last frame, nothing
 * otherwise), and one instanced draw. A second tiny buffer redraws the selected and hovered units
 * last so their rings are never covered by neighbours.
 */
import type { ViewFrame } from './aggregate';
import { FRAGMENT_SHADER, VERTEX_SHADER } from './shaders';
import { STRIDE, type UnitTable } from './unit-table';

const BYTES = STRIDE * 4;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('live units: cannot create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
    throw new Error(`live units: shader does not compile: ${gl.getShaderInfoLog(shader) ?? ''}`);
  }
  return shader;
}

/** '#rrggbb' → three floats in 0..1 (unknown strings are grey rather than an exception). */
export function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return [0.54, 0.58, 0.65];
  return [parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255];
}

interface Gpu {
  readonly gl: WebGL2RenderingContext;
  readonly program: WebGLProgram;
  readonly main: { vao: WebGLVertexArrayObject; buffer: WebGLBuffer };
  readonly top: { vao: WebGLVertexArrayObject; buffer: WebGLBuffer };
  readonly u: Record<'centre' | 'res' | 'rot' | 'half' | 'time' | 'agency' | 'status' | 'pixelRatio', WebGLUniformLocation | null>;
}

export class UnitsGl {
  private gpu: Gpu | null = null;
  private uploaded = -1;
  private capacity = 0;
  private palette: { agency: Float32Array; status: Float32Array } = { agency: new Float32Array(96), status: new Float32Array(48) };
  private paletteDirty = true;

  constructor(readonly canvas: HTMLCanvasElement) {
    // A lost context (GPU reset, too many contexts) comes back empty: rebuild everything then.
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      this.gpu = null;
    });
    canvas.addEventListener('webglcontextrestored', () => {
      this.uploaded = -1;
      this.capacity = 0;
      this.paletteDirty = true;
    });
  }

  setPalette(agencies: readonly string[], statuses: readonly string[]): void {
    const agency = new Float32Array(96);
    const status = new Float32Array(48);
    agencies.slice(0, 32).forEach((c, i) => agency.set(rgb(c), i * 3));
    statuses.slice(0, 16).forEach((c, i) => status.set(rgb(c), i * 3));
    this.palette = { agency, status };
    this.paletteDirty = true;
  }

  private init(): Gpu | null {
    const gl = this.canvas.getContext('webgl2', { alpha: true, premultipliedAlpha: true, antialias: false, depth: false, stencil: false });
    if (!gl || gl.isContextLost()) return null;
    const program = gl.createProgram();
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX_SHADER));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT_SHADER));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
      throw new Error(`live units: program does not link: ${gl.getProgramInfoLog(program) ?? ''}`);
    }
    const corners = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, corners);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    const instances = (): { vao: WebGLVertexArrayObject; buffer: WebGLBuffer } => {
      const vao = gl.createVertexArray();
      const buffer = gl.createBuffer();
      gl.bindVertexArray(vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, corners);
      gl.enableVertexAttribArray(0);
      gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.enableVertexAttribArray(1);
      gl.vertexAttribPointer(1, 4, gl.FLOAT, false, BYTES, 0);
      gl.vertexAttribDivisor(1, 1);
      gl.enableVertexAttribArray(2);
      gl.vertexAttribPointer(2, 3, gl.FLOAT, false, BYTES, 16);
      gl.vertexAttribDivisor(2, 1);
      gl.enableVertexAttribArray(3);
      gl.vertexAttribIPointer(3, 1, gl.UNSIGNED_INT, BYTES, 28);
      gl.vertexAttribDivisor(3, 1);
      gl.bindVertexArray(null);
      return { vao, buffer };
    };
    const at = (name: string): WebGLUniformLocation | null => gl.getUniformLocation(program, name);
    return {
      gl,
      program,
      main: instances(),
      top: instances(),
      u: {
        centre: at('u_centre'),
        res: at('u_res'),
        rot: at('u_rot'),
        half: at('u_half'),
        time: at('u_time'),
        agency: at('u_agency'),
        status: at('u_status'),
        pixelRatio: at('u_pixelRatio'),
      },
    };
  }

  /**
   * Draws the table as seen in `view` at table time `t`; `top` holds up to a few records (selected,
   * hovered) drawn again above the rest. Returns false when there is no WebGL 2 context.
   */
  draw(table: UnitTable, view: ViewFrame, t: number, top: Float32Array, topCount: number): boolean {
    const width = Math.round(view.width * view.pixelRatio);
    const height = Math.round(view.height * view.pixelRatio);
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.gpu ??= this.init();
    const g = this.gpu;
    if (!g) return false;
    const { gl, u } = g;
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    if (table.count === 0) return true;
    gl.useProgram(g.program);
    if (this.paletteDirty) {
      gl.uniform3fv(u.agency, this.palette.agency);
      gl.uniform3fv(u.status, this.palette.status);
      this.paletteDirty = false;
    }
    gl.uniform2f(u.centre, view.centreX - table.originX, view.centreY - table.originY);
    gl.uniform1f(u.res, view.resolution);
    gl.uniform2f(u.rot, Math.cos(view.rotation), Math.sin(view.rotation));
    gl.uniform2f(u.half, view.width / 2, view.height / 2);
    gl.uniform1f(u.time, t);
    gl.uniform1f(u.pixelRatio, view.pixelRatio);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);

    gl.bindBuffer(gl.ARRAY_BUFFER, g.main.buffer);
    if (this.uploaded !== table.version) {
      // The one upload of the frame: the whole table, into a buffer grown geometrically.
      const floats = table.count * STRIDE;
      if (floats > this.capacity) {
        this.capacity = Math.max(floats * 2, 4096 * STRIDE);
        gl.bufferData(gl.ARRAY_BUFFER, this.capacity * 4, gl.DYNAMIC_DRAW);
      }
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, table.f32, 0, floats);
      this.uploaded = table.version;
    }
    gl.bindVertexArray(g.main.vao);
    gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, table.count);
    if (topCount > 0) {
      gl.bindBuffer(gl.ARRAY_BUFFER, g.top.buffer);
      gl.bufferData(gl.ARRAY_BUFFER, top, gl.DYNAMIC_DRAW, 0, topCount * STRIDE);
      gl.bindVertexArray(g.top.vao);
      gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, topCount);
    }
    gl.bindVertexArray(null);
    return true;
  }

  dispose(): void {
    this.gpu?.gl.getExtension('WEBGL_lose_context')?.loseContext();
    this.gpu = null;
  }
}
