/**
 * MBTiles 1.3: an SQLite file with `metadata(name, value)` and `tiles(zoom_level, tile_column,
 * tile_row, tile_data)`, rows numbered TMS-style (y from the bottom: row = 2^z − 1 − y). Opened
 * read-only; raster png/jpg/webp or vector pbf (usually gzip-compressed as stored).
 */
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { basename } from 'node:path';
import type { TileType } from '../../../../shared/panorama/model.js';
import { CONTENT_TYPES, isGzip, MapFileError, validTile, type SourceInfo, type Tile, type TileSource } from './source.js';

const FORMATS: Readonly<Record<string, TileType>> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp', pbf: 'pbf', mvt: 'pbf' };

export function openMbtiles(file: string): TileSource {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
  } catch (e) {
    throw new MapFileError(`${basename(file)}: cannot open as SQLite: ${(e as Error).message}`);
  }
  try {
    const meta = new Map((db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]));
    const type = FORMATS[(meta.get('format') ?? '').toLowerCase()];
    if (!type) throw new MapFileError(`${basename(file)}: metadata format "${meta.get('format') ?? ''}" is not png, jpg, webp or pbf`);
    const zooms = db.prepare('SELECT MIN(zoom_level) AS lo, MAX(zoom_level) AS hi FROM tiles').get() as { lo: number | null; hi: number | null };
    const num = (k: string, fallback: number): number => {
      const v = Number(meta.get(k));
      return meta.has(k) && Number.isFinite(v) ? v : fallback;
    };
    const b = (meta.get('bounds') ?? '').split(',').map(Number);
    const info: SourceInfo = {
      name: meta.get('name') ?? basename(file),
      format: 'mbtiles',
      type,
      bounds: b.length === 4 && b.every(Number.isFinite) ? [b[0], b[1], b[2], b[3]] : null,
      minZoom: num('minzoom', zooms.lo ?? 0),
      maxZoom: num('maxzoom', zooms.hi ?? 0),
      attribution: meta.get('attribution') ?? '',
    };
    const get: Statement = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
    return {
      info,
      tile: async (z, x, y) => {
        if (!validTile(z, x, y)) return null;
        const data = get.get(z, x, 2 ** z - 1 - y) as Buffer | undefined;
        if (!data) return null;
        const t: Tile = { data, contentType: CONTENT_TYPES[type], encoding: type === 'pbf' && isGzip(data) ? 'gzip' : null };
        return t;
      },
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    if (e instanceof MapFileError) throw e;
    throw new MapFileError(`${basename(file)}: not an MBTiles file: ${(e as Error).message}`);
  }
}
