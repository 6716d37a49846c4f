import { describe, expect, it } from 'vitest';
import { ScreenLatency } from '../../../../renderer/src/lib/screen-latency';

describe('ScreenLatency', () => {
  it('counts a batch only once a draw includes its table version', () => {
    const s = new ScreenLatency();
    s.arrived(5, [1_000, 1_010], 1_020);
    s.drawn(4, 1_050); // an older version: the batch is not on screen yet
    expect(s.summary(1_100).samples).toBe(0);
    s.drawn(5, 1_060);
    const r = s.summary(1_100);
    expect(r.samples).toBe(2);
    expect(r.max).toBe(60);
    expect(r.p50).toBe(60);
    s.drawn(6, 2_000); // drawn batches are not counted twice
    expect(s.summary(2_100).samples).toBe(2);
  });

  it('tells how much of the delay was spent before the page received the positions', () => {
    const s = new ScreenLatency();
    s.arrived(1, [1_000, 1_040], 1_050); // 50 and 10 ms old on arrival
    s.drawn(1, 1_200); // then waited for a frame
    const r = s.summary(1_300);
    expect(r.received).toEqual({ p50: 50, p99: 50 });
    expect(r.p50).toBe(200);
    expect(r.p99).toBe(200);
    s.reset();
    expect(s.summary(1_300).received.p50).toBeNaN();
  });

  it('counts the draws per second', () => {
    const s = new ScreenLatency();
    for (let i = 0; i <= 20; i++) s.drawn(i, 10_000 + i * 50); // 20 a second for a second
    expect(s.summary(11_000).drawsPerSecond).toBeCloseTo(20, 5);
    expect(s.summary(80_000).drawsPerSecond).toBe(0); // a minute later: none in the window
  });

  it('gives p50 and p99 over the window and forgets older draws', () => {
    const s = new ScreenLatency();
    // 100 positions 1..100 ms old at draw time 10,000; one very late batch a minute earlier.
    s.arrived(1, [0], 10);
    s.drawn(1, 5_000);
    s.arrived(2, Array.from({ length: 100 }, (_, i) => 70_000 - (i + 1)), 70_000);
    s.drawn(2, 70_000);
    const r = s.summary(70_000, 60_000);
    expect(r.samples).toBe(100);
    expect(r.p50).toBe(51);
    expect(r.p99).toBe(100);
    expect(s.summary(70_000, 120_000).max).toBe(5_000);
  });

  it('drops the oldest batches while nothing draws, and says how many', () => {
    const s = new ScreenLatency();
    for (let v = 1; v <= 300; v++) s.arrived(v, [v], v);
    s.drawn(300, 1_000);
    const r = s.summary(1_000);
    expect(r.samples).toBe(256);
    expect(r.undrawn).toBe(44);
    expect(r.max).toBe(1_000 - 45);
  });
});
