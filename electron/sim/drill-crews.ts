/**
 * Simulated crews for a drill: one MQTT client speaking contract v1 in the drill namespace for
 * every unit on duty, as real devices would. A crew acknowledges an order after a while (or refuses
 * it, when the scenario says so), rolls, drives the road graph's shortest route at its roads'
 * speeds, reports en route → on scene → available, and can break down or lose its signal.
 * Everything runs on the drill clock (scenario time) through `tick()`.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { drivingRoute, type EdgeOpen, type RouteLeg } from '../../shared/domain/road-path.js';
import type { RoadGraph } from '../../shared/domain/roads.js';
import { distanceM, type LatLon } from '../../shared/geo.js';
import type { UnitStatus } from '../../shared/model.js';
import { decodePayload, orderSchema, parseUnitTopic, topics, type OrderMsg } from '../../shared/schemas/mqtt.js';
import type { TopicNamespace } from '../../shared/schemas/namespace.js';

export interface CrewTiming {
  /** Seconds of scenario time. */
  readonly ackAfter: number;
  readonly rollAfter: number;
  readonly onSceneFor: number;
  readonly speedFactor: number;
}

interface Crew {
  readonly id: string;
  pos: LatLon;
  status: UnitStatus;
  orderId: string | null;
  route: RouteLeg[];
  legAt: number;
  legDoneM: number;
  refuseNext: string | null;
  silentUntil: number;
  lastPosAt: number;
  lastPosReal: number;
  /** Clock time the crew last moved to (driving advances from here). */
  lastDriveAt: number | undefined;
  due: { at: number; run: () => void }[];
}

/** Moving units report every this many scenario ms, idle ones every IDLE_MS; never more often than MIN_REAL_MS real. */
const MOVING_MS = 5_000;
const IDLE_MS = 120_000;
const MIN_REAL_MS = 250;

export class DrillCrews {
  private readonly client: MqttClient;
  private readonly crews = new Map<string, Crew>();
  private readonly seen = new Set<string>();
  private closures: { at: LatLon; radiusM: number }[] = [];
  /** Every order received (duplicates included). */
  readonly orders: OrderMsg[] = [];

  constructor(
    brokerUrl: string,
    private readonly ns: TopicNamespace,
    private readonly roads: RoadGraph,
    private readonly now: () => number,
    private readonly timing: CrewTiming,
    units: readonly { id: string; lat: number; lon: number }[],
  ) {
    for (const u of units)
      this.crews.set(u.id, { id: u.id, pos: { lat: u.lat, lon: u.lon }, status: 'available', orderId: null, route: [], legAt: 0, legDoneM: 0, refuseNext: null, silentUntil: 0, lastPosAt: -Infinity, lastPosReal: 0, lastDriveAt: undefined, due: [] });
    this.client = mqtt.connect(brokerUrl, { clientId: `qx-drill-crews-${process.pid}-${Date.now()}`, reconnectPeriod: 500 });
    this.client.on('message', (topic, payload) => this.message(topic, payload));
  }

  /** Connects and subscribes to the crews' orders. */
  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error): void => reject(e);
      this.client.once('error', fail);
      this.client.once('connect', () => {
        this.client.off('error', fail);
        resolve();
      });
    });
    await this.client.subscribeAsync(this.ns.wire(topics.orders('+')), { qos: 1 });
  }

  has(unitId: string): boolean {
    return this.crews.has(unitId);
  }

  /** Every crew reports in: on duty → available at its position. */
  reportIn(offDuty: readonly string[]): void {
    for (const c of this.crews.values()) this.setStatus(c, 'available');
    for (const id of offDuty) this.publish(topics.status(id), { status: 'out_of_service', ts: this.now() }, 1);
  }

  breakdown(unitId: string): void {
    const c = this.crews.get(unitId);
    if (!c) return;
    c.route = [];
    c.due = [];
    this.setStatus(c, 'out_of_service');
  }

  refuseNext(unitId: string, reason: string): void {
    const c = this.crews.get(unitId);
    if (c) c.refuseNext = reason;
  }

  silence(unitId: string, forMs: number): void {
    const c = this.crews.get(unitId);
    if (c) c.silentUntil = this.now() + forMs;
  }

  closeRoads(at: LatLon, radiusM: number): void {
    this.closures.push({ at, radiusM });
  }

  /** Advances every crew to the clock's now: timers, driving, position reports. */
  tick(): void {
    const now = this.now();
    const real = performance.now();
    for (const c of this.crews.values()) {
      const ready = c.due.filter((d) => d.at <= now);
      c.due = c.due.filter((d) => d.at > now);
      for (const d of ready) d.run();
      if (c.status === 'en_route') this.drive(c, now);
      const every = c.status === 'en_route' ? MOVING_MS : IDLE_MS;
      if (now - c.lastPosAt >= every && real - c.lastPosReal >= MIN_REAL_MS) {
        c.lastPosAt = now;
        c.lastPosReal = real;
        this.publish(topics.position(c.id), { lat: round(c.pos.lat), lon: round(c.pos.lon), ts: now, speed: c.status === 'en_route' ? this.legSpeed(c) : 0 }, 0, c);
      }
    }
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }

  private message(topic: string, payload: Buffer): void {
    const canonical = this.ns.canonical(topic);
    const t = canonical === null ? null : parseUnitTopic(canonical);
    const c = t?.kind === 'orders' ? this.crews.get(t.unitId) : undefined;
    if (!c) return;
    const r = decodePayload(orderSchema, payload, this.now());
    if (!r.ok) return;
    this.orders.push(r.value);
    if (this.silent(c)) return; // a device without signal never hears it (the console re-sends)
    const key = `${r.value.kind}:${r.value.orderId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.order(c, r.value);
  }

  private order(c: Crew, o: OrderMsg): void {
    const now = this.now();
    if (o.kind === 'cancel') {
      if (c.orderId === o.orderId) {
        c.route = [];
        c.due = [];
        c.orderId = null;
        this.setStatus(c, 'available');
      }
      return;
    }
    const refusal = c.refuseNext ?? (c.status === 'out_of_service' ? 'out of service' : null);
    const ackAt = now + this.timing.ackAfter * 1000;
    if (refusal !== null) {
      c.refuseNext = null;
      c.due.push({ at: ackAt, run: () => this.publish(topics.ack(c.id), { orderId: o.orderId, accepted: false, ts: this.now(), reason: refusal }, 1, c) });
      return;
    }
    c.due.push({
      at: ackAt,
      run: () => {
        if (!this.publish(topics.ack(c.id), { orderId: o.orderId, accepted: true, ts: this.now() }, 1, c)) return;
        c.orderId = o.orderId;
        c.due.push({ at: this.now() + Math.max(0, this.timing.rollAfter - this.timing.ackAfter) * 1000, run: () => this.roll(c, o) });
      },
    });
  }

  private roll(c: Crew, o: OrderMsg): void {
    if (c.orderId !== o.orderId || c.status === 'out_of_service') return;
    const open: EdgeOpen = (a, b) => !this.closures.some((z) => near(a, b, z.at, z.radiusM));
    c.route = drivingRoute(this.roads, c.pos, { lat: o.incident.lat, lon: o.incident.lon }, open);
    c.legAt = 0;
    c.legDoneM = 0;
    this.setStatus(c, 'en_route');
    c.lastPosAt = -Infinity;
  }

  private drive(c: Crew, now: number): void {
    let budgetS = (now - (c.lastDriveAt ?? now)) / 1000;
    c.lastDriveAt = now;
    while (budgetS > 0 && c.legAt < c.route.length) {
      const leg = c.route[c.legAt];
      const speed = leg.speedMps * this.timing.speedFactor;
      const left = leg.lengthM - c.legDoneM;
      const can = speed * budgetS;
      if (can >= left) {
        budgetS -= left / speed;
        c.legAt++;
        c.legDoneM = 0;
        c.pos = leg.to;
      } else {
        c.legDoneM += can;
        budgetS = 0;
        const f = c.legDoneM / leg.lengthM;
        c.pos = { lat: leg.from.lat + (leg.to.lat - leg.from.lat) * f, lon: leg.from.lon + (leg.to.lon - leg.from.lon) * f };
      }
    }
    if (c.legAt >= c.route.length) {
      c.route = [];
      c.lastDriveAt = undefined;
      this.setStatus(c, 'on_scene');
      c.lastPosAt = -Infinity;
      c.due.push({
        at: now + this.timing.onSceneFor * 1000,
        run: () => {
          this.setStatus(c, 'available');
          c.orderId = null;
        },
      });
    }
  }

  private legSpeed(c: Crew): number {
    const leg = c.route[c.legAt];
    return leg ? Math.round(leg.speedMps * this.timing.speedFactor * 10) / 10 : 0;
  }

  private silent(c: Crew): boolean {
    return this.now() < c.silentUntil;
  }

  private setStatus(c: Crew, status: UnitStatus): void {
    c.status = status;
    this.publish(topics.status(c.id), { status, ts: this.now(), ...(c.orderId ? { orderId: c.orderId } : {}) }, 1, c);
  }

  /** Publishes unless the crew's device has no signal; says whether it went out. */
  private publish(canonical: string, body: object, qos: 0 | 1, c?: Crew): boolean {
    if (c && this.silent(c)) return false;
    if (!this.client.connected) return false;
    this.client.publish(this.ns.wire(canonical), JSON.stringify(body), { qos });
    return true;
  }
}

/** Whether the edge a–b passes within radiusM of p (its midpoint or an end, enough at city-block scale). */
function near(a: LatLon, b: LatLon, p: LatLon, radiusM: number): boolean {
  const mid = { lat: (a.lat + b.lat) / 2, lon: (a.lon + b.lon) / 2 };
  return [a, b, mid].some((q) => distanceM(q, p) <= radiusM);
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
