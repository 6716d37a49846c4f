import { describe, expect, it } from 'vitest';
import { age, clock, distance, etaClock, etaMinutes, latLon, priorityBand, span } from '../../../renderer/src/lib/format';

describe('format', () => {
  it('gives ages in their largest whole unit', () => {
    expect(age(-5)).toEqual({ n: 0, unit: 's' });
    expect(age(59_999)).toEqual({ n: 59, unit: 's' });
    expect(age(60_000)).toEqual({ n: 1, unit: 'm' });
    expect(age(3 * 3_600_000 + 5)).toEqual({ n: 3, unit: 'h' });
    expect(age(2 * 86_400_000)).toEqual({ n: 2, unit: 'd' });
  });

  it('rounds ETAs up to whole minutes, never 0', () => {
    expect(etaMinutes(0)).toBe(1);
    expect(etaMinutes(61)).toBe(2);
    expect(etaMinutes(120)).toBe(2);
  });

  it('shows metres below a kilometre, then kilometres', () => {
    expect(distance(420.4)).toBe('420 m');
    expect(distance(1250)).toBe('1.3 km');
    expect(distance(12_400)).toBe('12 km');
  });

  it('formats coordinates and times for reading aloud', () => {
    expect(latLon(31.13, 104.4)).toBe('31.13000, 104.40000');
    expect(clock(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('03:04:05');
  });

  it('bands priorities: 1 critical, 2 high, the rest normal', () => {
    expect([1, 2, 3, 9].map(priorityBand)).toEqual(['critical', 'high', 'normal', 'normal']);
  });

  it('reads spans as a stopwatch: m:ss, then h:mm:ss; never negative', () => {
    expect(span(0)).toBe('0:00');
    expect(span(-5_000)).toBe('0:00');
    expect(span(59_999)).toBe('0:59');
    expect(span(61_000)).toBe('1:01');
    expect(span(10 * 60_000 + 5_000)).toBe('10:05');
    expect(span(3_600_000 + 2 * 60_000 + 3_000)).toBe('1:02:03');
  });

  it('gives ETAs as min:sec, rounded to the second', () => {
    expect(etaClock(187)).toBe('3:07');
    expect(etaClock(59.6)).toBe('1:00');
    expect(etaClock(0)).toBe('0:00');
  });
});
