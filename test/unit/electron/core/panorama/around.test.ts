import { describe, expect, it } from 'vitest';
import { distanceM } from '../../../../../shared/geo';
import type { IncidentView } from '../../../../../shared/model';
import { CITY_BBOX, fillEntities, percentile, seeded } from '../../../../helpers/many-entities';
import { ctxOf, testPanorama, unit } from '../../../../helpers/panorama';

const dispatcher = ctxOf('dispatcher');

describe('around a point', () => {
  it('answers in under 50 ms on 100,000 entities, with exactly what a full scan finds', async () => {
    const p = await testPanorama();
    fillEntities(p, 100_000);
    expect(p.service.entities.count).toBe(100_000);
    const all = p.service.entities.all();
    const rnd = seeded(11);
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const lat = CITY_BBOX[1] + rnd() * (CITY_BBOX[3] - CITY_BBOX[1]);
      const lon = CITY_BBOX[0] + rnd() * (CITY_BBOX[2] - CITY_BBOX[0]);
      const t0 = performance.now();
      const a = await p.service.handlers['panorama.around']({ lat, lon, radiusM: 500 }, dispatcher);
      times.push(performance.now() - t0);
      if (i < 5) {
        // independent check: a scan of every entity
        const hydrants = all
          .filter((e) => e.kind === 'hydrant')
          .map((e) => ({ id: e.id, d: distanceM({ lat, lon }, e) }))
          .filter((x) => x.d <= 500)
          .sort((x, y) => x.d - y.d);
        expect(a.hydrants.map((h) => h.entity.id)).toEqual(hydrants.slice(0, 20).map((h) => h.id));
        expect(a.vulnerableCount).toBe(all.filter((e) => e.kind === 'vulnerable_resident' && distanceM({ lat, lon }, e) <= 500).length);
      }
    }
    times.sort((x, y) => x - y);
    expect(percentile(times, 0.95)).toBeLessThan(50);
  }, 120_000);

  it('names the grid cell and its grid worker, cameras that see the point, warnings covering it, and past incidents', async () => {
    const p = await testPanorama({ defaults: true });
    const cam = p.service.entities.all().find((e) => e.kind === 'camera');
    if (!cam?.camera) throw new Error('no camera');
    // a point 50 m from the camera, straight along its direction
    const rad = (cam.camera.direction * Math.PI) / 180;
    const pt = { lat: cam.lat + (50 * Math.cos(rad)) / 111_320, lon: cam.lon + (50 * Math.sin(rad)) / (111_320 * Math.cos((cam.lat * Math.PI) / 180)) };
    const cell = p.service.grid.cellAt(pt.lat, pt.lon);
    if (!cell) throw new Error('no cell');
    await p.service.handlers['grid.assign']({ cellId: cell.id, workerIds: ['G-801'] }, ctxOf('supervisor'));
    p.units.set('G-801', unit('G-801', 'grid', pt.lat, pt.lon, 1, '网格员01'));
    const old: IncidentView = {
      id: '00000000-0000-4000-8000-000000000001', number: 1, type: 'medical', priority: 2, status: 'closed', lat: pt.lat, lon: pt.lon, address: '', summary: '',
      createdAt: 1, createdBy: 'x', updatedAt: 1, level: 1, disposition: 'resolved', underControlAt: null, closedAt: 2,
      times: { firstDispatchedAt: null, firstAckAt: null, firstEnRouteAt: null, firstOnSceneAt: null },
    };
    p.store.db.prepare(`INSERT INTO incidents (id, number, type, priority, status, lat, lon, address, summary, created_at, created_by, updated_at)
      VALUES (?, 1, 'medical', 2, 'closed', ?, ?, '', '', 1, 'x', 1)`).run(old.id, pt.lat, pt.lon);
    p.incidents.set(old.id, old);
    p.warnings.book.batch(() =>
      p.warnings.book.raise('geofence', { sourceRef: 'x', severity: 'severe', title: 'flood', detail: '', area: { type: 'Circle', center: [pt.lon, pt.lat], radiusM: 10 }, issuedAt: 1, effectiveAt: 1, expiresAt: null }, { actor: 'system', consoleId: 't' }),
    );
    const a = await p.service.handlers['panorama.around'](pt, dispatcher);
    expect(a.cell?.id).toBe(cell.id);
    expect(a.gridWorkers.map((u) => u.id)).toEqual(['G-801']);
    expect(a.cameras.find((c) => c.entity.id === cam.id)).toMatchObject({ sees: true });
    expect(a.cameras[0].entity.camera?.feedPath).toMatch(/^media\/cameras\/.+\/feed\?exp=/);
    expect(a.incidents.map((i) => i.id)).toEqual([old.id]);
    expect(a.warningIds).toHaveLength(1);
    expect(a.tookMs).toBeGreaterThanOrEqual(0);
    await expect(p.service.handlers['panorama.around']({ incidentId: '00000000-0000-4000-8000-000000000009' }, dispatcher)).rejects.toThrow(/no incident/);
  });
});
