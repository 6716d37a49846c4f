import { describe, expect, it } from 'vitest';
import { categoryOf } from '../../../../../shared/panorama/stats';
import { seeded } from '../../../../helpers/many-entities';
import { ctxOf, testPanorama } from '../../../../helpers/panorama';

const TYPES = ['structure_fire', 'vehicle_fire', 'traffic_collision', 'medical', 'hazmat', 'flood', 'landslide', 'public_order', 'crowd_event'];

/** The date in Linjiang (Asia/Shanghai) by the platform's time-zone database, not by our offset arithmetic. */
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const memo = new Map<number, { y: number; m: number; d: number }>();
const local = (t: number): { y: number; m: number; d: number } => {
  let v = memo.get(t);
  if (!v) {
    const parts = FORMAT.formatToParts(new Date(t));
    const get = (k: string): number => Number(parts.find((p) => p.type === k)?.value);
    v = { y: get('year'), m: get('month'), d: get('day') };
    memo.set(t, v);
  }
  return v;
};

describe('statistics from the event log', () => {
  it('match an independent count: by type and category, monthly trend, year to date against last year', async () => {
    const start = Date.UTC(2025, 0, 1);
    const p = await testPanorama({ start });
    const rnd = seeded(5);
    const made: { type: string; at: number }[] = [];
    let t = start;
    const end = Date.UTC(2026, 10, 29, 4, 0);
    while (t < end) {
      t += Math.floor(rnd() * 40 * 3_600_000);
      if (t >= end) break;
      const type = TYPES[Math.floor(rnd() * TYPES.length)];
      p.setNow(t);
      p.store.tx(() => p.store.append('incident.created', { id: `i-${made.length}`, number: made.length + 1, type, priority: 1, lat: 31.1, lon: 104.4, address: '', summary: '' }, { actor: 'd', consoleId: 'c' }));
      made.push({ type, at: t });
    }
    p.setNow(end);
    const s = await p.service.handlers['stats.summary']({ from: Date.UTC(2026, 0, 1) - 8 * 3_600_000 }, ctxOf('wall'));
    const in2026 = made.filter((m) => local(m.at).y === 2026);
    expect(s.total).toBe(in2026.length);
    for (const type of TYPES) expect(s.byType.find((r) => r.key === type)?.count ?? 0).toBe(in2026.filter((m) => m.type === type).length);
    expect(s.byCategory.find((r) => r.key === 'public_order')?.count).toBe(in2026.filter((m) => m.type === 'public_order' || m.type === 'crowd_event').length);

    // monthly: the 12 months up to November 2026, in local time
    expect(s.monthly).toHaveLength(12);
    const months = Array.from({ length: 12 }, (_, i) => ({ y: i === 0 ? 2025 : 2026, m: i === 0 ? 12 : i }));
    expect(s.monthly.map((b) => b.count)).toEqual(months.map(({ y, m }) => made.filter((x) => local(x.at).y === y && local(x.at).m === m).length));
    expect(s.weekly).toHaveLength(12);
    expect(s.weekly.reduce((a, b) => a + b.count, 0)).toBeLessThanOrEqual(s.total);

    // year over year: 1 Jan to 29 Nov 12:00 local, this year against last
    const ytd = (y: number, f: (x: { type: string }) => boolean): number =>
      made.filter((x) => {
        const l = local(x.at);
        const sameSpan = x.at - Date.UTC(y, 0, 1, -8) < end - Date.UTC(2026, 0, 1, -8);
        return l.y === y && sameSpan && f(x);
      }).length;
    const total = s.yoy.find((r) => r.key === 'total');
    expect(total).toMatchObject({ current: ytd(2026, () => true), previous: ytd(2025, () => true) });
    const fire = s.yoy.find((r) => r.key === 'fire');
    expect(fire?.current).toBe(ytd(2026, (x) => categoryOf(x.type) === 'fire'));
    expect(fire?.previous).toBe(ytd(2025, (x) => categoryOf(x.type) === 'fire'));
    if (fire && fire.previous > 0) expect(fire.changePct).toBeCloseTo(((fire.current - fire.previous) / fire.previous) * 100, 1);
    expect(s.noData).toEqual(['criminal']);
    expect(s.cases).toBeNull();
  }, 60_000);
});

describe('show on the wall', () => {
  it('records the focus as an event, with the nearest cameras, pushes it, and a late wall reads it', async () => {
    const p = await testPanorama({ defaults: true });
    const cam = p.service.entities.all().find((e) => e.kind === 'camera');
    if (!cam) throw new Error('no camera');
    const f = await p.service.handlers['wall.show']({ lat: cam.lat, lon: cam.lon, zoom: 18 }, ctxOf('dispatcher', '李调度'));
    expect(f).toMatchObject({ incidentId: null, lat: cam.lat, lon: cam.lon, zoom: 18, by: '李调度' });
    expect(f.cameraIds[0]).toBe(cam.id);
    expect(p.pushes).toContainEqual({ kind: 'wall', focus: f });
    expect(await p.service.handlers['wall.state']({}, ctxOf('wall'))).toEqual({ focus: f, displays: [] });
    await expect(p.service.handlers['wall.setLayout']({ displayId: '2', layout: 'kpi' }, ctxOf('dispatcher'))).rejects.toThrow(/desktop app/);
    await expect(p.service.handlers['wall.show']({ incidentId: '00000000-0000-4000-8000-00000000000a' }, ctxOf('dispatcher'))).rejects.toThrow(/no incident/);
  });
});
