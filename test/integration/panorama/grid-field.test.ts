/** A grid worker in the field over MQTT: positions make patrol coverage and geofence warnings, reports reach the intake. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { CallContext, Push } from '../../../shared/api';
import type { CellCoverage, MapInfo } from '../../../shared/panorama/api';
import { nextPush, startTestCore } from '../../helpers/core';
import { writePmtiles, fakePng } from '../../helpers/tiles';

const supervisor: CallContext = { actor: '张主任', consoleId: 'test', role: 'supervisor' };

describe('grid workers in the field', () => {
  let core: Core;
  let client: mqtt.MqttClient;
  beforeAll(async () => {
    core = await startTestCore();
    client = await mqtt.connectAsync(core.link().broker);
  });
  afterAll(async () => {
    await client.endAsync();
    await core.close();
  });

  it('a roster grid worker walking into a cell marks it visited today and, inside a closed zone, raises a geofence warning', async () => {
    const cells = (await core.call('grid.cells', {}, supervisor, 'test')) as { cells: { id: string; workerIds: string[]; area: [number, number][][] }[] };
    const cell = cells.cells.find((c) => c.workerIds.includes('G-801'));
    if (!cell) throw new Error('G-801 has no cell');
    const ring = cell.area[0];
    const p = { lat: (ring[0][1] + ring[2][1]) / 2, lon: (ring[0][0] + ring[2][0]) / 2 };
    const zone = [[p.lon - 0.001, p.lat - 0.001], [p.lon + 0.001, p.lat - 0.001], [p.lon + 0.001, p.lat + 0.001], [p.lon - 0.001, p.lat + 0.001], [p.lon - 0.001, p.lat - 0.001]];
    await core.call('geofences.save', { name: '积水封闭区', area: [zone], agencies: ['grid'] }, supervisor, 'test');
    const visited = nextPush(core, (x): x is Extract<Push, { kind: 'coverage' }> => x.kind === 'coverage' && x.cellId === cell.id);
    const warned = nextPush(core, (x): x is Extract<Push, { kind: 'warning' }> => x.kind === 'warning' && x.warning.source === 'geofence');
    await client.publishAsync('qx/v1/units/G-801/position', JSON.stringify({ ...p, ts: Date.now() }), { qos: 1 });
    expect((await visited).by).toBe('G-801');
    expect((await warned).warning).toMatchObject({ severity: 'severe', sourceRef: expect.stringMatching(/:G-801$/) as unknown });
    const cov = (await core.call('grid.coverage', {}, supervisor, 'test')) as { cells: CellCoverage[] };
    expect(cov.cells.find((c) => c.cellId === cell.id)).toMatchObject({ visited: true, by: ['G-801'] });
  });

  it("a grid worker's report arrives in the intake on the grid channel", async () => {
    const r = nextPush(core, (x): x is Extract<Push, { kind: 'report' }> => x.kind === 'report');
    await client.publishAsync(
      'qx/v1/reports/grid',
      JSON.stringify({ reportId: 'GRID-20261129-0001', category: 'hazard', text: '幸福小区 3 栋楼道堆放杂物', lat: 31.12, lon: 104.4, address: '幸福小区 3 栋', ts: Date.now() }),
      { qos: 1 },
    );
    expect((await r).report).toMatchObject({ id: 'GRID-20261129-0001', channel: 'grid' });
  });

  it('opens a map from the console by its path, checked, and reopens it after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qx-open-'));
    const file = join(dir, 'flood-2026.pmtiles');
    writePmtiles(file, 'png', [{ z: 0, x: 0, y: 0, data: fakePng('0') }]);
    const m = (await core.call('maps.open', { path: file }, supervisor, 'test')) as MapInfo;
    expect(m).toMatchObject({ id: 'flood-2026', format: 'pmtiles', source: 'ui' });
    await expect(core.call('maps.open', { path: join(dir, 'nope.pmtiles') }, supervisor, 'test')).rejects.toThrow(/no such file/);
    await expect(core.call('maps.open', { path: '/etc/passwd' }, supervisor, 'test')).rejects.toThrow(/\.mbtiles, \.pmtiles or \.geojson/);
    await expect(core.call('maps.open', { path: file }, { ...supervisor, role: 'dispatcher' }, 'test')).rejects.toThrow(/may not/);
    const dataDir = mkdtempSync(join(tmpdir(), 'qx-reopen-'));
    const a = await startTestCore({ dataDir });
    await a.call('maps.open', { path: file }, supervisor, 'test');
    await a.close();
    const b = await startTestCore({ dataDir });
    expect(((await b.call('maps.list', {}, supervisor, 'test')) as { maps: MapInfo[] }).maps.map((x) => x.id)).toContain('flood-2026');
    await b.call('maps.close', { mapId: 'flood-2026' }, supervisor, 'test');
    expect(((await b.call('maps.list', {}, supervisor, 'test')) as { maps: MapInfo[] }).maps.map((x) => x.id)).not.toContain('flood-2026');
    await b.close();
  });
});
