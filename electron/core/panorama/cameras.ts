/**
 * Camera feeds through the console. The renderer never loads a camera's URL itself (its CSP allows
 * only its own origin, and stream URLs may carry credentials): the API hands out a signed,
 * short-lived same-origin path, and the console fetches the camera (on the LAN) and relays the
 * answer — an MJPEG stream, a snapshot image or an HLS playlist (its segment URIs rewritten to
 * signed paths on the same camera host). Only picture and video types are relayed, never HTML or
 * SVG. WebRTC cannot be relayed this way: such a camera's signalling page is given as `external`.
 */
import type { CameraInput } from '../../../shared/panorama/api.js';
import type { CameraInfo } from '../../../shared/panorama/model.js';
import type { UrlSigner } from './signer.js';

export const FEED_TTL_MS = 10 * 60_000;
const MAX_SNAPSHOT_BYTES = 10 * 1024 * 1024;

const RELAYED = /^(image\/(jpeg|png|webp|gif)|multipart\/x-mixed-replace|application\/(vnd\.apple\.mpegurl|x-mpegurl)|video\/(mp2t|mp4|iso\.segment)|audio\/(aac|mp4))\b/i;
const PLAYLIST = /^application\/(vnd\.apple\.mpegurl|x-mpegurl)/i;

export function cameraInfo(signer: UrlSigner, id: string, cam: CameraInput): CameraInfo {
  const { direction, angle, rangeM, streamKind } = cam;
  if (streamKind === 'webrtc') return { direction, angle, rangeM, streamKind, feedPath: null, external: cam.streamUrl };
  const scope = `media/cameras/${id}/`;
  return { direction, angle, rangeM, streamKind, feedPath: signer.sign(scope, FEED_TTL_MS).replace('?', 'feed?'), external: null };
}

export interface MediaResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** A whole body, or a stream (MJPEG) the caller pipes and cancels when the viewer leaves. */
  readonly body: Buffer | ReadableStream<Uint8Array>;
  readonly abort?: () => void;
}

export const mediaError = (status: number, message: string): MediaResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: Buffer.from(message),
});

/**
 * Relays `target` (the camera's URL, or for HLS a segment on the same origin). `rest` is what
 * followed `media/cameras/{id}/`: `feed`, or `hls/<encoded URI>` for HLS segments and playlists.
 */
export async function relayCamera(cam: CameraInput, id: string, rest: string, signer: UrlSigner): Promise<MediaResponse> {
  let target: URL;
  const base = new URL(cam.streamUrl);
  if (rest === 'feed') target = base;
  else if (rest.startsWith('hls/') && cam.streamKind === 'hls') {
    try {
      target = new URL(decodeURIComponent(rest.slice(4)), base);
    } catch {
      return mediaError(400, 'bad segment');
    }
    // Never a way to reach another host through the console.
    if (target.origin !== base.origin) return mediaError(403, 'segment on another host');
  } else return mediaError(404, 'not found');
  if (cam.streamKind === 'webrtc' || !/^https?:$/.test(target.protocol)) return mediaError(404, 'this camera is not relayed');

  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 10_000);
  let res: Response;
  try {
    res = await fetch(target, { signal: ctl.signal, redirect: 'error' });
  } catch (e) {
    clearTimeout(timer);
    return mediaError(502, `camera unreachable: ${(e as Error).message}`);
  }
  clearTimeout(timer);
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || !res.body) {
    ctl.abort();
    return mediaError(502, `camera answered ${res.status}`);
  }
  if (!RELAYED.test(type)) {
    ctl.abort();
    return mediaError(502, `camera sent ${type || 'no content type'}, not a picture or video`);
  }
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'" };
  if (PLAYLIST.test(type)) {
    const text = await res.text();
    const signed = signer.sign(`media/cameras/${id}/`, FEED_TTL_MS);
    const query = signed.slice(signed.indexOf('?'));
    const base2 = target;
    const rewritten = text
      .split(/\r?\n/)
      .map((line) => {
        if (line === '' || line.startsWith('#')) return line;
        const abs = new URL(line, base2).href;
        return `/media/cameras/${id}/hls/${encodeURIComponent(abs)}${query}`;
      })
      .join('\n');
    return { status: 200, headers, body: Buffer.from(rewritten) };
  }
  if (/^image\//i.test(type)) {
    const data = Buffer.from(await res.arrayBuffer());
    if (data.byteLength > MAX_SNAPSHOT_BYTES) return mediaError(502, 'snapshot too large');
    return { status: 200, headers, body: data };
  }
  return { status: 200, headers, body: res.body, abort: () => ctl.abort() };
}
