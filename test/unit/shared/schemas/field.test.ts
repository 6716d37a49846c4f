import { describe, expect, it } from 'vitest';
import {
  CAP_ALERT_TOPIC,
  FIELD_SUBSCRIPTIONS,
  fieldTopics,
  parseReportTopic,
  parseSensorTopic,
  reportSchema,
  sensorDefSchema,
  sensorReadingSchema,
  sensorRowSchema,
} from '../../../../shared/schemas/field';
import { decodePayload } from '../../../../shared/schemas/mqtt';

const NOW = Date.UTC(2026, 6, 1, 8, 0, 0);
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const report = { reportId: 'app-7f3a', category: 'flood', text: '小区门口积水过膝', lat: 31.12, lon: 104.4, address: '滨江路12号', ts: NOW - 5000 };

describe('field topics', () => {
  it('subscribes to readings, reports and CAP alerts with single-level wildcards', () => {
    expect(FIELD_SUBSCRIPTIONS).toEqual(['qx/v1/sensors/+/reading', 'qx/v1/reports/+', 'qx/v1/alerts/cap']);
    expect(fieldTopics.reading('WL-01')).toBe('qx/v1/sensors/WL-01/reading');
    expect(fieldTopics.report('hotline')).toBe('qx/v1/reports/hotline');
    expect(fieldTopics.cap).toBe(CAP_ALERT_TOPIC);
  });

  it('parses sensor topics and rejects everything else', () => {
    expect(parseSensorTopic('qx/v1/sensors/WL-01/reading')).toEqual({ sensorId: 'WL-01' });
    expect(parseSensorTopic(fieldTopics.reading('GS_2.b'))).toEqual({ sensorId: 'GS_2.b' });
    expect(parseSensorTopic('qx/v2/sensors/WL-01/reading')).toBeNull();
    expect(parseSensorTopic('qx/v1/sensors/WL 01/reading')).toBeNull();
    expect(parseSensorTopic('qx/v1/sensors/WL-01/status')).toBeNull();
    expect(parseSensorTopic('qx/v1/sensors/WL-01/reading/x')).toBeNull();
    expect(parseSensorTopic('qx/v1/units/WL-01/reading')).toBeNull();
  });

  it('parses report topics of the three channels only', () => {
    expect(parseReportTopic('qx/v1/reports/app')).toEqual({ channel: 'app' });
    expect(parseReportTopic('qx/v1/reports/hotline')).toEqual({ channel: 'hotline' });
    expect(parseReportTopic('qx/v1/reports/station')).toEqual({ channel: 'station' });
    expect(parseReportTopic('qx/v1/reports/fax')).toBeNull();
    expect(parseReportTopic('qx/v1/reports/app/extra')).toBeNull();
    expect(parseReportTopic('qx/v1/reports')).toBeNull();
  });
});

describe('sensor reading payload', () => {
  it('decodes a reading as a gauge sends it, dropping unknown fields', () => {
    const r = decodePayload(sensorReadingSchema, enc({ kind: 'water_level', value: 4.32, unit: 'm', ts: NOW - 1000, battery: 87 }), NOW);
    expect(r).toEqual({ ok: true, value: { kind: 'water_level', value: 4.32, unit: 'm', ts: NOW - 1000 } });
  });

  it.each([
    ['a string value', { kind: 'gas', value: '12', unit: '%LEL', ts: NOW }, /value/],
    ['a missing unit', { kind: 'gas', value: 12, ts: NOW }, /unit/],
    ['an empty unit', { kind: 'gas', value: 12, unit: ' ', ts: NOW }, /unit/],
    ['a kind with a slash', { kind: 'gas/../x', value: 12, unit: '%LEL', ts: NOW }, /kind/],
    ['a future timestamp', { kind: 'gas', value: 12, unit: '%LEL', ts: NOW + 3_600_000 }, /future/],
    ['a prototype key', '{"kind":"gas","value":1,"unit":"%LEL","ts":1782892800000,"__proto__":{}}', /forbidden key/],
  ])('rejects %s', (_n, payload, reason) => {
    const r = decodePayload(sensorReadingSchema, enc(payload), NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('citizen report payload', () => {
  it('decodes a report, contact optional', () => {
    expect(decodePayload(reportSchema, enc(report), NOW)).toEqual({ ok: true, value: report });
    const withContact = decodePayload(reportSchema, enc({ ...report, contact: '138****0000' }), NOW);
    expect(withContact.ok && withContact.value.contact).toBe('138****0000');
  });

  it.each([
    ['text over 4000 characters', { ...report, text: '水'.repeat(4001) }, /text/],
    ['empty text', { ...report, text: '   ' }, /text/],
    ['contact over 200 characters', { ...report, contact: 'x'.repeat(201) }, /contact/],
    ['an address over 500 characters', { ...report, address: 'x'.repeat(501) }, /address/],
    ['a reportId unsafe as an id', { ...report, reportId: 'a b' }, /reportId/],
    ['a latitude out of range', { ...report, lat: 91 }, /lat/],
    ['no timestamp', { ...report, ts: undefined }, /ts/],
  ])('rejects %s', (_n, payload, reason) => {
    const r = decodePayload(reportSchema, enc(payload), NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('accepts text of exactly 4000 characters (counted in characters, not bytes)', () => {
    expect(reportSchema.safeParse({ ...report, text: '水'.repeat(4000) }).success).toBe(true);
  });
});

describe('sensor definitions', () => {
  const def = { id: 'WL-01', name: '水位站', kind: 'water_level', lat: 31.12, lon: 104.4, unit: 'm', warning: 4.5, alarm: 5.5 };

  it('accepts a definition, band optional', () => {
    expect(sensorDefSchema.parse(def)).toEqual(def);
    expect(sensorDefSchema.parse({ ...def, band: 0.1 }).band).toBe(0.1);
  });

  it('wants the alarm line above the warning line, a known kind and no extra fields', () => {
    expect(sensorDefSchema.safeParse({ ...def, alarm: 4.5 }).error?.issues[0].path).toEqual(['alarm']);
    expect(sensorDefSchema.safeParse({ ...def, kind: 'water-level' }).success).toBe(false);
    expect(sensorDefSchema.safeParse({ ...def, band: -1 }).success).toBe(false);
    expect(sensorDefSchema.safeParse({ ...def, colour: 'red' }).success).toBe(false);
  });

  it('reads CSV cells: plain decimals, an empty band as none, an empty number as missing (not 0)', () => {
    const row = { ...def, lat: '31.12', lon: '104.4', warning: '4.5', alarm: '5.5', band: '' };
    expect(sensorRowSchema.parse(row)).toEqual({ ...def, band: undefined });
    expect(sensorRowSchema.safeParse({ ...row, lat: '' }).error?.issues[0].path).toEqual(['lat']);
    expect(sensorRowSchema.safeParse({ ...row, warning: '0x10' }).success).toBe(false);
    expect(sensorRowSchema.safeParse({ ...row, warning: '-2.5', alarm: '+3' }).success).toBe(true);
  });
});
