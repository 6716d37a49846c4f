import { describe, expect, it } from 'vitest';
import { ackSchema, decodePayload, MAX_PAYLOAD_BYTES, parseUnitTopic, positionSchema, statusSchema } from '../../../../shared/schemas/mqtt';

const NOW = Date.UTC(2026, 10, 29, 8, 0, 0);
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('MQTT v1 topics', () => {
  it('parses unit topics and rejects everything else', () => {
    expect(parseUnitTopic('qx/v1/units/F-101/position')).toEqual({ unitId: 'F-101', kind: 'position' });
    expect(parseUnitTopic('qx/v1/units/F-101/ack')).toEqual({ unitId: 'F-101', kind: 'ack' });
    expect(parseUnitTopic('qx/v2/units/F-101/position')).toBeNull();
    expect(parseUnitTopic('qx/v1/units/F 101/position')).toBeNull();
    expect(parseUnitTopic('qx/v1/units/F-101/position/extra')).toBeNull();
    expect(parseUnitTopic('qx/v1/units/F-101/teleport')).toBeNull();
  });
});

describe('payload decoding', () => {
  it('accepts a position as a device sends it', () => {
    const r = decodePayload(positionSchema, enc({ lat: 31.13, lon: 104.4, ts: NOW - 1000, speed: 12.5, heading: 270, acc: 8 }), NOW);
    expect(r).toEqual({ ok: true, value: { lat: 31.13, lon: 104.4, ts: NOW - 1000, speed: 12.5, heading: 270, acc: 8 } });
  });

  it.each([
    ['not JSON', '{lat: 1', /not JSON/],
    ['wrong type', { lat: '31.1', lon: 104.4, ts: NOW }, /lat/],
    ['latitude out of range', { lat: 91, lon: 104.4, ts: NOW }, /lat/],
    ['NaN as null', '{"lat":null,"lon":104.4,"ts":1795939200000}', /lat/],
    ['future timestamp', { lat: 31, lon: 104, ts: NOW + 10 * 60_000 }, /future/],
    ['ancient timestamp', { lat: 31, lon: 104, ts: NOW - 48 * 3_600_000 }, /too old/],
    ['prototype key', '{"lat":31,"lon":104,"ts":1795939200000,"__proto__":{"x":1}}', /forbidden key/],
  ])('rejects %s with a reason', (_name, payload, reason) => {
    const r = decodePayload(positionSchema, enc(payload), NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('rejects invalid UTF-8 and oversized payloads before parsing', () => {
    const bad = decodePayload(positionSchema, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), NOW);
    expect(bad).toEqual({ ok: false, reason: 'payload is not valid UTF-8' });
    const big = decodePayload(positionSchema, new Uint8Array(MAX_PAYLOAD_BYTES + 1).fill(0x20), NOW);
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.reason).toMatch(/too large/);
  });

  it('accepts statuses and acks of the contract and rejects unknown statuses', () => {
    expect(decodePayload(statusSchema, enc({ status: 'en_route', ts: NOW, orderId: 'o-1' }), NOW).ok).toBe(true);
    expect(decodePayload(statusSchema, enc({ status: 'lunch', ts: NOW }), NOW).ok).toBe(false);
    expect(decodePayload(ackSchema, enc({ orderId: 'o-1', accepted: false, ts: NOW, reason: 'engine fault' }), NOW).ok).toBe(true);
    expect(decodePayload(ackSchema, enc({ orderId: 'o-1', ts: NOW }), NOW).ok).toBe(false);
  });
});
