/** The training city as a drill needs it: block centres by id (scenario places) and the names a scenario may use. */
import type { Place } from '../../../shared/drills/scenario.js';
import { parseJsonStrict } from '../../../shared/schemas/common.js';
import { readTextFile } from '../resources.js';

export interface Block {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly lat: number;
  readonly lon: number;
}

interface Feature {
  readonly properties?: Readonly<Record<string, unknown>> | null;
  readonly geometry?: { readonly type: string; readonly coordinates?: unknown } | null;
}

/** Blocks of a map file (layer "block", polygons): their bounding-box centres. */
export function loadBlocks(mapFile: string): Map<string, Block> {
  const data = parseJsonStrict(readTextFile(mapFile), 64) as { features?: readonly Feature[] };
  const out = new Map<string, Block>();
  for (const f of data.features ?? []) {
    const p = f.properties ?? {};
    if (p.layer !== 'block' || typeof p.id !== 'string' || f.geometry?.type !== 'Polygon') continue;
    const ring = (f.geometry.coordinates as number[][][] | undefined)?.[0] ?? [];
    if (ring.length === 0) continue;
    const lons = ring.map((c) => c[0]);
    const lats = ring.map((c) => c[1]);
    out.set(p.id, {
      id: p.id,
      name: typeof p.name === 'string' ? p.name : p.id,
      nameEn: typeof p.nameEn === 'string' ? p.nameEn : p.id,
      lat: round((Math.min(...lats) + Math.max(...lats)) / 2),
      lon: round((Math.min(...lons) + Math.max(...lons)) / 2),
    });
  }
  return out;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A scenario place as coordinates (blocks were checked when the scenario was loaded). */
export function placePoint(p: Place, blocks: ReadonlyMap<string, Block>): { lat: number; lon: number } {
  if ('lat' in p) return { lat: p.lat, lon: p.lon };
  const b = blocks.get(p.block);
  if (!b) throw new Error(`no block ${p.block}`);
  return { lat: b.lat, lon: b.lon };
}
