/**
 * The panorama's same-origin HTTP paths, for the web host and the Electron app:// handler alike:
 *   /tiles/{mapId}/{z}/{x}/{y}?exp&sig      a tile of an offline map (or the online source, relayed)
 *   /tiles/{mapId}/data.geojson?exp&sig     a GeoJSON map as a whole
 *   /media/cameras/{id}/feed?exp&sig        a camera's feed, relayed (./cameras.ts)
 * The signed key comes from the API (maps.list, entity views, cameras.feed).
 */
import { mediaError, relayCamera, type MediaResponse } from './cameras.js';
import type { PanoramaService } from './service.js';

const TILE = /^\/tiles\/([A-Za-z0-9_.-]{1,64})\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})(?:\.[a-z]{3,4})?$/;
const GEOJSON = /^\/tiles\/([A-Za-z0-9_.-]{1,64})\/data\.geojson$/;
const CAMERA = /^\/media\/cameras\/([A-Za-z0-9_.-]{1,64})\/(feed|hls\/[^/]{1,4000})$/;

export const isPanoramaPath = (path: string): boolean => path.startsWith('/tiles/') || path.startsWith('/media/');

/** Answers a panorama path; null when the path is not one of them. */
export async function panoramaMedia(p: PanoramaService, path: string, query: URLSearchParams): Promise<MediaResponse | null> {
  if (!isPanoramaPath(path)) return null;
  const exp = query.get('exp');
  const sig = query.get('sig');
  let m = TILE.exec(path);
  if (m) {
    const [, mapId, z, x, y] = m;
    if (!p.maps.allowed(mapId, exp, sig)) return mediaError(403, 'missing or expired map key');
    try {
      const t = await p.maps.tile(mapId, Number(z), Number(x), Number(y));
      if (!t) return { status: 204, headers: { 'Cache-Control': 'private, max-age=3600' }, body: Buffer.alloc(0) };
      return {
        status: 200,
        headers: { 'Content-Type': t.contentType, 'Cache-Control': 'private, max-age=3600', ...(t.encoding ? { 'Content-Encoding': t.encoding } : {}) },
        body: t.data,
      };
    } catch (e) {
      return mediaError(502, `tile unavailable: ${(e as Error).message}`);
    }
  }
  m = GEOJSON.exec(path);
  if (m) {
    if (!p.maps.allowed(m[1], exp, sig)) return mediaError(403, 'missing or expired map key');
    const data = p.maps.geojson(m[1]);
    return data ? { status: 200, headers: { 'Content-Type': 'application/geo+json', 'Cache-Control': 'private, max-age=60' }, body: data } : mediaError(404, 'no such map');
  }
  m = CAMERA.exec(path);
  if (m) {
    const [, id, rest] = m;
    if (!p.signer.verify(`media/cameras/${id}/`, exp, sig)) return mediaError(403, 'missing or expired camera key');
    const cam = p.entities.record(id)?.camera;
    if (!cam) return mediaError(404, 'no such camera');
    return relayCamera(cam, id, rest, p.signer);
  }
  return mediaError(404, 'not found');
}
