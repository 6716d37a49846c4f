/**
 * Fills a panorama store with `n` random entities over the training city, written straight into
 * the entities table (as the projection of entity.saved would) so that a test or bench of the
 * spatial queries does not spend minutes appending events. Deterministic for a given seed.
 */
import { ENTITY_KINDS, type EntityKind } from '../../shared/panorama/model';
import type { TestPanorama } from './panorama';

export const CITY_BBOX = [104.32654, 31.080428, 104.47346, 31.179572] as const;

export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fillEntities(p: TestPanorama, n: number, seed = 7): void {
  const rnd = seeded(seed);
  const [w, s, e, nn] = CITY_BBOX;
  const ins = p.store.db.prepare(
    `INSERT INTO entities (id, kind, name, lat, lon, area, address, props, personal, camera, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, NULL, '', ?, ?, ?, 0, 0, 'bench')`,
  );
  const kinds: EntityKind[] = [...ENTITY_KINDS, 'hydrant', 'hydrant', 'hydrant', 'camera', 'vulnerable_resident'];
  p.store.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const kind = kinds[Math.floor(rnd() * kinds.length)];
      const camera = kind === 'camera' ? JSON.stringify({ direction: Math.floor(rnd() * 360), angle: 90, rangeM: 150, streamKind: 'snapshot', streamUrl: 'http://10.0.0.1/s.jpg' }) : null;
      const personal = kind === 'vulnerable_resident' ? JSON.stringify({ phone: '13800000000' }) : null;
      ins.run(`X-${i}`, kind, `${kind} ${i}`, s + rnd() * (nn - s), w + rnd() * (e - w), JSON.stringify({ n: i }), personal, camera);
    }
  })();
  p.service.entities.reindex();
}

export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
