/**
 * The maps the console serves: the default training-city GeoJSON, files given with --map, files
 * opened from the UI (paths on the console's machine, checked), and optionally one online XYZ/WMTS
 * source (--online-tiles) fetched by the console, so the renderer's CSP stays `'self'`.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import type { MapInfo } from '../../../../shared/panorama/model.js';
import { parseJsonStrict } from '../../../../shared/schemas/common.js';
import type { UrlSigner } from '../signer.js';
import { openMbtiles } from './mbtiles.js';
import { openPmtiles } from './pmtiles.js';
import { MapFileError, validTile, type Tile, type TileSource } from './source.js';

const MAX_GEOJSON_BYTES = 64 * 1024 * 1024;
const LINK_TTL_MS = 7 * 24 * 3_600_000;

interface Entry {
  readonly id: string;
  readonly path: string;
  readonly source: MapInfo['source'];
  readonly tiles: TileSource | null;
  readonly geojson: Buffer | null;
  readonly info: Omit<MapInfo, 'id' | 'url' | 'source'>;
}

/** Fills an online template: {z}/{x}/{y}, and WMTS's {TileMatrix}/{TileCol}/{TileRow}. */
export function fillTemplate(template: string, z: number, x: number, y: number): string {
  return template
    .replace(/\{z\}|\{TileMatrix\}/g, String(z))
    .replace(/\{x\}|\{TileCol\}/g, String(x))
    .replace(/\{y\}|\{TileRow\}/g, String(y));
}

export class MapRegistry {
  private readonly maps = new Map<string, Entry>();

  constructor(
    private readonly signer: UrlSigner,
    private readonly online: string | null = null,
    private readonly fetchOnline: (url: string) => Promise<Tile | null> = defaultFetch,
  ) {}

  /** Opens a .mbtiles, .pmtiles or .geojson file; throws MapFileError with the reason. */
  async open(path: string, source: MapInfo['source']): Promise<MapInfo> {
    if (!isAbsolute(path)) throw new MapFileError(`${path}: give an absolute path`);
    const file = resolve(path);
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new MapFileError(`${file}: not a file`);
      size = st.size;
    } catch (e) {
      if (e instanceof MapFileError) throw e;
      throw new MapFileError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    const existing = [...this.maps.values()].find((m) => m.path === file);
    if (existing) return this.view(existing);
    const ext = extname(file).toLowerCase();
    const id = this.freeId(basename(file, extname(file)));
    let entry: Entry;
    if (ext === '.mbtiles' || ext === '.pmtiles') {
      const tiles = ext === '.mbtiles' ? openMbtiles(file) : await openPmtiles(file);
      entry = { id, path: file, source, tiles, geojson: null, info: tiles.info };
    } else if (ext === '.geojson' || ext === '.json') {
      if (size > MAX_GEOJSON_BYTES) throw new MapFileError(`${basename(file)}: larger than ${MAX_GEOJSON_BYTES / 1024 / 1024} MiB`);
      const data = readFileSync(file);
      let doc: unknown;
      try {
        doc = parseJsonStrict(data.toString('utf8'), 64);
      } catch (e) {
        throw new MapFileError(`${basename(file)}: not JSON: ${(e as Error).message}`);
      }
      const d = doc as { type?: unknown; features?: unknown; name?: unknown; bbox?: unknown };
      if (d.type !== 'FeatureCollection' || !Array.isArray(d.features)) throw new MapFileError(`${basename(file)}: not a GeoJSON FeatureCollection`);
      const bbox = Array.isArray(d.bbox) && d.bbox.length === 4 && d.bbox.every((n) => typeof n === 'number') ? (d.bbox as [number, number, number, number]) : null;
      entry = {
        id, path: file, source, tiles: null, geojson: data,
        info: { name: typeof d.name === 'string' ? d.name : basename(file), format: 'geojson', type: 'geojson', bounds: bbox, minZoom: 0, maxZoom: 22, attribution: '' },
      };
    } else throw new MapFileError(`${basename(file)}: a map is a .mbtiles, .pmtiles or .geojson file`);
    this.maps.set(id, entry);
    return this.view(entry);
  }

  close(id: string): boolean {
    const m = this.maps.get(id);
    if (!m) return false;
    m.tiles?.close();
    this.maps.delete(id);
    return true;
  }

  has(id: string): boolean {
    return this.maps.has(id);
  }

  sourceOf(id: string): MapInfo['source'] | null {
    return this.maps.get(id)?.source ?? null;
  }

  list(): MapInfo[] {
    const out = [...this.maps.values()].map((m) => this.view(m));
    if (this.online)
      out.push({
        id: 'online', name: 'Online', format: 'xyz', type: 'png', bounds: null, minZoom: 0, maxZoom: 19, attribution: new URL(fillTemplate(this.online, 0, 0, 0)).host,
        url: this.signer.sign('tiles/online/', LINK_TTL_MS).replace('?', '{z}/{x}/{y}?'), source: 'online',
      });
    return out;
  }

  /** Checks the signed key of a tiles/{mapId}/ request. */
  allowed(mapId: string, exp: string | null, sig: string | null): boolean {
    return this.signer.verify(`tiles/${mapId}/`, exp, sig);
  }

  async tile(mapId: string, z: number, x: number, y: number): Promise<Tile | null> {
    if (mapId === 'online' && this.online) return validTile(z, x, y) ? this.fetchOnline(fillTemplate(this.online, z, x, y)) : null;
    return (await this.maps.get(mapId)?.tiles?.tile(z, x, y)) ?? null;
  }

  geojson(mapId: string): Buffer | null {
    return this.maps.get(mapId)?.geojson ?? null;
  }

  closeAll(): void {
    for (const id of [...this.maps.keys()]) this.close(id);
  }

  private view(m: Entry): MapInfo {
    const signed = this.signer.sign(`tiles/${m.id}/`, LINK_TTL_MS);
    const url = m.geojson ? signed.replace('?', 'data.geojson?') : signed.replace('?', '{z}/{x}/{y}?');
    return { id: m.id, ...m.info, url, source: m.source };
  }

  private freeId(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[-.]+/, '').slice(0, 48) || 'map';
    let id = clean === 'online' ? 'online-map' : clean;
    for (let i = 2; this.maps.has(id); i++) id = `${clean}-${i}`;
    return id;
  }
}

async function defaultFetch(url: string): Promise<Tile | null> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`online tiles: ${res.status}`);
  const type = res.headers.get('content-type') ?? 'image/png';
  if (!/^image\//.test(type) && !type.includes('vector-tile') && !type.includes('protobuf')) throw new Error(`online tiles: unexpected ${type}`);
  return { data: Buffer.from(await res.arrayBuffer()), contentType: type, encoding: null };
}
