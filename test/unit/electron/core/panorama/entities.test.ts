import { describe, expect, it } from 'vitest';
import type { EntityInput } from '../../../../../shared/panorama/api';
import { ctxOf, testPanorama } from '../../../../helpers/panorama';

const dispatcher = ctxOf('dispatcher', '李调度');
const wall = ctxOf('wall');

const sample: EntityInput[] = [
  { id: 'HY-1', kind: 'hydrant', name: '人民路 消火栓 1', lat: 31.1301, lon: 104.4012, address: '人民路 88 号', props: { pressure_mpa: 0.35, diameter_mm: 150, checked: true } },
  {
    id: 'CAM-1', kind: 'camera', name: '人民路/滨江路 路口', lat: 31.131, lon: 104.402, address: '人民路与滨江路交叉口', props: { owner: 'police' },
    camera: { direction: 270, angle: 90, rangeM: 150, streamKind: 'mjpeg', streamUrl: 'http://192.168.1.20/video.mjpg' },
  },
  {
    id: 'CP-1', kind: 'compound', name: '幸福小区, "老" 区', lat: 31.1205, lon: 104.4005, address: '幸福路 1 号', props: { old: true, built: 1986 },
    area: [[[104.4, 31.12], [104.401, 31.12], [104.401, 31.121], [104.4, 31.121], [104.4, 31.12]]],
  },
  { id: 'VR-1', kind: 'vulnerable_resident', name: '王某某', lat: 31.1204, lon: 104.4004, address: '幸福小区 3 栋 2 楼', props: { need: 'wheelchair' }, personal: { phone: '13800000000', age: 81 } },
];

describe('entities', () => {
  it('are created, linked, changed and deleted as events, and rebuilt from the log', async () => {
    const p = await testPanorama();
    const e = p.service.handlers;
    for (const s of sample) await e['entities.create'](s, dispatcher);
    await e['entities.link']({ from: 'VR-1', to: 'CP-1', relation: 'lives_in' }, dispatcher);
    await e['entities.update']({ id: 'HY-1', props: { pressure_mpa: 0.1 } }, dispatcher);
    const got = await e['entities.get']({ id: 'CP-1' }, dispatcher);
    expect(got.entity).toMatchObject({ kind: 'compound', class: 'place', updatedBy: '李调度' });
    expect(got.links).toMatchObject([{ from: 'VR-1', to: 'CP-1', relation: 'lives_in', direction: 'in', other: { id: 'VR-1' } }]);
    const types = p.store.db.prepare("SELECT type FROM events WHERE type LIKE 'entity.%' ORDER BY seq").pluck().all();
    expect(types).toEqual(['entity.saved', 'entity.saved', 'entity.saved', 'entity.saved', 'entity.linked', 'entity.saved']);
    await e['entities.delete']({ id: 'HY-1' }, dispatcher);
    p.store.rebuildProjections();
    p.service.entities.reindex();
    expect((await e['entities.list']({}, dispatcher)).entities.map((x) => x.id)).toEqual(['CAM-1', 'CP-1', 'VR-1']);
    expect((await e['entities.get']({ id: 'VR-1' }, dispatcher)).links).toHaveLength(1);
    expect(p.pushes.filter((x) => x.kind === 'entity').map((x) => (x.kind === 'entity' ? [x.id, x.entity === null] : null))).toContainEqual(['HY-1', true]);
    // residents are never pushed (a push reaches every role)
    expect(p.pushes.some((x) => x.kind === 'entity' && x.id === 'VR-1')).toBe(false);
  });

  it('show residents and personal fields only to roles with personal', async () => {
    const p = await testPanorama();
    const e = p.service.handlers;
    for (const s of sample) await e['entities.create'](s, dispatcher);
    expect((await e['entities.list']({}, wall)).entities.map((x) => x.id)).toEqual(['CAM-1', 'CP-1', 'HY-1']);
    await expect(e['entities.get']({ id: 'VR-1' }, wall)).rejects.toThrow(/no entity/);
    expect((await e['entities.get']({ id: 'VR-1' }, dispatcher)).entity.personal).toEqual({ phone: '13800000000', age: 81 });
    const bbox = await e['entities.list']({ bbox: [104.3995, 31.1195, 104.4015, 31.1215], kinds: ['compound', 'hydrant'] }, dispatcher);
    expect(bbox.entities.map((x) => x.id)).toEqual(['CP-1']);
    expect((await e['entities.list']({ q: '幸福' }, dispatcher)).entities.map((x) => x.id)).toEqual(['CP-1', 'VR-1']);
    expect((await e['entities.export']({ format: 'csv' }, wall)).text).not.toContain('13800000000');
  });

  for (const format of ['geojson', 'csv'] as const)
    it(`round-trip through ${format}: export, import into an empty console, export again — the same`, async () => {
      const a = await testPanorama();
      for (const s of sample) await a.service.handlers['entities.create'](s, dispatcher);
      await a.service.handlers['entities.link']({ from: 'VR-1', to: 'CP-1', relation: 'lives_in' }, dispatcher);
      const out = await a.service.handlers['entities.export']({ format }, dispatcher);
      expect(out.count).toBe(4);
      const b = await testPanorama();
      const r = await b.service.handlers['entities.import']({ format, text: out.text }, dispatcher);
      expect(r).toEqual({ created: 4, updated: 0, errors: [] });
      const records = (x: typeof a): unknown => x.service.entities.all();
      expect(records(b)).toEqual(records(a));
      expect((await b.service.handlers['entities.export']({ format }, dispatcher)).text).toBe(out.text);
      if (format === 'geojson') expect((await b.service.handlers['entities.get']({ id: 'VR-1' }, dispatcher)).links).toHaveLength(1);
      // importing the same again updates, creates nothing
      expect(await b.service.handlers['entities.import']({ format, text: out.text }, dispatcher)).toMatchObject({ created: 0, updated: 4 });
    });

  it('imports the good rows and names each bad one with its row and reason', async () => {
    const p = await testPanorama();
    const csv = ['id,kind,name,lat,lon,address', 'H-1,hydrant,消火栓 1,31.13,104.40,', 'H-2,hydrant,消火栓 2,91,104.40,', 'H-3,rocket,火箭,31.13,104.40,', ',school,第一小学,31.12,104.41,学府路'].join('\n');
    const r = await p.service.handlers['entities.import']({ format: 'csv', text: csv }, dispatcher);
    expect(r.created).toBe(2);
    expect(r.errors.map((x) => x.row)).toEqual([3, 4]);
    expect(r.errors[0].reason).toMatch(/^lat:/);
    expect(r.errors[1].reason).toMatch(/^kind:/);
    const gj = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { kind: 'shelter', name: '江滨公园' }, geometry: { type: 'Polygon', coordinates: [[[104.4, 31.12], [104.41, 31.12], [104.41, 31.13], [104.4, 31.12]]] } },
        { type: 'Feature', properties: { kind: 'hydrant', name: 'x' }, geometry: { type: 'LineString', coordinates: [] } },
        { type: 'Feature', properties: { kind: 'hydrant' }, geometry: { type: 'Point', coordinates: [104.4, 31.12] } },
      ],
    });
    const g = await p.service.handlers['entities.import']({ format: 'geojson', text: gj }, dispatcher);
    expect(g.created).toBe(1);
    expect(g.errors.map((x) => x.row)).toEqual([2, 3]);
    expect(g.errors[1].reason).toMatch(/^name:/);
    expect((await p.service.handlers['entities.import']({ format: 'geojson', text: '[1,2' }, dispatcher)).errors[0].reason).toMatch(/not JSON/);
    // a role without `personal` cannot import residents
    const w = await p.service.handlers['entities.import']({ format: 'csv', text: 'kind,name,lat,lon\nvulnerable_resident,张某,31.1,104.4' }, ctxOf('wall'));
    expect(w).toMatchObject({ created: 0, errors: [{ row: 2 }] });
  });
});
