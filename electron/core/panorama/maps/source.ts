/** What every offline map source gives the tile route. */
import type { MapInfo } from '../../../../shared/panorama/model.js';

export interface Tile {
  readonly data: Buffer;
  readonly contentType: string;
  /** Set when the bytes are gzip-compressed as stored (vector tiles): sent as Content-Encoding. */
  readonly encoding: 'gzip' | null;
}

export type SourceInfo = Omit<MapInfo, 'id' | 'url' | 'source'>;

export interface TileSource {
  readonly info: SourceInfo;
  /** XYZ numbering (y from the top); null when the archive has no such tile. */
  tile(z: number, x: number, y: number): Promise<Tile | null>;
  close(): void;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/vnd.mapbox-vector-tile',
  geojson: 'application/geo+json',
};

export const isGzip = (b: Uint8Array): boolean => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Tile coordinates inside the zoom's grid. */
export const validTile = (z: number, x: number, y: number): boolean =>
  Number.isInteger(z) && z >= 0 && z <= 24 && Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z;

export class MapFileError extends Error {
  override name = 'MapFileError';
}
