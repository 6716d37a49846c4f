/**
 * A simulated fleet for the map bench: N units driving circuits around the training city, each
 * reporting once per second. Reports are handed over in batches every ~33 ms, as the core's
 * flush does (electron/core/field/units.ts); the page pushes them as the core does (positions,
 * and whole views of units whose status changed). Seeded, so every run draws the same city.
 */
import type { UnitStatus, UnitView } from '../../shared/model';

export const CITY = { west: 104.33, south: 31.085, east: 104.47, north: 31.175 };
const AGENCIES = ['fire', 'ems', 'police', 'traffic', 'urban', 'emergency', 'resources', 'grid'] as const;
const PREFIX: Readonly<Record<(typeof AGENCIES)[number], string>> = {
  fire: '消防',
  ems: '急救',
  police: '巡警',
  traffic: '交警',
  urban: '城管',
  emergency: '应急',
  resources: '资源',
  grid: '网格',
};
const STATUSES: readonly UnitStatus[] = ['available', 'available', 'available', 'en_route', 'on_scene', 'returning', 'transporting', 'out_of_service'];
const M_PER_DEG = 111_320;

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Circuit {
  readonly lon: number;
  readonly lat: number;
  readonly radius: number;
  readonly omega: number;
  readonly phase: number;
}

export class Fleet {
  private readonly circuits: Circuit[] = [];
  private readonly base: Omit<UnitView, 'lat' | 'lon' | 'heading' | 'speed' | 'positionTs'>[] = [];
  private readonly rnd: () => number;
  private timer = 0;
  private sent = 0;
  private startedAt = 0;

  /**
   * @param statusChanges share of reports that carry a new status (status messages are events:
   * a few a minute per unit at most; 0.002 gives 40 a second across 20,000 units)
   */
  constructor(
    readonly count: number,
    seed = 7,
    private readonly statusChanges = 0.002,
  ) {
    const rnd = random(seed);
    this.rnd = random(seed + 1);
    for (let i = 0; i < count; i++) {
      const agency = AGENCIES[i % AGENCIES.length];
      const radius = 80 + rnd() * 500;
      const speed = 4 + rnd() * 12;
      this.circuits.push({
        lon: CITY.west + rnd() * (CITY.east - CITY.west),
        lat: CITY.south + rnd() * (CITY.north - CITY.south),
        radius,
        omega: (speed / radius) * (rnd() < 0.5 ? 1 : -1),
        phase: rnd() * Math.PI * 2,
      });
      this.base.push({
        id: `U${String(i).padStart(5, '0')}`,
        name: `${PREFIX[agency]}${i}`,
        agency,
        type: null,
        station: null,
        registered: rnd() > 0.02,
        status: STATUSES[Math.floor(rnd() * STATUSES.length)],
        statusSince: 0,
        incidentId: null,
      });
    }
  }

  /** Unit `i` as reported at time `t` (seconds); a report sometimes changes the unit's status. */
  unit(i: number, t: number): UnitView {
    if (t > 0 && this.rnd() < this.statusChanges) {
      this.base[i] = { ...this.base[i], status: STATUSES[Math.floor(this.rnd() * STATUSES.length)] };
    }
    const c = this.circuits[i];
    const a = c.phase + c.omega * t;
    const east = c.radius * Math.cos(a);
    const north = c.radius * Math.sin(a);
    // Tangent of the circle, as a compass heading (degrees clockwise from north).
    const dir = Math.atan2(-Math.sin(a) * Math.sign(c.omega), Math.cos(a) * Math.sign(c.omega));
    const heading = (((dir * 180) / Math.PI) % 360 + 360) % 360;
    return {
      ...this.base[i],
      lat: c.lat + north / M_PER_DEG,
      lon: c.lon + east / (M_PER_DEG * Math.cos((c.lat * Math.PI) / 180)),
      heading,
      speed: Math.abs(c.omega * c.radius),
      positionTs: Date.now(),
    };
  }

  all(t: number): UnitView[] {
    return this.circuits.map((_, i) => this.unit(i, t));
  }

  /**
   * Reports every unit once per second, in batches every `flushMs`: unit i reports at i/N of each
   * second, so the load is even, as with real devices on independent clocks.
   */
  start(send: (batch: UnitView[]) => void, flushMs = 33): void {
    this.stop();
    this.startedAt = performance.now();
    this.sent = 0;
    this.timer = window.setInterval(() => {
      const elapsed = performance.now() - this.startedAt;
      const due = Math.floor((this.count * elapsed) / 1000);
      const t = elapsed / 1000;
      const batch: UnitView[] = [];
      for (; this.sent < due; this.sent++) batch.push(this.unit(this.sent % this.count, t));
      if (batch.length) send(batch);
    }, flushMs);
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.timer = 0;
  }
}
