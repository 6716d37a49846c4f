import { describe, expect, it } from 'vitest';
import { formatHlc, HybridLogicalClock, parseHlc } from '../../../shared/hlc';

describe('hybrid logical clock', () => {
  it('follows wall time and counts within one millisecond', () => {
    let t = 1_000;
    const c = new HybridLogicalClock('a', () => t);
    const s1 = c.tick();
    const s2 = c.tick();
    t = 2_000;
    const s3 = c.tick();
    expect(parseHlc(s1)).toEqual({ wall: 1_000, counter: 0, node: 'a' });
    expect(parseHlc(s2)).toEqual({ wall: 1_000, counter: 1, node: 'a' });
    expect(parseHlc(s3)).toEqual({ wall: 2_000, counter: 0, node: 'a' });
  });

  it('never goes backwards when the wall clock does', () => {
    let t = 5_000;
    const c = new HybridLogicalClock('a', () => t);
    const before = c.tick();
    t = 1_000;
    const after = c.tick();
    expect(after > before).toBe(true);
  });

  it('orders a received stamp before the receive event, even from a clock ahead of ours', () => {
    const remote = formatHlc({ wall: 9_000, counter: 7, node: 'b' });
    const c = new HybridLogicalClock('a', () => 1_000);
    const r = c.receive(remote);
    expect(r > remote).toBe(true);
    expect(parseHlc(r)).toEqual({ wall: 9_000, counter: 8, node: 'a' });
  });

  it('restores from the last persisted stamp so a restart never reissues one', () => {
    const last = formatHlc({ wall: 3_000, counter: 4, node: 'a' });
    const c = new HybridLogicalClock('a', () => 3_000);
    c.restore(last);
    expect(c.tick() > last).toBe(true);
  });

  it('sorts as text in clock order', () => {
    const stamps = [
      formatHlc({ wall: 10, counter: 2, node: 'a' }),
      formatHlc({ wall: 9, counter: 99, node: 'b' }),
      formatHlc({ wall: 10, counter: 10, node: 'a' }),
    ];
    expect([...stamps].sort()).toEqual([stamps[1], stamps[0], stamps[2]]);
  });

  it('refuses node ids that would break the format', () => {
    expect(() => new HybridLogicalClock('a:b')).toThrow(/invalid HLC node/);
  });
});
