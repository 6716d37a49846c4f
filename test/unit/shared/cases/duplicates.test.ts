import { describe, expect, it } from 'vitest';
import { duplicateReasons, findDuplicates, normalizePhone, textSimilarity, type DuplicateSubject } from '../../../../shared/cases/duplicates';
import { hotspotsFor, type HotspotCase } from '../../../../shared/cases/hotspots';

const DAY = 86_400_000;
const base: DuplicateSubject = { id: 'a', phone: '+86 138-0013-8000', address: '幸福小区 3 栋', description: '楼上装修噪声扰民，晚上十点还在施工', category: 'neighbour_dispute.noise', lat: 31.13, lon: 104.4, receivedAt: 10 * DAY };

describe('duplicate and related cases', () => {
  it('match the same phone however it is written, the same address, similar Chinese text', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe(normalizePhone('13800138000'));
    expect(textSimilarity('楼上装修噪声扰民，晚上十点还在施工', '楼上装修噪声扰民 晚上还在施工')).toBeGreaterThan(0.7);
    expect(textSimilarity('楼上装修噪声扰民', '拖欠工资三个月')).toBeLessThan(0.1);
    const b = { ...base, id: 'b', phone: '13800138000', address: '幸福小区3栋', receivedAt: 11 * DAY, lat: 31.2, lon: 104.5 };
    expect(duplicateReasons(base, b)).toEqual(['same_phone', 'same_address', 'similar_text']);
  });

  it('relate nearby cases of the same category, and nothing outside the time window', () => {
    const near = { ...base, id: 'n', phone: null, address: '幸福小区 5 栋', description: '噪音', lat: 31.1305, lon: 104.4003 };
    expect(duplicateReasons(base, near)).toEqual(['nearby_same_category']);
    expect(duplicateReasons(base, { ...base, id: 'old', receivedAt: 2 * DAY })).toEqual([]);
    expect(duplicateReasons(base, base)).toEqual([]);
  });

  it('rank candidates by score and leave out unrelated cases', () => {
    const others = [
      { ...base, id: 'phone-only', address: '别处', description: '别的事情', category: 'consumer', lat: 31.0, lon: 104.3 },
      { ...base, id: 'all' },
      { ...base, id: 'none', phone: null, address: '别处', description: '完全不同的内容', category: 'consumer', lat: 31.0, lon: 104.3 },
    ];
    expect(findDuplicates({ ...base, id: 'x' }, others).map((d) => d.other.id)).toEqual(['all', 'phone-only']);
  });
});

describe('hot spots', () => {
  const c = (id: string, dayOffset: number, dLat = 0, address = `路 ${id} 号`, dispute = true): HotspotCase => ({ id, lat: 31.13 + dLat, lon: 104.4, address, receivedAt: 10 * DAY + dayOffset * DAY, dispute });

  it('fire for 3 disputes within 300 m in 7 days, not for 2, not for older or farther ones', () => {
    const recent = [c('1', -1), c('2', -2, 0.002), c('far', -1, 0.01), c('old', -9), c('nodispute', -1, 0, 'x', false)];
    const spots = hotspotsFor(c('new', 0), recent);
    expect(spots).toHaveLength(1);
    expect(spots[0]).toMatchObject({ kind: 'cluster', radiusM: 300 });
    expect([...spots[0].caseIds].sort()).toEqual(['1', '2', 'new']);
    expect(hotspotsFor(c('new', 0), [c('1', -1)])).toEqual([]);
  });

  it('fire for repeated reports from one address, whatever the category', () => {
    const recent = [c('1', -1, 0.05, '幸福小区 3 栋', false), c('2', -3, 0.05, '幸福小区3栋', false)];
    const spots = hotspotsFor(c('new', 0, 0.05, '幸福小区 3 栋', false), recent);
    expect(spots.map((s) => s.kind)).toEqual(['address']);
    expect(spots[0].caseIds).toHaveLength(3);
  });

  it('keep one key while a cluster grows', () => {
    const a = hotspotsFor(c('3', 0), [c('1', -1), c('2', -1)]);
    const b = hotspotsFor(c('4', 0.1), [c('1', -1), c('2', -1), c('3', 0)]);
    expect(b[0].key).toBe(a[0].key);
  });
});
