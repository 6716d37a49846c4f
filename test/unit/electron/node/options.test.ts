import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreConfig, parseHostOptions, UsageError } from '../../../../electron/node/options';

describe('host options: maps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qx-opt-'));
  const a = join(dir, 'city.mbtiles');
  const b = join(dir, 'layer.geojson');
  writeFileSync(a, '');
  writeFileSync(b, '{}');

  it('takes --map repeatedly, as absolute paths, and no online source by default', () => {
    const o = parseHostOptions(['--map', a, `--map=${b}`], {});
    expect(o.maps).toEqual([a, b]);
    expect(o.onlineTiles).toBeUndefined();
    expect(parseHostOptions([], {}).maps).toEqual([]);
  });

  it('refuses other extensions and missing files with the reason', () => {
    expect(() => parseHostOptions(['--map', join(dir, 'x.tif')], {})).toThrow(/\.mbtiles, \.pmtiles or \.geojson/);
    expect(() => parseHostOptions(['--map', join(dir, 'missing.pmtiles')], {})).toThrow(UsageError);
  });

  it('takes an online XYZ/WMTS template only with its placeholders', () => {
    expect(parseHostOptions(['--online-tiles', 'http://tiles.lan/{z}/{x}/{y}.png'], {}).onlineTiles).toBe('http://tiles.lan/{z}/{x}/{y}.png');
    expect(() => parseHostOptions(['--online-tiles', 'http://tiles.lan/tile.png'], {})).toThrow(/\{z\}/);
    expect(() => parseHostOptions(['--online-tiles', 'file:///etc/{z}'], {})).toThrow(UsageError);
  });
});

describe('host options: the field link thread', () => {
  it('runs the field link on its own thread unless QX_FIELD_THREAD says 0, and passes that to the core', () => {
    expect(parseHostOptions([], {}).fieldThread).toBe(true);
    expect(parseHostOptions([], { QX_FIELD_THREAD: '1' }).fieldThread).toBe(true);
    expect(parseHostOptions([], { QX_FIELD_THREAD: '0' }).fieldThread).toBe(false);
    expect(parseHostOptions([], { QX_FIELD_THREAD: ' Off ' }).fieldThread).toBe(false);
    expect(coreConfig(parseHostOptions([], { QX_FIELD_THREAD: '0' }), '/data', '/res').fieldThread).toBe(false);
  });

  it('refuses anything else with the reason', () => {
    expect(() => parseHostOptions([], { QX_FIELD_THREAD: 'maybe' })).toThrow(/QX_FIELD_THREAD must be 1 or 0, not "maybe"/);
  });
});
