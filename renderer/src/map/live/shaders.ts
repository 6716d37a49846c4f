/**
 * GLSL for the live-units layer (WebGL 2 / GLSL ES 3.00).
 *
 * Symbols are point sprites: one vertex per unit in a single non-instanced draw. (Instancing
 * would be the textbook choice, but software WebGL runs an instanced draw instance by instance,
 * at tens of microseconds each: 20,000 instances took most of a second per frame on SwiftShader.)
 * The vertex shader interpolates each unit between its last two reports with the time uniform,
 * so a frame without new reports uploads nothing; the fragment shader draws the whole symbol
 * (agency disc, status ring, heading pointer, hover and selection rings, or a cluster bubble)
 * analytically: no textures, no per-symbol canvas, no style objects.
 *
 * Text (names, cluster counts) is textured quads from an atlas (SPRITE_*).
 * Sizes are CSS pixels; antialiasing is one device pixel. Flag values mirror unit-table.ts.
 */
import { FLAG_CLUSTER, FLAG_HEADING, FLAG_HIDDEN, FLAG_HOVER, FLAG_REGISTERED, FLAG_SELECTED, STATUS_SHIFT } from './unit-table';

const defines = `
#define REGISTERED ${FLAG_REGISTERED}u
#define HAS_HEADING ${FLAG_HEADING}u
#define SELECTED ${FLAG_SELECTED}u
#define HOVER ${FLAG_HOVER}u
#define HIDDEN ${FLAG_HIDDEN}u
#define CLUSTER ${FLAG_CLUSTER}u
#define STATUS_SHIFT ${STATUS_SHIFT}u
`;

/** A cluster's radius in CSS pixels for `count` units (also used by hit tests, in TypeScript). */
export function clusterRadius(count: number): number {
  return Math.min(18, 8 + 3.5 * Math.log10(Math.max(1, count)));
}

export const UNIT_VERTEX = `#version 300 es
precision highp float;
precision highp int;
${defines}
layout(location = 0) in vec4 a_move;   // x0 y0 x1 y1, metres from the table origin
layout(location = 1) in vec3 a_time;   // t0, duration (s), heading (rad, clockwise from north) or cluster count
layout(location = 2) in uint a_style;  // agency | status << 5 | flags
uniform vec2 u_centre;                 // view centre, metres from the table origin
uniform float u_res;                   // metres per CSS pixel
uniform vec2 u_rot;                    // cos, sin of the view rotation
uniform vec2 u_half;                   // half the viewport, CSS pixels
uniform float u_time;
uniform float u_pixelRatio;
uniform vec3 u_agency[32];
uniform vec3 u_status[16];
flat out vec3 v_fill;
flat out vec3 v_ring;
flat out vec4 v_shape;                 // radius, ring width, fill alpha, flags >> 9
flat out vec3 v_dir;                   // heading direction on screen, sprite half-size

vec2 toScreen(vec2 d) {
  return vec2(d.x * u_rot.x + d.y * u_rot.y, -d.x * u_rot.y + d.y * u_rot.x);
}

void main() {
  uint st = a_style;
  if ((st & HIDDEN) != 0u) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: no fragments at all
    gl_PointSize = 0.0;
    return;
  }
  float a = a_time.y > 0.0 ? clamp((u_time - a_time.x) / a_time.y, 0.0, 1.0) : 1.0;
  vec2 px = toScreen(mix(a_move.xy, a_move.zw, a) - u_centre) / u_res;
  bool registered = (st & REGISTERED) != 0u;
  uint status = (st >> STATUS_SHIFT) & 15u;
  float r;
  float extra;
  if ((st & CLUSTER) != 0u) {
    r = min(18.0, 8.0 + 3.5 * log(max(1.0, a_time.z)) / log(10.0));
    extra = 1.0;
    v_fill = vec3(0.086, 0.141, 0.220);
    v_ring = vec3(0.561, 0.702, 0.878);
    v_shape = vec4(r, 2.0, 0.9, float(st >> 9u));
  } else {
    r = registered ? (status == 0u ? 6.5 : 7.5) : 6.0;
    // The sprite is only as big as what this symbol draws: overdraw is the cost on software GL.
    extra = (st & SELECTED) != 0u ? 6.5 : (st & HOVER) != 0u ? 4.5 : (st & HAS_HEADING) != 0u ? 5.5 : 1.5;
    v_fill = registered ? u_agency[st & 31u] : vec3(0.043, 0.067, 0.106);
    v_ring = registered ? u_status[status] : vec3(0.541, 0.580, 0.651);
    v_shape = vec4(r, registered ? (status == 0u ? 1.5 : 3.0) : 2.0, registered ? 1.0 : 0.6, float(st >> 9u));
  }
  v_dir = vec3(toScreen(vec2(sin(a_time.z), cos(a_time.z))), r + extra);
  gl_PointSize = 2.0 * (r + extra) * u_pixelRatio;
  gl_Position = vec4(px / u_half, 0.0, 1.0);
}
`;

export const UNIT_FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
${defines}
flat in vec3 v_fill;
flat in vec3 v_ring;
flat in vec4 v_shape;
flat in vec3 v_dir;
uniform float u_pixelRatio;
out vec4 outColor;

// Coverage of a disc of radius r at distance d, antialiased over one device pixel.
float disc(float d, float r) { return clamp((r - d) * u_pixelRatio + 0.5, 0.0, 1.0); }
// Premultiplied "over".
vec4 over(vec4 under, vec3 rgb, float a) { return vec4(rgb * a, a) + under * (1.0 - a); }

void main() {
  // gl_PointCoord runs 0..1 with y down; symbols are drawn in CSS pixels with y up.
  vec2 local = (gl_PointCoord * 2.0 - 1.0) * v_dir.z * vec2(1.0, -1.0);
  float d = length(local);
  float r = v_shape.x;
  uint flags = uint(v_shape.w) << 9u;
  vec4 c = vec4(0.0);
  if ((flags & CLUSTER) != 0u) {
    c = over(c, v_fill, v_shape.z * disc(d, r));
    c = over(c, v_ring, disc(d, r) - disc(d, r - v_shape.y));
    outColor = c;
    return;
  }
  if ((flags & SELECTED) != 0u) {
    c = over(c, vec3(0.298, 0.765, 1.0), 0.28 * disc(d, r + 6.0));
    c = over(c, vec3(0.298, 0.765, 1.0), disc(d, r + 5.5) - disc(d, r + 3.0));
  } else if ((flags & HOVER) != 0u) {
    c = over(c, vec3(1.0), 0.85 * (disc(d, r + 3.8) - disc(d, r + 2.2)));
  }
  // A dark rim keeps light symbols apart from each other and from light roads.
  c = over(c, vec3(0.043, 0.067, 0.106), 0.85 * disc(d, r + 1.0));
  if ((flags & HAS_HEADING) != 0u) {
    float along = dot(local, v_dir.xy);
    float across = abs(local.x * v_dir.y - local.y * v_dir.x);
    float tip = r + 5.0;
    float inside = clamp(min(tip - along, (tip - along) * 0.6 - across) * u_pixelRatio + 0.5, 0.0, 1.0);
    c = over(c, vec3(0.933, 0.953, 0.980), along > r - 1.0 ? inside : 0.0);
  }
  c = over(c, v_ring, disc(d, r));
  c = over(c, v_fill, v_shape.z * disc(d, r - v_shape.y));
  outColor = c;
}
`;

/** Textured quads in CSS pixels from the top left: text from the atlas. */
export const SPRITE_VERTEX = `#version 300 es
precision highp float;
layout(location = 0) in vec4 a_quad;   // x, y (CSS px), u, v
uniform vec2 u_size;                   // viewport, CSS pixels
out vec2 v_uv;
void main() {
  v_uv = a_quad.zw;
  gl_Position = vec4(a_quad.x / u_size.x * 2.0 - 1.0, 1.0 - a_quad.y / u_size.y * 2.0, 0.0, 1.0);
}
`;

export const SPRITE_FRAGMENT = `#version 300 es
precision highp float;
in vec2 v_uv;
uniform sampler2D u_tex;
out vec4 outColor;
void main() {
  outColor = texture(u_tex, v_uv);  // premultiplied (uploaded with UNPACK_PREMULTIPLY_ALPHA)
}
`;
