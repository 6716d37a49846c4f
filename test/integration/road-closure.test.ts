/**
 * A road closure changes the recommendation: Chengdong Bridge is closed by a CAP alert (category
 * Transport, response Avoid, a 200 m circle, as the drill engine and traffic police send it); for a
 * fire 440 m north of the bridge, the two engines that would come across it are no longer
 * recommended, the next ones drive round, and no routed ETA gets shorter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { capXml, closureAlert } from '../../electron/sim/drill-engine';
import type { ApiInput, ApiName, ApiResults } from '../../shared/api';
import type { RecommendationView } from '../../shared/model';
import { startTestCore } from '../helpers/core';

const ctx = { actor: 'dispatcher-li', consoleId: 'ws-3', role: 'supervisor' as const };
let core: Core;
const call = <K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResults[K]> => core.call(name, input, ctx, 'test') as Promise<ApiResults[K]>;

/** Chengdong Bridge in the training city (resources/map/training-city.geojson). */
const BRIDGE = { lat: 31.11681, lon: 104.388456 };

beforeAll(async () => {
  core = await startTestCore();
});
afterAll(async () => {
  await core.close();
});

const engines = (r: RecommendationView): { unitId: string; etaS: number }[] => r.slots.find((s) => s.unitType === 'engine')?.picks.map((p) => ({ unitId: p.unitId, etaS: p.etaS })) ?? [];

describe('road closures and routed ETAs', () => {
  it('stops recommending units that would cross a closed bridge; the others drive round it', async () => {
    const { incident, recommendation: open } = await call('incidents.create', { type: 'structure_fire', lat: BRIDGE.lat + 0.004, lon: BRIDGE.lon });
    const across = engines(open).map((p) => p.unitId);
    expect(across).toEqual(['F-111', 'F-112']);

    const closure = closureAlert({ place: BRIDGE, radiusM: 200, name: { zh: '城东桥封闭', en: 'Chengdong Bridge closed' } });
    const { warnings } = await call('alerts.importCap', { xml: capXml('road-test', 0, closure, BRIDGE, Date.now(), { category: 'Transport', responseType: 'Avoid' }) });
    expect(warnings.map((w) => w.closesRoads)).toEqual([true]);

    const closed = await call('incidents.recommend', { incidentId: incident.id });
    const now = engines(closed);
    expect(now).toHaveLength(2);
    for (const id of across) expect(now.map((p) => p.unitId)).not.toContain(id);
    expect(Math.min(...now.map((p) => p.etaS))).toBeGreaterThan(Math.max(...engines(open).map((p) => p.etaS)));
    // Slots that did not need the bridge keep their picks and times.
    const other = (r: RecommendationView) => r.slots.filter((s) => s.unitType !== 'engine').map((s) => s.picks.map((p) => [p.unitId, p.etaS]));
    for (const [i, picks] of other(closed).entries()) for (const [j, [, eta]] of picks.entries()) expect(eta).toBeGreaterThanOrEqual(other(open)[i][j][1] as number);
  });
});
