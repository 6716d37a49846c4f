/**
 * The store → live layer path under Node: no map, so no renderer and no WebGL; what is checked
 * is what the GPU would be given (the typed-array table).
 */
import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../shared/api';
import type { UnitView } from '../../../../shared/model';
import type { Catalog } from '../../../../shared/schemas/catalog';
import { mercatorX, mercatorY } from '../../../../renderer/src/map/live/mercator';
import { FLAG_HEADING, FLAG_REGISTERED, STATUS_SHIFT, STRIDE, STYLE, type UnitTable } from '../../../../renderer/src/map/live/unit-table';
import { ScreenLatency } from '../../../../renderer/src/lib/screen-latency';
import { createUnitsLayer, parseDrawRate } from '../../../../renderer/src/map/units-layer';
import { ConsoleStore } from '../../../../renderer/src/store/console-store';

const catalog = {
  agencies: [
    { id: 'fire', name: { zh: '消防', en: 'Fire' }, color: '#e5533d' },
    { id: 'ems', name: { zh: '急救', en: 'EMS' }, color: '#3ddc84' },
  ],
  unitTypes: [],
  incidentTypes: [],
} as unknown as Catalog;

const unit = (id: string, patch: Partial<UnitView> = {}): UnitView => ({
  id,
  name: `车${id}`,
  agency: 'fire',
  type: null,
  station: null,
  registered: true,
  status: 'available',
  statusSince: 0,
  lat: 31.1,
  lon: 104.4,
  heading: null,
  speed: null,
  positionTs: 0,
  incidentId: null,
  ...patch,
});

function load(store: ConsoleStore, units: UnitView[]): void {
  store.load({ consoleId: 'c', catalog, units, incidents: [], orders: [], diagnostics: null, link: null } as unknown as Snapshot);
}

function style(t: UnitTable, id: string): number {
  return t.u32[(t.slotOf(id) ?? -1) * STRIDE + STYLE];
}

describe('mercator', () => {
  it('matches OpenLayers', () => {
    for (const [lon, lat] of [
      [104.4, 31.13],
      [-122.4, 37.8],
      [0, 0],
      [179.9, -60],
    ]) {
      const [x, y] = fromLonLat([lon, lat]);
      expect(mercatorX(lon)).toBeCloseTo(x, 6);
      expect(mercatorY(lat)).toBeCloseTo(y, 6);
    }
  });
});

describe('parseDrawRate', () => {
  it('takes a number of draws a second, batch, or else the automatic choice', () => {
    expect(parseDrawRate('15')).toBe(15);
    expect(parseDrawRate('2.5')).toBe(2.5);
    expect(parseDrawRate('batch')).toBe(Infinity);
    for (const v of [null, '', ' ', 'auto', '0', '-3', '61', 'fast', 'NaN', 'Infinity']) expect(parseDrawRate(v), String(v)).toBe('auto');
  });
});

describe('createUnitsLayer', () => {
  it('puts every unit of a snapshot into the table with its agency, status and heading', () => {
    const store = new ConsoleStore();
    load(store, [unit('a'), unit('b', { agency: 'ems', status: 'en_route', heading: 90 }), unit('nowhere', { lat: null, lon: null })]);
    const units = createUnitsLayer(store);
    const layer = units.layer;
    const t = layer.table;
    expect(t.count).toBe(2);
    expect(style(t, 'b') & 31).toBe(1);
    expect((style(t, 'b') >> STATUS_SHIFT) & 15).toBe(1);
    expect(style(t, 'b') & FLAG_HEADING).toBeTruthy();
    expect(style(t, 'a') & FLAG_REGISTERED).toBeTruthy();
    expect(t.labels[t.slotOf('b') ?? -1]).toBe('车b');
    const p = new Float64Array(2);
    t.at(t.slotOf('a') ?? -1, 0, p);
    const [x, y] = fromLonLat([104.4, 31.1]);
    expect(p[0] + t.originX).toBeCloseTo(x, 2);
    expect(p[1] + t.originY).toBeCloseTo(y, 2);
    units.dispose();
  });

  it('applies pushes in place, drops units that lose their position or leave the snapshot', () => {
    const store = new ConsoleStore();
    load(store, [unit('a'), unit('b'), unit('c')]);
    const units = createUnitsLayer(store);
    const layer = units.layer;
    store.apply({ kind: 'units', units: [unit('a', { status: 'on_scene' }), unit('b', { lat: null, lon: null })] });
    expect(layer.table.count).toBe(2);
    expect((style(layer.table, 'a') >> STATUS_SHIFT) & 15).toBe(2);
    load(store, [unit('c'), unit('d', { registered: false, agency: null })]);
    expect([...layer.table.ids].sort()).toEqual(['c', 'd']);
    expect(style(layer.table, 'd') & FLAG_REGISTERED).toBe(0);
    expect(style(layer.table, 'd') & 31).toBe(31);
    units.dispose();
    // After dispose the store no longer reaches the layer.
    store.apply({ kind: 'units', units: [unit('e')] });
    expect(layer.table.slotOf('e')).toBeUndefined();
  });

  it('tells the screen latency the new positions of a positions push, and only those', () => {
    const store = new ConsoleStore();
    load(store, [unit('a'), unit('b')]);
    const latency = new ScreenLatency();
    const units = createUnitsLayer(store, {}, latency);
    const layer = units.layer;
    store.apply({ kind: 'units', units: [unit('a', { status: 'on_scene', positionTs: 1_000 })] });
    store.apply({ kind: 'positions', positions: [{ id: 'b', lat: 31.2, lon: 104.5, heading: null, speed: null, positionTs: 2_000 }] });
    const drawnAt = 2_040 - performance.timeOrigin;
    layer.onDraw?.({ version: layer.table.version, frameTime: drawnAt, drawnAt, units: 2, clusters: 0, opaque: true, textRows: 0, limit: 10, software: true, auto: true });
    const r = latency.summary(3_000);
    expect(r.samples).toBe(1);
    expect(r.drawLimit).toEqual({ perSecond: 10, software: true, auto: true });
    expect(r.max).toBeCloseTo(40, 3);
    units.dispose();
  });

  it('takes a batch of 20,000 reports in a few milliseconds, without growing the table', () => {
    const store = new ConsoleStore();
    const fleet = Array.from({ length: 20_000 }, (_, i) => unit(`u${i}`, { lat: 31.08 + (i % 200) * 0.0005, lon: 104.33 + Math.floor(i / 200) * 0.0014 }));
    load(store, fleet);
    const units = createUnitsLayer(store);
    const layer = units.layer;
    const moved = fleet.map((u) => ({ ...u, lat: (u.lat ?? 0) + 0.0001 }));
    const listeners = (store as unknown as { unitListeners: Set<(c: readonly UnitView[]) => void> }).unitListeners;
    const started = performance.now();
    for (const l of listeners) l(moved); // the layer's own cost, without the store's map copy
    const ms = performance.now() - started;
    expect(layer.table.count).toBe(20_000);
    // A few milliseconds on a quiet machine; the bound leaves room for a loaded CI worker, not for O(n²).
    expect(ms).toBeLessThan(1000);
    units.dispose();
  });
});
