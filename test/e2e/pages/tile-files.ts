/**
 * Tiles for offline map files made in a test (written by test/helpers/tiles.ts): solid-colour PNG
 * tiles over the training city, so a test can tell on screen that the basemap came from the file.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { TestTile } from '../../helpers/tiles';

/** A 256×256 PNG of one colour. */
export function solidPng([r, g, b]: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + 256 * 3);
  for (let x = 0; x < 256; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** XYZ tile column/row of a point at zoom z. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [x, y];
}

/** Tiles of `data` covering [w, s, e, n] at zooms min..max, for test/helpers/tiles.ts writers. */
export function tilesOver(bounds: readonly [number, number, number, number], zooms: readonly [number, number], data: Buffer): TestTile[] {
  const out: TestTile[] = [];
  for (let z = zooms[0]; z <= zooms[1]; z++) {
    const [x0, y0] = tileOf(bounds[0], bounds[3], z);
    const [x1, y1] = tileOf(bounds[2], bounds[1], z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push({ z, x, y, data });
  }
  return out;
}
