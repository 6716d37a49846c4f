import { describe, expect, it } from 'vitest';
import type { WarningView } from '../../../../../shared/model';
import { ctxOf, testPanorama, unit } from '../../../../helpers/panorama';

const supervisor = ctxOf('supervisor', '张主任');
const T0 = Date.UTC(2026, 10, 29, 1, 0, 0); // 09:00 in Linjiang (UTC+8)

describe('management grid', () => {
  it('has the 108 cells of the basemap and takes assignments as events by the named user', async () => {
    const p = await testPanorama();
    const cells = await p.service.handlers['grid.cells']({}, supervisor);
    expect(cells.cells).toHaveLength(108);
    const c = await p.service.handlers['grid.assign']({ cellId: 'G-05-06', workerIds: ['G-801', 'G-802', 'G-801'] }, supervisor);
    expect(c.workerIds).toEqual(['G-801', 'G-802']);
    expect(p.store.db.prepare("SELECT actor FROM events WHERE type = 'grid.assigned' ORDER BY seq DESC LIMIT 1").pluck().get()).toBe('张主任');
    await expect(p.service.handlers['grid.assign']({ cellId: 'G-99-99', workerIds: [] }, supervisor)).rejects.toThrow(/no grid cell/);
  });

  it('counts a cell as visited today from grid workers\' positions, and only theirs', async () => {
    const p = await testPanorama({ start: T0 });
    const a = p.service.grid.list().find((x) => x.id === 'G-05-06');
    const b = p.service.grid.list().find((x) => x.id === 'G-02-03');
    if (!a || !b) throw new Error('cells missing');
    const mid = (cell: typeof a): { lat: number; lon: number } => ({
      lat: (cell.area[0][0][1] + cell.area[0][2][1]) / 2,
      lon: (cell.area[0][0][0] + cell.area[0][2][0]) / 2,
    });
    const pa = mid(a);
    const pb = mid(b);
    p.service.observe({ kind: 'units', units: [unit('G-801', 'grid', pa.lat, pa.lon, T0), unit('P-1', 'police', pb.lat, pb.lon, T0)] });
    p.service.observe({ kind: 'units', units: [unit('G-801', 'grid', pa.lat, pa.lon, T0)] }); // the same report again
    p.service.observe({ kind: 'units', units: [unit('G-802', 'grid', pa.lat + 0.0001, pa.lon, T0 + 60_000)] });
    const cov = await p.service.handlers['grid.coverage']({}, supervisor);
    expect(cov.day).toBe('2026-11-29');
    const ca = cov.cells.find((x) => x.cellId === 'G-05-06');
    expect(ca).toEqual({ cellId: 'G-05-06', visited: true, reports: 2, firstAt: T0, lastAt: T0 + 60_000, by: ['G-801', 'G-802'] });
    expect(cov.cells.find((x) => x.cellId === 'G-02-03')?.visited).toBe(false);
    expect(cov.cells.filter((x) => x.visited)).toHaveLength(1);
    expect(p.pushes.filter((x) => x.kind === 'coverage')).toEqual([{ kind: 'coverage', cellId: 'G-05-06', day: '2026-11-29', by: 'G-801' }]);
    // 23:30 local is still today; 00:30 local is tomorrow
    p.service.observe({ kind: 'units', units: [unit('G-801', 'grid', pb.lat, pb.lon, Date.UTC(2026, 10, 29, 16, 30))] });
    expect((await p.service.handlers['grid.coverage']({ day: '2026-11-30' }, supervisor)).cells.find((x) => x.cellId === 'G-02-03')?.visited).toBe(true);
    expect((await p.service.handlers['grid.coverage']({ day: '2026-11-29' }, supervisor)).cells.find((x) => x.cellId === 'G-02-03')?.visited).toBe(false);
  });
});

describe('geofences', () => {
  const zone: [number, number][] = [[104.40, 31.12], [104.41, 31.12], [104.41, 31.13], [104.40, 31.13], [104.40, 31.12]];
  const warningsOf = (p: Awaited<ReturnType<typeof testPanorama>>): WarningView[] => p.warnings.queries.warnings().filter((w) => w.source === 'geofence');

  it('raise a warning when a watched unit enters a closed zone, once, and clear it when it leaves', async () => {
    const p = await testPanorama({ start: T0 });
    const fence = await p.service.handlers['geofences.save']({ name: '滨江路封闭区', area: [zone], trigger: 'enter', severity: 'severe', agencies: ['police', 'grid'], unitIds: [], active: true }, supervisor);
    expect((await p.service.handlers['geofences.list']({}, supervisor)).geofences.map((f) => f.id)).toEqual([fence.id]);
    p.service.observe({ kind: 'units', units: [unit('P-1', 'police', 31.11, 104.405, T0), unit('F-1', 'fire', 31.125, 104.405, T0)] });
    expect(warningsOf(p)).toEqual([]); // police outside; fire inside but not watched
    p.service.observe({ kind: 'units', units: [unit('P-1', 'police', 31.125, 104.405, T0 + 1000, '巡逻一组')] });
    p.service.observe({ kind: 'units', units: [unit('P-1', 'police', 31.126, 104.406, T0 + 2000, '巡逻一组')] });
    const w = warningsOf(p);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ source: 'geofence', severity: 'severe', sourceRef: `${fence.id}:P-1`, title: '巡逻一组 进入 滨江路封闭区', area: { type: 'Polygon' } });
    expect(p.pushes.some((x) => x.kind === 'warning' && x.warning.id === w[0].id)).toBe(true);
    p.service.observe({ kind: 'units', units: [unit('P-1', 'police', 31.11, 104.405, T0 + 3000)] });
    expect(warningsOf(p)).toEqual([]);
    expect(p.warnings.queries.warning(w[0].id)?.clearReason).toBe('normal');
  });

  it('raise for a patrol leaving its area, watch named units, and stop when the rule is off', async () => {
    const p = await testPanorama({ start: T0 });
    const fence = await p.service.handlers['geofences.save']({ name: '巡区', area: [zone], trigger: 'leave', severity: 'moderate', agencies: [], unitIds: ['G-801'], active: true }, supervisor);
    p.service.observe({ kind: 'units', units: [unit('G-801', 'grid', 31.125, 104.405, T0), unit('G-802', 'grid', 31.0, 104.0, T0)] });
    expect(warningsOf(p)).toEqual([]);
    p.service.observe({ kind: 'units', units: [unit('G-801', 'grid', 31.14, 104.405, T0 + 1000)] });
    expect(warningsOf(p).map((w) => w.sourceRef)).toEqual([`${fence.id}:G-801`]);
    await p.service.handlers['geofences.save']({ id: fence.id, name: '巡区', area: [zone], trigger: 'leave', severity: 'moderate', agencies: [], unitIds: ['G-801'], active: false }, supervisor);
    expect(warningsOf(p)).toEqual([]); // cleared as reconfigured
    p.service.observe({ kind: 'units', units: [unit('G-801', 'grid', 31.125, 104.405, T0 + 2000), unit('G-801', 'grid', 31.15, 104.405, T0 + 3000)] });
    expect(warningsOf(p)).toEqual([]);
    await p.service.handlers['geofences.delete']({ id: fence.id }, supervisor);
    expect((await p.service.handlers['geofences.list']({}, supervisor)).geofences).toEqual([]);
  });
});
