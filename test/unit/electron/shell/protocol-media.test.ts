import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { panoramaMedia } from '../../../../electron/core/panorama/http.js';
import { serveAppAndMedia, type MediaSource } from '../../../../electron/shell/protocol.js';
import { testPanorama } from '../../../helpers/panorama.js';
import { fakePng, writeMbtiles } from '../../../helpers/tiles.js';

describe('app:// with the panorama paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qx-app-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>qx</title>');

  it('serves map tiles through the core with the signed key, the page otherwise, and says so while the core starts', async () => {
    const file = join(dir, 'hall.mbtiles');
    writeMbtiles(file, 'jpg', [{ z: 3, x: 6, y: 3, data: fakePng('3/6/3') }]);
    const p = await testPanorama();
    const info = await p.service.maps.open(file, 'start');
    const media: MediaSource = (path, q) => panoramaMedia(p.service, path, q);
    const tile = await serveAppAndMedia(dir, new Request(`app://console/${info.url.replace('{z}/{x}/{y}', '3/6/3')}`), media);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await tile.arrayBuffer()).toString('latin1')).toContain('3/6/3');
    expect((await serveAppAndMedia(dir, new Request(`app://console/${info.url.replace('{z}/{x}/{y}', '3/6/4')}`), media)).status).toBe(204);
    expect((await serveAppAndMedia(dir, new Request('app://console/tiles/hall/3/6/3'), media)).status).toBe(403);
    expect((await serveAppAndMedia(dir, new Request('app://console/tiles/hall/3/6/3'), null)).status).toBe(503);
    const page = await serveAppAndMedia(dir, new Request('app://console/wall/map'), media);
    expect(await page.text()).toContain('<title>qx</title>');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });
});
