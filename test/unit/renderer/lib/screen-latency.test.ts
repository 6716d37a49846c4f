import { describe, expect, it } from 'vitest';
import { ScreenLatency } from '../../../../renderer/src/lib/screen-latency';

describe('ScreenLatency', () => {
  it('counts a batch only once a draw includes its table version', () => {
    const s = new ScreenLatency();
    s.arrived(5, [1_000, 1_010]);
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

  it('gives p50 and p99 over the window and forgets older draws', () => {
    const s = new ScreenLatency();
    // 100 positions 1..100 ms old at draw time 10,000; one very late batch a minute earlier.
    s.arrived(1, [0]);
    s.drawn(1, 5_000);
    s.arrived(2, Array.from({ length: 100 }, (_, i) => 70_000 - (i + 1)));
    s.drawn(2, 70_000);
    const r = s.summary(70_000, 60_000);
    expect(r.samples).toBe(100);
    expect(r.p50).toBe(51);
    expect(r.p99).toBe(100);
    expect(s.summary(70_000, 120_000).max).toBe(5_000);
  });

  it('drops the oldest batches while nothing draws, and says how many', () => {
    const s = new ScreenLatency();
    for (let v = 1; v <= 300; v++) s.arrived(v, [v]);
    s.drawn(300, 1_000);
    const r = s.summary(1_000);
    expect(r.samples).toBe(256);
    expect(r.undrawn).toBe(44);
    expect(r.max).toBe(1_000 - 45);
  });
});
