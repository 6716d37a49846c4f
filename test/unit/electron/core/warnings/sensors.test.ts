import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResourceError } from '../../../../../electron/core/resources';
import { loadSensorRegistry, parseSensorRegistry } from '../../../../../electron/core/warnings/sensors';
import { dispatcher, gauge, setup, T0 } from './setup';

const REGISTRY = join(import.meta.dirname, '../../../../../resources/sensors/training-city.csv');
const HEADER = 'id,name,kind,lat,lon,unit,warning,alarm';
const level = (v: number, ts: number) => ({ kind: 'water_level', value: v, unit: 'm', ts });

describe('sensor registry file', () => {
  it('ships a training-city registry: gauges along the river, detectors in industrial blocks, counters at squares', () => {
    const rows = loadSensorRegistry(REGISTRY);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['water_level', 'rainfall', 'smoke', 'gas', 'temperature', 'crowd_density']));
    for (const r of rows) {
      expect(r.lat, r.id).toBeGreaterThan(31.08);
      expect(r.lat, r.id).toBeLessThan(31.18);
      expect(r.lon, r.id).toBeGreaterThan(104.32);
      expect(r.lon, r.id).toBeLessThan(104.48);
    }
    const gauges = rows.filter((r) => r.kind === 'water_level');
    expect(gauges.length).toBeGreaterThanOrEqual(5);
    // The river (临江) runs at lat 31.114–31.119 in the training map.
    for (const g of gauges) expect(g.lat > 31.114 && g.lat < 31.119 && g.lon >= 104.35 && g.lon <= 104.45, g.id).toBe(true);
  });

  it('reads an optional band column', () => {
    const rows = parseSensorRegistry(`${HEADER},band\nA,a,gas,31,104,%LEL,10,25,\nB,b,water_level,31,104,m,4,5,0.1\n`, 's.csv');
    expect(rows.map((r) => r.band)).toEqual([undefined, 0.1]);
  });

  it.each([
    ['a missing column', 'id,name,kind,lat,lon,unit,warning\nA,a,gas,31,104,%LEL,10\n', /missing column\(s\) alarm/],
    ['an unknown kind', `${HEADER}\nA,a,gas,31,104,%LEL,10,25\nB,b,radiation,31,104,uSv/h,1,2\n`, /line 3: kind/],
    ['an empty latitude', `${HEADER}\nA,a,gas,,104,%LEL,10,25\n`, /line 2: lat/],
    ['an alarm line under the warning line', `${HEADER}\nA,a,gas,31,104,%LEL,25,10\n`, /line 2: alarm: must be greater than warning/],
    ['a duplicate id', `${HEADER}\nA,a,gas,31,104,%LEL,10,25\nA,b,gas,31,104,%LEL,10,25\n`, /line 3: duplicate sensor id "A"/],
    ['an id unsafe in topics', `${HEADER}\nA/1,a,gas,31,104,%LEL,10,25\n`, /line 2: id/],
    ['broken CSV', `${HEADER}\n"A,a,gas,31,104,%LEL,10,25\n`, /not valid CSV/],
  ])('refuses %s with the line and reason', (_n, text, reason) => {
    expect(() => parseSensorRegistry(text, 's.csv')).toThrow(ResourceError);
    expect(() => parseSensorRegistry(text, 's.csv')).toThrow(reason);
  });

  it('records each sensor once: loading the same file again logs nothing', () => {
    const { svc, eventTypes } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'qx-sensors-'));
    const file = join(dir, 's.csv');
    writeFileSync(file, `${HEADER}\nA,a,gas,31,104,%LEL,10,25\nB,b,smoke,31,104,%obs/m,1.5,3\n`);
    expect(svc.loadRegistry(file)).toBe(2);
    expect(svc.loadRegistry(file)).toBe(0);
    expect(eventTypes()).toEqual(['sensor.registered', 'sensor.registered']);
    writeFileSync(file, `${HEADER}\nA,a,gas,31,104,%LEL,12,25\nB,b,smoke,31,104,%obs/m,1.5,3\n`);
    expect(svc.loadRegistry(file)).toBe(1);
    expect(svc.sensors.list().find((s) => s.id === 'A')?.warning).toBe(12);
    expect(() => svc.loadRegistry(join(dir, 'missing.csv'))).toThrow(/cannot read/);
  });
});

describe('sensor readings', () => {
  it('refuses readings from unregistered sensors, or of another kind or unit, and keeps nothing of them', () => {
    const { svc, store, eventTypes } = setup();
    svc.sensors.register(gauge, dispatcher);
    expect(svc.reading('WL-99', level(9, T0))).toBe('unregistered sensor "WL-99"');
    expect(svc.reading('WL-01', { kind: 'rainfall', value: 9, unit: 'm', ts: T0 })).toMatch(/kind "rainfall" does not match the registered kind "water_level"/);
    expect(svc.reading('WL-01', { kind: 'water_level', value: 900, unit: 'cm', ts: T0 })).toMatch(/unit "cm" does not match the registered unit "m"/);
    expect(eventTypes()).toEqual(['sensor.registered']);
    expect(store.db.prepare('SELECT COUNT(*) FROM sensor_readings').pluck().get()).toBe(0);
  });

  it('keeps the last reading without logging it, and logs only threshold transitions', () => {
    const { svc, eventTypes } = setup();
    svc.sensors.register(gauge, dispatcher);
    // Rising, hovering at the warning line, up over the alarm line, back down and clear.
    const values = [3.5, 3.9, 4.0, 3.9, 4.05, 3.85, 4.0, 5.0, 4.9, 5.1, 4.6, 4.1, 3.7];
    values.forEach((v, i) => expect(svc.reading('WL-01', level(v, T0 + i * 60_000)), `reading ${i}`).toBeNull());
    expect(eventTypes()).toEqual(['sensor.registered', 'warning.raised', 'warning.updated', 'warning.updated', 'warning.cleared']);
    const s = svc.sensors.list()[0];
    expect(s).toMatchObject({ level: 'normal', warningId: null, lastValue: 3.7, lastTs: T0 + 12 * 60_000 });
  });

  it('raises a point warning at the sensor: moderate over the warning line, severe over the alarm line', () => {
    const { svc, pushedWarnings } = setup();
    svc.sensors.register(gauge, dispatcher);
    svc.reading('WL-01', level(4.2, T0 + 1000));
    const [w] = svc.queries.warnings();
    expect(w).toMatchObject({
      source: 'sensor',
      sourceRef: 'WL-01',
      severity: 'moderate',
      area: { type: 'Point', coordinates: [104.357, 31.1154] },
      issuedAt: T0 + 1000,
      expiresAt: null,
      clearedAt: null,
    });
    expect(w.title).toContain('滨江一段水位站');
    expect(w.detail).toContain('4.2 m');
    svc.reading('WL-01', level(5.2, T0 + 2000));
    expect(svc.queries.warning(w.id)).toMatchObject({ severity: 'severe', issuedAt: T0 + 2000 });
    expect(svc.sensors.list()[0]).toMatchObject({ level: 'alarm', warningId: w.id });
    expect(pushedWarnings().map((p) => [p.id, p.severity])).toEqual([[w.id, 'moderate'], [w.id, 'severe']]);
  });

  it('refuses a reading not newer than the last one and leaves the state as the newer reading set it', () => {
    const { svc, eventTypes } = setup();
    svc.sensors.register(gauge, dispatcher);
    expect(svc.reading('WL-01', level(4.5, T0 + 2000))).toBeNull();
    expect(svc.reading('WL-01', level(1, T0 + 1000))).toMatch(/not newer/);
    expect(svc.reading('WL-01', level(1, T0 + 2000))).toMatch(/not newer/);
    expect(svc.sensors.list()[0]).toMatchObject({ level: 'warning', lastValue: 4.5, lastTs: T0 + 2000 });
    expect(eventTypes()).toEqual(['sensor.registered', 'warning.raised']);
  });

  it('asks for a new acknowledgement when a warning gets worse, not when it eases', () => {
    const { svc } = setup();
    svc.sensors.register(gauge, dispatcher);
    svc.reading('WL-01', level(4.2, T0 + 1));
    const id = svc.queries.warnings()[0].id;
    svc.ack(id, dispatcher);
    svc.reading('WL-01', level(5.5, T0 + 2));
    expect(svc.queries.warning(id)).toMatchObject({ severity: 'severe', acknowledgedBy: null });
    svc.ack(id, { actor: 'zhang.min', consoleId: 'ws-2', role: 'supervisor' as const });
    svc.reading('WL-01', level(4.5, T0 + 3));
    expect(svc.queries.warning(id)).toMatchObject({ severity: 'moderate', acknowledgedBy: 'zhang.min' });
  });

  it('uses the sensor band over the kind share over the default 5 %', () => {
    // Default band at the 4.0 line is 0.2: 3.85 holds the warning.
    const plain = setup();
    plain.svc.sensors.register(gauge, dispatcher);
    plain.svc.reading('WL-01', level(4, T0 + 1));
    plain.svc.reading('WL-01', level(3.85, T0 + 2));
    expect(plain.svc.sensors.list()[0].level).toBe('warning');
    // A kind share of 1 % (band 0.04): 3.85 clears.
    const kind = setup({ kindBands: { water_level: 0.01 } });
    kind.svc.sensors.register(gauge, dispatcher);
    kind.svc.reading('WL-01', level(4, T0 + 1));
    kind.svc.reading('WL-01', level(3.85, T0 + 2));
    expect(kind.svc.sensors.list()[0].level).toBe('normal');
    // The sensor's own 0.5 m band wins over the kind share: 3.85 holds again.
    const own = setup({ kindBands: { water_level: 0.01 } });
    own.svc.sensors.register({ ...gauge, band: 0.5 }, dispatcher);
    own.svc.reading('WL-01', level(4, T0 + 1));
    own.svc.reading('WL-01', level(3.85, T0 + 2));
    expect(own.svc.sensors.list()[0]).toMatchObject({ level: 'warning', band: 0.5 });
  });
});

describe('registering again', () => {
  it('applies new lines to the last reading at once', () => {
    const { svc, eventTypes } = setup();
    svc.sensors.register(gauge, dispatcher);
    svc.reading('WL-01', level(3.6, T0 + 1));
    expect(svc.sensors.register({ ...gauge, warning: 3.5 }, dispatcher)).toMatchObject({ level: 'warning', warning: 3.5, lastValue: 3.6 });
    expect(eventTypes()).toEqual(['sensor.registered', 'sensor.registered', 'warning.raised']);
    expect(svc.queries.warnings()[0].issuedAt).toBe(T0 + 1);
    // Raising the lines well above the reading clears it.
    expect(svc.sensors.register({ ...gauge, warning: 8, alarm: 9 }, dispatcher).level).toBe('normal');
    expect(svc.queries.warnings({ includeCleared: true })[0].clearReason).toBe('normal');
  });

  it('logs nothing for an unchanged definition', () => {
    const { svc, eventTypes } = setup();
    svc.sensors.register(gauge, dispatcher);
    svc.sensors.register({ ...gauge }, dispatcher);
    expect(eventTypes()).toEqual(['sensor.registered']);
  });

  it('drops the last reading and clears the warning when the kind or unit changes', () => {
    const { svc } = setup();
    svc.sensors.register(gauge, dispatcher);
    svc.reading('WL-01', level(4.5, T0 + 1));
    const s = svc.sensors.register({ ...gauge, unit: 'cm', warning: 400, alarm: 500 }, dispatcher);
    expect(s).toMatchObject({ level: 'normal', lastValue: null, lastTs: null, unit: 'cm' });
    expect(svc.queries.warnings({ includeCleared: true })[0]).toMatchObject({ clearReason: 'reconfigured' });
    // The new unit's readings are taken from scratch, even with an older device time.
    expect(svc.reading('WL-01', { kind: 'water_level', value: 410, unit: 'cm', ts: T0 })).toBeNull();
    expect(svc.sensors.list()[0].level).toBe('warning');
  });
});

describe('rebuild', () => {
  it('restores sensors, warnings and levels from the log alone; the last reading survives as telemetry', () => {
    const { svc, store } = setup();
    svc.sensors.register(gauge, dispatcher);
    svc.sensors.register({ ...gauge, id: 'WL-02' }, dispatcher);
    svc.reading('WL-01', level(5.3, T0 + 1));
    svc.reading('WL-02', level(4.1, T0 + 1));
    svc.reading('WL-02', level(2, T0 + 2));
    svc.ack(svc.queries.warnings()[0].id, dispatcher);
    const before = { sensors: svc.sensors.list(), warnings: svc.queries.warnings({ includeCleared: true }) };
    store.rebuildProjections();
    expect({ sensors: svc.sensors.list(), warnings: svc.queries.warnings({ includeCleared: true }) }).toEqual(before);
    expect(before.sensors.map((s) => s.level)).toEqual(['alarm', 'normal']);
  });
});
