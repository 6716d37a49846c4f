import { describe, expect, it } from 'vitest';
import {
  DUR,
  FLAG_HEADING,
  FLAG_HIDDEN,
  FLAG_REGISTERED,
  FLAG_SELECTED,
  STATUS_SHIFT,
  STRIDE,
  STYLE,
  UnitTable,
  type UnitLook,
} from '../../../../renderer/src/map/live/unit-table';

const look = (patch: Partial<UnitLook> = {}): UnitLook => ({ agency: 2, status: 1, registered: true, heading: null, label: 'U', ...patch });
const X = 11_620_000;
const Y = 3_650_000;

function drawn(t: UnitTable, id: string, time: number): [number, number] {
  const s = t.slotOf(id);
  if (s === undefined) throw new Error(`no ${id}`);
  const p = new Float64Array(2);
  t.at(s, time, p);
  return [p[0] + t.originX, p[1] + t.originY];
}

describe('UnitTable', () => {
  it('packs agency, status and flags into the style word the shader reads', () => {
    const t = new UnitTable();
    const s = t.set('a', X, Y, look({ agency: 5, status: 3, heading: 1 }), 0);
    const word = t.u32[s * STRIDE + STYLE];
    expect(word & 31).toBe(5);
    expect((word >> STATUS_SHIFT) & 15).toBe(3);
    expect(word & FLAG_REGISTERED).toBeTruthy();
    expect(word & FLAG_HEADING).toBeTruthy();
  });

  it('keeps coordinates relative to an origin near the first unit (float32 keeps millimetres)', () => {
    const t = new UnitTable();
    t.set('a', X + 0.123, Y + 0.456, look(), 0);
    expect(Math.abs(t.originX - X)).toBeLessThanOrEqual(1_000);
    const [x, y] = drawn(t, 'a', 0);
    expect(x).toBeCloseTo(X + 0.123, 3);
    expect(y).toBeCloseTo(Y + 0.456, 3);
  });

  it('glides from where the symbol is drawn to a new report over `interpolate` seconds', () => {
    const t = new UnitTable(1);
    t.set('a', X, Y, look(), 10);
    t.set('a', X + 100, Y, look(), 20);
    expect(t.lastSetVisible).toBe(false); // a glide starts where the symbol already is
    expect(drawn(t, 'a', 20)[0]).toBeCloseTo(X, 3);
    expect(drawn(t, 'a', 20.5)[0]).toBeCloseTo(X + 50, 3);
    expect(drawn(t, 'a', 21.5)[0]).toBeCloseTo(X + 100, 3);
    // A report mid-glide bends the path from the drawn point; it never jumps back.
    t.set('a', X + 100, Y + 100, look(), 20.5);
    expect(drawn(t, 'a', 20.5)).toEqual([expect.closeTo(X + 50, 3), expect.closeTo(Y, 3)]);
    expect(t.movingUntil).toBeCloseTo(21.5);
    expect(t.maxSpeed(20.5)).toBeGreaterThan(100);
  });

  it('jumps (and says so) for a first fix, a long jump, or with interpolation off', () => {
    const t = new UnitTable(1, 1_500);
    t.set('a', X, Y, look(), 0);
    expect(t.lastSetVisible).toBe(true);
    t.set('a', X + 5_000, Y, look(), 1);
    expect(t.lastSetVisible).toBe(true);
    expect(drawn(t, 'a', 1)[0]).toBeCloseTo(X + 5_000, 3);
    const off = new UnitTable(0);
    off.set('b', X, Y, look(), 0);
    off.set('b', X + 10, Y, look(), 1);
    expect(off.lastSetVisible).toBe(true);
    expect(drawn(off, 'b', 1)[0]).toBeCloseTo(X + 10, 3);
  });

  it('marks a new status or a sharp turn as visible at once, a small turn not', () => {
    const t = new UnitTable(1);
    t.set('a', X, Y, look({ heading: 0 }), 0);
    t.set('a', X + 10, Y, look({ heading: 0.02 }), 1);
    expect(t.lastSetVisible).toBe(false);
    t.set('a', X + 20, Y, look({ heading: 0.5 }), 2);
    expect(t.lastSetVisible).toBe(true);
    t.set('a', X + 30, Y, look({ heading: 0.5, status: 4 }), 3);
    expect(t.lastSetVisible).toBe(true);
  });

  it('stays dense on removal: the last record moves into the hole, with its flags and index', () => {
    const t = new UnitTable();
    t.set('a', X, Y, look(), 0);
    t.set('b', X + 100, Y, look(), 0);
    t.set('c', X + 200, Y, look({ label: 'C' }), 0);
    const c = t.slotOf('c') ?? -1;
    t.flag(c, FLAG_SELECTED, true);
    t.remove('a');
    expect(t.count).toBe(2);
    expect(t.slotOf('a')).toBeUndefined();
    const moved = t.slotOf('c') ?? -1;
    expect(moved).toBe(0);
    expect(t.ids[0]).toBe('c');
    expect(t.labels[0]).toBe('C');
    expect(t.has(0, FLAG_SELECTED)).toBe(true);
    // The index follows: c is found under its new number, and no stale slot is left behind.
    const found: number[] = [];
    t.grid.query(X + 200 - t.originX, Y - t.originY, 5, (s) => found.push(s));
    expect(found).toContain(0);
    expect(Math.max(...found)).toBeLessThan(t.count);
  });

  it('keeps selection and clustering flags across reports, and bumps the version on every change', () => {
    const t = new UnitTable();
    const s = t.set('a', X, Y, look(), 0);
    t.flag(s, FLAG_HIDDEN, true);
    const v = t.version;
    t.set('a', X + 1, Y, look(), 1);
    expect(t.has(s, FLAG_HIDDEN)).toBe(true);
    expect(t.version).toBeGreaterThan(v);
    expect(t.flag(s, FLAG_HIDDEN, true)).toBe(false);
  });

  it('grows past its first capacity without losing records', () => {
    const t = new UnitTable();
    for (let i = 0; i < 5_000; i++) t.set(`u${i}`, X + i, Y, look(), 0);
    expect(t.count).toBe(5_000);
    expect(t.f32.length).toBeGreaterThanOrEqual(5_000 * STRIDE);
    expect(drawn(t, 'u4321', 0)[0]).toBeCloseTo(X + 4_321, 3);
    expect(t.f32[(t.slotOf('u10') ?? 0) * STRIDE + DUR]).toBe(0);
  });
});
