/**
 * Simulated field devices. They speak only MQTT, as real devices would: publish positions,
 * receive orders, acknowledge (or refuse) them once per orderId, then report en route → on scene
 * → available while driving towards the incident in a straight line.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { distanceM } from '../../shared/geo.js';
import type { UnitStatus } from '../../shared/model.js';
import { decodePayload, orderSchema, parseUnitTopic, topics, TOPIC_PREFIX, type OrderMsg } from '../../shared/schemas/mqtt.js';

export interface SimUnit {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

export interface SimulatorOptions {
  readonly brokerUrl: string;
  readonly units: readonly SimUnit[];
  /** How often each unit reports its position; 0 = only on change of status. */
  readonly positionIntervalMs?: number;
  readonly ackDelayMs?: number;
  /** Delays after the ack: to en route, then driving at `speedMps`, then on scene for `onSceneMs`. */
  readonly enRouteDelayMs?: number;
  readonly speedMps?: number;
  readonly onSceneMs?: number;
  /** Units that refuse orders. */
  readonly refuse?: (unitId: string) => boolean;
  /** Whether units progress beyond the ack (en route, on scene, available). Default true. */
  readonly progress?: boolean;
  readonly mqtt?: mqtt.IClientOptions;
}

export interface Simulator {
  readonly ready: Promise<void>;
  /** Every order received, duplicates included, in arrival order. */
  readonly orders: OrderMsg[];
  close(): Promise<void>;
}

interface UnitState {
  lat: number;
  lon: number;
  status: UnitStatus;
  target: { lat: number; lon: number } | null;
  orderId: string | null;
}

export function startSimulator(opts: SimulatorOptions): Simulator {
  const client: MqttClient = mqtt.connect(opts.brokerUrl, { clientId: `qx-sim-${process.pid}-${Date.now()}`, reconnectPeriod: 500, ...opts.mqtt });
  const orders: OrderMsg[] = [];
  const seen = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const state = new Map<string, UnitState>(opts.units.map((u) => [u.id, { lat: u.lat, lon: u.lon, status: 'available', target: null, orderId: null }]));
  const speed = opts.speedMps ?? 15;
  const tickMs = opts.positionIntervalMs ?? 1000;

  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const publish = (topic: string, body: object, qos: 0 | 1): void => {
    if (client.connected) client.publish(topic, JSON.stringify(body), { qos });
  };
  const sendPosition = (id: string, s: UnitState): void =>
    publish(topics.position(id), { lat: round(s.lat), lon: round(s.lon), ts: Date.now(), speed: s.target ? speed : 0 }, 0);
  const setStatus = (id: string, s: UnitState, status: UnitStatus): void => {
    s.status = status;
    publish(topics.status(id), { status, ts: Date.now(), ...(s.orderId ? { orderId: s.orderId } : {}) }, 1);
  };

  const onOrder = (unitId: string, order: OrderMsg): void => {
    orders.push(order);
    const s = state.get(unitId);
    const key = `${order.kind}:${order.orderId}`;
    if (!s || seen.has(key)) return; // devices de-duplicate by orderId and kind
    seen.add(key);
    if (order.kind === 'cancel') {
      if (s.orderId === order.orderId) {
        s.orderId = null;
        s.target = null;
        setStatus(unitId, s, 'available');
      }
      return;
    }
    const accepted = !(opts.refuse?.(unitId) ?? false);
    later(opts.ackDelayMs ?? 300, () => {
      publish(topics.ack(unitId), { orderId: order.orderId, accepted, ts: Date.now(), ...(accepted ? {} : { reason: 'unit unavailable' }) }, 1);
      if (!accepted || opts.progress === false || order.kind !== 'dispatch') return;
      s.orderId = order.orderId;
      later(opts.enRouteDelayMs ?? 1000, () => {
        s.target = { lat: order.incident.lat, lon: order.incident.lon };
        setStatus(unitId, s, 'en_route');
      });
    });
  };

  // Drive: each tick, units en route move towards their target; arrival means on scene.
  const drive = setInterval(() => {
    for (const [id, s] of state) {
      if (s.target && s.status === 'en_route') {
        const d = distanceM(s, s.target);
        const step = (speed * tickMs) / 1000;
        if (d <= step) {
          s.lat = s.target.lat;
          s.lon = s.target.lon;
          s.target = null;
          setStatus(id, s, 'on_scene');
          later(opts.onSceneMs ?? 60_000, () => {
            setStatus(id, s, 'available');
            s.orderId = null;
          });
        } else {
          s.lat += ((s.target.lat - s.lat) * step) / d;
          s.lon += ((s.target.lon - s.lon) * step) / d;
        }
      }
      if (tickMs > 0) sendPosition(id, s);
    }
  }, tickMs || 1000);

  const ready = new Promise<void>((resolve, reject) => {
    client.once('error', reject);
    client.on('connect', () => {
      client.subscribe(`${TOPIC_PREFIX}/units/+/orders`, { qos: 1 }, (err) => {
        if (err) return reject(err);
        for (const [id, s] of state) sendPosition(id, s);
        resolve();
      });
    });
  });
  client.on('message', (topic, payload) => {
    const t = parseUnitTopic(topic);
    if (t?.kind !== 'orders' || !state.has(t.unitId)) return;
    const r = decodePayload(orderSchema, payload, Date.now());
    if (r.ok) onOrder(t.unitId, r.value);
  });

  return {
    ready,
    orders,
    async close() {
      clearInterval(drive);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await client.endAsync();
    },
  };
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
