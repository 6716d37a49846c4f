/**
 * PMTiles v3 through the `pmtiles` package, with a Source that reads byte ranges from the file
 * (no fetch, no network). The package decompresses tiles, so vector tiles are served plain.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import type { TileType as OurType } from '../../../../shared/panorama/model.js';
import { CONTENT_TYPES, MapFileError, validTile, type TileSource } from './source.js';

class NodeFileSource implements Source {
  private readonly size: number;
  constructor(
    private readonly fd: number,
    private readonly key: string,
  ) {
    this.size = fstatSync(fd).size;
  }
  getKey(): string {
    return this.key;
  }
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    const n = Math.max(0, Math.min(length, this.size - offset));
    const buf = Buffer.alloc(n);
    let read = 0;
    while (read < n) {
      const got = readSync(this.fd, buf, read, n - read, offset + read);
      if (got === 0) break;
      read += got;
    }
    const data = buf.buffer.slice(buf.byteOffset, buf.byteOffset + read);
    return Promise.resolve({ data });
  }
}

const TYPES: Partial<Record<TileType, OurType>> = { [TileType.Mvt]: 'pbf', [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp' };

export async function openPmtiles(file: string): Promise<TileSource> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new MapFileError(`${basename(file)}: ${(e as Error).message}`);
  }
  try {
    const archive = new PMTiles(new NodeFileSource(fd, file));
    const h = await archive.getHeader();
    const type = TYPES[h.tileType];
    if (!type) throw new MapFileError(`${basename(file)}: tile type ${h.tileType} is not mvt, png, jpg or webp`);
    const meta = (await archive.getMetadata().catch(() => ({}))) as { name?: unknown; attribution?: unknown };
    return {
      info: {
        name: typeof meta.name === 'string' ? meta.name : basename(file),
        format: 'pmtiles',
        type,
        bounds: h.minLon < h.maxLon && h.minLat < h.maxLat ? [h.minLon, h.minLat, h.maxLon, h.maxLat] : null,
        minZoom: h.minZoom,
        maxZoom: h.maxZoom,
        attribution: typeof meta.attribution === 'string' ? meta.attribution : '',
      },
      tile: async (z, x, y) => {
        if (!validTile(z, x, y)) return null;
        const r = await archive.getZxy(z, x, y);
        return r ? { data: Buffer.from(r.data), contentType: CONTENT_TYPES[type], encoding: null } : null;
      },
      close: () => closeSync(fd),
    };
  } catch (e) {
    closeSync(fd);
    if (e instanceof MapFileError) throw e;
    throw new MapFileError(`${basename(file)}: not a PMTiles v3 archive: ${(e as Error).message}`);
  }
}
