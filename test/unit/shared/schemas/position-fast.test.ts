/**
 * The position fast path against the zod reference: on every generated payload — valid, near
 * every limit, wrong types, extra and forbidden keys, broken JSON and bytes — the fast path either
 * declines (null) or returns exactly what decodePayload(positionSchema) returns; and it does not
 * decline the ordinary valid payloads it exists for.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { random } from '../../../../bench/map-page/fleet';
import { decodePayload, positionSchema } from '../../../../shared/schemas/mqtt';
import { decodePositionFast, POSITION_LIMITS } from '../../../../shared/schemas/position-fast';

const NOW = Date.UTC(2026, 10, 29, 8, 0, 0);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
type Field = keyof typeof POSITION_LIMITS;
const FIELDS = Object.keys(POSITION_LIMITS) as Field[];

/** A seeded generator of position-like payloads, most of them close to a boundary. */
function generator(seed: number): () => string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const near = (x: number): number => pick([x, x - 1e-9, x + 1e-9, x - 1, x + 1, x - 0.5, x + 0.5, -x, x * (1 + 1e-15)]);
  const value = (f: Field): unknown => {
    const [lo, hi] = f === 'ts' ? [NOW - 25 * 3_600_000, NOW + 6 * 60_000] : POSITION_LIMITS[f];
    switch (Math.floor(rnd() * 14)) {
      case 0: return near(lo);
      case 1: return near(hi);
      case 2: return near(POSITION_LIMITS[f][0]);
      case 3: return near(POSITION_LIMITS[f][1]);
      case 4: return pick([null, '31.1', true, [], {}, { x: 1 }, 'NaN', -0, 0, Infinity, -Infinity]);
      case 5: return f === 'ts' ? NOW - Math.floor(rnd() * 1000) + 0.5 : lo + rnd() * (hi - lo);
      case 6: return f === 'ts' ? pick([NOW + 5 * 60_000, NOW + 5 * 60_000 + 1, NOW - 24 * 3_600_000, NOW - 24 * 3_600_000 - 1]) : near(lo);
      default: return f === 'ts' ? NOW - Math.floor(rnd() * 60_000) : lo + rnd() * (hi - lo);
    }
  };
  return () => {
    const o: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const required = f === 'lat' || f === 'lon' || f === 'ts';
      if (rnd() < (required ? 0.97 : 0.5)) o[f] = value(f);
    }
    let json = JSON.stringify(o);
    const extra = rnd();
    if (extra < 0.03) json = json.replace(/^\{/, `{"${pick(['__proto__', 'constructor', 'prototype', 'batt', 'lat'])}":${pick(['1', '{"a":1}', '"x"', 'null'])},`).replace(/,}$/, '}');
    else if (extra < 0.05) json = json.slice(0, Math.floor(rnd() * json.length));
    else if (extra < 0.06) json = pick(['[]', 'null', '1', '"x"', '[{"lat":1}]', ' ', '{"lat":1,"lat":2}']);
    else if (extra < 0.07) json = json.replace(/\d/, pick(['1e999', 'NaN', '-', '0x1']));
    return json;
  };
}

describe('position fast path', () => {
  it('decides exactly as the zod reference on 100,000 generated payloads', () => {
    const next = generator(20261129);
    let fast = 0;
    let accepted = 0;
    const mismatches: { text: string; fast: unknown; reference: unknown }[] = [];
    for (let i = 0; i < 100_000; i++) {
      const text = next();
      const bytes = i % 997 === 0 ? new Uint8Array([...enc(text), 0xff]) : enc(text);
      const reference = decodePayload(positionSchema, bytes, NOW);
      const quick = decodePositionFast(bytes, NOW);
      if (reference.ok) accepted++;
      if (quick === null) continue;
      fast++;
      // Same keys in the same order and the same values (also -0): a push of either is identical.
      const same = reference.ok && JSON.stringify(quick) === JSON.stringify(reference.value) && Object.entries(quick).every(([k, v]) => Object.is(v, (reference.value as Record<string, unknown>)[k]));
      if (!same && mismatches.length < 5) mismatches.push({ text, fast: quick, reference });
    }
    expect(mismatches).toEqual([]);
    // The generator must exercise both sides, and the fast path must take most valid payloads.
    expect(accepted).toBeGreaterThan(10_000);
    expect(fast).toBeGreaterThan(accepted * 0.9);
  }, 60_000);

  it('takes the ordinary device payloads without the reference', () => {
    const payloads = [
      { lat: 31.1251, lon: 104.3951, ts: NOW - 1000, speed: 12.5, heading: 270, acc: 8 },
      { lat: 31.1251, lon: 104.3951, ts: NOW },
      { lat: -90, lon: 180, ts: NOW - 24 * 3_600_000, speed: 0, heading: 360, acc: 100_000 },
    ];
    for (const p of payloads) expect(decodePositionFast(enc(JSON.stringify(p)), NOW)).toEqual(p);
  });

  it('leaves every rejection to the reference, which gives the reason', () => {
    for (const text of ['{"lat":91,"lon":0,"ts":1795939200000}', '{"lat":31,"lon":104,"ts":1795939200000,"__proto__":{"x":1}}', '{lat:1}', '{"lat":31,"lon":104,"ts":1.5}']) {
      expect(decodePositionFast(enc(text), NOW)).toBeNull();
      expect(decodePayload(positionSchema, enc(text), NOW).ok).toBe(false);
    }
    expect(decodePositionFast(new Uint8Array([0x7b, 0xff, 0x7d]), NOW)).toBeNull();
  });

  it('uses the schema’s own limits', () => {
    const shape = positionSchema.shape;
    for (const f of FIELDS) {
      const s = shape[f] instanceof z.ZodOptional ? shape[f].unwrap() : shape[f];
      expect([s.minValue, s.maxValue], f).toEqual([...POSITION_LIMITS[f]]);
    }
    expect(shape.ts.format).toBe('safeint');
  });
});
