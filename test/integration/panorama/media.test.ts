/** Tiles, camera feeds and the map list over the web host, against a local camera server. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import type { CallContext } from '../../../shared/api';
import type { EntityView, MapInfo } from '../../../shared/panorama/api';
import { startCameraServer, type CameraServer } from '../../helpers/camera-server';
import { startTestCore } from '../../helpers/core';
import { fakePng, writeMbtiles } from '../../helpers/tiles';

const TOKEN = 'panorama-media-token';
const ctx: CallContext = { actor: 'dispatcher', consoleId: 'test', role: 'dispatcher' };

describe('panorama media over the web host', () => {
  let core: Core;
  let web: WebHost;
  let cam: CameraServer;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qx-media-'));
    const mb = join(dir, 'linjiang.mbtiles');
    writeMbtiles(mb, 'png', [{ z: 12, x: 3236, y: 1690, data: fakePng('12/3236/1690') }]);
    core = await startTestCore({ maps: [mb] });
    web = await startWebHost({ core, token: TOKEN, host: '127.0.0.1', port: 0, rendererDir: '/nonexistent' });
    cam = await startCameraServer();
  });
  afterAll(async () => {
    await cam.close();
    await web.close();
    await core.close();
  });

  const camera = async (id: string, streamKind: 'mjpeg' | 'snapshot' | 'hls', path: string): Promise<EntityView> =>
    (await core.call('entities.create', { id, kind: 'camera', name: id, lat: 31.13, lon: 104.4, camera: { direction: 0, angle: 90, rangeM: 100, streamKind, streamUrl: `${cam.url}${path}` } }, ctx, 'test')) as EntityView;

  it('lists the maps (GET /api/maps with the token) and serves their tiles only with the signed key', async () => {
    const res = await fetch(`${web.url}/api/maps`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const { maps } = (await res.json()) as { maps: MapInfo[] };
    expect(maps.map((m) => [m.id, m.format, m.source])).toEqual([
      ['training-city', 'geojson', 'default'],
      ['linjiang', 'mbtiles', 'start'],
    ]);
    expect((await fetch(`${web.url}/api/maps`)).status).toBe(401);
    const mb = maps[1];
    const tile = await fetch(`${web.url}/${mb.url.replace('{z}/{x}/{y}', '12/3236/1690')}`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await tile.arrayBuffer()).toString('latin1')).toContain('12/3236/1690');
    expect((await fetch(`${web.url}/${mb.url.replace('{z}/{x}/{y}', '12/3236/1691')}`)).status).toBe(204);
    expect((await fetch(`${web.url}/tiles/linjiang/12/3236/1690`)).status).toBe(403);
    const other = maps[0].url.slice(maps[0].url.indexOf('?'));
    expect((await fetch(`${web.url}/tiles/linjiang/12/3236/1690${other}`)).status).toBe(403);
    const city = await fetch(`${web.url}/${maps[0].url}`);
    expect(city.headers.get('content-type')).toBe('application/geo+json');
    expect(((await city.json()) as { features: unknown[] }).features.length).toBeGreaterThan(100);
  });

  it('relays a snapshot and an MJPEG stream from a LAN camera, and lets go of the camera when the viewer leaves', async () => {
    const snap = await camera('CAM-S', 'snapshot', '/snapshot.jpg');
    expect(snap.camera?.feedPath).toMatch(/^media\/cameras\/CAM-S\/feed\?exp=\d+&sig=/);
    expect(JSON.stringify(snap)).not.toContain(cam.url); // the camera's own URL never reaches the renderer
    const s = await fetch(`${web.url}/${snap.camera?.feedPath ?? ''}`);
    expect(s.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await s.arrayBuffer()).toString('latin1')).toContain('frame-0');

    const mj = await camera('CAM-M', 'mjpeg', '/video.mjpg');
    const feed = (await core.call('cameras.feed', { cameraId: 'CAM-M' }, ctx, 'test')) as { feedPath: string };
    const ac = new AbortController();
    const m = await fetch(`${web.url}/${feed.feedPath}`, { signal: ac.signal });
    expect(m.headers.get('content-type')).toMatch(/^multipart\/x-mixed-replace/);
    const reader = m.body?.getReader();
    let text = '';
    while (reader && !/frame-3/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('latin1');
    }
    expect(text).toMatch(/--qxframe[\s\S]*frame-1[\s\S]*frame-2[\s\S]*frame-3/);
    expect(cam.viewers()).toBe(1);
    ac.abort();
    await expect.poll(() => cam.viewers(), { timeout: 5000 }).toBe(0);
    expect(mj.camera?.streamKind).toBe('mjpeg');
  });

  it('rewrites HLS playlists to signed paths on the camera host and refuses other hosts and non-media answers', async () => {
    const h = await camera('CAM-H', 'hls', '/live.m3u8');
    const pl = await fetch(`${web.url}/${h.camera?.feedPath ?? ''}`);
    const text = await pl.text();
    const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toMatch(/^\/media\/cameras\/CAM-H\/hls\/.+\?exp=\d+&sig=/);
    const seg = await fetch(`${web.url}${lines[0]}`);
    expect(await seg.text()).toBe('G-segment');
    expect((await fetch(`${web.url}${lines[1]}`)).status).toBe(403); // a segment on another host
    const html = await camera('CAM-X', 'snapshot', '/page.html');
    const r = await fetch(`${web.url}/${html.camera?.feedPath ?? ''}`);
    expect(r.status).toBe(502);
    expect(await r.text()).toMatch(/text\/html.*not a picture/);
    expect((await fetch(`${web.url}/media/cameras/CAM-S/feed`)).status).toBe(403);
    const unsigned = (h.camera?.feedPath ?? '').replace('CAM-H', 'CAM-S');
    expect((await fetch(`${web.url}/${unsigned}`)).status).toBe(403);
  });
});
