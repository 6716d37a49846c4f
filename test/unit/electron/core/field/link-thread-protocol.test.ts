import { describe, expect, it } from 'vitest';
import { packPositions, unpackPositions } from '../../../../../electron/core/field/link-thread-protocol';
import type { PositionMsg } from '../../../../../shared/schemas/mqtt';

describe('positions packed for the crossing between threads', () => {
  it('come back as the tracker reads them: same ids in order, numbers exact, absent speed and heading still absent', () => {
    const latest = new Map<string, PositionMsg>([
      ['E-205', { lat: 31.123456789, lon: 104.987654321, ts: 1_795_000_000_123, speed: 0, heading: 359.5 }],
      ['P-101', { lat: -90, lon: 180, ts: 1_795_000_000_000 }],
      ['城管-7', { lat: 30.5, lon: 104.1, ts: 1_795_000_000_001, speed: 42 }],
    ]);
    const packed = packPositions(latest);
    expect(packed.values).toBeInstanceOf(Float64Array);
    const back: [string, PositionMsg][] = [];
    unpackPositions(packed, (id, msg) => back.push([id, msg]));
    expect(back).toEqual([...latest]);
    expect(Object.keys(back[1][1])).toEqual(['lat', 'lon', 'ts']);
  });

  it('leave out the accuracy, which the tracker does not keep', () => {
    const back: PositionMsg[] = [];
    unpackPositions(packPositions(new Map([['E-1', { lat: 1, lon: 2, ts: 3, acc: 15 }]])), (_id, msg) => back.push(msg));
    expect(back).toEqual([{ lat: 1, lon: 2, ts: 3 }]);
  });

  it('pack an empty batch as nothing', () => {
    const packed = packPositions(new Map());
    expect(packed.ids).toEqual([]);
    expect(packed.values.length).toBe(0);
  });
});
