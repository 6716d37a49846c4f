/**
 * Writes small MBTiles and PMTiles v3 files for tests (the formats' own layouts, no tools), and
 * makes their tiles: solid-colour PNGs over the training city, so a test can tell on screen that
 * the basemap came from the file.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface TestTile {
  readonly z: number;
  readonly x: number;
  /** XYZ numbering (from the top). */
  readonly y: number;
  readonly data: Buffer;
}

export function writeMbtiles(file: string, format: string, tiles: readonly TestTile[], meta: Record<string, string> = {}): void {
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  const m = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of Object.entries({ name: 'test', format, ...meta })) m.run(k, v);
  // MBTiles rows are TMS: flipped.
  const t = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (const tile of tiles) t.run(tile.z, tile.x, 2 ** tile.z - 1 - tile.y, tile.data);
  db.close();
}

function varint(n: number, out: number[]): void {
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

const TYPE = { pbf: 1, png: 2, jpg: 3, webp: 4 } as const;

/** A PMTiles v3 archive with one root directory, no compression. */
export function writePmtiles(file: string, type: keyof typeof TYPE, tiles: readonly TestTile[], meta: Record<string, unknown> = {}, bounds = [104.3, 31.0, 104.5, 31.2]): void {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  const dir: number[] = [];
  varint(entries.length, dir);
  let last = 0;
  for (const e of entries) {
    varint(e.id - last, dir);
    last = e.id;
  }
  for (let i = 0; i < entries.length; i++) varint(1, dir);
  for (const e of entries) varint(e.data.length, dir);
  let offset = 0;
  entries.forEach((e, i) => {
    varint(i === 0 ? offset + 1 : 0, dir);
    offset += e.data.length;
  });
  const root = Buffer.from(dir);
  const metadata = Buffer.from(JSON.stringify(meta));
  const data = Buffer.concat(entries.map((e) => e.data));
  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'latin1');
  h.writeUInt8(3, 7);
  const u64 = (off: number, v: number): void => void h.writeBigUInt64LE(BigInt(v), off);
  u64(8, 127);
  u64(16, root.length);
  u64(24, 127 + root.length);
  u64(32, metadata.length);
  u64(40, 0);
  u64(48, 0);
  u64(56, 127 + root.length + metadata.length);
  u64(64, data.length);
  u64(72, entries.length);
  u64(80, entries.length);
  u64(88, entries.length);
  h.writeUInt8(1, 96);
  h.writeUInt8(1, 97); // internal compression: none
  h.writeUInt8(1, 98); // tile compression: none
  h.writeUInt8(TYPE[type], 99);
  h.writeUInt8(Math.min(...tiles.map((t) => t.z)), 100);
  h.writeUInt8(Math.max(...tiles.map((t) => t.z)), 101);
  h.writeInt32LE(Math.round(bounds[0] * 1e7), 102);
  h.writeInt32LE(Math.round(bounds[1] * 1e7), 106);
  h.writeInt32LE(Math.round(bounds[2] * 1e7), 110);
  h.writeInt32LE(Math.round(bounds[3] * 1e7), 114);
  writeFileSync(file, Buffer.concat([h, root, metadata, data]));
}

/** A tiny valid PNG-looking payload tagged with its tile, so a wrong tile is visible in a test. */
export const fakePng = (tag: string): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tag)]);

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

/** Tiles of `data` covering [w, s, e, n] at zooms min..max, for the writers above. */
export function tilesOver(bounds: readonly [number, number, number, number], zooms: readonly [number, number], data: Buffer): TestTile[] {
  const out: TestTile[] = [];
  for (let z = zooms[0]; z <= zooms[1]; z++) {
    const [x0, y0] = tileOf(bounds[0], bounds[3], z);
    const [x1, y1] = tileOf(bounds[2], bounds[1], z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push({ z, x, y, data });
  }
  return out;
}
