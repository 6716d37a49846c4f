import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldSource, routeField } from '../../../../../electron/core/warnings/field';
import { dispatcher, gauge, setup, T0 } from './setup';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const NOW = T0 + 60_000;

describe('field-intake routing', () => {
  it('claims its own topics only, under one diagnostics source each', () => {
    expect(fieldSource('qx/v1/sensors/WL-01/reading')).toBe('mqtt:sensor');
    expect(fieldSource('qx/v1/reports/app')).toBe('mqtt:report');
    expect(fieldSource('qx/v1/alerts/cap')).toBe('mqtt:cap');
    expect(fieldSource('qx/v1/units/F-101/position')).toBeNull();
    expect(fieldSource('owntracks/a/b')).toBeNull();
  });

  it('hands a valid reading to the sensor desk and returns its verdict', () => {
    const { svc } = setup();
    svc.sensors.register(gauge, dispatcher);
    const reading = { kind: 'water_level', value: 4.4, unit: 'm', ts: NOW - 1000 };
    expect(routeField(svc, 'qx/v1/sensors/WL-01/reading', enc(reading), NOW)).toBeNull();
    expect(svc.sensors.list()[0]).toMatchObject({ level: 'warning', lastValue: 4.4 });
    expect(routeField(svc, 'qx/v1/sensors/WL-02/reading', enc(reading), NOW)).toBe('unregistered sensor "WL-02"');
    expect(routeField(svc, 'qx/v1/sensors/WL-01/reading', enc({ ...reading, value: 'high' }), NOW)).toMatch(/value/);
    expect(routeField(svc, 'qx/v1/sensors/WL-01/status', enc(reading), NOW)).toBe('unknown topic');
  });

  it('hands reports to the intake queue, refusing an unknown channel', () => {
    const { svc } = setup();
    const report = { reportId: 'r-1', category: 'fire', text: '仓库冒烟', lat: 31.12, lon: 104.43, address: '银河物流园', ts: NOW - 1000 };
    expect(routeField(svc, 'qx/v1/reports/station', enc(report), NOW)).toBeNull();
    expect(routeField(svc, 'qx/v1/reports/fax', enc(report), NOW)).toBe('unknown topic');
    expect(routeField(svc, 'qx/v1/reports/app', enc({ ...report, reportId: 'r-2', text: 'x'.repeat(4001) }), NOW)).toMatch(/text/);
    expect(svc.reports.list().map((r) => [r.id, r.channel])).toEqual([['r-1', 'station']]);
  });

  it('hands CAP XML to the CAP desk and refuses hostile XML', () => {
    const { svc } = setup();
    const fixtures = join(import.meta.dirname, '../../../../fixtures/cap');
    expect(routeField(svc, 'qx/v1/alerts/cap', readFileSync(join(fixtures, 'cap12-appendix-a3-earthquake-update.xml')), NOW)).toBeNull();
    expect(svc.queries.warnings()).toHaveLength(1);
    expect(routeField(svc, 'qx/v1/alerts/cap', readFileSync(join(fixtures, 'invalid-billion-laughs.xml')), NOW)).not.toBeNull();
  });
});
