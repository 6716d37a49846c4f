/**
 * The field link: one MQTT client to the broker. It keeps the connection (state visible to every
 * console), subscribes to the topics the router asks for, hands every message to the router, and
 * publishes with QoS 1. The core runs it on a worker thread (link-worker.ts, threaded-link.ts)
 * unless told not to; it is the same class on either thread.
 *
 * Connection rules:
 * - External brokers get MQTT 5 first; a broker that refuses protocol 5 (CONNACK "unacceptable /
 *   unsupported protocol version", or a close without CONNACK right after the CONNECT) gets 3.1.1
 *   from then on. The embedded Aedes speaks 3.1.1 only and gets it directly.
 * - TLS: CA, client certificate and key are read once at start (broker-config.ts; a worker thread
 *   gets them as read, in `connection`);
 *   rejectUnauthorized is always on; SNI is the URL's host name.
 * - Reconnects are ours, not mqtt.js's (it only knows a fixed period): exponential backoff with
 *   full jitter (backoff.ts), reset by a successful connect; attempt, delay and last error are in
 *   the LinkView.
 * - One stable client id (`qx-console-{consoleId}`) with a persistent session (clean: false; for
 *   MQTT 5 a session expiry), so QoS 1 messages to the console wait at the broker while it is away.
 *   Unit positions are subscribed with QoS 0 (subscriptionMap): telemetry, superseded each second.
 * - publish() resolves on PUBACK and rejects when the connection drops first: the outbox keeps the
 *   row and publishes it again after the reconnect (devices de-duplicate by orderId).
 */
import mqtt, { ReasonCodes, type IClientOptions, type MqttClient } from 'mqtt';
import type { LinkView } from '../../../shared/model.js';
import { topics } from '../../../shared/schemas/mqtt.js';
import type { Diagnostics } from '../diagnostics.js';
import { backoffDelay } from './backoff.js';
import { loadBrokerConnection, urlUser, type BrokerConnection, type BrokerSettings } from './broker-config.js';

export interface FieldLinkOptions {
  readonly url: string;
  readonly embedded: boolean;
  readonly consoleId: string;
  /** Where the link counts what the broker refused (a worker thread passes them on). */
  readonly diagnostics: Pick<Diagnostics, 'reject'>;
  readonly subscriptions: readonly string[];
  /** Every message received; must not throw. */
  readonly onMessage: (topic: string, payload: Buffer) => void;
  readonly now?: () => number;
  readonly mqtt?: Partial<IClientOptions>;
  /** External broker settings: TLS files, credentials, protocol, reconnect policy. */
  readonly broker?: BrokerSettings;
  /** Those settings already read and checked (a worker thread gets them from the thread that read them). */
  readonly connection?: BrokerConnection;
  /** Randomness of the reconnect jitter, [0, 1) (tests). */
  readonly random?: () => number;
  /** Presence topic on the wire, when not the live one (a drill console's namespace). */
  readonly presenceTopic?: string;
}

type ProtocolVersion = 4 | 5;

/** CONNACK return/reason codes that mean "not this protocol version" (3.1.1: 1, MQTT 5: 0x84). */
const PROTOCOL_REFUSED: ReadonlySet<number> = new Set([1, 0x84]);

const REASONS: Readonly<Record<number, string>> = ReasonCodes;

/** How long close() waits for the goodbye (offline presence, DISCONNECT) before dropping the socket. */
const CLOSE_GRACE_MS = 2000;

interface Attempt {
  readonly client: MqttClient;
  readonly startedAt: number;
  transportUp: boolean;
  connack: boolean;
  error: (Error & { code?: unknown }) | null;
  /** MQTT 5: the reason the broker gave in its DISCONNECT (e.g. "Server shutting down"). */
  disconnectReason: string | null;
}

interface PendingPublish {
  readonly client: MqttClient;
  readonly reject: (e: Error) => void;
}

export class FieldLink {
  private client: MqttClient | null = null;
  private view: LinkView;
  private readonly listeners = new Set<(v: LinkView) => void>();
  private readonly now: () => number;
  private readonly random: () => number;
  private conn: BrokerConnection | null = null;
  private protocol: ProtocolVersion = 5;
  private connectedWith5 = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private readonly pending = new Set<PendingPublish>();

  constructor(private readonly opts: FieldLinkOptions) {
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.view = initialLinkView(opts.url, opts.embedded, opts.broker, this.now());
  }

  get state(): LinkView {
    return this.view;
  }

  get connected(): boolean {
    return this.client?.connected === true;
  }

  onState(listener: (v: LinkView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reads the broker settings (throws BrokerConfigError on a bad or unreadable file) and starts
   * connecting; the state says when the connection is up.
   */
  start(): void {
    if (this.conn) throw new Error('field link already started');
    this.conn = this.opts.connection ?? loadBrokerConnection(this.opts.url, this.opts.embedded ? {} : (this.opts.broker ?? {}), this.now);
    this.protocol = this.opts.embedded || this.conn.protocol === '3.1.1' ? 4 : 5;
    this.open();
  }

  /** Resolves when the broker has acknowledged the message (PUBACK); rejects when the connection drops first. */
  async publish(topic: string, payload: string): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('field link not started');
    if (!client.connected) throw new Error('field link offline');
    await new Promise<void>((resolve, reject) => {
      const entry: PendingPublish = { client, reject };
      this.pending.add(entry);
      client.publish(topic, payload, { qos: 1 }, (err) => {
        if (!this.pending.delete(entry)) return; // already failed when the connection dropped
        if (!err) return resolve();
        // MQTT 5 says why (e.g. 0x87 not authorized by the broker's ACL); 3.1.1 brokers drop silently.
        if (typeof (err as Error & { code?: unknown }).code === 'number') this.opts.diagnostics.reject('broker', topic, err.message);
        reject(err);
      });
    });
  }

  setOutboxSize(n: number): void {
    if (n !== this.view.outbox) this.setState({ outbox: n });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const c = this.client;
    this.client = null;
    if (!c) return;
    if (c.connected) {
      await bounded(c.publishAsync((this.opts.presenceTopic ?? topics.consolePresence(this.opts.consoleId)), 'offline', { qos: 1, retain: true }), CLOSE_GRACE_MS).catch(() => undefined);
    }
    await endClient(c, !c.connected);
    this.failPending(c, 'field link closed');
  }

  /** One connection attempt with a fresh client (the previous one, if any, is closed and dropped). */
  private open(): void {
    const conn = this.conn;
    if (!conn || this.closing) return;
    const protocol = this.protocol;
    const presence = (this.opts.presenceTopic ?? topics.consolePresence(this.opts.consoleId));
    const options: IClientOptions = {
      clientId: `qx-console-${this.opts.consoleId}`,
      clean: false,
      protocolVersion: protocol,
      ...(protocol === 5 ? { properties: { sessionExpiryInterval: conn.sessionExpirySec } } : {}),
      keepalive: 30,
      connectTimeout: conn.connectTimeoutMs,
      will: { topic: presence, payload: Buffer.from('offline'), qos: 1, retain: true },
      ...(conn.username === undefined ? {} : { username: conn.username }),
      ...(conn.password === undefined ? {} : { password: conn.password }),
      ...(conn.secure
        ? {
            rejectUnauthorized: true,
            ...(conn.ca ? { ca: conn.ca } : {}),
            ...(conn.cert && conn.key ? { cert: conn.cert, key: conn.key } : {}),
            ...(conn.servername === undefined ? {} : { servername: conn.servername }),
          }
        : {}),
      ...this.opts.mqtt,
      // Ours, never mqtt.js's fixed-period reconnect.
      reconnectPeriod: 0,
    };
    const client = mqtt.connect(this.opts.url, options);
    const attempt: Attempt = { client, startedAt: performance.now(), transportUp: false, connack: false, error: null, disconnectReason: null };
    this.client = client;
    const transportUp = (): void => {
      attempt.transportUp = true;
    };
    client.stream.once('connect', transportUp);
    client.stream.once('secureConnect', transportUp);

    client.on('connect', () => {
      if (client !== this.client) return;
      attempt.connack = true;
      if (protocol === 5) this.connectedWith5 = true;
      this.failures = 0;
      this.setState({ status: 'connected', protocol: protocol === 5 ? '5' : '3.1.1', attempt: 0, retryInMs: undefined, retryAt: undefined, lastError: undefined });
      client.subscribe(subscriptionMap(this.opts.subscriptions), (err, granted) => {
        if (err) return this.opts.diagnostics.reject('broker', 'subscribe', err.message);
        for (const g of granted ?? []) if (g.qos >= 0x80) this.opts.diagnostics.reject('broker', g.topic, 'subscription refused by the broker (ACL?)');
      });
      client.publish(presence, 'online', { qos: 1, retain: true });
    });
    client.on('error', (err) => {
      if (client !== this.client) return;
      attempt.error = err;
      if (protocol === 5 && this.refusedProtocol(attempt)) return; // not a fault: we fall back to 3.1.1
      this.opts.diagnostics.reject('broker', this.view.broker, err.message);
    });
    client.on('close', () => {
      if (client !== this.client) return;
      this.failPending(client, 'connection to the broker lost before PUBACK');
      if (this.closing) return;
      void endClient(client, true);
      if (protocol === 5 && !attempt.connack && this.refusedProtocol(attempt)) {
        this.protocol = 4;
        this.open();
        return;
      }
      this.scheduleRetry(attempt);
    });
    client.on('disconnect', (packet) => {
      if (client !== this.client) return;
      const code = packet.reasonCode ?? 0;
      attempt.disconnectReason = `disconnected by the broker: ${REASONS[code] ?? `reason ${code}`}`;
    });
    client.on('message', (topic, payload) => {
      if (client === this.client) this.opts.onMessage(topic, payload);
    });
  }

  /**
   * Whether this MQTT 5 attempt was refused for its protocol version: a CONNACK saying so, or (from a
   * broker never reached with 5) a close right after the CONNECT, without CONNACK, error or timeout.
   */
  private refusedProtocol(a: Attempt): boolean {
    if (!this.conn || this.conn.protocol !== 'auto' || this.opts.embedded) return false;
    const code = a.error?.code;
    if (typeof code === 'number') return PROTOCOL_REFUSED.has(code);
    const timedOut = performance.now() - a.startedAt >= this.conn.connectTimeoutMs - 50;
    return a.error === null && a.transportUp && !a.connack && !timedOut && !this.connectedWith5;
  }

  private scheduleRetry(a: Attempt): void {
    const conn = this.conn;
    if (!conn) return;
    this.failures += 1;
    const delay = backoffDelay(this.failures, conn.reconnect, this.random);
    const lastError = a.error?.message ?? a.disconnectReason ?? (a.connack ? 'connection lost' : a.transportUp ? 'closed by the broker before CONNACK' : 'connection closed');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closing) return;
      this.setState({ status: 'connecting', retryInMs: undefined, retryAt: undefined });
      this.open();
    }, delay);
    this.setState({ status: 'offline', attempt: this.failures, retryInMs: delay, retryAt: this.now() + delay, lastError });
  }

  private failPending(client: MqttClient, reason: string): void {
    for (const p of this.pending) {
      if (p.client !== client) continue;
      this.pending.delete(p);
      p.reject(new Error(reason));
    }
  }

  private setState(patch: Partial<LinkView>): void {
    const since = patch.status && patch.status !== this.view.status ? this.now() : this.view.since;
    // Fields patched to undefined are dropped, not kept as undefined keys.
    this.view = Object.fromEntries(Object.entries({ ...this.view, ...patch, since }).filter(([, v]) => v !== undefined)) as unknown as LinkView;
    for (const l of this.listeners) l(this.view);
  }
}

/** What a link shows before its first connection attempt has an outcome. */
export function initialLinkView(url: string, embedded: boolean, broker: BrokerSettings | undefined, now: number): LinkView {
  const user = broker?.username ?? urlUser(url);
  return {
    status: 'connecting',
    broker: redact(url),
    embedded,
    since: now,
    outbox: 0,
    tls: /^(mqtts|ssl|tls|wss):/i.test(url),
    ...(user === undefined ? {} : { user }),
    attempt: 0,
  };
}

/** What the rest of the core uses of a field link, in this thread or in a worker (threaded-link.ts). */
export type Link = Pick<FieldLink, 'state' | 'connected' | 'onState' | 'start' | 'publish' | 'setOutboxSize' | 'close'>;

/**
 * The QoS of each subscription: 1, except unit positions, which the contract sends at QoS 0. A
 * QoS 0 subscription caps delivery at 0 whatever a device sends, so the broker neither waits for
 * our PUBACKs nor queues stale positions in the persistent session while the console is away (a
 * reconnect would replay seconds of positions before the first fresh one); statuses, acks and
 * everything else stay QoS 1 and survive a reconnect.
 */
export function subscriptionMap(topics: readonly string[]): Record<string, { qos: 0 | 1 }> {
  return Object.fromEntries(topics.map((t) => [t, { qos: t.endsWith('/position') ? 0 : 1 }]));
}

/** Ends a client: a clean DISCONNECT when it is connected (bounded), else drops the socket. */
async function endClient(c: MqttClient, force: boolean): Promise<void> {
  const done = await bounded(c.endAsync(force), CLOSE_GRACE_MS).then(
    () => true,
    () => false,
  );
  if (!done) c.stream.destroy();
}

function bounded<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** A broker URL without its password, for screens and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
