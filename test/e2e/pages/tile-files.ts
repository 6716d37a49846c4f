/**
 * Offline map files for tests, made in the test: an MBTiles (SQLite) of solid-colour PNG tiles
 * over the training city, so a test can tell on screen that the basemap came from the file.
 */
import Database from 'better-sqlite3';
import { crc32, deflateSync } from 'node:zlib';

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

/** Writes an MBTiles file of `colour` tiles covering [w, s, e, n] at zooms min..max. */
export function writeMbtiles(path: string, name: string, bounds: readonly [number, number, number, number], zooms: readonly [number, number], colour: readonly [number, number, number]): number {
  const db = new Database(path);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of Object.entries({ name, format: 'png', bounds: bounds.join(','), minzoom: String(zooms[0]), maxzoom: String(zooms[1]), type: 'baselayer' })) meta.run(k, v);
  const png = solidPng(colour);
  const put = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  let n = 0;
  db.transaction(() => {
    for (let z = zooms[0]; z <= zooms[1]; z++) {
      const [x0, y0] = tileOf(bounds[0], bounds[3], z);
      const [x1, y1] = tileOf(bounds[2], bounds[1], z);
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          put.run(z, x, 2 ** z - 1 - y, png); // MBTiles rows count from the bottom (TMS)
          n += 1;
        }
    }
  })();
  db.close();
  return n;
}
