/** Around a point on the default training-city data, through the core's API with roles. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { CallContext } from '../../../shared/api';
import type { AroundView } from '../../../shared/panorama/api';
import { join } from 'node:path';
import { RESOURCES, startTestCore } from '../../helpers/core';

const dispatcher: CallContext = { actor: 'dispatcher', consoleId: 'test', role: 'dispatcher' };
const wall: CallContext = { actor: 'wall', consoleId: 'test', role: 'wall' };

describe('panorama.around on the training city', () => {
  let core: Core;
  beforeAll(async () => {
    core = await startTestCore({ panoramaData: join(RESOURCES, 'panorama', 'training-city.geojson') });
  }, 60_000);
  afterAll(async () => core.close());

  it('loads the default panorama data once, as events', () => {
    expect(core.panorama.entities.count).toBeGreaterThan(3000);
    const n = core.store.db.prepare("SELECT COUNT(*) FROM events WHERE type = 'entity.saved'").pluck().get() as number;
    expect(n).toBe(core.panorama.entities.count);
  });

  it('answers for a new incident: hydrants, cameras, places, its grid cell and grid worker; residents only for dispatchers', async () => {
    const hydrant = core.panorama.entities.all().find((e) => e.kind === 'hydrant');
    if (!hydrant) throw new Error('no hydrant in the default data');
    const created = (await core.call('incidents.create', { type: 'structure_fire', lat: hydrant.lat + 0.0005, lon: hydrant.lon }, dispatcher, 'test')) as {
      incident: { id: string };
    };
    const a = (await core.call('panorama.around', { incidentId: created.incident.id }, dispatcher, 'test')) as AroundView;
    expect(a.hydrants.length).toBeGreaterThan(0);
    expect(a.hydrants[0].distanceM).toBeLessThanOrEqual(a.hydrants[a.hydrants.length - 1].distanceM);
    expect(a.hydrants.every((h) => h.distanceM <= a.radiusM)).toBe(true);
    expect(a.cell?.id).toMatch(/^G-\d\d-\d\d$/);
    expect(a.cell?.workerIds.length).toBeGreaterThan(0);
    expect(a.gridWorkers[0].agency).toBe('grid');
    expect(a.incidents.some((i) => i.id === created.incident.id)).toBe(false);

    const asWall = (await core.call('panorama.around', { incidentId: created.incident.id, radiusM: 2000 }, wall, 'test')) as AroundView;
    const asDispatcher = (await core.call('panorama.around', { incidentId: created.incident.id, radiusM: 2000 }, dispatcher, 'test')) as AroundView;
    expect(asDispatcher.vulnerable.length).toBeGreaterThan(0);
    expect(asDispatcher.vulnerable[0].entity.personal).not.toBeNull();
    expect(asWall.vulnerable).toEqual([]);
    expect(asWall.vulnerableCount).toBe(asDispatcher.vulnerableCount);
    expect(asWall.places.every((p) => p.entity.personal === null)).toBe(true);
  });

  it('lists past incidents at the same point', async () => {
    const p = { lat: 31.121, lon: 104.401 };
    const first = (await core.call('incidents.create', { type: 'medical', ...p, address: '幸福小区 3 栋' }, dispatcher, 'test')) as { incident: { id: string } };
    const a = (await core.call('panorama.around', p, dispatcher, 'test')) as AroundView;
    expect(a.incidents.map((i) => i.id)).toContain(first.incident.id);
  });
});
