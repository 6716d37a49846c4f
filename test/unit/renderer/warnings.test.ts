/** Pure helpers of the warnings list: order, badge count, when to sound, where an area is. */
import { describe, expect, it } from 'vitest';
import { reading, stamp } from '../../../renderer/src/lib/format';
import {
  areaCentre,
  areaExtent,
  capIgnoredKey,
  describeArea,
  SeverityWatch,
  sortReports,
  sortWarnings,
  unacknowledged,
} from '../../../renderer/src/lib/warnings';
import type { WarningArea } from '../../../shared/model';
import { report, warning } from './fixtures';

const square: WarningArea = {
  type: 'Polygon',
  coordinates: [
    [
      [104.3, 31.1],
      [104.5, 31.1],
      [104.5, 31.2],
      [104.3, 31.2],
      [104.3, 31.1],
    ],
  ],
};

describe('warnings list', () => {
  it('puts the worst first, then the newest, and keeps ties stable by id', () => {
    const list = [
      warning('a', { severity: 'moderate', raisedAt: 5 }),
      warning('b', { severity: 'extreme', raisedAt: 1 }),
      warning('c', { severity: 'moderate', raisedAt: 9 }),
      warning('e', { severity: 'severe', raisedAt: 3 }),
      warning('d', { severity: 'severe', raisedAt: 3 }),
      warning('f', { severity: 'minor', raisedAt: 99 }),
    ];
    expect(sortWarnings(list).map((w) => w.id)).toEqual(['b', 'd', 'e', 'c', 'a', 'f']);
  });

  it('counts the open warnings nobody acknowledged', () => {
    const list = [warning('a'), warning('b', { acknowledgedBy: '张伟', acknowledgedAt: 2 }), warning('c', { clearedAt: 3 }), warning('d')];
    expect(unacknowledged(list)).toBe(2);
    expect(unacknowledged([])).toBe(0);
  });

  it('lists reports newest received first', () => {
    const list = [report('r1', { receivedAt: 1 }), report('r3', { receivedAt: 3 }), report('r2', { receivedAt: 2 })];
    expect(sortReports(list).map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
  });
});

describe('SeverityWatch', () => {
  it('sounds once for a new severe or extreme warning, and again only when it gets worse', () => {
    const w = new SeverityWatch();
    expect(w.observe(warning('a', { severity: 'moderate' }))).toBe(false);
    expect(w.observe(warning('a', { severity: 'severe' }))).toBe(true);
    // Repeats (push, call result, reload) and an acknowledgement do not sound again.
    expect(w.observe(warning('a', { severity: 'severe' }))).toBe(false);
    expect(w.observe(warning('a', { severity: 'severe', acknowledgedBy: 'x' }))).toBe(false);
    // Better then worse again: not louder than what was heard.
    expect(w.observe(warning('a', { severity: 'moderate' }))).toBe(false);
    expect(w.observe(warning('a', { severity: 'severe' }))).toBe(false);
    expect(w.observe(warning('a', { severity: 'extreme' }))).toBe(true);
    expect(w.observe(warning('b', { severity: 'minor' }))).toBe(false);
  });

  it('forgets a cleared warning, so that a raised one sounds again', () => {
    const w = new SeverityWatch();
    expect(w.observe(warning('a', { severity: 'extreme' }))).toBe(true);
    expect(w.observe(warning('a', { severity: 'extreme', clearedAt: 5 }))).toBe(false);
    expect(w.observe(warning('a', { severity: 'extreme' }))).toBe(true);
    expect(w.observeAll([warning('x', { severity: 'moderate' }), warning('y', { severity: 'severe' })])).toBe(true);
    expect(w.observeAll([warning('x', { severity: 'moderate' }), warning('y', { severity: 'severe' })])).toBe(false);
  });
});

describe('warning areas', () => {
  it('bounds points, polygons and circles (radius on the ground)', () => {
    expect(areaExtent(null)).toBeNull();
    expect(areaExtent({ type: 'Point', coordinates: [104.4, 31.1] })).toEqual([104.4, 31.1, 104.4, 31.1]);
    expect(areaExtent(square)).toEqual([104.3, 31.1, 104.5, 31.2]);
    const circle = areaExtent({ type: 'Circle', center: [104.4, 60], radiusM: 1113.2 });
    if (!circle) throw new Error('a circle has an extent');
    const [minLon, minLat, maxLon, maxLat] = circle;
    expect(maxLat - minLat).toBeCloseTo(0.02, 6);
    // At 60° a degree of longitude is half as long: twice as many degrees for the same metres.
    expect(maxLon - minLon).toBeCloseTo(0.04, 4);
  });

  it('finds the middle of a collection', () => {
    const both: WarningArea = { type: 'GeometryCollection', geometries: [square, { type: 'Point', coordinates: [104.7, 31.3] }] };
    const [lon, lat] = areaCentre(both) ?? [];
    expect(lon).toBeCloseTo(104.5, 9);
    expect(lat).toBeCloseTo(31.2, 9);
  });

  it('describes an area for the list', () => {
    expect(describeArea(null)).toEqual({ kind: 'none' });
    expect(describeArea({ type: 'GeometryCollection', geometries: [] })).toEqual({ kind: 'none' });
    expect(describeArea({ type: 'Point', coordinates: [104.4, 31.1] })).toEqual({ kind: 'point', lat: 31.1, lon: 104.4 });
    expect(describeArea({ type: 'Circle', center: [104.4, 31.1], radiusM: 0 })).toEqual({ kind: 'point', lat: 31.1, lon: 104.4 });
    expect(describeArea({ type: 'Circle', center: [104.4, 31.1], radiusM: 2000 })).toMatchObject({ kind: 'circle', radiusM: 2000 });
    expect(describeArea(square)).toMatchObject({ kind: 'polygon' });
    expect(describeArea({ type: 'GeometryCollection', geometries: [square, square] })).toMatchObject({ kind: 'several', count: 2 });
  });
});

describe('CAP outcomes and times', () => {
  it('localizes the usual reasons for ignoring a CAP message, and leaves the rest as they are', () => {
    expect(capIgnoredKey('already expired')).toEqual({ key: 'cap.why.expired', params: {} });
    expect(capIgnoredKey('repeat of a message already received')).toEqual({ key: 'cap.why.repeat', params: {} });
    expect(capIgnoredKey('superseded by a later message that references it')?.key).toBe('cap.why.superseded');
    expect(capIgnoredKey('no info block: nothing to warn about')?.key).toBe('cap.why.noInfo');
    expect(capIgnoredKey('status Test: not a warning')).toEqual({ key: 'cap.why.status', params: { value: 'Test' } });
    expect(capIgnoredKey('msgType Ack: not a warning')).toEqual({ key: 'cap.why.msgType', params: { value: 'Ack' } });
    expect(capIgnoredKey('something new')).toBeNull();
  });

  it('stamps times as hours and minutes, with the date when not today', () => {
    const now = new Date(2026, 5, 17, 15, 0).getTime();
    expect(stamp(new Date(2026, 5, 17, 12, 3, 59).getTime(), now)).toBe('12:03');
    expect(stamp(new Date(2026, 5, 18, 0, 5).getTime(), now)).toBe('06-18 00:05');
  });

  it('labels readings without noise', () => {
    expect(reading(5.8, 'm')).toBe('5.8 m');
    expect(reading(12, '%LEL')).toBe('12 %LEL');
    expect(reading(1.23456, 'mm/h')).toBe('1.23 mm/h');
  });
});
