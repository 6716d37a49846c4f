import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MapRegistry } from '../../../../../electron/core/panorama/maps/registry';
import { UrlSigner } from '../../../../../electron/core/panorama/signer';
import { fakePng, writeMbtiles, writePmtiles } from '../../../../helpers/tiles';

const dir = mkdtempSync(join(tmpdir(), 'qx-maps-'));
const now = (): number => 1_800_000_000_000;
const query = (url: string): { exp: string | null; sig: string | null } => {
  const q = new URLSearchParams(url.slice(url.indexOf('?')));
  return { exp: q.get('exp'), sig: q.get('sig') };
};

describe('offline maps', () => {
  let reg: MapRegistry;
  afterEach(() => reg.closeAll());

  it('reads raster MBTiles with the TMS row flipped, and its metadata', async () => {
    const file = join(dir, 'city.mbtiles');
    writeMbtiles(file, 'png', [
      { z: 1, x: 0, y: 0, data: fakePng('1/0/0') },
      { z: 1, x: 1, y: 1, data: fakePng('1/1/1') },
      { z: 3, x: 6, y: 3, data: fakePng('3/6/3') },
    ], { bounds: '104.3,31.0,104.5,31.2', attribution: '© 临江测绘', minzoom: '1', maxzoom: '3' });
    reg = new MapRegistry(new UrlSigner(now));
    const info = await reg.open(file, 'start');
    expect(info).toMatchObject({ id: 'city', format: 'mbtiles', type: 'png', bounds: [104.3, 31.0, 104.5, 31.2], minZoom: 1, maxZoom: 3, attribution: '© 临江测绘', source: 'start' });
    expect(info.url).toMatch(/^tiles\/city\/\{z\}\/\{x\}\/\{y\}\?exp=\d+&sig=/);
    expect((await reg.tile('city', 3, 6, 3))?.data.toString('latin1')).toContain('3/6/3');
    expect((await reg.tile('city', 1, 1, 1))?.data.toString('latin1')).toContain('1/1/1');
    expect((await reg.tile('city', 1, 1, 1))?.contentType).toBe('image/png');
    expect(await reg.tile('city', 1, 1, 0)).toBeNull();
    expect(await reg.tile('city', 1, 5, 0)).toBeNull(); // outside the zoom's grid
    const { exp, sig } = query(info.url);
    expect(reg.allowed('city', exp, sig)).toBe(true);
    expect(reg.allowed('other', exp, sig)).toBe(false);
    expect(reg.allowed('city', exp, 'x'.repeat(32))).toBe(false);
  });

  it('serves vector MBTiles gzip-compressed as stored', async () => {
    const file = join(dir, 'vector.mbtiles');
    const pbf = Buffer.from('vector tile bytes');
    writeMbtiles(file, 'pbf', [{ z: 2, x: 3, y: 1, data: gzipSync(pbf) }]);
    reg = new MapRegistry(new UrlSigner(now));
    expect((await reg.open(file, 'ui')).type).toBe('pbf');
    const t = await reg.tile('vector', 2, 3, 1);
    expect(t?.encoding).toBe('gzip');
    expect(t?.contentType).toBe('application/vnd.mapbox-vector-tile');
    expect(gunzipSync(t?.data ?? Buffer.alloc(0))).toEqual(pbf);
  });

  it('reads PMTiles v3 archives (raster and vector) by byte ranges from the file', async () => {
    const raster = join(dir, 'raster.pmtiles');
    writePmtiles(raster, 'png', [
      { z: 0, x: 0, y: 0, data: fakePng('0/0/0') },
      { z: 2, x: 1, y: 2, data: fakePng('2/1/2') },
      { z: 2, x: 3, y: 3, data: fakePng('2/3/3') },
    ], { name: '临江影像', attribution: 'test' });
    const vector = join(dir, 'roads.pmtiles');
    writePmtiles(vector, 'pbf', [{ z: 5, x: 10, y: 12, data: Buffer.from('mvt') }]);
    reg = new MapRegistry(new UrlSigner(now));
    const a = await reg.open(raster, 'start');
    expect(a).toMatchObject({ id: 'raster', name: '临江影像', format: 'pmtiles', type: 'png', minZoom: 0, maxZoom: 2, attribution: 'test' });
    expect(a.bounds?.[0]).toBeCloseTo(104.3, 5);
    expect((await reg.tile('raster', 2, 1, 2))?.data.toString('latin1')).toContain('2/1/2');
    expect((await reg.tile('raster', 2, 3, 3))?.data.toString('latin1')).toContain('2/3/3');
    expect(await reg.tile('raster', 2, 0, 0)).toBeNull();
    expect((await reg.open(vector, 'start')).type).toBe('pbf');
    expect((await reg.tile('roads', 5, 10, 12))?.data.toString()).toBe('mvt');
  });

  it('opens GeoJSON layers whole, and refuses what is not a map with the reason', async () => {
    const layer = join(dir, 'layer.geojson');
    writeFileSync(layer, JSON.stringify({ type: 'FeatureCollection', name: '积水点', features: [] }));
    reg = new MapRegistry(new UrlSigner(now));
    const g = await reg.open(layer, 'ui');
    expect(g).toMatchObject({ format: 'geojson', type: 'geojson', name: '积水点' });
    expect(g.url).toMatch(/^tiles\/layer\/data\.geojson\?exp=/);
    expect(reg.geojson('layer')?.toString()).toContain('积水点');
    // the same file again is the same map
    expect((await reg.open(layer, 'ui')).id).toBe('layer');

    const bad = join(dir, 'bad.mbtiles');
    writeFileSync(bad, 'not sqlite');
    await expect(reg.open(bad, 'ui')).rejects.toThrow(/bad\.mbtiles/);
    const notPm = join(dir, 'bad.pmtiles');
    writeFileSync(notPm, Buffer.alloc(200));
    await expect(reg.open(notPm, 'ui')).rejects.toThrow(/not a PMTiles v3 archive/);
    await expect(reg.open('relative/city.mbtiles', 'ui')).rejects.toThrow(/absolute/);
    await expect(reg.open(join(dir, 'none.pmtiles'), 'ui')).rejects.toThrow(/no such file/);
    const notFc = join(dir, 'point.geojson');
    writeFileSync(notFc, '{"type":"Point","coordinates":[1,2]}');
    await expect(reg.open(notFc, 'ui')).rejects.toThrow(/FeatureCollection/);
  });

  it('relays an online source only when configured, through a signed same-origin template', async () => {
    const asked: string[] = [];
    reg = new MapRegistry(new UrlSigner(now), 'http://tiles.lan/wmts/{TileMatrix}/{TileCol}/{TileRow}.png', async (url) => {
      asked.push(url);
      return { data: fakePng(url), contentType: 'image/png', encoding: null };
    });
    const online = reg.list().find((m) => m.source === 'online');
    expect(online?.url).toMatch(/^tiles\/online\/\{z\}\/\{x\}\/\{y\}\?exp=/);
    await reg.tile('online', 4, 5, 6);
    expect(asked).toEqual(['http://tiles.lan/wmts/4/5/6.png']);
    expect(new MapRegistry(new UrlSigner(now)).list()).toEqual([]);
  });
});
