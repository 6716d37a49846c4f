import { describe, expect, it } from 'vitest';
import { ApiError, apiInputs, API_NAMES } from '../../../../../shared/api';
import type { WarningContent } from '../../../../../electron/core/store/events';
import { dispatcher, gauge, setup, T0 } from './setup';

const content = (severity: WarningContent['severity'], title = '测试'): WarningContent => ({
  sourceRef: 'HS-1',
  severity,
  title,
  detail: '',
  area: { type: 'Polygon', coordinates: [[[104.4, 31.1], [104.41, 31.1], [104.41, 31.11], [104.4, 31.1]]] },
  issuedAt: T0,
  effectiveAt: T0,
  expiresAt: null,
});
const system = { actor: 'system', consoleId: 'ws-1', role: 'supervisor' as const };

describe('warnings API', () => {
  it('declares its six methods in both halves of the contract', () => {
    for (const name of ['warnings.list', 'warnings.ack', 'sensors.list', 'sensors.register', 'alerts.importCap', 'reports.list'] as const) {
      expect(API_NAMES).toContain(name);
      expect(apiInputs[name]).toBeDefined();
    }
  });

  it('acknowledges as the calling user, once, with an event', async () => {
    const { svc, eventTypes, pushedWarnings, store } = setup();
    const id = svc.book.batch(() => svc.book.raise('hotspot', content('severe'), system));
    const input = apiInputs['warnings.ack'].parse({ warningId: id });
    const w = await svc.handlers['warnings.ack'](input, dispatcher);
    expect(w).toMatchObject({ id, acknowledgedBy: 'li.wei', acknowledgedAt: T0 });
    // A second click, or a second dispatcher, changes nothing.
    expect(await svc.handlers['warnings.ack']({ warningId: id }, { actor: 'zhang.min', consoleId: 'ws-2', role: 'supervisor' as const })).toMatchObject({ acknowledgedBy: 'li.wei' });
    expect(eventTypes()).toEqual(['warning.raised', 'warning.acknowledged']);
    expect(store.events()[1]).toMatchObject({ actor: 'li.wei', console: 'ws-1', payload: { warningId: id } });
    expect(pushedWarnings().map((p) => p.acknowledgedBy)).toEqual([null, 'li.wei']);
  });

  it('answers not_found for an unknown warning', async () => {
    const { svc } = setup();
    await expect(svc.handlers['warnings.ack']({ warningId: '00000000-0000-4000-8000-000000000000' }, dispatcher)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(apiInputs['warnings.ack'].safeParse({ warningId: 'x' }).success).toBe(false);
  });

  it('lists open warnings worst first; cleared ones only when asked and only for a day', async () => {
    const { svc, clock } = setup();
    const [minor, extreme, gone, old] = svc.book.batch(() => [
      svc.book.raise('hotspot', content('minor', '轻'), system),
      svc.book.raise('geofence', content('extreme', '极'), system),
      svc.book.raise('hotspot', content('severe', '清'), system),
      svc.book.raise('hotspot', content('severe', '旧'), system),
    ]);
    svc.book.batch(() => svc.book.clear(old, 'normal', system));
    clock.t = T0 + 25 * 3_600_000;
    svc.book.batch(() => svc.book.clear(gone, 'normal', system));
    expect((await svc.handlers['warnings.list']({}, dispatcher)).warnings.map((w) => w.id)).toEqual([extreme, minor]);
    expect((await svc.handlers['warnings.list']({ includeCleared: true }, dispatcher)).warnings.map((w) => w.id)).toEqual([extreme, minor, gone]);
    expect(svc.activeWarnings().warnings.map((w) => w.title)).toEqual(['极', '轻']);
  });

  it('registers and lists sensors through the API, refusing bad definitions', async () => {
    const { svc } = setup();
    const input = apiInputs['sensors.register'].parse(gauge);
    expect(await svc.handlers['sensors.register'](input, dispatcher)).toMatchObject({ id: 'WL-01', level: 'normal', lastValue: null, band: null });
    expect((await svc.handlers['sensors.list']({}, dispatcher)).sensors.map((s) => s.id)).toEqual(['WL-01']);
    expect(apiInputs['sensors.register'].safeParse({ ...gauge, alarm: 3 }).success).toBe(false);
  });

  it('imports a CAP document through the API and the REST body alike', async () => {
    const { svc } = setup();
    const xml = `<?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>QX-1</identifier>
      <sender>qx@example.gov.cn</sender><sent>2026-07-01T08:00:00+08:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
      <info><category>Met</category><event>大风</event><urgency>Expected</urgency><severity>Minor</severity><certainty>Likely</certainty></info></alert>`;
    const r = await svc.handlers['alerts.importCap'](apiInputs['alerts.importCap'].parse({ xml }), dispatcher);
    expect(r).toMatchObject({ key: 'qx@example.gov.cn,QX-1', ignored: null, warnings: [{ title: '大风', severity: 'minor', area: null }] });
    expect(svc.importCapBody(new TextEncoder().encode(xml), dispatcher).ignored).toMatch(/repeat/);
    expect(() => svc.importCapBody('<alert', dispatcher)).toThrow(ApiError);
  });
});

describe('warning book', () => {
  it('pushes nothing and logs nothing when the batch fails', () => {
    const { svc, eventTypes, pushes } = setup();
    expect(() =>
      svc.book.batch(() => {
        svc.book.raise('hotspot', content('severe'), system);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(eventTypes()).toEqual([]);
    expect(pushes).toEqual([]);
    expect(svc.queries.warnings()).toEqual([]);
  });

  it('forgets what a failed batch touched: the next batch pushes only its own warnings', () => {
    const { svc, pushedWarnings } = setup();
    const first = svc.book.batch(() => svc.book.raise('hotspot', content('minor'), system));
    expect(() =>
      svc.book.batch(() => {
        svc.book.update(first, content('extreme'), system);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const second = svc.book.batch(() => svc.book.raise('geofence', content('minor'), system));
    expect(pushedWarnings().map((w) => [w.id, w.severity])).toEqual([[first, 'minor'], [second, 'minor']]);
  });

  it('pushes each touched warning once, after the commit, in its final state', () => {
    const { svc, pushedWarnings } = setup();
    const seen: number[] = [];
    svc.book.batch(() => {
      const id = svc.book.raise('hotspot', content('minor'), system);
      svc.book.update(id, content('severe'), system);
      seen.push(pushedWarnings().length);
    });
    expect(seen).toEqual([0]);
    expect(pushedWarnings().map((w) => w.severity)).toEqual(['severe']);
  });

  it('does not clear a warning twice', () => {
    const { svc, eventTypes } = setup();
    const id = svc.book.batch(() => svc.book.raise('hotspot', content('minor'), system));
    expect(svc.book.batch(() => svc.book.clear(id, 'normal', system))).toBe(true);
    expect(svc.book.batch(() => svc.book.clear(id, 'expired', system))).toBe(false);
    expect(eventTypes()).toEqual(['warning.raised', 'warning.cleared']);
    expect(svc.queries.warning(id)?.clearReason).toBe('normal');
  });
});
