/**
 * The field link on its own thread (started by threaded-link.ts). It owns the MQTT connection
 * (FieldLink, unchanged), and takes the one message that arrives thousands of times a second off
 * the core's main thread: a unit position is received, decoded and validated here (the fast path,
 * else the schema with its reason), coalesced per unit (the newest report wins), and handed over
 * once per flush as one packed batch with its accepted count and rejections. Every other message
 * (statuses, acks, sensors, reports, alerts, OwnTracks) crosses as it came from the wire, to the
 * router on the main thread. Publishes (the outbox) come in and resolve on PUBACK as before.
 *
 * Why: mqtt.js's packet parsing, JSON decoding and validation are a third of the core's work at
 * 20,000 positions a second, and most of its short-lived garbage; here they no longer delay a
 * flush, a push or an API call, and their collections happen in this thread's heap
 * (docs/performance.md, "The field link on its own thread").
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseUnitTopic, type PositionMsg } from '../../../shared/schemas/mqtt.js';
import { topicNamespace } from '../../../shared/schemas/namespace.js';
import { decodePosition } from '../../../shared/schemas/position-fast.js';
import type { BrokerConnection } from './broker-config.js';
import { FieldLink } from './link.js';
import { packPositions, type FromWorker, type LinkWorkerInit, type Rejection, type ToWorker } from './link-thread-protocol.js';

const port = parentPort;
if (!port) throw new Error('link-worker.ts runs as a worker thread (see threaded-link.ts)');
const init = workerData as LinkWorkerInit;
const ns = topicNamespace(init.drill);
// The TLS files cross as Uint8Arrays; Node's TLS options take Buffers.
const asBuffer = (b: Uint8Array | undefined): Buffer | undefined => (b === undefined ? undefined : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const connection: BrokerConnection = { ...init.connection, ca: asBuffer(init.connection.ca), cert: asBuffer(init.connection.cert), key: asBuffer(init.connection.key) };

const post = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

let latest = new Map<string, PositionMsg>();
let accepted = 0;
let rejected: Rejection[] = [];
let timer: NodeJS.Timeout | null = null;

function flush(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (latest.size === 0 && accepted === 0 && rejected.length === 0) return;
  const { ids, values } = packPositions(latest);
  post({ t: 'positions', ids, values, accepted, rejected }, [values.buffer as ArrayBuffer]);
  latest = new Map();
  accepted = 0;
  rejected = [];
}

function position(unitId: string, canonical: string, payload: Buffer): void {
  try {
    const r = decodePosition(payload, Date.now());
    if (!r.ok) {
      rejected.push(['mqtt:position', canonical, r.reason]);
    } else {
      accepted += 1;
      const prev = latest.get(unitId);
      if (!prev || prev.ts <= r.value.ts) latest.set(unitId, r.value);
    }
  } catch (e) {
    rejected.push(['mqtt:position', canonical, `internal error: ${(e as Error).message}`]);
  }
  timer ??= setTimeout(flush, init.flushMs);
}

const link = new FieldLink({
  url: init.url,
  embedded: init.embedded,
  consoleId: init.consoleId,
  subscriptions: init.subscriptions,
  presenceTopic: init.presenceTopic,
  ...(init.broker ? { broker: init.broker } : {}),
  connection,
  diagnostics: { reject: (source, where, reason) => post({ t: 'reject', rejection: [source, where, reason] }) },
  onMessage: (topic, payload) => {
    if (topic.endsWith('/position')) {
      const canonical = ns.canonical(topic);
      const t = canonical === null ? null : parseUnitTopic(canonical);
      if (t && t.kind === 'position' && canonical !== null) return position(t.unitId, canonical, payload);
    }
    // A copy: mqtt.js's payload is a view into a larger buffer that would be cloned whole.
    const copy = new Uint8Array(payload);
    post({ t: 'message', topic, payload: copy }, [copy.buffer]);
  },
});
link.onState((view) => post({ t: 'state', view }));

port.on('message', (m: ToWorker) => {
  if (m.t === 'publish') {
    link.publish(m.topic, m.payload).then(
      () => post({ t: 'published', id: m.id }),
      (e: unknown) => post({ t: 'published', id: m.id, error: e instanceof Error ? e.message : String(e) }),
    );
  } else {
    flush();
    void link.close().finally(() => {
      post({ t: 'closed' });
      port.close();
    });
  }
});

link.start();
